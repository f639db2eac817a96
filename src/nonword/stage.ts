/**
 * The non-word stage: short misspellings nobody listed. A two- or three-character string of the text
 * that is no word but one confusable character away from a frequent word (a neighbour in the
 * table of src/nonword/table.ts, probed as the text streams by) is a draft of a `misspelling`
 * when the clause around it reads better with the word — the best segmentation of the window under
 * the dictionary's word frequencies gains in log-probability — by enough, given how often the word
 * is written ({@link nonwordEvidence} >= {@link NonwordOptions.margin}).
 * Pure: text in, drafts out; the judge (src/nonword/rules.ts and the rules of every finding) decides.
 */
import type { LexiconEntry } from '../lexicon/types.js';
import type { Draft } from '../judge/view.js';
import type { Segmenter } from '../types.js';
import { WindowSegments } from './segments.js';
import { fixBucket, fixChar, fixPosition, type NonwordTable } from './table.js';
import { joinGain } from './pairs.js';

export interface NonwordOptions {
  /** Han characters read on each side of the candidate (inside its clause). Default: 6. */
  context: number;
  /**
   * The evidence ({@link nonwordEvidence}) a neighbour needs to be reported, in nats. Default: 7.5
   * (tuned on 2019-2025 only: bench/nonword/tune.ts).
   */
  margin: number;
  /**
   * Nats of evidence per doubling of the word's dictionary count above {@link PRIOR_REFERENCE_BUCKET}
   * (fewer below it): people slip on the words they write most, and a string one slip from a rare
   * word is as often a rarer word of its own (账期, 衔级). 0 judges by the context alone. Default: 1.
   */
  frequencyWeight: number;
  /**
   * Nats of evidence per nat of {@link joinGain}: how much better the fixed character joins the
   * character beside the candidate, by the corpus's character pairs (the table's, when it has
   * them). On 2024-2025 with the pairs of 2019-2023 it silenced 12 of 38 honest false alarms (台企来,
   * 百毒难侵) and found 4 more of 145 slips of the typo lexicon; the yardstick's random substitutes,
   * which mostly write a rarer character, lose 0.025 of recall (bench/nonword/results.md). 0: off. Default: 1.
   */
  joinWeight: number;
}

export const DEFAULT_NONWORD_OPTIONS: NonwordOptions = { context: 6, margin: 7.5, frequencyWeight: 1, joinWeight: 1 };

/** The word count (as log2) at which the frequency prior adds nothing: 8,192. */
export const PRIOR_REFERENCE_BUCKET = 13;

/**
 * How strongly a neighbour reads as a slip of its word: the context's gain plus a prior on the
 * word's frequency. On the tune slices (honest corpus runs 2022-2025 and the yardstick of
 * 2019-2025) it finds 14 % more slips than the gain alone at the same number of false alarms.
 */
export function nonwordEvidence(c: Pick<ScoredNeighbour, 'gain' | 'bucket'> & Partial<Pick<ScoredNeighbour, 'join'>>, options: Partial<Pick<NonwordOptions, 'frequencyWeight' | 'joinWeight'>> = DEFAULT_NONWORD_OPTIONS): number {
  const { frequencyWeight = DEFAULT_NONWORD_OPTIONS.frequencyWeight, joinWeight = DEFAULT_NONWORD_OPTIONS.joinWeight } = options;
  return c.gain + frequencyWeight * (c.bucket - PRIOR_REFERENCE_BUCKET) + joinWeight * (c.join ?? 0);
}

/** Entries the drafts point at: one per word, shared by every finding of it. */
const ENTRY_SOURCE = 'non-word detection (src/nonword): one confusable character away from a frequent word';
export const NONWORD_CATEGORY = 'nonword';

const isDigit = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const isHan = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

/** Word counts remembered at most (a few MB). */
const MAX_REMEMBERED = 50_000;

/** A neighbour met in the text, and how much better its clause reads with the word. */
export interface ScoredNeighbour {
  start: number;
  end: number;
  written: string;
  word: string;
  /** Index of the replaced character in `written`. */
  position: number;
  /** log P(clause with the word) - log P(clause as written), best segmentations (natural log). */
  gain: number;
  /** log2 of the word's count for the prior: jieba's, or the corpus's scaled when larger (src/nonword/build.ts). */
  bucket: number;
  /** {@link joinGain} of the fix (0 without the table's character pairs). */
  join: number;
}

export class NonwordStage {
  private readonly entries = new Map<string, LexiconEntry>();
  private readonly segments = new WindowSegments();
  private readonly counts = new Map<string, number>();
  private countsFor: Segmenter | undefined;

  constructor(
    private readonly table: NonwordTable,
    private readonly options: NonwordOptions = DEFAULT_NONWORD_OPTIONS,
  ) {}

