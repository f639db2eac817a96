import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSavedPages } from '../../src/integrations/crawler.js';
import { fixture, seedChecker } from '../helpers.js';

describe('checkSavedPages', () => {
  it('writes one JSON line per finding, with the URL and the encoding, over a saved site', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tifa-crawl-'));
    mkdirSync(join(root, 'www.example.gov.cn', 'news'), { recursive: true });
    cpSync(fixture('pages/notice-gb2312.html'), join(root, 'www.example.gov.cn', 'news', 'gb.html'));
    cpSync(fixture('pages/correct.html'), join(root, 'www.example.gov.cn', 'index.html'));
    writeFileSync(join(root, 'www.example.gov.cn', 'robots.txt'), '中华明族'); // not a page
    const lines: string[] = [];
    const summary = await checkSavedPages({ checker: seedChecker({ asOf: '2024-01-01' }), root, write: (l) => lines.push(l), urlFor: (p) => `https://${p}` });
    expect(summary).toEqual({ pages: 2, findings: 4, bytes: expect.any(Number), failed: 0, badBytes: 0 });
    const records = lines.map((l) => (expect(l.endsWith('\n')).toBe(true), JSON.parse(l)));
    expect(records.map((r) => [r.url, r.encoding, r.text])).toEqual([
      ['https://www.example.gov.cn/news/gb.html', 'gbk', '中华明族'],
      ['https://www.example.gov.cn/news/gb.html', 'gbk', '脱贫攻艰'],
      ['https://www.example.gov.cn/news/gb.html', 'gbk', '袓国\u00a0安全'],
      ['https://www.example.gov.cn/news/gb.html', 'gbk', '以习近平总书记为核心的党中央'],
    ]);
  });

  it('records a page it cannot read and goes on (a dangling symlink)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tifa-crawl-'));
    const { symlinkSync } = await import('node:fs');
    symlinkSync(join(root, 'gone.html'), join(root, 'a.html'));
    writeFileSync(join(root, 'b.html'), '<p>中化民族</p>');
    const lines: string[] = [];
    const summary = await checkSavedPages({ checker: seedChecker(), root, write: (l) => lines.push(l) });
    expect(summary).toMatchObject({ pages: 1, findings: 1, failed: 1 });
    expect(JSON.parse(lines[0]!)).toEqual({ url: 'a.html', file: 'a.html', error: 'ENOENT' });
    expect(JSON.parse(lines[1]!).actual).toBe('中化民族');
  });
});
