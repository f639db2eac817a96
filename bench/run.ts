/**
 * tifa benchmarks: `npm run bench [-- section...] [--quick]` (not part of `npm test`).
 *
 * Sections: peers stages lexicon input startup segmenters pool profile (default: all).
 * Results go to bench/results.md (or bench/$TIFA_BENCH_OUT). `--quick` skips the 1 GB stream and uses a 10 MB slice for the peer table.
 * Reads the corpus from ../shared/corpus (see bench/lib/corpus.ts); prints markdown tables and
 * writes them to bench/results.md. Every engine's match count is checked against our reference
 * automaton (itself checked against indexOf on a sample), so a fast wrong engine fails the run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, createReadStream, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGunzip } from 'node:zlib';
import { corpusFiles, loadCorpus, ROOT, CORPUS_DIR, type Corpus } from './lib/corpus.js';
import { MinimalAutomaton, naiveCount } from './lib/minimal-ac.js';
import { PEERS } from './lib/peers.js';
import { fmt, int, machine, mbps, measure, peakRssMb, summarize, table, waitForIdle } from './lib/stats.js';
import { createChecker, createJiebaSegmenter, createNodejiebaSegmenter, type Segmenter } from '../src/index.js';
import { checkFiles } from '../src/pool/index.js';
import { buildAutomaton } from '../src/match/automaton.js';
import { buildAnchorFilters, buildMatchModel } from '../src/match/model.js';
import { EDGE_OMISSION_LENGTH } from '../src/fuzzy/index.js';
import { scan, type ScanContext } from '../src/match/scan.js';
import { createConfusion } from '../src/confusion/index.js';
import { loadBuiltinData } from '../src/data/builtin.js';

const argv = process.argv.slice(2);
const SECTIONS = ['peers', 'stages', 'lexicon', 'input', 'startup', 'segmenters', 'pool', 'profile'];
/** Markdown per section of this run; merged into bench/results.md (other sections' blocks are kept). */
const out = new Map<string, string[]>();
let currentSection = 'header';
let stamp = '';
const emit = (s: string): void => {
  const list = out.get(currentSection) ?? [];
  list.push(s);
  out.set(currentSection, list);
  process.stdout.write(`${s}\n\n`);
};

/** Replaces the blocks of the sections run now in `previous`, keeping the others, in SECTIONS order. */
function mergeResults(previous: string): string {
  const blocks = new Map<string, string>();
  for (const m of previous.matchAll(/<!-- tifa-bench:(\w+) -->\n([\s\S]*?)\n<!-- \/tifa-bench:\1 -->/g)) blocks.set(m[1]!, m[2]!);
  for (const [name, parts] of out) blocks.set(name, name === 'header' ? parts.join('\n\n') : `${parts.join('\n\n')}\n\n<sub>${stamp}</sub>`);
  return `${['header', ...SECTIONS].filter((n) => blocks.has(n)).map((n) => `<!-- tifa-bench:${n} -->\n${blocks.get(n)}\n<!-- /tifa-bench:${n} -->`).join('\n\n')}\n`;
}
const BUNDLE_DIR = join(ROOT, 'node_modules', '.cache', 'tifa-bench');
const BUNDLE = join(BUNDLE_DIR, 'index.js');

