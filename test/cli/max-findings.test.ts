import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/cli/check-file.js';
import type { Finding } from '../../src/index.js';
import { fixture, seedChecker } from '../helpers.js';
import { run, SEED } from './run.js';

describe('--max-findings stops the work (issue 11, problem 4)', () => {
  const checker = seedChecker({ asOf: '2024-01-01' });

  it('checkSource with stopAfter checks text window by window and stops at the cap', () => {
    // Four million characters, a finding every second one (no run: a look-alike, then a plain character).
    const text = '⼀a'.repeat(2_000_000);
    const windows: number[] = [];
    const counting = { check: (t: string): Finding[] => (windows.push(t.length), checker.check(t)), checkHtml: (h: string) => checker.checkHtml(h) };
    const r = checkSource(counting, text, { kind: 'text', stopAfter: { count: 10, keep: () => true } });
    expect(r.findings.map((f) => f.start)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(r.stopped).toBe(true);
    expect(windows).toHaveLength(1); // one small window, not the whole text
    expect(windows[0]!).toBeLessThan(text.length / 10);
  });

  it('the findings before the cap are those a full check reports first, directives and filters applied', () => {
    const text = `${'中华明族，'.repeat(30)}\ntifa-disable-next-line\n${'⼀a中华明族，'.repeat(30)}`;
    const all = checkSource(checker, text, { kind: 'text' });
    const keep = (f: Finding): boolean => f.rule === 'lookalike-char';
    const capped = checkSource(checker, text, { kind: 'text', stopAfter: { count: 5, keep } });
    expect(capped.findings.filter(keep)).toEqual(all.findings.filter(keep).slice(0, 5));
    expect(capped.findings).toEqual(all.findings.slice(0, capped.findings.length));
  });

  it('the CLI reports the first N findings of a large input and says it stopped', async () => {
    const r = await run(['check', ...SEED, '-f', 'jsonl', '--max-findings', '10', '-'], { stdin: '⼀a'.repeat(2_000_000) });
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Finding);
    expect(lines.map((f) => f.start)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(r.stderr).toContain('stopped after 10 findings (--max-findings)');
  });
});

describe('--max-findings with --jobs', () => {
  it('the pool stops each file at the cap and the run at the first file that reaches it; files not checked are no errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-max-jobs-'));
    try {
      writeFileSync(join(dir, 'a.txt'), '中华明族\n');
      writeFileSync(join(dir, 'b.txt'), '⼀a'.repeat(2_000_000));
      writeFileSync(join(dir, 'c.html'), `<p>${'⼀a'.repeat(2_000_000)}</p>`);
      writeFileSync(join(dir, 'd.txt'), '中华明族\n');
      const r = await run(['check', ...SEED, '-f', 'jsonl', '--jobs', '2', '--max-findings', '10', 'a.txt', 'b.txt', 'c.html', 'd.txt'], { cwd: dir });
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Finding & { file: string });
      expect(lines.map((f) => [f.file, f.start])).toEqual([['a.txt', 0], ...[0, 2, 4, 6, 8, 10, 12, 14, 16].map((start) => ['b.txt', start])]);
      expect(r.stderr).toBe('tifa: stopped after 10 findings (--max-findings)\n');
      expect(r.code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('--max-findings stops the work on HTML too', () => {
  const checker = seedChecker({ asOf: '2024-01-01' });

  it('checkSource with stopAfter on a page: the first findings of a full check, directives and filters applied', () => {
    const html = `<p>${'中华明族，'.repeat(30)}</p><!-- tifa-disable-next-line -->\n<p>${'⼀a中华明族，'.repeat(3)}</p>\n<p>${'⼀a中华明族，'.repeat(30)}</p>`;
    const all = checkSource(checker, html, { kind: 'html' });
    const keep = (f: Finding): boolean => f.rule === 'lookalike-char';
    const capped = checkSource(checker, html, { kind: 'html', stopAfter: { count: 5, keep } });
    expect(capped.stopped).toBe(true);
    expect(capped.suppressed).toBe(6);
    expect(capped.findings.filter(keep)).toEqual(all.findings.filter(keep).slice(0, 5));
    expect(capped.findings).toEqual(all.findings.slice(0, capped.findings.length));
    expect(checkSource(checker, html, { kind: 'html', stopAfter: { count: 1000, keep } })).toEqual(all);
  });

  it('counts in reading order: the page text before the visible attributes', () => {
    const html = `<p title="${'袓国安全，'.repeat(10)}">${'中华明族，'.repeat(10)}</p>`;
    const all = checkSource(checker, html, { kind: 'html' });
    const capped = checkSource(checker, html, { kind: 'html', stopAfter: { count: 3, keep: () => true } });
    expect(capped.findings.map((f) => f.actual)).toEqual(['中华明族', '中华明族', '中华明族']);
    expect(capped.findings).toEqual(all.findings.filter((f) => f.actual === '中华明族').slice(0, 3));
  });

  it('the CLI stops at the cap on a large page from stdin', async () => {
    const r = await run(['check', ...SEED, '-f', 'jsonl', '--max-findings', '10', '-'], { stdin: `<p>${'⼀a'.repeat(2_000_000)}</p>` });
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Finding);
    expect(lines.map((f) => f.start)).toEqual([3, 5, 7, 9, 11, 13, 15, 17, 19, 21]);
    expect(r.stderr).toContain('stopped after 10 findings (--max-findings)');
  });

  // Before: the whole page was checked and every finding held before the cap was applied (a 20 MB
  // attribute of 中华明族，: 45 s and 1.76 GB peak with the built-in lexicons; now about 3 s and 0.23 GB).
  it('a 20 MB attribute full of errors with --max-findings 10: ten findings, memory bounded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-max-findings-'));
    try {
      const page = join(dir, 'page.html');
      writeFileSync(page, `<!doctype html><p title="${'中华明族，'.repeat(1_400_000)}">正文</p>`);
      const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
      const r = spawnSync(process.execPath, ['--import', tsx, fixture('../cli/peak-rss.ts'), 'check', ...SEED, '-f', 'jsonl', '--max-findings', '10', page], { cwd: fixture('.'), encoding: 'utf8', maxBuffer: 1 << 24 });
      expect(r.status).toBe(1);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Finding);
      expect(lines.map((f) => [f.actual, f.start])).toEqual(Array.from({ length: 10 }, (_, i) => ['中华明族', 25 + 5 * i]));
      expect(r.stderr).toContain('stopped after 10 findings (--max-findings)');
      const rss = Number(/peak-rss (\d+)/.exec(r.stderr)?.[1]);
      console.log(`20 MB page, --max-findings 10: peak RSS ${(rss / 2 ** 20).toFixed(0)} MiB`);
      expect(rss).toBeLessThan(1.5 * 2 ** 30);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
