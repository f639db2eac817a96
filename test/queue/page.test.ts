/** Page ids, Redis URLs, URL lists and the status line: the pure parts of tifa queue. */
import { describe, expect, it } from 'vitest';
import { parseUrlList } from '../../src/queue/add.js';
import { describeRedis, parseRedisUrl } from '../../src/queue/connection.js';
import { pageIdOfFile, pageIdOfUrl } from '../../src/queue/page.js';
import { formatCounts } from '../../src/queue/status.js';
import { parseSize } from '../../src/serve/cli.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('page ids', () => {
  it('are 40 hex digits (a valid BullMQ job id), the same for the same path and content', () => {
    const id = pageIdOfFile('site/a.html', bytes('<p>中华民族</p>'));
    expect(id).toMatch(/^[0-9a-f]{40}$/);
    expect(pageIdOfFile('site/a.html', bytes('<p>中华民族</p>'))).toBe(id);
  });

  it('differ when the content or the path differs, and between a file and a URL of the same name', () => {
    const id = pageIdOfFile('site/a.html', bytes('x'));
    expect(pageIdOfFile('site/a.html', bytes('y'))).not.toBe(id);
    expect(pageIdOfFile('site/b.html', bytes('x'))).not.toBe(id);
    expect(pageIdOfUrl('https://www.example.gov.cn/a.html')).toMatch(/^[0-9a-f]{40}$/);
    expect(pageIdOfUrl('site/a.html')).not.toBe(pageIdOfFile('site/a.html', bytes('')));
  });
});

describe('--redis URLs', () => {
  it('host, port, db, credentials and TLS; never printed with the password', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6380/2')).toEqual({ host: '127.0.0.1', port: 6380, db: 2, maxRetriesPerRequest: null });
    const secure = parseRedisUrl('rediss://worker:s%40cret@redis.internal');
    expect(secure).toEqual({ host: 'redis.internal', port: 6379, db: 0, username: 'worker', password: 's@cret', tls: {}, maxRetriesPerRequest: null });
    expect(describeRedis(secure)).toBe('redis.internal:6379/0');
    expect(describeRedis(parseRedisUrl('redis://[::1]:7000'))).toBe('[::1]:7000/0');
  });

  it('rejects what is not a redis URL, naming it', () => {
    expect(() => parseRedisUrl('localhost:6379')).toThrow('--redis must be a redis:// or rediss:// URL, not "localhost:6379"');
    expect(() => parseRedisUrl('nonsense')).toThrow('--redis must be a URL such as redis://127.0.0.1:6379, not "nonsense"');
    expect(() => parseRedisUrl('redis://h/x')).toThrow('--redis: the database "x" must be a whole number');
  });
});

describe('URL lists', () => {
  it('one http(s) URL a line; blank lines and # comments skipped; CRLF too', () => {
    expect(parseUrlList('https://a.example/1\r\n\r\n# list\n  http://b.example/2  \n')).toEqual(['https://a.example/1', 'http://b.example/2']);
  });

  it('names the line that is not a URL', () => {
    expect(() => parseUrlList('https://a.example/\nftp://b.example/\n')).toThrow('standard input, line 2: "ftp://b.example/" is not an http(s) URL');
  });
});

describe('status and sizes', () => {
  it('prints the four counts aligned, or one JSON object', () => {
    const counts = { waiting: 12040, active: 16, completed: 28993, failed: 0 };
    expect(formatCounts(counts, 'text')).toBe('waiting   12040\nactive       16\ncompleted 28993\nfailed        0\n');
    expect(JSON.parse(formatCounts(counts, 'json'))).toEqual(counts);
    expect(() => formatCounts(counts, 'yaml')).toThrow('queue status --format must be text or json, not "yaml"');
  });

  it('--max-body sizes: bytes, k, m, g', () => {
    expect(parseSize('10m', '--max-body')).toBe(10 * 1024 * 1024);
    expect(parseSize('512k', '--max-body')).toBe(512 * 1024);
    expect(parseSize('1048576', '--max-body')).toBe(1048576);
    expect(parseSize('1.5MB', '--max-body')).toBe(1.5 * 1024 * 1024);
    expect(() => parseSize('big', '--max-body')).toThrow('--max-body must be a size in bytes (e.g. 10m, 512k, 1048576), not "big"');
  });
});
