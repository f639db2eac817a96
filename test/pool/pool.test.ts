import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBytes, createChecker } from '../../src/index.js';
import { readFileSync } from 'node:fs';
import { checkFiles, PoolSetupError, type PoolFileResult, type PoolOptions } from '../../src/pool/index.js';

const fake = fileURLToPath(new URL('./fake-entry.mjs', import.meta.url));
let dir: string;
const pages: string[] = [];
const texts: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tifa-pool-'));
  const phrases = ['中华明族', '脱贫攻艰', '中华人民共合国', '会议强调，要坚持稳中求进。', '各地区各部门认真落实。'];
  for (let i = 0; i < 120; i++) {
    const text = `第${i}页\n${phrases[i % phrases.length]!.repeat(1 + (i % 7))}\n${'全省上下努力实现'.repeat(i % 13)}`;
    const file = join(dir, `page-${String(i).padStart(4, '0')}.txt`);
    writeFileSync(file, text);
    pages.push(file);
    texts.push(text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function all(files: string[], options: PoolOptions): Promise<PoolFileResult[]> {
  const out: PoolFileResult[] = [];
  for await (const r of checkFiles(files, options)) out.push(r);
  return out;
}

describe('checkFiles (worker pool)', () => {
  it('gives the findings of check, file by file, in input order, with any number of jobs', async () => {
    const checker = createChecker({ asOf: '2025-01-01' });
    const expected = texts.map((t) => checker.check(t));
    for (const jobs of [1, 3]) {
      const got = await all(pages, { jobs, checker: { asOf: '2025-01-01' }, prefetch: 3 });
      expect(got.map((r) => r.file)).toEqual(pages);
      expect(got.map((r) => r.findings)).toEqual(expected);
      expect(got.every((r) => r.error === undefined && r.text === undefined)).toBe(true);
    }
  });

  it('with mainThread, checks in the calling thread too (jobs - 1 workers): the same results, ranges and errors included', async () => {
    const checker = createChecker({ asOf: '2025-01-01' });
    const large = join(dir, 'large-main.txt');
    const whole = Array.from({ length: 3000 }, (_, i) => (i % 9 === 0 ? `第${i}行：铸牢中华明族共同体意识。` : '会议强调，要坚持稳中求进工作总基调。')).join('\n');
    writeFileSync(large, whole);
    const files = [pages[0]!, large, join(dir, 'missing.txt'), ...pages.slice(1)];
    const expected = [checker.check(texts[0]!), checker.check(whole), [], ...texts.slice(1).map((t) => checker.check(t))];
    for (const jobs of [1, 2]) {
      const got = await all(files, { jobs, mainThread: true, rangeBytes: 32 * 1024, checker: { asOf: '2025-01-01' }, prefetch: 2 });
      expect(got.map((r) => r.file)).toEqual(files);
      expect(got.map((r) => r.findings)).toEqual(expected);
      expect(got[2]!.error?.code).toBe('ENOENT');
    }
    const bad = all(pages.slice(0, 3), { jobs: 2, mainThread: true, checker: { asOf: 'yesterday' } });
    await expect(bad).rejects.toThrow(PoolSetupError);
  }, 180_000);

  it('keeps input order when files finish out of order, and returns texts on request', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, '中华明族。'.repeat(200_000)); // separate sentences: a run of touching repeats is one finding
    const files = [big, ...pages.slice(0, 10)];
    const got = await all(files, { jobs: 2, prefetch: 1, includeText: true, checker: { asOf: '2025-01-01', fuzzy: false } });
    expect(got.map((r) => r.file)).toEqual(files);
    expect(got[0]!.findings).toHaveLength(200_000);
    expect(got[1]!.text).toBe(texts[0]);
  });

  it('cuts a large text file into ranges checked by several workers: the findings of one check of the whole file', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 4000; i++) lines.push(i % 7 === 0 ? `第${i}行：坚决打赢脱贫攻艰战，铸牢中华明族共同体意识。` : i % 11 === 0 ? '中华明族'.repeat(1 + (i % 5)) : i === 2000 ? `# tifa-disable-next-line\n脱贫攻艰${'⼀'.repeat(5000)}` : '会议强调，要坚持稳中求进工作总基调，推动各项工作取得新成效。');
    const whole = lines.join('\r\n');
    const file = join(dir, 'large.txt');
    writeFileSync(file, whole);
    const checker = createChecker({ asOf: '2025-01-01' });
    const plain = await all([file, pages[0]!], { jobs: 3, rangeBytes: 64 * 1024, checker: { asOf: '2025-01-01' }, includeText: true });
    expect(plain[0]!.findings).toEqual(checker.check(whole));
    expect(plain[0]!.text).toBe(whole);
    expect(plain[1]!.findings).toEqual(checker.check(texts[0]!));
    const expected = checkBytes(checker, readFileSync(file), { kind: 'text' });
    const sourced = await all([file], { jobs: 2, rangeBytes: 64 * 1024, checker: { asOf: '2025-01-01' }, source: {} });
    expect(sourced[0]!.findings).toEqual(expected.findings);
    expect(sourced[0]!.text).toBe(expected.text);
    expect(sourced[0]!.source!.suppressed).toBe(expected.suppressed);
    expect(expected.suppressed).toBeGreaterThan(0);
  }, 180_000);

  it('reports an unreadable file and a throwing check as results, and goes on', async () => {
    const throwing = join(dir, 'throw.txt');
    writeFileSync(throwing, 'THROW');
    const files = [pages[0]!, join(dir, 'missing.txt'), throwing, pages[1]!];
    const got = await all(files, { jobs: 2, entry: fake, checker: { tag: 'x' } as never });
    expect(got.map((r) => r.file)).toEqual(files);
    expect(got[0]!.findings).toHaveLength(1);
    expect(got[1]!.error).toMatchObject({ code: 'ENOENT' });
    expect(got[1]!.error!.message).toContain('missing.txt');
    expect(got[2]!.error!.message).toContain('boom');
    expect(got[3]!.findings).toHaveLength(1);
  });

  it('reports a worker crash on the file being checked and finishes the rest on a new worker', async () => {
    const crash = join(dir, 'crash.txt');
    writeFileSync(crash, 'CRASH');
    const files = [...pages.slice(0, 5), crash, ...pages.slice(5, 20), crash, ...pages.slice(20, 30)];
    for (const jobs of [1, 2]) {
      const got = await all(files, { jobs, prefetch: 4, entry: fake, checker: { tag: 'y' } as never });
      expect(got.map((r) => r.file)).toEqual(files);
      const crashed = got.filter((r) => r.error);
      expect(crashed).toHaveLength(2);
      for (const r of crashed) {
        expect(r.file).toBe(crash);
        expect(r.error).toMatchObject({ code: 'WORKER_CRASH' });
        expect(r.error!.message).toContain('exit code 7');
      }
      expect(got.filter((r) => !r.error).every((r) => r.findings.length === 1)).toBe(true);
    }
  });

  it('fails the run when the workers cannot create a checker', async () => {
    await expect(all(pages.slice(0, 3), { jobs: 2, entry: fake, checker: { failSetup: true } as never })).rejects.toThrow(PoolSetupError);
    await expect(all(pages.slice(0, 3), { jobs: 1, checker: { builtins: false, lexicons: [{ name: 'bad.yaml', text: 'kind: nonsense' }] } })).rejects.toThrow(/bad\.yaml/);
  });

  it('with `source`, checks bytes as the CLI does (encoding, HTML by extension, directives)', async () => {
    const html = join(dir, 'page.htm');
    writeFileSync(html, '<html><head><meta charset="utf-8"></head><body><p>要铸牢中华明族共同体意识</p><!-- x --></body></html>');
    const files = [html, pages[0]!];
    const got = await all(files, { jobs: 1, checker: { asOf: '2025-01-01' }, source: {} });
    const checker = createChecker({ asOf: '2025-01-01' });
    const expected = [checkBytes(checker, readFileSync(html), { kind: 'html' }), checkBytes(checker, readFileSync(pages[0]!), { kind: 'text' })];
    expect(got.map((r) => r.findings)).toEqual(expected.map((r) => r.findings));
    expect(got.map((r) => r.text)).toEqual(expected.map((r) => r.text));
    expect(got[0]!.source).toMatchObject({ kind: 'html', encoding: expected[0]!.encoding, suppressed: 0 });
    expect(got[0]!.findings.length).toBeGreaterThan(0);
  });

  it('with `source.stopAfter`, stops checking each file at the cap and says so (--max-findings)', async () => {
    const text = join(dir, 'lookalikes.txt');
    writeFileSync(text, '⼀a'.repeat(2_000_000)); // a look-alike every second character: no run
    const page = join(dir, 'lookalikes.htm');
    writeFileSync(page, `<p>${'⼀a'.repeat(2_000_000)}</p>`);
    const got = await all([text, page, pages[0]!], { jobs: 2, checker: { asOf: '2025-01-01' }, source: { stopAfter: { count: 10, severity: 'warning' } } });
    expect(got.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
    expect(got[0]!.findings.map((f) => f.start)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(got[1]!.findings.map((f) => f.start)).toEqual([3, 5, 7, 9, 11, 13, 15, 17, 19, 21]);
    expect([got[0]!.source!.stopped, got[1]!.source!.stopped, got[2]!.source!.stopped]).toEqual([true, true, undefined]);
    expect(got[2]!.findings).toEqual(createChecker({ asOf: '2025-01-01' }).check(texts[0]!));
    await expect(all(pages, { source: { stopAfter: { count: -1 } } })).rejects.toThrow(RangeError);
  });

  it('checks markup files with checkHtml when their ending is listed', async () => {
    const page = join(dir, 'page.HTML');
    writeFileSync(page, '<p>x</p>');
    const got = await all([page, pages[0]!], { jobs: 1, entry: fake, html: ['.html'], checker: { tag: 'h' } as never });
    expect(got[0]!.findings[0]).toMatchObject({ rule: 'from-html', actual: '<p>x</p>' });
    expect(got[1]!.findings[0]).toMatchObject({ rule: 'misspelling' });
  });

  it('validates its options and handles an empty list', async () => {
    expect(await all([], {})).toEqual([]);
    await expect(all(pages, { jobs: 0 })).rejects.toThrow(RangeError);
    await expect(all(pages, { html: [''] })).rejects.toThrow(TypeError);
    await expect(all(pages, { checker: { segmenter: { cut: (t: string) => [t] } } })).rejects.toThrow(TypeError);
  });

  it('terminates its workers when the consumer stops early', async () => {
    let n = 0;
    for await (const r of checkFiles(pages, { jobs: 2, entry: fake, checker: { tag: 'z' } as never })) {
      expect(r.file).toBe(pages[n]);
      if (++n === 3) break;
    }
    expect(n).toBe(3);
  });
});
