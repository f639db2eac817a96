/**
 * startup: import + createChecker, the first check of a ~2 KB article and the peak RSS of the
 * default checker, each in a fresh plain-node process on the bundle (median of several), against
 * issue 14's targets; what the first check's lazy parts cost; a CPU profile of createChecker.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUNDLE_DIR } from '../lib/bundle.js';
import { readCorpusSlice } from '../lib/corpus.js';
import { profileScript, profileTables } from '../lib/profile.js';
import type { BenchContext, Section } from '../lib/section.js';
import { fmt, int, summarize, table } from '../lib/stats.js';

/** argv: bundle URL, article file, segmenter. Prints one JSON line. */
export const STARTUP_SCRIPT = String.raw`
const fs = await import('node:fs');
const hwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
const rss = () => process.memoryUsage().rss / 1048576;
const article = fs.readFileSync(process.argv[2], 'utf8');
const rssStart = rss();
const cpu = (from) => { const c = process.cpuUsage(from); return (c.user + c.system) / 1000; };
const c0 = process.cpuUsage();
const t0 = performance.now();
const m = await import(process.argv[1]);
const t1 = performance.now();
const rssImport = rss();
const c = m.createChecker(process.argv[3] && process.argv[3] !== 'jieba' ? { segmenter: process.argv[3] } : {});
const t2 = performance.now();
const readyCpuMs = cpu(c0);
const rssCreate = rss();
const c2 = process.cpuUsage();
const f = c.check(article);
const t3 = performance.now();
const firstCheckCpuMs = cpu(c2);
const rssCheck = rss();
const peakArticle = hwm();
const f2 = c.check('各地区各部门要铸牢中华民组共同体意识，推进脱贫攻艰。');
const t4 = performance.now();
const rssMb = hwm();
// The segmenter must really be in use: its real-word guard drops candidates that 'none' keeps.
const guarded = '新时代是中华民族大发展大作为的时代，推进城乡融合发展，塑造优美自然生态环境，坚持创新、协调、绿色、开放、共享的发展理念。';
if (!(c.check(guarded).length < m.createChecker({ segmenter: 'none' }).check(guarded).length)) throw new Error('the segmenter is not in use (the real-word guard dropped nothing)');
process.stdout.write(JSON.stringify({ importMs: t1 - t0, createMs: t2 - t1, firstCheckMs: t3 - t2, secondCheckMs: t4 - t3, findings: f.length + f2.length, readyCpuMs, firstCheckCpuMs, peakArticle, rssMb, rssStart, rssImport, rssCreate, rssCheck }) + '\n');
`;

export interface Startup {
  importMs: number;
  createMs: number;
  firstCheckMs: number;
  secondCheckMs: number;
  findings: number;
  /** CPU time of import + createChecker, and of the first check (all threads of the process). */
  readyCpuMs: number;
  firstCheckCpuMs: number;
  /** Peak RSS (VmHWM) right after the article's check. */
  peakArticle: number;
  /** Peak RSS after a second check with misspellings (the segmenter loaded for sure). */
  rssMb: number;
  wallMs: number;
  rssStart: number;
  rssImport: number;
  rssCreate: number;
  rssCheck: number;
}

const med = (xs: number[]): number => summarize(xs).median;

/** A corpus document of about 2 KB (UTF-8) with one misspelling put in its middle, written to a file. */
export function articleFile(dir: string): { file: string; bytes: number } {
  const lines = readCorpusSlice(1e6)!.lines;
  const doc = lines.find((l) => Buffer.byteLength(l) >= 1900 && Buffer.byteLength(l) <= 2300) ?? lines[0]!;
  const at = Math.max(0, doc.indexOf('，', doc.length >> 1) + 1);
  const text = `${doc.slice(0, at)}铸牢中华民组共同体意识，${doc.slice(at)}`;
  const file = join(dir, 'article.txt');
  writeFileSync(file, text);
  return { file, bytes: Buffer.byteLength(text) };
}

export function startupRuns(bundlePath: string, article: string, segmenter: string, n: number): Startup[] {
  const runs: Startup[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', STARTUP_SCRIPT, pathToFileURL(bundlePath).href, article, segmenter], { encoding: 'utf8' });
    const wallMs = performance.now() - t0;
    runs.push({ ...(JSON.parse(stdout.trim()) as Omit<Startup, 'wallMs'>), wallMs });
  }
  return runs;
}

/**
 * What the first check's lazy work costs: the scan context (no segmenter), then the default
 * segmenter (@node-rs/jieba given the words of each window from frequency.bin: a default checker's
 * first check of the same text), then @node-rs/jieba loading its whole dictionary, for comparison
 * (what the default segmenter did before it was fed on demand).
 */
const FIRST_CHECK_SCRIPT = String.raw`
const { createRequire } = await import('node:module');
const fs = await import('node:fs');
const rss = () => process.memoryUsage().rss / 1048576;
const m = await import(process.argv[1]);
const c = m.createChecker({ segmenter: 'none' });
const r0 = rss();
let t = performance.now();
c.check('各地区各部门要铸牢中华民组共同体意识');
const contextMs = performance.now() - t;
const r1 = rss();
const d = m.createChecker();
t = performance.now();
d.check('各地区各部门要铸牢中华民组共同体意识');
const fedMs = performance.now() - t;
const rFed = rss();
const require = createRequire(process.argv[1]);
t = performance.now();
const whole = require('@node-rs/jieba').Jieba.withDict(fs.readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
whole.cut('中华民族伟大复兴', false);
const wholeMs = performance.now() - t;
const r2 = rss();
process.stdout.write(JSON.stringify({ contextMs, contextMb: r1 - r0, fedMs, fedMb: rFed - r1, wholeMs, wholeMb: r2 - rFed }));
`;