  /** The drafts of `text` (none without a segmenter that knows word frequencies). */
  drafts(text: string, segmenter: Segmenter | undefined): Draft[] {
    const drafts: Draft[] = [];
    for (const c of this.scored(text, segmenter)) if (nonwordEvidence(c, this.options) >= this.options.margin) drafts.push(this.draftOf(c));
    return drafts;
  }

  /** Every neighbour of the table in `text` with its gain, whatever the margin (for the benches). */
  scored(text: string, segmenter: Segmenter | undefined): ScoredNeighbour[] {
    const out: ScoredNeighbour[] = [];
    if (!segmenter?.frequency) return out;
    const frequency = this.frequencyOf(segmenter);
    const { table } = this;
    const n = text.length;
    let a = text.charCodeAt(0);
    let b = n > 1 ? text.charCodeAt(1) : 0;
    for (let i = 0; i + 1 < n; i++) {
      const c = i + 2 < n ? text.charCodeAt(i + 2) : 0;
      // Right after a digit a neighbour is a count and its unit (1.959亿种), never a slip of 一种.
      if (isHan(a) && isHan(b) && !isDigit(text.charCodeAt(i - 1))) {
        const s2 = table.maybe2(a, b) ? table.find2(a, b) : -1;
        if (s2 >= 0) out.push(this.score(text, i, 2, table.fix(2, s2), table.fix(2, s2, true), frequency));
        if (isHan(c) && table.maybe3(a, b)) {
          const s3 = table.find3(a, b, c);
          if (s3 >= 0) out.push(this.score(text, i, 3, table.fix(3, s3), table.fix(3, s3, true), frequency));
        }
      }
      a = b;
      b = c;
    }
    return out;
  }

  /** How much better the clause around [start, start + length) reads fixed (by the better of its two words). */
  private score(text: string, start: number, length: number, fix: number, alternative: number, frequency: (w: string) => number): ScoredNeighbour {
    const end = start + length;
    const { context } = this.options;
    let from = start;
    while (from > 0 && start - from < context && isHan(text.charCodeAt(from - 1))) from--;
    let to = end;
    while (to < text.length && to - end < context && isHan(text.charCodeAt(to))) to++;
    const written = text.slice(start, end);
    const windowText = text.slice(from, to);
    const segments = this.segments.reset(windowText, start - from, end - from, frequency);
    // A neighbour is no word, even where the dictionary lists it as a rare misspelling (气慨 8).
    const asWritten = segments.logP(written, (w) => (w === written ? 0 : frequency(w)));
    let best: ScoredNeighbour | undefined;
    for (const f of alternative === 0 ? [fix] : [fix, alternative]) {
      const position = fixPosition(f);
      const word = written.slice(0, position) + String.fromCharCode(fixChar(f)) + written.slice(position + 1);
      const gain = segments.logP(word, frequency) - asWritten;
      const join = this.table.pairs ? joinGain(this.table.pairs, text, start, length, position, fixChar(f)) : 0;
      if (!best || gain + this.options.joinWeight * join > best.gain + this.options.joinWeight * best.join) best = { start, end, written, word, position, gain, bucket: fixBucket(f), join };
    }
    return best!;
  }

  /**
   * The segmenter's word counts, remembered: the windows around neighbours look up the same common
   * words again and again, and a lookup in the dictionary's sorted table misses the CPU cache at
   * nearly every step of its binary search. Bounded; forgotten when the segmenter changes.
   */
  private frequencyOf(segmenter: Segmenter): (w: string) => number {
    if (this.countsFor !== segmenter) {
      this.counts.clear();
      this.countsFor = segmenter;
    }
    const { counts } = this;
    return (w) => {
      let n = counts.get(w);
      if (n === undefined) {
        if (counts.size >= MAX_REMEMBERED) counts.clear();
        counts.set(w, (n = segmenter.frequency!(w)));
      }
      return n;
    };
  }

  private draftOf(c: ScoredNeighbour): Draft {
    return {
      rule: 'misspelling',
      severity: 'warning',
      start: c.start,
      end: c.end,
      expected: [c.word],
      entry: this.entryOf(c.word),
      detail: 'substitution',
      // Below the curated entries' fuzzy findings (0.85 and up): nobody listed this word's slips.
      // 0.6 at the margin, 0.1 more for every 2.5 nats of evidence above it, at most 0.8.
      confidence: Math.min(0.8, 0.6 + (nonwordEvidence(c, this.options) - this.options.margin) / 25),
      edit: `${c.written[c.position]}→${c.word[c.position]}`,
      editPos: c.start + c.position,
    };
  }

  private entryOf(word: string): LexiconEntry {
    let e = this.entries.get(word);
    if (!e) {
      e = { id: `nonword:${word}`, kind: 'typo', text: word, variants: [], replacement: [word], source: ENTRY_SOURCE, category: NONWORD_CATEGORY, severity: 'warning', fuzzy: false, unless: [], file: '(non-word table)', line: 0 };
      this.entries.set(word, e);
    }
    return e;
  }
}
