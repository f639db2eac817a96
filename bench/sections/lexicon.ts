/**
 * lexicon: how speed, start-up and memory grow with the number of fuzzy targets. 1k / 10k / 100k
 * realistic phrases (four-plus-character words of the segmenter's dictionary, a seeded sample),
 * fuzzy on and off, each in its own process so its peak RSS is its own.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCorpusSlice } from '../lib/corpus.js';
import { failureReason, runChildWithin } from '../lib/child.js';
import { lexiconYaml, realisticPhrases, seededRandom } from '../lib/phrases.js';
import type { BenchContext, Section } from '../lib/section.js';
import { fmt, int, peakRssMb, summarize, table } from '../lib/stats.js';
import { createChecker, type LexiconSource } from '../../src/index.js';
import { compileLexicons } from '../../src/data/lexicon-file.js';

const SIZES = [1_000, 10_000, 100_000];

interface LexiconRun {
  size: number;
  fuzzy: boolean;
  /** Whether the checker loaded a compiled lexicon file (`tifa lexicon compile`) instead of the YAML. */
  compiled: boolean;
  entries: number;
  createMs: number;
  /** createChecker + the first check (which builds the lazy parts): until the checker is ready. */
  readyMs: number;
  /** CPU time of the process until ready. */
  readyCpuMs: number;
  mbps: number;
  /** MB per CPU second. */
  mbpcs: number;
  checkedMb: number;
  findings: number;
  /** RSS of the child before createChecker (node, tsx, the corpus slice, the lexicon text). */
  rssBeforeMb: number;
  peakRssMb: number;
  failed?: string;
}

const rssMb = (): number => process.memoryUsage().rss / 2 ** 20;

/** CPU time of this process (all threads) since `from`, ms. */
const cpuMs = (from: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(from);
  return (c.user + c.system) / 1000;
};

interface Throughput {
  /** MB per wall-clock second, median pass. */
  mbps: number;
  /** MB per CPU second of the process, median pass: what a shared, loaded machine distorts least. */
  mbpcs: number;
  mb: number;
  findings: number;
}

/**
 * Checks documents until done or `budgetMs` is spent, three passes after a warm-up of the first
 * documents; MB/s is the median pass's bytes over its time (wall, and CPU of this process).
 */
function throughput(lines: readonly string[], check: (t: string) => number, budgetMs: number): Throughput {
  const sizes = lines.map((l) => Buffer.byteLength(l) + 1);
  for (let i = 0; i < Math.min(lines.length, 50); i++) check(lines[i]!);
  const passes: Array<{ mbps: number; mbpcs: number; bytes: number; findings: number }> = [];
  for (let pass = 0; pass < 3; pass++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let bytes = 0;
    let findings = 0;
    for (let i = 0; i < lines.length && performance.now() - t0 < budgetMs / 3; i++) {
      findings += check(lines[i]!);
      bytes += sizes[i]!;
    }
    passes.push({ mbps: bytes / 1e6 / ((performance.now() - t0) / 1000), mbpcs: bytes / 1e6 / (cpuMs(c0) / 1000), bytes, findings });
  }
  return { mbps: summarize(passes.map((p) => p.mbps)).median, mbpcs: summarize(passes.map((p) => p.mbpcs)).median, mb: passes[0]!.bytes / 1e6, findings: passes[0]!.findings };
}

/** Child: `lexicon FILE.yaml|FILE.tifa on|off SLICE_BYTES BUDGET_MS` (the lexicon is written by the parent). */
function childLexicon([file, mode, slice, budget]: string[]): Omit<LexiconRun, 'size'> {
  const corpus = readCorpusSlice(Number(slice))!;
  // A seeded shuffle: a pass cut short by the time budget still samples every year.
  const random = seededRandom(2019);
  const lines = corpus.lines;
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  const compiled = file!.endsWith('.tifa');
  const source: LexiconSource = compiled ? { name: 'bench-lexicon.tifa', compiled: readFileSync(file!) } : { name: 'bench-lexicon.yaml', text: readFileSync(file!, 'utf8') };
  const fuzzy = mode === 'on';
  const rssBeforeMb = rssMb();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const checker = createChecker({ builtins: false, lexicons: [source], fuzzy });
  const createMs = performance.now() - t0;
  checker.check(corpus.lines[0]!);
  const readyMs = performance.now() - t0;
  const readyCpuMs = cpuMs(c0);
  const t = throughput(corpus.lines, (l) => checker.check(l).length, Number(budget));
  return { fuzzy, compiled, entries: checker.entries.length, createMs, readyMs, readyCpuMs, mbps: t.mbps, mbpcs: t.mbpcs, checkedMb: t.mb, findings: t.findings, rssBeforeMb, peakRssMb: peakRssMb() };
}

