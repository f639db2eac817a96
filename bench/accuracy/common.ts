/**
 * Shared pieces of the accuracy benchmark: the dev-set row type, a seeded PRNG, and readers for the
 * corpus (../shared/corpus, read at bench time only; never copied into the repo in bulk).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { seededRandom } from '../lib/random.js';

/** The error types of the dev set (the `type` of a label; recall is reported per type). */
export const ERROR_TYPES = [
  'sub-homophone',
  'sub-near-homophone',
  'sub-lookalike',
  'sub-two',
  'omission-interior',
  'omission-edge',
  'insertion',
  'duplication',
  'transposition',
  'noise-space',
  'noise-ideographic-space',
  'noise-zero-width',
  'noise-nbsp',
  'traditional',
  'lookalike-kangxi',
  'lookalike-radical',
  'lookalike-compat',
  'noise+substitution',
  'noise+omission',
  'noise+insertion',
  'noise+transposition',
  'noise+traditional',
  'listed',
  'real',
] as const;
export type ErrorType = (typeof ERROR_TYPES)[number];

/** One labelled error in a dev-set text. */
export interface Label {
  /** Half-open UTF-16 span of the erroneous text. */
  start: number;
  end: number;
  /** The correct phrase. */
  expected: string;
  /** The `detail` tifa should report (informative: recall does not require it). */
  detail: string;
  /** How the error was made (recall is reported per type). */
  type: ErrorType;
  /** Lexicon entry id of the phrase. */
  entry: string;
}

/** One dev-set line (JSONL). Negatives have `findings: []`. */
export interface Case {
  id: string;
  text: string;
  findings: Label[];
  /** Where the sentence comes from (corpus date, or the public notice for real errors). */
  origin: string;
  /** For negatives: what makes the sentence hard. */
  kind?: string;
}

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/**
 * Where the dev set lives. TIFA_DEV_SET_DIR points both the generator and the report at another
 * folder, to score a held-out set made with another seed (`--seed N`) without touching the
 * committed one.
 */
export const heldOut = process.env.TIFA_DEV_SET_DIR !== undefined && process.env.TIFA_DEV_SET_DIR !== '';
export const devSetDir = heldOut ? resolve(process.env.TIFA_DEV_SET_DIR!) : join(repoRoot, 'test/fixtures/accuracy');
export const POSITIVES_FILE = join(devSetDir, 'positives.jsonl');
export const NEGATIVES_FILE = join(devSetDir, 'negatives.jsonl');

export function readCases(file: string): Case[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Case);
}

export function readDevSet(): { positives: Case[]; negatives: Case[] } {
  return { positives: readCases(POSITIVES_FILE), negatives: readCases(NEGATIVES_FILE) };
}

/** Small seeded PRNG (32-bit state, multiply-xorshift), enough for reproducible sampling. */
export class Rng {
  /** Uniform in [0, 1). */
  readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed >>> 0 || 0x9e3779b9);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new RangeError('pick from an empty list');
    return xs[this.int(xs.length)]!;
  }
  /** Weighted pick (weights >= 0, not all 0). */
  pickWeighted<T>(xs: readonly T[], weight: (x: T) => number): T {
    let total = 0;
    for (const x of xs) total += weight(x);
    let r = this.next() * total;
    for (const x of xs) {
      r -= weight(x);
      if (r < 0) return x;
    }
    return xs[xs.length - 1]!;
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  }
}

export const CORPUS_DIR = process.env.TIFA_CORPUS_DIR ?? join(repoRoot, '../shared/corpus');

export interface Corpus {
  /** Documents (one news item per line), in year order. */
  lines: string[];
  /** `YYYYMMDD` of each line (from xwlb-meta.tsv.gz), or '' when unknown. */
  dates: string[];
}

/** Reads the whole corpus (about 21 M characters): a few seconds. */
export function readCorpus(dir: string = CORPUS_DIR): Corpus {
  if (!existsSync(join(dir, 'README.md'))) throw new Error(`corpus not found in ${dir} (set TIFA_CORPUS_DIR)`);
  const lines: string[] = [];
  for (let year = 2019; year <= 2026; year++) {
    const file = join(dir, `xwlb-${year}.txt.gz`);
    if (!existsSync(file)) continue;
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    for (const l of text.split('\n')) if (l !== '') lines.push(l);
  }
  const dates: string[] = [];
  const metaFile = join(dir, 'xwlb-meta.tsv.gz');
  if (existsSync(metaFile)) {
    for (const row of gunzipSync(readFileSync(metaFile)).toString('utf8').split('\n')) {
      if (row === '') continue;
      dates.push(row.split('\t')[1] ?? '');
    }
  }
  if (dates.length !== lines.length) dates.length = 0;
  while (dates.length < lines.length) dates.push('');
  return { lines, dates };
}
