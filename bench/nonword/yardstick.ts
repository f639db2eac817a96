/**
 * The sentence-level yardstick of issue 13 (a stand-in for the public spelling-check test set):
 * real sentences of the corpus, about half of them with one common word (2-4 characters, not a
 * name) misspelt by one substitution (a homophone, tones ignored, or a character of the same
 * phonetic series: bench/nonword/substitutes.ts, sources independent of tifa's tables), the other
 * half left clean. Sentence-level scores of the full checker:
 *   found      a corrupted sentence with a finding that overlaps the corrupted word;
 *   missed     a corrupted sentence without one;
 *   false alarm a clean sentence with any finding, or a corrupted one whose only findings are elsewhere;
 *   precision = found / (found + false alarms), recall = found / corrupted sentences.
 * Tune on 2019-2025 (`--slice tune`), score on 2026 (`--slice test`, held out: look at counts only).
 *   npx tsx bench/nonword/yardstick.ts [--slice tune|test] [--size 2000] [--seed 13] [--show 30]
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChecker, type Checker, type CheckerOptions } from '../../src/index.js';
import { createJiebaSegmenter } from '../../src/segment/index.js';
import type { Finding } from '../../src/types.js';
import { loadSubstitutes, type Substitutes } from './substitutes.js';
import { seededRandom as seeded } from '../lib/random.js';
import { stringArg } from '../lib/args.js';

const here = dirname(fileURLToPath(import.meta.url));
const CORPUS = join(here, '..', '..', '..', 'shared', 'corpus');
export const SLICES = { tune: [2019, 2020, 2021, 2022, 2023, 2024, 2025], test: [2026] } as const;
/** Part-of-speech tags of names (people, places, bodies, other proper names) in jieba's set. */
const NAME_TAGS = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz']);
const HAN = /^[\u4e00-\u9fff]+$/;

export interface YardstickCase {
  sentence: string;
  /** The date of its document: the sentence is checked as of then (leaders' titles, names in force). */
  date: string;
  /** Present for a corrupted sentence. */
  slip?: { start: number; end: number; word: string; written: string; kind: 'homophone' | 'lookalike' };
}


/** A sentence of the corpus and the date of its document (YYYY-MM-DD). */
export interface CorpusSentence {
  sentence: string;
  date: string;
}

const yearText = (y: number): string => gunzipSync(readFileSync(join(CORPUS, `xwlb-${y}.txt.gz`))).toString('utf8');

/** Sentences of the slice's years: 12-60 characters, ending in 。！？, at least 80 % Han; dated from xwlb-meta.tsv.gz. */
export function corpusSentences(years: readonly number[]): CorpusSentence[] {
  const meta = gunzipSync(readFileSync(join(CORPUS, 'xwlb-meta.tsv.gz'))).toString('utf8').split('\n');
  let line = 0;
  for (let y = 2019; y < years[0]!; y++) line += yearText(y).split('\n').length - 1;
  const out: CorpusSentence[] = [];
  for (const y of years) {
    const docs = yearText(y).split('\n');
    if (docs[docs.length - 1] === '') docs.pop();
    for (const doc of docs) {
      const d = meta[line++]!.split('\t')[1]!;
      const date = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
      // Whole sentences only: one that starts mid-phrase would read as an omission at its start.
      for (const m of doc.matchAll(/(?<=^|[。！？\s])[^。！？\s]{12,60}[。！？]/g)) {
        const s = m[0];
        let han = 0;
        for (const ch of s) if (HAN.test(ch)) han++;
        if (han >= 0.8 * s.length) out.push({ sentence: s, date });
      }
    }
  }
  return out;
}

/** One substitution inside a common word of the sentence, or undefined when it has none to misspell. */
function corrupt({ sentence, date }: CorpusSentence, rnd: () => number, subs: Substitutes, seg: ReturnType<typeof createJiebaSegmenter>): YardstickCase | undefined {
  const tokens = seg.cut(sentence);
  const words: { start: number; word: string }[] = [];
  let at = 0;
  for (const t of tokens) {
    if (t.length >= 2 && t.length <= 4 && HAN.test(t) && (seg.frequency!(t) ?? 0) >= 100 && !NAME_TAGS.has(seg.tag!(t))) words.push({ start: at, word: t });
    at += t.length;
  }
  if (words.length === 0) return undefined;
  for (let tries = 0; tries < 6; tries++) {
    const w = words[Math.floor(rnd() * words.length)]!;
    const pos = Math.floor(rnd() * w.word.length);
    const ch = w.word[pos]!;
    const wantLookalike = rnd() < 0.25;
    let kind: 'homophone' | 'lookalike' = wantLookalike ? 'lookalike' : 'homophone';
    let pool = wantLookalike ? subs.lookalikes(ch) : subs.homophones(ch);
    if (pool.length === 0) {
      kind = wantLookalike ? 'homophone' : 'lookalike';
      pool = wantLookalike ? subs.homophones(ch) : subs.lookalikes(ch);
    }
    if (pool.length === 0) continue;
    const s = pool[Math.floor(rnd() * pool.length)]!;
    const written = w.word.slice(0, pos) + s + w.word.slice(pos + 1);
    const corrupted = sentence.slice(0, w.start) + written + sentence.slice(w.start + w.word.length);
    return { sentence: corrupted, date, slip: { start: w.start, end: w.start + w.word.length, word: w.word, written, kind } };
  }
  return undefined;
}