interface LexiconFiles {
  yaml: Map<number, { file: string; fromDictionary: number }>;
  /** The largest lexicon compiled (`tifa lexicon compile`), or why it could not be. */
  compiled: { file: string; compileMs: number } | { failed: string };
}

/** Writes the lexicons (in this process: building them must not count in a child's RSS). */
function writeLexicons(dir: string, sliceBytes: number): LexiconFiles {
  const corpus = readCorpusSlice(sliceBytes)!;
  const key = createChecker({ builtins: false }).normalizer.key;
  const all = realisticPhrases(Math.max(...SIZES), key, corpus.lines);
  const yaml = new Map<number, { file: string; fromDictionary: number }>();
  let largest = '';
  for (const size of SIZES) {
    const file = join(dir, `lexicon-${size}.yaml`);
    largest = lexiconYaml(all.phrases.slice(0, size), '@node-rs/jieba 词典中四字及以上的词（基准测试，种子抽样）');
    writeFileSync(file, largest);
    yaml.set(size, { file, fromDictionary: Math.min(size, all.fromDictionary) });
  }
  try {
    const t0 = performance.now();
    const bytes = compileLexicons([{ name: 'bench-lexicon.yaml', text: largest }], { builtins: false });
    const compileMs = performance.now() - t0;
    const file = join(dir, `lexicon-${Math.max(...SIZES)}.tifa`);
    writeFileSync(file, bytes);
    return { yaml, compiled: { file, compileMs } };
  } catch (error) {
    return { yaml, compiled: { failed: failureReason(error) } };
  }
}

function runOne(ctx: BenchContext, size: number, file: string, fuzzy: boolean, sliceBytes: number, budgetMs: number): LexiconRun {
  const compiled = file.endsWith('.tifa');
  process.stderr.write(`  ${int(size)} targets, fuzzy ${fuzzy ? 'on' : 'off'}${compiled ? ', compiled file' : ''}...\n`);
  try {
    return { size, ...runChildWithin<Omit<LexiconRun, 'size'>>(ctx.quick ? 120_000 : 240_000, 'lexicon', file, fuzzy ? 'on' : 'off', String(sliceBytes), String(budgetMs)) };
  } catch (error) {
    return failedRun(size, fuzzy, compiled, failureReason(error));
  }
}

const failedRun = (size: number, fuzzy: boolean, compiled: boolean, failed: string): LexiconRun => ({
  size, fuzzy, compiled, entries: size, createMs: Number.NaN, readyMs: Number.NaN, readyCpuMs: Number.NaN, mbps: Number.NaN, mbpcs: Number.NaN, checkedMb: Number.NaN, findings: Number.NaN, rssBeforeMb: Number.NaN, peakRssMb: Number.NaN, failed,
});