/** Runs this file in a fresh process (tsx) for one measurement; returns the JSON it prints last. */
function child<T>(name: string, ...args: string[]): T {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'run.ts'), '--child', name, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, cwd: ROOT });
  if (r.status !== 0) throw new Error(`bench child ${name} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

/** Bundles src/index.ts as the build does (esbuild, ESM, packages external) next to a copy of dist/data. */
async function bundle(): Promise<string> {
  const esbuild = await import('esbuild');
  mkdirSync(BUNDLE_DIR, { recursive: true });
  await esbuild.build({
    entryPoints: [join(ROOT, 'src/index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    outfile: BUNDLE,
    define: { __TIFA_VERSION__: '"bench"' },
    logLevel: 'error',
    // Without a real \`require\` in scope, esbuild's __require shim makes src/util/require.ts's
    // lazyRequire throw ("Dynamic require of @node-rs/jieba is not supported") in an ESM bundle, and
    // the real-word guard silently turns off. The bench bundle provides one (see the report).
    banner: { js: "import { createRequire as __tifaCreateRequire } from 'node:module'; const require = __tifaCreateRequire(import.meta.url);" },
  });
  cpSync(join(ROOT, 'dist', 'data'), join(BUNDLE_DIR, 'data'), { recursive: true });
  return BUNDLE;
}

/** Every text the built-in lexicon lists: phrases, variants, wrong and right words, replacements. */
function phraseList(): string[] {
  const c = createChecker();
  return [...new Set(c.entries.flatMap((e) => [e.text, ...e.variants, ...e.replacement]).filter((p) => p.length > 0))];
}

const sumLines = (lines: readonly string[], f: (l: string) => number): number => {
  let n = 0;
  for (let i = 0; i < lines.length; i++) n += f(lines[i]!);
  return n;
};

// ---------------------------------------------------------------------------------------------
// peers: tifa vs exact-only scans by every npm peer, the minimal typed-array automaton, the floor

function tifaExactCounter(phrases: readonly string[]): (text: string) => number {
  const a = buildAutomaton(phrases);
  const { classOf, step, emits, outStart, outLink } = a;
  return (text) => {
    let state = 0;
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const x = classOf[text.charCodeAt(i)]!;
      if (x === 0) {
        state = 0;
        continue;
      }
      state = step(state, x);
      if (emits[state] === 0) continue;
      for (let s = state; s >= 0; s = outLink[s]!) n += outStart[s + 1]! - outStart[s]!;
    }
    return n;
  };
}

function peers(corpus: Corpus): void {
  const phrases = phraseList();
  const bytes = corpus.utf8Bytes;
  const ref = new MinimalAutomaton(phrases);
  // The reference itself, against indexOf on the first 2,000 documents.
  const sample = corpus.lines.slice(0, 2000);
  const naive = sumLines(sample, (l) => naiveCount(l, phrases));
  const refSample = sumLines(sample, (l) => ref.countMatches(l));
  if (naive !== refSample) throw new Error(`reference automaton disagrees with indexOf on the sample: ${refSample} vs ${naive}`);
  const expected = { overlapping: sumLines(corpus.lines, (l) => ref.countMatches(l)), 'own-ends': sumLines(corpus.lines, (l) => ref.countOwnEnds(l)) };

  interface Row {
    name: string;
    ms: number;
    build: number;
    count: number;
    verdict: string;
    peer: boolean;
    runs: number;
  }
  const rows: Row[] = [];
  const run = (name: string, build: () => (t: string) => number, verdict: (n: number) => string, peer: boolean): void => {
    const t0 = performance.now();
    const f = build();
    const buildMs = performance.now() - t0;
    const m = measure(() => sumLines(corpus.lines, f), { runs: 5 });
    const v = verdict(m.value);
    if (v.startsWith('WRONG')) throw new Error(`${name}: ${v}`);
    rows.push({ name, ms: m.median, build: buildMs, count: m.value, verdict: v, peer, runs: m.runs });
    process.stderr.write(`  ${name}: ${fmt(mbps(bytes, m.median))} MB/s\n`);
  };
  const same = (kind: 'overlapping' | 'own-ends', why?: string) => (n: number): string =>
    n === expected[kind] ? (kind === 'overlapping' ? '= reference' : `= reference without output links (${why})`) : `WRONG: ${n} matches, expected ${expected[kind]} (${kind})`;

  run('floor: charCodeAt loop', () => (t) => {
    let h = 0;
    for (let i = 0; i < t.length; i++) h = (h + t.charCodeAt(i)) | 0;
    return h === 0x7fffffff ? 1 : 0;
  }, () => 'reads every code unit', false);
  run('minimal typed-array automaton (bench/lib/minimal-ac.ts)', () => (t) => ref.countMatches(t), same('overlapping'), false);
  run('tifa automaton, exact patterns only (src/match/automaton.ts)', () => tifaExactCounter(phrases), same('overlapping'), false);
  for (const p of PEERS) run(p.name, () => p.build(phrases), same(p.expect, p.reason), true);
  let first: number | undefined;
  run('**tifa check, full pipeline** (default lexicons, fuzzy, segmenter)', () => {
    const checker = createChecker();
    return (t) => checker.check(t).length;
  }, (n) => {
    first ??= n;
    return n === first && n > 0 ? `${int(n)} findings (stable)` : `WRONG: ${n} findings`;
  }, false);
  run('tifa check, listed forms only (fuzzy: false)', () => {
    const exactOnly = createChecker({ fuzzy: false });
    return (t) => exactOnly.check(t).length;
  }, (n) => `${int(n)} findings`, false);

  const floor = rows[0]!.ms;
  const fastestPeer = Math.min(...rows.filter((r) => r.peer).map((r) => r.ms));
  const fastestName = rows.find((r) => r.ms === fastestPeer)!.name;
  emit(`### tifa vs npm Aho-Corasick peers (exact matching), corpus ${fmt(bytes / 1e6)} MB UTF-8 / ${fmt(corpus.units / 1e6, 2)} M UTF-16 units, ${int(corpus.lines.length)} documents, ${int(phrases.length)} phrases

Each engine scans every document (one call per document); median of 5 runs after a warm-up (3 when a run takes over 4 s, 1 when the warm-up took over 10 s). Build ms: constructing the engine (for tifa: createChecker).
Reference: ${int(expected.overlapping)} overlapping occurrences (minimal automaton; equal to indexOf on the first 2,000 documents: ${int(naive)}).
Fastest peer: ${fastestName}.

${table(
  ['engine', 'MB/s', 'M chars/s', '× floor', '× fastest peer', 'build ms', 'runs', 'matches', 'check'],
  rows.map((r) => [r.name, fmt(mbps(bytes, r.ms)), fmt(corpus.units / 1e6 / (r.ms / 1000)), fmt(floor / r.ms, 3), fmt(fastestPeer / r.ms, 2), int(r.build), r.runs, int(r.count), r.verdict]),
)}`);
}

// ---------------------------------------------------------------------------------------------
// stages: each part of the pipeline alone

function countingSegmenter(inner: Segmenter): Segmenter & { calls: number; ms: number } {
  const s = {
    calls: 0,
    ms: 0,
    cut(text: string): string[] {
      s.calls++;
      const t0 = performance.now();
      const r = inner.cut(text);
      s.ms += performance.now() - t0;
      return r;
    },
    frequency: inner.frequency ? (w: string) => inner.frequency!(w) : undefined,
  };
  if (!inner.frequency) delete (s as { frequency?: unknown }).frequency;
  return s as Segmenter & { calls: number; ms: number };
}

function stages(corpus: Corpus): void {
  const bytes = corpus.utf8Bytes;
  const checker = createChecker();
  const data = loadBuiltinData();
  const model = buildMatchModel(checker.entries, checker.normalizer, []);
  const confusion = createConfusion({ pinyinTsv: data.pinyinTsv, lookalikeTsv: data.lookalikeTsv });
  const bits = (a: number, b: number): number => {
    const k = confusion.kind(a, b);
    return k === null ? 0 : k === 'homophone' ? 1 : k === 'near-homophone' ? 2 : 4;
  };
  // The same context createChecker builds (src/checker.ts getContext); keep in step with it.
  const anchorFilters = buildAnchorFilters(model, (c) => confusion.candidates(c), EDGE_OMISSION_LENGTH);
  const ctx: ScanContext = { model, anchorFilters, map: checker.normalizer.map, kind: checker.normalizer.kind, confusion: bits, fuzzy: true };
  const exactCtx: ScanContext = { ...ctx, fuzzy: false };
  const unitClass = model.unitClass;
  const lines = corpus.lines;
  const rows: Array<[string, number, string]> = [];
  const add = (name: string, f: () => number, note: (v: number) => string, b = bytes): void => {
    const m = measure(f, { runs: 5 });
    rows.push([name, mbps(b, m.median), note(m.value)]);
    process.stderr.write(`  ${name}: ${fmt(mbps(b, m.median))} MB/s\n`);
  };
  add('normalize table pass (unitClass lookup per code unit, as the scan does)', () => sumLines(lines, (l) => {
    let h = 0;
    for (let i = 0; i < l.length; i++) h ^= unitClass[l.charCodeAt(i)]!;
    return h === 0x12345 ? 1 : 0;
  }), () => '');
  add('normalizer.normalize(text) (public, builds the normalized string)', () => sumLines(lines, (l) => checker.normalizer.normalize(l).length), () => '');
  add('scan, exact patterns only (fuzzy anchors skipped)', () => sumLines(lines, (l) => scan(l, exactCtx).hits.length), (v) => `${int(v)} exact hits`);
  add('scan with fuzzy verification (anchors aligned)', () => sumLines(lines, (l) => {
    const r = scan(l, ctx);
    return r.hits.length * 1e6 + r.candidates.length;
  }), (v) => `${int(v % 1e6)} verified candidates`);
  const seg = countingSegmenter(createJiebaSegmenter());
  const counted = createChecker({ segmenter: seg });
  counted.check('预热');
  seg.calls = 0;
  seg.ms = 0;
  const t0 = performance.now();
  const findings = sumLines(lines, (l) => counted.check(l).length);
  const total = performance.now() - t0;
  add('check, full pipeline', () => sumLines(lines, (l) => checker.check(l).length), (v) => `${int(v)} findings`);
  // Segmenter alone: cut whole documents of a 10 MB slice.
  const jieba = createJiebaSegmenter();
  jieba.cut('预热');
  const slice = corpus.lines.slice(0, Math.ceil(corpus.lines.length / 6));
  const sliceBytes = Buffer.byteLength(slice.join('\n'));
  add('segmenter: @node-rs/jieba cut of whole documents', () => sumLines(slice, (l) => jieba.cut(l).length), (v) => `${int(v)} tokens (first ${fmt(sliceBytes / 1e6)} MB)`, sliceBytes);
  emit(`### Pipeline stages alone (same corpus, MB/s of UTF-8 input, median of 5)

${table(['stage', 'MB/s', 'note'], rows.map(([n, s, note]) => [n, fmt(s), note]))}

In one full-pipeline pass (${fmt(total / 1000, 2)} s, ${int(findings)} findings) the real-word guard called the segmenter ${int(seg.calls)} times on small windows, ${fmt(seg.ms / 1000, 2)} s in all (${fmt((100 * seg.ms) / total)} % of the pass).`);
}

// ---------------------------------------------------------------------------------------------
// cost growth: lexicon size (children) and input size (children, streamed)

function ngramLexicon(corpus: Corpus, n: number): string {
  const normalizer = createChecker({ builtins: false, lexicons: [] }).normalizer;
  const seen = new Set<string>();
  let seed = 12345;
  const rand = (k: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % k;
  };
  const han = /^[\u4e00-\u9fff]+$/;
  let guard = 0;
  while (seen.size < n && guard++ < n * 50) {
    const line = corpus.lines[rand(corpus.lines.length)]!;
    const len = 4 + rand(5);
    if (line.length < len) continue;
    const at = rand(line.length - len + 1);
    const g = line.slice(at, at + len);
    if (han.test(g) && normalizer.key(g) === g) seen.add(g);
  }
  const entries = [...seen].map((t, i) => `  - id: g${i}\n    text: ${t}\n    note: 合成条目\n`).join('');
  return `kind: mandated\nsource: 语料 n-gram（基准测试合成）\nentries:\n${entries}`;
}

interface LexiconResult {
  entries: number;
  buildMs: number;
  mbps: number;
  findings: number;
  exactMbps: number;
  exactFindings: number;
  checkedMb: number;
  rssMb: number;
  failed?: string;
}

function childLexicon(size: number): LexiconResult {
  const corpus = loadCorpus(10e6)!;
  const yaml = ngramLexicon(corpus, size);
  // The largest lexicon is checked on the first 1 MB only (its fuzzy search is slow); MB/s stays comparable.
  const lines = size >= 100_000 ? corpus.lines.slice(0, Math.round(corpus.lines.length / 10)) : corpus.lines;
  const bytes = Buffer.byteLength(lines.join('\n'));
  const t0 = performance.now();
  const lexicons = [{ name: `ngrams-${size}.yaml`, text: yaml }];
  const checker = createChecker({ builtins: false, lexicons });
  checker.check('预热中华民族');
  const buildMs = performance.now() - t0;
  const m = measure(() => sumLines(lines, (l) => checker.check(l).length), { runs: 3 });
  const exact = createChecker({ builtins: false, lexicons, fuzzy: false });
  const e = measure(() => sumLines(lines, (l) => exact.check(l).length), { runs: 3 });
  return { entries: checker.entries.length, buildMs, mbps: mbps(bytes, m.median), findings: m.value, exactMbps: mbps(bytes, e.median), exactFindings: e.value, checkedMb: bytes / 1e6, rssMb: peakRssMb() };
}

interface InputResult {
  mb: number;
  seconds: number;
  mbps: number;
  findings: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  heapPeakMb: number;
}

async function childInput(targetBytes: number): Promise<InputResult> {
  const files = corpusFiles()!;
  const checker = createChecker();
  checker.check('中华民组'); // loads the segmenter
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  let heapPeak = 0;
  let rssPeak = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    if (m.heapUsed > heapPeak) heapPeak = m.heapUsed;
    if (m.rss > rssPeak) rssPeak = m.rss;
  };
  /** The corpus files, gunzipped as streams, repeated until targetBytes: nothing large is held. */
  async function* source(): AsyncGenerator<Uint8Array> {
    let sent = 0;
    let next = 1 << 20;
    for (;;) {
      for (const f of files) {
        for await (const chunk of createReadStream(f).pipe(createGunzip({ chunkSize: 1 << 16 })) as AsyncIterable<Buffer>) {
          const piece = chunk.length > targetBytes - sent ? chunk.subarray(0, targetBytes - sent) : chunk;
          sent += piece.length;
          if (sent >= next) {
            sample();
            next += 1 << 20;
          }
          yield piece;
          if (sent >= targetBytes) return;
        }
      }
    }
  }
  const t0 = performance.now();
  let findings = 0;
  let lastStart = -1;
  for await (const f of checker.checkStream(source())) {
    if (f.start < lastStart) throw new Error('checkStream: findings out of order');
    lastStart = f.start;
    findings++;
  }
  const ms = performance.now() - t0;
  sample();
  return { mb: targetBytes / 1e6, seconds: ms / 1000, mbps: mbps(targetBytes, ms), findings, rssBeforeMb, rssPeakMb: Math.max(peakRssMb(), rssPeak / 2 ** 20), heapPeakMb: heapPeak / 2 ** 20 };
}

function growth(corpus: Corpus, section: 'lexicon' | 'input', quick: boolean): void {
  void corpus;
  if (section === 'lexicon') {
    const rows: LexiconResult[] = [];
    for (const n of [100, 1000, 10000, 100000]) {
      process.stderr.write(`  lexicon ${n}...\n`);
      try {
        rows.push(child<LexiconResult>('lexicon', String(n)));
      } catch (error) {
        const why = /(\w*Error: [^\n]+)/.exec((error as Error).message)?.[1] ?? (error as Error).message.slice(0, 200);
        rows.push({ entries: n, buildMs: Number.NaN, mbps: Number.NaN, findings: Number.NaN, exactMbps: Number.NaN, exactFindings: Number.NaN, checkedMb: Number.NaN, rssMb: Number.NaN, failed: why });
      }
    }
    emit(`### Cost growth: lexicon size (synthetic mandated entries from corpus n-grams of 4-8 Han characters, check over the first 10 MB of the corpus, 1 MB for 100k entries; fresh process each; median of 3)

${table(
  ['entries', 'createChecker + first check ms', 'check MB/s (fuzzy on)', 'findings', 'check MB/s (fuzzy: false)', 'findings', 'MB checked', 'peak RSS MB'],
  rows.map((r) => (r.failed ? [int(r.entries), `**fails**: ${r.failed}`, '', '', '', '', '', ''] : [int(r.entries), int(r.buildMs), fmt(r.mbps, 2), int(r.findings), fmt(r.exactMbps, 2), int(r.exactFindings), fmt(r.checkedMb), int(r.rssMb)])),
)}`);
  } else {
    const sizes = quick ? [1e6, 10e6, 100e6] : [1e6, 10e6, 100e6, 1e9];
    const rows: InputResult[] = [];
    for (const s of sizes) {
      process.stderr.write(`  stream ${s / 1e6} MB...\n`);
      rows.push(child<InputResult>('input', String(s)));
    }
    emit(`### Cost growth: input size, streamed through checkStream (the corpus files gunzipped as streams and repeated, 64 KiB byte chunks, 1 Mi-unit windows; one run each in a fresh process; heap sampled every MiB)

${table(
  ['input MB', 'seconds', 'MB/s', 'findings', 'findings per MB', 'RSS before stream MB', 'peak RSS MB', 'peak heap used MB'],
  rows.map((r) => [int(r.mb), fmt(r.seconds, 2), fmt(r.mbps), int(r.findings), fmt(r.findings / r.mb, 2), int(r.rssBeforeMb), int(r.rssPeakMb), int(r.heapPeakMb)]),
)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// start-up: import + createChecker in a fresh process, the first check that loads the segmenter

const STARTUP_SCRIPT = String.raw`
const rss = () => process.memoryUsage().rss / 1048576;
const rss0 = rss();
const t0 = performance.now();
const m = await import(process.argv[1]);
const t1 = performance.now();
const rss1 = rss();
const c = m.createChecker(process.argv[2] === 'nodejieba' ? { segmenter: 'nodejieba' } : {});
const t2 = performance.now();
const rss2 = rss();
const f = c.check('各地区各部门要铸牢中华民组共同体意识，推进脱贫攻艰。');
const t3 = performance.now();
const rss3 = rss();
const f2 = c.check('坚持以人民为中心的发展思想，中华民组。');
const t4 = performance.now();
// The segmenter must really be in use: its real-word guard drops candidates that 'none' keeps.
const guarded = '新时代是中华民族大发展大作为的时代，推进城乡融合发展，塑造优美自然生态环境，坚持创新、协调、绿色、开放、共享的发展理念。';
if (!(c.check(guarded).length < m.createChecker({ segmenter: 'none' }).check(guarded).length)) throw new Error('the segmenter is not in use (the real-word guard dropped nothing)');
const hwm = Number(/VmHWM:\s+(\d+) kB/.exec((await import('node:fs')).readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
process.stdout.write(JSON.stringify({ importMs: t1 - t0, createMs: t2 - t1, firstCheckMs: t3 - t2, secondCheckMs: t4 - t3, findings: f.length + f2.length, rssMb: hwm, rssStart: rss0, rssImport: rss1, rssCreate: rss2, rssCheck: rss3 }) + '\n');
`;

interface Startup {
  importMs: number;
  createMs: number;
  firstCheckMs: number;
  secondCheckMs: number;
  findings: number;
  rssMb: number;
  wallMs: number;
  rssStart: number;
  rssImport: number;
  rssCreate: number;
  rssCheck: number;
}

function startupRuns(bundlePath: string, segmenter: string, n: number): Startup[] {
  const runs: Startup[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', STARTUP_SCRIPT, pathToFileURL(bundlePath).href, segmenter], { encoding: 'utf8' });
    const wallMs = performance.now() - t0;
    runs.push({ ...(JSON.parse(stdout.trim()) as Omit<Startup, 'wallMs'>), wallMs });
  }
  return runs;
}

const med = (xs: number[]): number => summarize(xs).median;

/** What the first check's lazy work costs: the scan context (no segmenter), then jieba (cut + frequency). */
const FIRST_CHECK_SCRIPT = String.raw`
const rss = () => process.memoryUsage().rss / 1048576;
const m = await import(process.argv[1]);
const c = m.createChecker({ segmenter: 'none' });
const r0 = rss();
let t = performance.now();
c.check('各地区各部门要铸牢中华民组共同体意识');
const contextMs = performance.now() - t;
const r1 = rss();
const s = m.createJiebaSegmenter();
t = performance.now();
s.cut('中华民族伟大复兴');
const cutMs = performance.now() - t;
const r2 = rss();
t = performance.now();
s.frequency('中华');
const freqMs = performance.now() - t;
const r3 = rss();
process.stdout.write(JSON.stringify({ contextMs, contextMb: r1 - r0, cutMs, cutMb: r2 - r1, freqMs, freqMb: r3 - r2 }));
`;

function firstCheckBreakdown(bundlePath: string): string {
  const runs = [0, 1, 2, 3, 4].map(() => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', FIRST_CHECK_SCRIPT, pathToFileURL(bundlePath).href], { encoding: 'utf8' })) as Record<string, number>);
  const p = (k: string): number => med(runs.map((r) => r[k]!));
  return `The first check's lazy work, taken apart (fresh process each, median of 5): the scan context (createConfusion + buildAnchorFilters, built on the first check even with \`segmenter: 'none'\`) ${fmt(p('contextMs'))} ms and +${int(p('contextMb'))} MB RSS; loading @node-rs/jieba with its dictionary (first cut) ${fmt(p('cutMs'))} ms and +${int(p('cutMb'))} MB; the first frequency lookup (copies the 5 MB dictionary) ${fmt(p('freqMs'))} ms and +${int(p('freqMb'))} MB.`;
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
  const base = time('node:fs');
  return [`node:fs ${fmt(base)} ms`, ...pkgs.map((p) => `${p} ${fmt(time(p))} ms`)].join(', ');
}

function startup(bundlePath: string): void {
  const node = execFileSync(process.execPath, ['-e', ''], { encoding: 'utf8' });
  void node;
  const bare: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, ['-e', '']);
    bare.push(performance.now() - t0);
  }
  const runs = startupRuns(bundlePath, 'jieba', 7);
  const pick = (k: keyof Startup): number => med(runs.map((r) => r[k]));
  if (runs.some((r) => r.findings === 0)) throw new Error('startup check found nothing');
  emit(`### Start-up (fresh process each, median of ${runs.length}; the bundle is src/index.ts built as \`npm run build\` does)

${table(
  ['measure', 'median', 'target'],
  [
    ['import tifa + createChecker() with defaults', `${fmt(pick('importMs') + pick('createMs'))} ms (import ${fmt(pick('importMs'))} + create ${fmt(pick('createMs'))})`, '<= 150 ms'],
    ['first check that needs the segmenter (lazy jieba load)', `${fmt(pick('firstCheckMs'))} ms`, ''],
    ['a second small check', `${fmt(pick('secondCheckMs'), 2)} ms`, ''],
    ['whole process: node start + all of the above + exit', `${fmt(pick('wallMs'))} ms (bare \`node -e ""\`: ${fmt(med(bare))} ms)`, ''],
    ['peak RSS of the process with one checker and jieba loaded', `${fmt(pick('rssMb'))} MB`, '<= 150 MB'],
    ['RSS: node alone / after import / after createChecker / after the first check', `${int(pick('rssStart'))} / ${int(pick('rssImport'))} / ${int(pick('rssCreate'))} / ${int(pick('rssCheck'))} MB`, ''],
  ],
  'lrl',
)}

