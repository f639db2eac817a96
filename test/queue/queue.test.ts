/**
 * tifa queue against a real redis-server: add (idempotent by page id), work, status, results equal
 * to `tifa check --format jsonl` with the page id added, URL lists fetched from a loopback server,
 * failed pages retried with back-off and then kept with their error.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGbk } from '../encoding/gbk-encoder.js';
import { run, SEED } from '../cli/run.js';
import { startRedis, type TestRedis } from './redis.js';
import { queue } from './run.js';

let redis: TestRedis;
let dir: string;
beforeAll(async () => {
  redis = await startRedis();
  dir = mkdtempSync(join(tmpdir(), 'tifa-queue-'));
  mkdirSync(join(dir, 'pages'));
  writeFileSync(join(dir, 'pages', 'a.html'), '<html><body><p>实现中华明族伟大复兴</p><p>打赢脱贫攻艰战</p></body></html>');
  writeFileSync(join(dir, 'pages', 'b.txt'), '维护袓国安全。\n中华民族');
  writeFileSync(join(dir, 'pages', 'gbk.html'), encodeGbk('<meta charset="gbk"><p>中华明族</p>'));
  writeFileSync(join(dir, 'pages', 'clean.txt'), '今天天气很好。');
});
afterAll(async () => {
  await redis?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const WORK = ['--jobs', '1', '--exit-when-empty', '--lock-ms', '2000', '--stalled-ms', '500', '--no-config', ...SEED];

describe('tifa queue', () => {
  it('add, status, work, results: the results are tifa check --format jsonl plus the page id', async () => {
    const r = ['--redis', redis.url, '--queue', 'basic'];
    const added = await queue(['add', ...r, 'pages'], { cwd: dir });
    expect(added).toEqual({ code: 0, stdout: 'tifa: queued 4 pages on basic (0 already queued or checked)\n', stderr: '' });
    // Idempotent: the same pages again queue nothing.
    expect((await queue(['add', ...r, 'pages', 'pages/a.html'], { cwd: dir })).stdout).toBe('tifa: queued 0 pages on basic (4 already queued or checked)\n'); // a page named twice is one page
    expect(JSON.parse((await queue(['status', ...r, '--format', 'json'], { cwd: dir })).stdout)).toEqual({ waiting: 4, active: 0, completed: 0, failed: 0 });

    const worked = await queue(['work', ...r, ...WORK], { cwd: dir });
    expect(worked.code).toBe(0);
    expect(worked.stdout).toBe('tifa: worker stopped: 4 pages checked, 0 failed attempts\n');
    expect(worked.stderr).toMatch(/^tifa: working on queue basic at redis 127\.0\.0\.1:\d+\/0 with 1 thread\n$/);

    const status = await queue(['status', ...r], { cwd: dir });
    expect(status.stdout).toBe('waiting   0\nactive    0\ncompleted 4\nfailed    0\n');
    expect(JSON.parse((await queue(['status', ...r, '--format', 'json'], { cwd: dir })).stdout)).toEqual({ waiting: 0, active: 0, completed: 4, failed: 0 });

    const results = await queue(['results', ...r], { cwd: dir });
    expect(results.code).toBe(1); // error findings, as tifa check
    const check = await run(['check', '--format', 'jsonl', '--no-config', ...SEED, 'pages'], { cwd: dir });
    expect(check.stdout.split('\n').length).toBeGreaterThan(4);
    const lines = results.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const l of lines) expect(l.pageId).toMatch(/^[0-9a-f]{40}$/);
    expect(lines.map(({ pageId: _, ...rest }) => JSON.stringify(rest)).join('\n') + '\n').toBe(check.stdout);

    const json = JSON.parse((await queue(['results', ...r, '--format', 'json'], { cwd: dir })).stdout) as Array<{ file: string; encoding: string; findings: unknown[] }>;
    expect(json.map((p) => p.file)).toEqual(['pages/a.html', 'pages/b.txt', 'pages/clean.txt', 'pages/gbk.html']);
    expect(json[3]!.encoding).toBe('gbk');
    const sarif = JSON.parse((await queue(['results', ...r, '--format', 'sarif'], { cwd: dir })).stdout) as { runs: Array<{ results: unknown[] }> };
    expect(sarif.runs[0]!.results.length).toBe(lines.length);

    // Checked pages are not queued again; an edited page is a new page.
    expect((await queue(['add', ...r, 'pages'], { cwd: dir })).stdout).toBe('tifa: queued 0 pages on basic (4 already queued or checked)\n');
    writeFileSync(join(dir, 'pages', 'clean.txt'), '今天天气很好，中华明族。');
    expect((await queue(['add', ...r, 'pages'], { cwd: dir })).stdout).toBe('tifa: queued 1 page on basic (3 already queued or checked)\n');
    writeFileSync(join(dir, 'pages', 'clean.txt'), '今天天气很好。');
  });

  it('a URL list on standard input: workers fetch the pages (charset from Content-Type); failures are retried, then kept with their error', async () => {
    let failures = 0;
    const server: Server = createServer((req, res) => {
      if (req.url === '/gbk') {
        res.writeHead(200, { 'content-type': 'text/html; charset=gbk' });
        res.end(encodeGbk('<p>打赢脱贫攻艰战，中华明族</p>'));
      } else {
        failures++;
        res.writeHead(500).end('down');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const r = ['--redis', redis.url, '--queue', 'urls'];
      const added = await queue(['add', ...r, '--attempts', '2', '--backoff-ms', '50', '-'], { cwd: dir, stdin: `${base}/gbk\n\n# a comment\n${base}/down\n` });
      expect(added.stdout).toBe('tifa: queued 2 pages on urls (0 already queued or checked)\n');
      const worked = await queue(['work', ...r, ...WORK], { cwd: dir });
      expect(worked.stdout).toBe('tifa: worker stopped: 1 page checked, 2 failed attempts\n');
      expect(worked.stderr).toContain(`tifa: ${base}/down: attempt 1 of 2 failed: HTTP 500 from ${base}/down\n`);
      expect(failures).toBe(2);
      expect(JSON.parse((await queue(['status', ...r, '--format', 'json'], { cwd: dir })).stdout)).toEqual({ waiting: 0, active: 0, completed: 1, failed: 1 });
      const results = await queue(['results', ...r], { cwd: dir });
      expect(results.code).toBe(2);
      expect(results.stderr).toMatch(new RegExp(`^tifa: ${base}/down \\(page [0-9a-f]{40}\\) failed after 2 attempts: HTTP 500 from ${base}/down\\n$`));
      const lines = results.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { file: string; actual: string });
      expect(lines.map((l) => [l.file, l.actual])).toEqual([
        [`${base}/gbk`, '脱贫攻艰'],
        [`${base}/gbk`, '中华明族'],
      ]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('clear errors: no --redis, a bad URL, an unreachable server, a bad URL list, an unknown command', async () => {
    expect(await queue(['status'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'tifa: queue status needs --redis URL (e.g. redis://127.0.0.1:6379) or TIFA_REDIS_URL\n' });
    expect(await queue(['status', '--redis', 'http://x'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'tifa: --redis must be a redis:// or rediss:// URL, not "http://x"\n' });
    const down = await queue(['status', '--redis', 'redis://127.0.0.1:1'], { cwd: dir });
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/^tifa: cannot connect to redis at 127\.0\.0\.1:1\/0: /);
    const list = await queue(['add', '--redis', redis.url, '-'], { cwd: dir, stdin: 'http://ok.example/\nnot a url\n' });
    expect(list).toMatchObject({ code: 2, stderr: 'tifa: standard input, line 2: "not a url" is not an http(s) URL (queue add - reads a URL list)\n' });
    expect((await queue(['frobnicate', '--redis', redis.url], { cwd: dir })).stderr).toBe('tifa: unknown queue command "frobnicate" (add, work, status, results)\n');
    expect((await queue(['status', '--redis', redis.url, '--jobs', '2'], { cwd: dir })).stderr).toBe('tifa: queue status does not take --jobs\n');
    expect((await queue(['add', '--redis', redis.url, 'missing.html'], { cwd: dir })).stderr).toMatch(/^tifa: missing\.html: cannot read: ENOENT/);
  });
});