/** `size` cases of the slice: sentences drawn at random, every other one corrupted. */
export function buildYardstick(slice: keyof typeof SLICES, size: number, seed: number): YardstickCase[] {
  const sentences = corpusSentences(SLICES[slice]);
  const rnd = seeded(seed);
  const subs = loadSubstitutes();
  const seg = createJiebaSegmenter();
  const cases: YardstickCase[] = [];
  const used = new Set<number>();
  for (let guard = 0; cases.length < size && guard < size * 20; guard++) {
    const i = Math.floor(rnd() * sentences.length);
    if (used.has(i)) continue;
    used.add(i);
    if (cases.length % 2 === 1) cases.push(sentences[i]!);
    else {
      const c = corrupt(sentences[i]!, rnd, subs, seg);
      if (c) cases.push(c);
    }
  }
  return cases;
}

export interface YardstickScore {
  corrupted: number;
  clean: number;
  found: number;
  falseAlarms: number;
  precision: number;
  recall: number;
  /** Cases of each outcome, for review (tune slice only). */
  misses: YardstickCase[];
  alarms: { c: YardstickCase; findings: Finding[] }[];
}

export function scoreYardstick(cases: readonly YardstickCase[], check: (s: string, date: string) => Finding[]): YardstickScore {
  const score: YardstickScore = { corrupted: 0, clean: 0, found: 0, falseAlarms: 0, precision: 0, recall: 0, misses: [], alarms: [] };
  for (const c of cases) {
    const findings = check(c.sentence, c.date);
    if (c.slip) {
      score.corrupted++;
      const { start, end } = c.slip;
      if (findings.some((f) => f.start < end && start < f.end)) score.found++;
      else {
        score.misses.push(c);
        if (findings.length > 0) {
          score.falseAlarms++;
          score.alarms.push({ c, findings });
        }
      }
    } else {
      score.clean++;
      if (findings.length > 0) {
        score.falseAlarms++;
        score.alarms.push({ c, findings });
      }
    }
  }
  score.precision = score.found / Math.max(1, score.found + score.falseAlarms);
  score.recall = score.found / Math.max(1, score.corrupted);
  return score;
}

/** A check as of the sentence's quarter (one checker per quarter, made on first use). */
export function checkAsOf(options: CheckerOptions = {}): (s: string, date: string) => Finding[] {
  const checkers = new Map<string, Checker>();
  return (s, date) => {
    // One checker per quarter, as of its middle month (a checker takes about a second to make).
    const quarter = `${date.slice(0, 4)}-${String(Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 2).padStart(2, '0')}`;
    let c = checkers.get(quarter);
    if (!c) checkers.set(quarter, (c = createChecker({ ...options, asOf: `${quarter}-15` })));
    return c.check(s);
  };
}

function arg(name: string, fallback: string): string {
  return stringArg(`--${name}`, fallback);
}

async function main(): Promise<void> {
  const slice = arg('slice', 'tune') as keyof typeof SLICES;
  const size = Number(arg('size', '2000'));
  const seed = Number(arg('seed', '13'));
  const show = slice === 'test' ? 0 : Number(arg('show', '0'));
  const cases = buildYardstick(slice, size, seed);
  const t = performance.now();
  const s = scoreYardstick(cases, checkAsOf());
  const ms = performance.now() - t;
  const pct = (x: number): string => x.toFixed(3);
  process.stdout.write(`yardstick ${slice} (${SLICES[slice].join(',')}), seed ${seed}: ${s.corrupted} corrupted, ${s.clean} clean sentences; found ${s.found}, false alarms ${s.falseAlarms}; precision ${pct(s.precision)}, recall ${pct(s.recall)} (${ms.toFixed(0)} ms)\n`);
  const kinds = { homophone: [0, 0], lookalike: [0, 0] } as Record<string, [number, number]>;
  const missed = new Set(s.misses);
  for (const c of cases) if (c.slip) { kinds[c.slip.kind]![1]++; if (!missed.has(c)) kinds[c.slip.kind]![0]++; }
  process.stdout.write(`  by kind: ${Object.entries(kinds).map(([k, [f, n]]) => `${k} ${f}/${n}`).join(', ')}\n`);
  if (show > 0) {
    for (const a of s.alarms.slice(0, show)) process.stdout.write(`  ALARM ${a.c.sentence} :: ${a.findings.map((f) => `${f.actual}→${f.expected[0] ?? ''} (${f.rule}/${f.entry})`).join('; ')}${a.c.slip ? ` [slip ${a.c.slip.written}→${a.c.slip.word}]` : ''}\n`);
    for (const m of s.misses.slice(0, show)) process.stdout.write(`  MISS ${m.slip!.written}→${m.slip!.word} (${m.slip!.kind}) in ${m.sentence}\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