${firstCheckBreakdown(bundlePath)}

Top-level imports of the bundle, each alone in a fresh process (median of 3; \`node:fs\` as the baseline): ${importCosts(bundlePath)}.

${startupProfile(bundlePath)}`);
}

// ---------------------------------------------------------------------------------------------
// segmenters side by side

function segmenters(corpus: Corpus, bundlePath: string): void {
  const load = (name: string): { first: number; rss: number } => {
    const runs = startupRuns(bundlePath, name, 5);
    return { first: med(runs.map((r) => r.firstCheckMs)), rss: med(runs.map((r) => r.rssMb)) };
  };
  const lj = load('jieba');
  const ln = load('nodejieba');
  const slice = corpus.lines.slice(0, Math.ceil(corpus.lines.length / 6));
  const sliceBytes = Buffer.byteLength(slice.join('\n'));
  const rs = createJiebaSegmenter();
  const nj = createNodejiebaSegmenter();
  const cutRs = measure(() => sumLines(slice, (l) => rs.cut(l).length), { runs: 3 });
  const cutNj = measure(() => sumLines(slice, (l) => nj.cut(l).length), { runs: 3 });
  // Verdicts: tifa with each segmenter over the whole corpus.
  const a = createChecker({ segmenter: 'jieba' });
  const b = createChecker({ segmenter: 'nodejieba' });
  const none = createChecker({ segmenter: 'none' });
  const keys = (c: typeof a): Set<string> => {
    const s = new Set<string>();
    corpus.lines.forEach((l, i) => {
      for (const f of c.check(l)) s.add(`${i}:${f.start}:${f.end}:${f.entry}:${f.rule}`);
    });
    return s;
  };
  const ka = keys(a);
  const kb = keys(b);
  const kn = keys(none);
  const both = [...ka].filter((k) => kb.has(k)).length;
  const onlyA = ka.size - both;
  const onlyB = kb.size - both;
  const examples = (from: Set<string>, other: Set<string>): string =>
    [...from].filter((k) => !other.has(k)).slice(0, 3).map((k) => {
      const [line, s, e] = k.split(':').map(Number) as [number, number, number];
      return `「${corpus.lines[line]!.slice(Math.max(0, s - 4), e + 4)}」`;
    }).join(' ') || '—';
  emit(`### Segmenters side by side (@node-rs/jieba vs nodejieba)

${table(
  ['', '@node-rs/jieba', 'nodejieba'],
  [
    ['first check that loads it (fresh process, median of 5)', `${fmt(lj.first)} ms`, `${fmt(ln.first)} ms`],
    ['peak RSS of that process', `${fmt(lj.rss)} MB`, `${fmt(ln.rss)} MB`],
    [`cut MB/s, whole documents (first ${fmt(sliceBytes / 1e6)} MB, median of 3)`, fmt(mbps(sliceBytes, cutRs.median)), fmt(mbps(sliceBytes, cutNj.median))],
    ['tokens', int(cutRs.value), int(cutNj.value)],
    ['tifa findings on the whole corpus', int(ka.size), int(kb.size)],
  ],
  'lrr',
)}

Verdict agreement: ${int(both)} findings in common, ${int(onlyA)} only with @node-rs/jieba ${examples(ka, kb)}, ${int(onlyB)} only with nodejieba ${examples(kb, ka)}; agreement ${fmt((100 * both) / Math.max(1, ka.size + kb.size - both), 2)} % (Jaccard). Without a segmenter (\`segmenter: 'none'\`, no real-word guard) tifa reports ${int(kn.size)}.`);
}

