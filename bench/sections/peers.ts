/**
 * peers: tifa against exact-only scans by every npm Aho-Corasick peer, the minimal typed-array
 * automaton and the floor, all in this process on the same documents; plus the headline ratios of
 * issue 14 (full check vs the fastest peer and the minimal automaton, exact scan vs bare automaton).
 */
import type { Corpus } from '../lib/corpus.js';
import { MinimalAutomaton, naiveCount } from '../lib/minimal-ac.js';
import { PEERS } from '../lib/peers.js';
import { phraseList, sumLines } from '../lib/phrases.js';
import { scanContexts } from '../lib/scan-context.js';
import type { BenchContext, Section } from '../lib/section.js';
import { fmt, int, mbps, summarize, table } from '../lib/stats.js';
import { createChecker } from '../../src/index.js';
import { buildAutomaton } from '../../src/match/automaton.js';
import { scan } from '../../src/match/scan.js';

interface Row {
  name: string;
  /** Median wall time of a pass over the corpus. */
  ms: number;
  /** Median CPU time of a pass (all threads of the process). */
  cpuMs: number;
  build: number;
  count: number;
  verdict: string;
  peer: boolean;
  runs: number;
}

/** Rows that the headline ratios read, by role. */
const FLOOR = 'floor: charCodeAt loop';
const MINIMAL = 'minimal typed-array automaton (bench/lib/minimal-ac.ts)';
const BARE = 'tifa automaton, exact patterns only (src/match/automaton.ts)';
const EXACT_SCAN = 'tifa scan, exact patterns with classification (src/match/scan.ts, fuzzy off)';
const FULL = '**tifa check, full pipeline** (default lexicons, fuzzy, segmenter)';