function runAll(ctx: BenchContext, sliceBytes: number, budgetMs: number): { runs: LexiconRun[]; files: LexiconFiles } {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-bench-lexicon-'));
  try {
    const files = writeLexicons(dir, sliceBytes);
    const runs: LexiconRun[] = [];
    for (const size of SIZES) for (const fuzzy of [true, false]) runs.push(runOne(ctx, size, files.yaml.get(size)!.file, fuzzy, sliceBytes, budgetMs));
    const largest = Math.max(...SIZES);
    runs.push('failed' in files.compiled ? failedRun(largest, true, true, files.compiled.failed) : runOne(ctx, largest, files.compiled.file, true, sliceBytes, budgetMs));
    return { runs, files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function targets(ctx: BenchContext, runs: LexiconRun[]): string {
  const at = (size: number, compiled = false): LexiconRun | undefined => runs.find((r) => r.size === size && r.fuzzy && r.compiled === compiled && !r.failed);
  const small = at(1_000);
  const big = at(100_000);
  const stored = at(100_000, true);
  const ratio = small && big ? big.mbpcs / small.mbpcs : Number.NaN;
  const wallRatio = small && big ? big.mbps / small.mbps : Number.NaN;
  const na = 'not measured';
  const rows: Array<[string, string, string, boolean | undefined]> = [
    ['100k fuzzy targets: speed against 1k (MB per CPU second)', Number.isFinite(ratio) ? `${fmt(ratio, 3)} (${fmt(big!.mbpcs, 2)} / ${fmt(small!.mbpcs, 2)}; wall: ${fmt(wallRatio, 3)})` : na, '≥ 0.333', Number.isFinite(ratio) ? ratio >= 1 / 3 : undefined],
    ['100k fuzzy targets: peak RSS', big ? `${int(big.peakRssMb)} MB` : na, '≤ 600 MB', big ? big.peakRssMb <= 600 : undefined],
    ['100k fuzzy targets: checker ready (createChecker + first check)', big ? `${fmt(big.readyMs / 1000, 2)} s (CPU ${fmt(big.readyCpuMs / 1000, 2)} s)` : na, '≤ 3 s', big ? big.readyMs <= 3000 : undefined],
    ['100k fuzzy targets from a compiled lexicon file: ready', stored ? `${fmt(stored.readyMs / 1000, 2)} s (CPU ${fmt(stored.readyCpuMs / 1000, 2)} s)` : na, '≤ 3 s', stored ? stored.readyMs <= 3000 : undefined],
    ['100k fuzzy targets from a compiled lexicon file: peak RSS', stored ? `${int(stored.peakRssMb)} MB` : na, '≤ 600 MB', stored ? stored.peakRssMb <= 600 : undefined],
  ];
  for (const [m, now, target, met] of rows) ctx.target({ measure: m, now, target, met });
  return table(['measure', 'now', 'target', ''], rows.map(([m, now, target, met]) => [m, `**${now}**`, target, met === undefined ? na : met ? 'met' : 'not yet']), 'lrrl');
}

function lexicon(ctx: BenchContext): void {
  const sliceBytes = ctx.quick ? 2e6 : 4e6;
  const budgetMs = ctx.quick ? 3000 : 6000;
  const { runs, files } = runAll(ctx, sliceBytes, budgetMs);
  const compounds = [...files.yaml].filter(([s, f]) => f.fromDictionary < s).map(([s, f]) => `${int(s - f.fromDictionary)} of the ${int(s)}`);
  const compiledNote = 'failed' in files.compiled ? `Compiling the 100k lexicon failed: ${files.compiled.failed}.` : `The 100k lexicon compiled (compileLexicons, as \`tifa lexicon compile\`) in ${fmt(files.compiled.compileMs / 1000, 2)} s, once, in the parent; the child loads the file's bytes.`;
  ctx.emit(`### Lexicon size: 1k / 10k / 100k fuzzy targets (mandated entries, no built-in lexicon), fuzzy on and off, and the 100k lexicon compiled, a fresh process each

${targets(ctx, runs)}

Targets: Han words of four or more characters of @node-rs/jieba's dictionary (dict.txt), in a seeded shuffle (1k is a prefix of 10k, a prefix of 100k)${compounds.length > 0 ? `; the dictionary has fewer than 100k, so ${compounds.join(', ')} are the corpus's most frequent four-character windows made of two two-character dictionary words (推进改革)` : ''}. Text: ${fmt(sliceBytes / 1e6)} MB of the corpus, an equal share from the head of each year 2019-2025, in a seeded shuffle (a pass cut short still samples every year), one call per document; MB/s (wall) and MB per CPU second of the child (what a loaded, shared machine distorts least; the speed ratio uses it) are the medians of 3 passes after a warm-up of 50 documents, each pass cut at ${fmt(budgetMs / 3000, 1)} s (MB checked: the first pass). Ready: createChecker (parses the lexicon) + the first check (builds what is lazy). Peak RSS: the child's VmHWM; RSS before: the child before createChecker (node, tsx, the slice and the lexicon text). ${compiledNote}

${table(
  ['targets', 'fuzzy', 'lexicon', 'ready ms', 'ready CPU ms', 'createChecker ms', 'check MB/s', 'MB per CPU s', 'MB checked', 'findings', 'RSS before MB', 'peak RSS MB'],
  runs.map((r) => r.failed
    ? [int(r.size), r.fuzzy ? 'on' : 'off', r.compiled ? 'compiled' : 'YAML', `**fails**: ${r.failed}`, '', '', '', '', '', '', '', '']
    : [int(r.entries), r.fuzzy ? 'on' : 'off', r.compiled ? 'compiled' : 'YAML', int(r.readyMs), int(r.readyCpuMs), int(r.createMs), fmt(r.mbps, 2), fmt(r.mbpcs, 2), fmt(r.checkedMb, 2), int(r.findings), int(r.rssBeforeMb), int(r.peakRssMb)]),
)}`);
}

export const lexiconSection: Section = {
  name: 'lexicon',
  about: 'lexicon-size curves: 1k / 10k / 100k dictionary-word fuzzy targets, fuzzy on/off, MB/s, ready time, peak RSS (children)',
  run: lexicon,
  children: { lexicon: childLexicon },
};