// ---------------------------------------------------------------------------------------------
// pool: --jobs 2 vs --jobs 1 on ~2,000 pages

async function pool(corpus: Corpus, bundlePath: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-bench-pages-'));
  try {
    const idleBefore = await waitForIdle(1.8, 90_000);
    const PAGES = 2000;
    const per = Math.floor(corpus.lines.length / PAGES);
    const files: string[] = [];
    let total = 0;
    for (let p = 0; p < PAGES; p++) {
      const text = corpus.lines.slice(p * per, (p + 1) * per).join('\n');
      const f = join(dir, `page-${String(p).padStart(4, '0')}.txt`);
      writeFileSync(f, text);
      files.push(f);
      total += Buffer.byteLength(text);
    }
    const count = async (jobs: number, list = files): Promise<number> => {
      let n = 0;
      for await (const r of checkFiles(list, { jobs, entry: bundlePath })) {
        if (r.error) throw new Error(`${r.file}: ${r.error.message}`);
        n += r.findings.length;
      }
      return n;
    };
    /** Wall and CPU time (all threads of this process) of 3 runs; medians. */
    const timed = async (f: () => Promise<number> | number): Promise<{ wall: number; cpu: number; value: number }> => {
      const walls: number[] = [];
      const cpus: number[] = [];
      let value = -1;
      for (let i = 0; i < 3; i++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const v = await f();
        walls.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpus.push((c.user + c.system) / 1000);
        if (value >= 0 && v !== value) throw new Error('pool: findings changed between runs');
        value = v;
      }
      return { wall: med(walls), cpu: med(cpus), value };
    };
    // Every run starts cold, as a CLI run does: a fresh checker (in-process) or fresh workers.
    // The baseline runs the same bundle and data snapshot as the workers, in a plain node process
    // (dist/data is rebuilt by other work meanwhile, and the bundle must not run under tsx).
    const seqScript = String.raw`
const { readFileSync } = await import('node:fs');
const c0 = process.cpuUsage();
const t0 = performance.now();
const m = await import(process.argv[1]);
const checker = m.createChecker();
let n = 0;
for (const f of JSON.parse(readFileSync(process.argv[2], 'utf8'))) n += checker.check(readFileSync(f, 'utf8')).length;
const c = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ wall: performance.now() - t0, cpu: (c.user + c.system) / 1000, value: n }));
`;
    const listFile = join(dir, 'files.json');
    writeFileSync(listFile, JSON.stringify(files));
    const seqRuns = [0, 1, 2].map(() => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', seqScript, pathToFileURL(bundlePath).href, listFile], { encoding: 'utf8' })) as { wall: number; cpu: number; value: number });
    if (new Set(seqRuns.map((r) => r.value)).size !== 1) throw new Error('pool baseline: findings changed between runs');
    const seq = { wall: med(seqRuns.map((r) => r.wall)), cpu: med(seqRuns.map((r) => r.cpu)), value: seqRuns[0]!.value };
    const j1 = await timed(() => count(1));
    const j2 = await timed(() => count(2));
    const twice = [...files, ...files];
    const big1 = await timed(() => count(1, twice));
    const big2 = await timed(() => count(2, twice));
    const start1 = await timed(() => count(1, files.slice(0, 1)));
    const start2 = await timed(() => count(2, files.slice(0, 2)));
    if (j1.value !== seq.value || j2.value !== seq.value) throw new Error(`pool findings differ: sequential ${seq.value}, jobs 1 ${j1.value}, jobs 2 ${j2.value}`);
    emit(`### Worker pool: ${int(PAGES)} pages (${fmt(total / 1e6)} MB) from the corpus, wall time including worker start-up, every run cold (fresh checker or fresh workers), median of 3

${table(
  ['run', 'wall s', 'MB/s', 'CPU s (all threads)', 'speed-up vs --jobs 1'],
  [
    ['no pool: one process, import + createChecker + check every page', fmt(seq.wall / 1000, 2), fmt(mbps(total, seq.wall)), fmt(seq.cpu / 1000, 2), fmt(j1.wall / seq.wall, 2)],
    ['pool, --jobs 1', fmt(j1.wall / 1000, 2), fmt(mbps(total, j1.wall)), fmt(j1.cpu / 1000, 2), '1.00'],
    ['pool, --jobs 2', fmt(j2.wall / 1000, 2), fmt(mbps(total, j2.wall)), fmt(j2.cpu / 1000, 2), `**${fmt(j1.wall / j2.wall, 2)}**`],
    [`the pages twice (${int(twice.length)} files, ${fmt((2 * total) / 1e6)} MB): --jobs 1`, fmt(big1.wall / 1000, 2), fmt(mbps(2 * total, big1.wall)), fmt(big1.cpu / 1000, 2), '1.00'],
    ['the pages twice: --jobs 2', fmt(big2.wall / 1000, 2), fmt(mbps(2 * total, big2.wall)), fmt(big2.cpu / 1000, 2), `**${fmt(big1.wall / big2.wall, 2)}**`],
    ['pool start-up alone: --jobs 1 on 1 page', fmt(start1.wall / 1000, 2), '', fmt(start1.cpu / 1000, 2), ''],
    ['pool start-up alone: --jobs 2 on 2 pages', fmt(start2.wall / 1000, 2), '', fmt(start2.cpu / 1000, 2), ''],
  ],
)}

Idle cores just before the pool runs: ${idleBefore === undefined ? 'unknown' : fmt(idleBefore, 2)} of ${cpus().length} (the machine is shared; waited up to 90 s for 1.8 idle). Parallel use = CPU s / wall s. Findings: ${int(seq.value)} in every run (sequential and pooled agree). Target: --jobs 2 >= 1.7x --jobs 1.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// profile: where check spends its time (V8 CPU profile, self time by function)

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

function childProfileWork(): { findings: number } {
  const corpus = loadCorpus(20e6)!;
  const checker = createChecker();
  checker.check('中华民组');
  return { findings: profiledLoop(corpus.lines, (t) => checker.check(t)) };
}

/** The 100k-entry synthetic lexicon on the first 1 MB (fuzzy on): where growth costs go. */
function childProfileLexicon(): { findings: number } {
  const corpus = loadCorpus(10e6)!;
  const lines = corpus.lines.slice(0, Math.round(corpus.lines.length / 10));
  const checker = createChecker({ builtins: false, lexicons: [{ name: 'ngrams.yaml', text: ngramLexicon(corpus, 100_000) }] });
  checker.check('中华民组');
  return { findings: profiledLoop(lines, (t) => checker.check(t), 1) };
}

function profiledLoop(lines: readonly string[], check: (t: string) => unknown[], passes = 2): number {
  let n = 0;
  for (let pass = 0; pass < passes; pass++) n = sumLines(lines, (l) => check(l).length);
  return n;
}

const SRC_FILES = (): string[] => {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(join(ROOT, d), { withFileTypes: true })) {
      if (f.isDirectory()) {
        if (f.name !== 'build') walk(`${d}/${f.name}`);
      } else if (f.name.endsWith('.ts')) files.push(`${d}/${f.name}`);
    }
  };
  walk('src');
  return files;
};

/** file:line of a function's definition in src/ (profiles of tsx-loaded or bundled code carry no source lines). */
function locate(name: string, url: string): string {
  const rel = url.replace(`${pathToFileURL(ROOT).href}/`, '');
  const shown = rel.replace(/^.*node_modules\/\.cache\/tifa-bench\//, 'bundle:');
  const inTifa = rel.startsWith('src/') || shown.startsWith('bundle:');
  if (!inTifa || !name || !/^[\w$]+$/.test(name)) return shown;
  const files = rel.startsWith('src/') ? [rel] : SRC_FILES();
  const def = new RegExp(`(function\\s+${name}\\b|class\\s+${name}\\b|^\\s*(export\\s+)?(const|let)\\s+${name}\\s*=|^\\s*(readonly\\s+)?${name}\\s*[(:]|^\\s*${name}\\s*<)`);
  for (const f of files) {
    const lines = readFileSync(join(ROOT, f), 'utf8').split('\n');
    // Prefer a definition with a body over a declaration in an interface.
    let i = lines.findIndex((l) => def.test(l) && /[{>]\s*$/.test(l));
    if (i < 0) i = lines.findIndex((l) => def.test(l));
    if (i >= 0) return `${f}:${i + 1}`;
  }
  return shown;
}

/** Self and inclusive time per function of a .cpuprofile, restricted to samples under `root` (a function name) when given. */
function analyzeProfile(path: string, root: string | undefined): { work: number; self: Array<[string, number]>; inclusive: Array<[string, number]> } {
  const prof = JSON.parse(readFileSync(path, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const labels = new Map<number, string>();
  const label = (n: ProfileNode): string => {
    let l = labels.get(n.id);
    if (l === undefined) {
      const url = n.callFrame.url;
      const where = url.startsWith('file:') ? locate(n.callFrame.functionName, url) : url ? `${url}:${n.callFrame.lineNumber + 1}` : '';
      l = `${n.callFrame.functionName || '(anonymous)'}${where ? ` (${where})` : ''}`;
      labels.set(n.id, l);
    }
    return l;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let work = 0;
  for (let i = 0; i < prof.samples.length; i++) {
    const dt = prof.timeDeltas[i + 1] ?? 0; // the time until the next sample is spent in this one
    const chain: ProfileNode[] = [];
    for (let id: number | undefined = prof.samples[i]!; id !== undefined; id = parent.get(id)) chain.push(byId.get(id)!);
    if (root && !chain.some((n) => n.callFrame.functionName === root)) continue;
    work += dt;
    const l0 = label(chain[0]!);
    self.set(l0, (self.get(l0) ?? 0) + dt);
    const seen = new Set<string>();
    for (const n of chain) {
      const l = label(n);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
    }
  }
  return { work, self: [...self.entries()].sort((a, b) => b[1] - a[1]), inclusive: [...inclusive.entries()].sort((a, b) => b[1] - a[1]) };
}

const profileTables = (p: ReturnType<typeof analyzeProfile>, rows = 16): string => `Self time (where the CPU is):

${table(['function (definition)', 'self ms', 'share'], p.self.slice(0, rows).map(([l, t]) => [l, int(t / 1000), `${fmt((100 * t) / p.work)} %`]))}

Inclusive time of tifa's functions (callees included):

${table(['function (definition)', 'inclusive ms', 'share'], p.inclusive.filter(([l]) => /\((src\/|bundle:)/.test(l)).slice(0, 14).map(([l, t]) => [l, int(t / 1000), `${fmt((100 * t) / p.work)} %`]))}`;

function profileChild(name: string): ReturnType<typeof analyzeProfile> {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-prof-'));
  try {
    const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', join(ROOT, 'bench', 'run.ts'), '--child', name], { encoding: 'utf8', cwd: ROOT });
    if (r.status !== 0) throw new Error(`profile child failed: ${r.stderr}`);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
    return analyzeProfile(join(dir, file), 'profiledLoop');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function profile(): void {
  const p = profileChild('profile');
  emit(`### Profile of \`check\` (V8 CPU profile, 2 passes over the first 20 MB of the corpus, one call per document, jieba already loaded; ${fmt(p.work / 1e6, 2)} s sampled in the loop)

${profileTables(p)}`);
  try {
    const q = profileChild('profile-lexicon');
    emit(`### Profile of \`check\` with the 100,000-entry synthetic lexicon (first 1 MB of the corpus, one pass; ${fmt(q.work / 1e6, 2)} s sampled)

${profileTables(q, 12)}`);
  } catch (error) {
    emit(`### Profile of \`check\` with the 100,000-entry synthetic lexicon\n\nNot measured: the checker fails: ${/(\w*Error: [^\n]+)/.exec((error as Error).message)?.[1] ?? (error as Error).message.slice(0, 300)}`);
  }
}

/** CPU profile of start-up (import + createChecker) in a fresh process on the bundle. */
function startupProfile(bundlePath: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-prof-'));
  try {
    execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval', '100', '--input-type=module', '-e', STARTUP_SCRIPT, pathToFileURL(bundlePath).href, 'jieba'], { encoding: 'utf8' });
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
    const p = analyzeProfile(join(dir, file), 'createChecker');
    return `Profile of createChecker() alone (one fresh process, 0.1 ms sampling; ${fmt(p.work / 1000)} ms sampled):

${profileTables(p, 10)}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}


const resultsPath = (): string => join(ROOT, 'bench', process.env.TIFA_BENCH_OUT ?? 'results.md');

/** Writes the sections measured so far (after each one, so a failure later loses nothing). */
function writeResults(): void {
  let previous = '';
  try {
    previous = readFileSync(resultsPath(), 'utf8');
  } catch {
    // first run
  }
  writeFileSync(resultsPath(), mergeResults(previous));
}

async function main(): Promise<void> {
  if (argv[0] === '--child') {
    const [, name, arg] = argv;
    let result: unknown;
    if (name === 'lexicon') result = childLexicon(Number(arg));
    else if (name === 'input') result = await childInput(Number(arg));
    else if (name === 'profile') result = childProfileWork();
    else if (name === 'profile-lexicon') result = childProfileLexicon();
    else throw new Error(`unknown child ${name}`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const quick = argv.includes('--quick');
  const chosen = argv.filter((a) => !a.startsWith('--'));
  for (const s of chosen) if (!SECTIONS.includes(s)) throw new Error(`unknown section ${s} (${SECTIONS.join(', ')})`);
  const sections = chosen.length > 0 ? chosen : SECTIONS;
  const corpus = loadCorpus(quick ? 10e6 : Number.POSITIVE_INFINITY);
  if (!corpus) {
    process.stdout.write(`bench: corpus not found at ${CORPUS_DIR} (expected xwlb-*.txt.gz; set TIFA_CORPUS to its directory). Skipping all benchmarks.\n`);
    return;
  }
  const started = new Date().toISOString().slice(0, 16).replace('T', ' ');
  stamp = `Measured ${started} UTC on ${machine()}; ${int(createChecker().entries.length)} built-in lexicon entries${quick ? '; --quick' : ''}.`;
  emit(`## Benchmarks\n\nGenerated by \`npm run bench\` (bench/run.ts) on the corpus in ../shared/corpus. Each section below notes when and where it was measured; the machine has 2 cores shared with other work, so absolute numbers move by 10-30 % between runs, ratios much less. Last run: ${started} UTC, sections: ${sections.join(', ')}. Machine: ${machine()}.`);
  const needsBundle = sections.some((s) => s === 'startup' || s === 'segmenters' || s === 'pool');
  const bundlePath = needsBundle ? await bundle() : '';
  for (const s of sections) {
    process.stderr.write(`[${s}]\n`);
    currentSection = s;
    if (s === 'peers') peers(corpus);
    else if (s === 'stages') stages(corpus);
    else if (s === 'lexicon' || s === 'input') growth(corpus, s, quick);
    else if (s === 'startup') startup(bundlePath);
    else if (s === 'segmenters') segmenters(corpus, bundlePath);
    else if (s === 'pool') await pool(corpus, bundlePath);
    else if (s === 'profile') profile();
    writeResults();
  }
  process.stderr.write(`wrote ${resultsPath()}\n`);
}

await main();