/** The bare automaton of src/match/automaton.ts counting overlapping matches, nothing else. */
function tifaExactCounter(phrases: readonly string[]): (text: string) => number {
  const { classOf, step, emits, outStart, outLink } = buildAutomaton(phrases);
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

interface Reference {
  naive: number;
  overlapping: number;
  'own-ends': number;
}

/** The minimal automaton's counts, itself checked against indexOf on the first 2,000 documents. */
function reference(corpus: Corpus, ref: MinimalAutomaton, phrases: readonly string[]): Reference {
  const sample = corpus.lines.slice(0, 2000);
  const naive = sumLines(sample, (l) => naiveCount(l, phrases));
  const refSample = sumLines(sample, (l) => ref.countMatches(l));
  if (naive !== refSample) throw new Error(`reference automaton disagrees with indexOf on the sample: ${refSample} vs ${naive}`);
  return { naive, overlapping: sumLines(corpus.lines, (l) => ref.countMatches(l)), 'own-ends': sumLines(corpus.lines, (l) => ref.countOwnEnds(l)) };
}

interface Engine extends Row {
  f: (text: string) => number;
  walls: number[];
  cpus: number[];
}

/**
 * Times the engines in rounds (one run of each per round, 5 rounds; 3 runs for an engine whose
 * warm-up took over 4 s, 1 over 10 s), so that a load change on the shared machine hits every
 * engine alike; each run records wall and CPU time (all threads of this process).
 */
function timeInRounds(engines: Engine[], lines: readonly string[]): void {
  for (let round = 0; round < 5; round++) {
    for (const e of engines) {
      if (round >= e.runs) continue;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const n = sumLines(lines, e.f);
      e.walls.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      e.cpus.push((c.user + c.system) / 1000);
      if (n !== e.count) throw new Error(`${e.name}: result changed between runs (${e.count} then ${n})`);
    }
  }
  for (const e of engines) {
    e.ms = summarize(e.walls).median;
    e.cpuMs = summarize(e.cpus).median;
  }
}

function measureRows(corpus: Corpus, phrases: readonly string[]): { rows: Row[]; expected: Reference } {
  const ref = new MinimalAutomaton(phrases);
  const expected = reference(corpus, ref, phrases);
  const engines: Engine[] = [];
  const run = (name: string, build: () => (t: string) => number, verdict: (n: number) => string, peer = false): void => {
    const t0 = performance.now();
    const f = build();
    const buildMs = performance.now() - t0;
    const w0 = performance.now();
    const count = sumLines(corpus.lines, f);
    const warm = performance.now() - w0;
    const v = verdict(count);
    if (v.startsWith('WRONG')) throw new Error(`${name}: ${v}`);
    engines.push({ name, f, ms: 0, cpuMs: 0, build: buildMs, count, verdict: v, peer, runs: warm > 10_000 ? 1 : warm > 4000 ? 3 : 5, walls: [], cpus: [] });
    process.stderr.write(`  ${name}: warm-up ${fmt(mbps(corpus.utf8Bytes, warm))} MB/s\n`);
  };
  const same = (kind: 'overlapping' | 'own-ends', why?: string) => (n: number): string =>
    n === expected[kind] ? (kind === 'overlapping' ? '= reference' : `= reference without output links (${why})`) : `WRONG: ${n} matches, expected ${expected[kind]} (${kind})`;
  run(FLOOR, () => (t) => {
    let h = 0;
    for (let i = 0; i < t.length; i++) h = (h + t.charCodeAt(i)) | 0;
    return h === 0x7fffffff ? 1 : 0;
  }, () => 'reads every code unit');
  run(MINIMAL, () => (t) => ref.countMatches(t), same('overlapping'));
  run(BARE, () => tifaExactCounter(phrases), same('overlapping'));
  for (const p of PEERS) run(p.name, () => p.build(phrases), same(p.expect, p.reason), true);
  measureTifa(run);
  process.stderr.write('  timing in rounds...\n');
  timeInRounds(engines, corpus.lines);
  return { rows: engines, expected };
}

type Runner = (name: string, build: () => (t: string) => number, verdict: (n: number) => string) => void;

/** The scan alone (exact), then the full pipeline with and without fuzzy search. */
function measureTifa(run: Runner): void {
  try {
    run(EXACT_SCAN, () => {
      const { exact } = scanContexts();
      return (t) => scan(t, exact).hits.length;
    }, (n) => `${int(n)} hits (normalized forms too)`);
  } catch (error) {
    process.stderr.write(`  ${EXACT_SCAN}: not measured (${(error as Error).message})\n`);
  }
  let first: number | undefined;
  run(FULL, () => {
    const checker = createChecker();
    return (t) => checker.check(t).length;
  }, (n) => {
    first ??= n;
    return n === first && n > 0 ? `${int(n)} findings (stable)` : `WRONG: ${n} findings`;
  });
  run('tifa check, listed forms only (fuzzy: false)', () => {
    const exactOnly = createChecker({ fuzzy: false });
    return (t) => exactOnly.check(t).length;
  }, (n) => `${int(n)} findings`);
}

/** Issue 14's three speed ratios, measured in this process on the same documents (CPU time; wall in brackets). */
function headline(ctx: BenchContext, rows: Row[]): string {
  const by = (name: string): Row | undefined => rows.find((r) => r.name === name);
  const fastest = (k: 'ms' | 'cpuMs'): number => Math.min(...rows.filter((r) => r.peer).map((r) => r[k]));
  const ratio = (a: Row | undefined, b: Row | number | undefined, k: 'ms' | 'cpuMs'): number => {
    const bk = typeof b === 'number' ? b : b?.[k];
    return a && bk ? bk / a[k] : Number.NaN;
  };
  const lines: Array<[string, Row | undefined, Row | 'peer' | undefined, number]> = [
    ["full `check` vs the fastest peer's exact scan", by(FULL), 'peer', 2],
    ['full `check` vs the minimal typed-array automaton', by(FULL), by(MINIMAL), 0.5],
    ['exact scan with classification vs the bare automaton (src/match/automaton.ts)', by(EXACT_SCAN), by(BARE), 0.8],
  ];
  const cells = lines.map(([name, a, b, want]) => {
    const r = ratio(a, b === 'peer' ? fastest('cpuMs') : b, 'cpuMs');
    const w = ratio(a, b === 'peer' ? fastest('ms') : b, 'ms');
    const met = Number.isFinite(r) ? r >= want : undefined;
    ctx.target({ measure: name, now: `${fmt(r, 2)}× (wall ${fmt(w, 2)}×)`, target: `≥ ${want}×`, met });
    return [name, `**${fmt(r, 2)}×**`, `${fmt(w, 2)}×`, `≥ ${want}×`, met === undefined ? 'not measured' : met ? 'met' : 'not yet'];
  });
  return table(['ratio of speeds', 'CPU time', 'wall time', 'target', ''], cells, 'lrrrl');
}

async function peers(ctx: BenchContext): Promise<void> {
  const corpus = ctx.corpus();
  const phrases = phraseList();
  const bytes = corpus.utf8Bytes;
  const { rows, expected } = measureRows(corpus, phrases);
  const floor = rows[0]!.cpuMs;
  const fastestPeer = Math.min(...rows.filter((r) => r.peer).map((r) => r.cpuMs));
  const fastestName = rows.find((r) => r.cpuMs === fastestPeer)!.name;
  ctx.emit(`### tifa vs npm Aho-Corasick peers (exact matching), corpus ${fmt(bytes / 1e6)} MB UTF-8 / ${fmt(corpus.units / 1e6, 2)} M UTF-16 units, ${int(corpus.lines.length)} documents, ${int(phrases.length)} phrases

${headline(ctx, rows)}

Each engine scans every document (one call per document); after a warm-up, the engines run in 5 rounds, one run of each per round (3 runs when the warm-up took over 4 s, 1 over 10 s), so that a change of load on the shared machine hits all of them alike; medians of wall time and of CPU time (all threads of this process). The ratios use CPU time, which the other work on the machine distorts least. Build ms: constructing the engine (for tifa: createChecker).
Reference: ${int(expected.overlapping)} overlapping occurrences (minimal automaton; equal to indexOf on the first 2,000 documents: ${int(expected.naive)}).
Fastest peer (CPU time): ${fastestName}.

${table(
  ['engine', 'MB/s', 'MB per CPU s', 'M chars/s', '× floor (CPU)', '× fastest peer (CPU)', 'build ms', 'runs', 'matches', 'check'],
  rows.map((r) => [r.name, fmt(mbps(bytes, r.ms)), fmt(mbps(bytes, r.cpuMs)), fmt(corpus.units / 1e6 / (r.ms / 1000)), fmt(floor / r.cpuMs, 3), fmt(fastestPeer / r.cpuMs, 2), int(r.build), r.runs, int(r.count), r.verdict]),
)}`);
}

export const peersSection: Section = {
  name: 'peers',
  about: 'tifa vs the npm Aho-Corasick peers, the minimal automaton and the floor (same process); the headline ratios',
  run: peers,
};
