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
import { fmt, int, mbps, measure, table } from '../lib/stats.js';
import { createChecker } from '../../src/index.js';
import { buildAutomaton } from '../../src/match/automaton.js';
import { scan } from '../../src/match/scan.js';

interface Row {
  name: string;
  ms: number;
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

function measureRows(corpus: Corpus, phrases: readonly string[]): { rows: Row[]; expected: Reference } {
  const ref = new MinimalAutomaton(phrases);
  const expected = reference(corpus, ref, phrases);
  const rows: Row[] = [];
  const run = (name: string, build: () => (t: string) => number, verdict: (n: number) => string, peer = false): void => {
    const t0 = performance.now();
    const f = build();
    const buildMs = performance.now() - t0;
    const m = measure(() => sumLines(corpus.lines, f), { runs: 5 });
    const v = verdict(m.value);
    if (v.startsWith('WRONG')) throw new Error(`${name}: ${v}`);
    rows.push({ name, ms: m.median, build: buildMs, count: m.value, verdict: v, peer, runs: m.runs });
    process.stderr.write(`  ${name}: ${fmt(mbps(corpus.utf8Bytes, m.median))} MB/s\n`);
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
  return { rows, expected };
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

/** Issue 14's three speed ratios, measured in this process on the same documents. */
function headline(ctx: BenchContext, rows: Row[]): string {
  const ms = (name: string): number | undefined => rows.find((r) => r.name === name)?.ms;
  const fastestPeer = Math.min(...rows.filter((r) => r.peer).map((r) => r.ms));
  const ratio = (a: number | undefined, b: number | undefined): number => (a && b ? b / a : Number.NaN);
  const lines: Array<[string, number, number]> = [
    ['full `check` vs the fastest peer\'s exact scan', ratio(ms(FULL), fastestPeer), 2],
    ['full `check` vs the minimal typed-array automaton', ratio(ms(FULL), ms(MINIMAL)), 0.5],
    ['exact scan with classification vs the bare automaton (src/match/automaton.ts)', ratio(ms(EXACT_SCAN), ms(BARE)), 0.8],
  ];
  for (const [measureName, r, want] of lines) ctx.target({ measure: measureName, now: `${fmt(r, 2)}×`, target: `≥ ${want}×`, met: Number.isFinite(r) ? r >= want : undefined });
  return table(['ratio (MB/s over MB/s)', 'now', 'target', ''], lines.map(([n, r, want]) => [n, `**${fmt(r, 2)}×**`, `≥ ${want}×`, Number.isFinite(r) ? (r >= want ? 'met' : 'not yet') : 'not measured']), 'lrrl');
}

async function peers(ctx: BenchContext): Promise<void> {
  const corpus = ctx.corpus();
  const phrases = phraseList();
  const bytes = corpus.utf8Bytes;
  const { rows, expected } = measureRows(corpus, phrases);
  const floor = rows[0]!.ms;
  const fastestPeer = Math.min(...rows.filter((r) => r.peer).map((r) => r.ms));
  const fastestName = rows.find((r) => r.ms === fastestPeer)!.name;
  ctx.emit(`### tifa vs npm Aho-Corasick peers (exact matching), corpus ${fmt(bytes / 1e6)} MB UTF-8 / ${fmt(corpus.units / 1e6, 2)} M UTF-16 units, ${int(corpus.lines.length)} documents, ${int(phrases.length)} phrases

${headline(ctx, rows)}

Each engine scans every document (one call per document); median of 5 runs after a warm-up (3 when a run takes over 4 s, 1 when the warm-up took over 10 s). Build ms: constructing the engine (for tifa: createChecker).
Reference: ${int(expected.overlapping)} overlapping occurrences (minimal automaton; equal to indexOf on the first 2,000 documents: ${int(expected.naive)}).
Fastest peer: ${fastestName}.

${table(
  ['engine', 'MB/s', 'M chars/s', '× floor', '× fastest peer', 'build ms', 'runs', 'matches', 'check'],
  rows.map((r) => [r.name, fmt(mbps(bytes, r.ms)), fmt(corpus.units / 1e6 / (r.ms / 1000)), fmt(floor / r.ms, 3), fmt(fastestPeer / r.ms, 2), int(r.build), r.runs, int(r.count), r.verdict]),
)}`);
}

export const peersSection: Section = {
  name: 'peers',
  about: 'tifa vs the npm Aho-Corasick peers, the minimal automaton and the floor (same process); the headline ratios',
  run: peers,
};