function firstCheckBreakdown(bundlePath: string): string {
  try {
    const runs = [0, 1, 2, 3, 4].map(() => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', FIRST_CHECK_SCRIPT, pathToFileURL(bundlePath).href], { encoding: 'utf8' })) as Record<string, number>);
    const p = (k: string): number => med(runs.map((r) => r[k]!));
    return `Memory and time per component (fresh process each, median of 5): the scan context of a checker with \`segmenter: 'none'\` (built on its first check) ${fmt(p('contextMs'))} ms and +${int(p('contextMb'))} MB RSS; then a default checker's first check of the same text (what the default segmenter adds: @node-rs/jieba given the window's words from frequency.bin) ${fmt(p('fedMs'))} ms and +${int(p('fedMb'))} MB; for comparison, @node-rs/jieba loading its whole dictionary and cutting once (the default before it was fed on demand) ${fmt(p('wholeMs'))} ms and +${int(p('wholeMb'))} MB.`;
  } catch (error) {
    return `Memory per component: not measured (${(error as Error).message.split('\n')[0]}).`;
  }
}

/** Cost of importing each external package the bundle imports at its top level. */
function importCosts(bundlePath: string): string {
  const src = readFileSync(bundlePath, 'utf8');
  const pkgs = [...new Set([...src.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!).filter((p) => !p.startsWith('node:')))];
  const time = (spec: string): number => {
    const xs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const o = execFileSync(process.execPath, ['--input-type=module', '-e', `const t = performance.now(); await import(${JSON.stringify(spec)}); process.stdout.write(String(performance.now() - t));`], { encoding: 'utf8', cwd: BUNDLE_DIR });
      xs.push(Number(o));
    }
    return med(xs);
  };
  return [`node:fs ${fmt(time('node:fs'))} ms`, ...pkgs.map((p) => `${p} ${fmt(time(p))} ms`)].join(', ');
}

function targetTable(ctx: BenchContext, runs: Startup[], articleBytes: number): string {
  const pick = (k: keyof Startup): number => med(runs.map((r) => r[k]));
  const ready = pick('importMs') + pick('createMs');
  const rows: Array<[string, string, string, boolean]> = [
    ['import tifa + createChecker() with defaults', `${fmt(ready)} ms (import ${fmt(pick('importMs'))} + create ${fmt(pick('createMs'))}; CPU ${fmt(pick('readyCpuMs'))})`, '≤ 150 ms', ready <= 150],
    [`first check: a ${fmt(articleBytes / 1000, 1)} KB article of the corpus with one misspelling`, `${fmt(pick('firstCheckMs'))} ms (CPU ${fmt(pick('firstCheckCpuMs'))})`, '≤ 200 ms', pick('firstCheckMs') <= 200],
    ['peak RSS of the default checker after the article and a check with misspellings', `${fmt(pick('rssMb'))} MB (after the article alone: ${fmt(pick('peakArticle'))})`, '≤ 150 MB', pick('rssMb') <= 150],
  ];
  for (const [m, now, target, met] of rows) ctx.target({ measure: `default checker: ${m}`, now, target, met });
  return table(
    ['measure', 'median', 'target', ''],
    [
      ...rows.map(([m, now, target, met]) => [m, `**${now}**`, target, met ? 'met' : 'not yet']),
      ['a second small check', `${fmt(pick('secondCheckMs'), 2)} ms`, '', ''],
      ['whole process: node start + all of the above + exit', `${fmt(pick('wallMs'))} ms`, '', ''],
      ['RSS: node alone / after import / after createChecker / after the first check', `${int(pick('rssStart'))} / ${int(pick('rssImport'))} / ${int(pick('rssCreate'))} / ${int(pick('rssCheck'))} MB`, '', ''],
    ],
    'lrll',
  );
}

async function startup(ctx: BenchContext): Promise<void> {
  const bundlePath = await ctx.bundle();
  const dir = mkdtempSync(join(tmpdir(), 'tifa-bench-startup-'));
  try {
    const article = articleFile(dir);
    const runs = startupRuns(bundlePath, article.file, 'jieba', ctx.quick ? 5 : 9);
    if (runs.some((r) => r.findings === 0)) throw new Error('startup check found nothing');
    const profile = profileScript(STARTUP_SCRIPT, [pathToFileURL(bundlePath).href, article.file, 'jieba'], 'createChecker');
    ctx.emit(`### Start-up and memory of the default checker (a fresh process each, median of ${runs.length}; the bundle is src/index.ts built as \`npm run build\` does)

${targetTable(ctx, runs, article.bytes)}

${firstCheckBreakdown(bundlePath)}

Top-level imports of the bundle, each alone in a fresh process (median of 3; \`node:fs\` as the baseline): ${importCosts(bundlePath)}.

Profile of createChecker() alone (one fresh process, 0.1 ms sampling; ${fmt(profile.work / 1000)} ms sampled):

${profileTables(profile, 10)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const startupSection: Section = {
  name: 'startup',
  about: 'import + create, first check of a ~2 KB article, peak RSS of the default checker (fresh processes), against the targets',
  run: startup,
};
