/**
 * The word-probability score: how well the window reads as written and as corrected, as the
 * log-probability of its best segmentation under the dictionary's word frequencies (a unigram
 * model), with a noisy channel for the slip: P(written | corrected) is the chance of a slip of this
 * kind. The written text is meant when it reads at least as well as the correction with the slip:
 *   log P(written) >= log P(corrected) + log P(slip).
 * A shadow rule: `explain` reports its verdict beside the hand-written rules, and the accuracy
 * report compares them, but it decides nothing (it does not yet hold up on its own: see README).
 */
import type { Reading } from '../reading.js';
import { onReading, type JudgeRule } from '../rule.js';

/** Longest dictionary word looked up while segmenting (the non-word stage's window segments share the model). */
export const MAX_WORD = 6;
/** Sum of jieba's counts (dict.txt), the denominator of a word's probability. */
export const JIEBA_TOTAL = 60_101_967;
/** A character the dictionary does not hold as a word reads as this rare. */
export const UNKNOWN_COUNT = 0.5;
/**
 * The chance of a slip, scaled by the edit's confidence (a homophone is likelier than an insertion).
 * Measured (bench/accuracy/word-probability.ts): at 1e-3 the score drops 93 of 521 reported dev-set
 * errors, at 1 it drops 22, at 100 it drops 5 but then agrees with only 61% of the corpus drops.
 */
const SLIP_RATE = 1;

/** Log-probability of the best segmentation of `s` (visible characters only). */
export function bestSegmentationLogP(s: string, frequency: (w: string) => number): number {
  const best = new Float64Array(s.length + 1).fill(-Infinity);
  best[0] = 0;
  for (let i = 0; i < s.length; i++) {
    if (best[i] === -Infinity) continue;
    for (let n = 1; n <= MAX_WORD && i + n <= s.length; n++) {
      const count = frequency(s.slice(i, i + n));
      if (n > 1 && !(count > 0)) continue;
      const p = Math.log(Math.max(count, UNKNOWN_COUNT) / JIEBA_TOTAL);
      if (best[i]! + p > best[i + n]!) best[i + n] = best[i]! + p;
    }
  }
  return best[s.length]!;
}

/** The window's visible text as written, and with the candidate replaced by the phrase. */
function writtenAndCorrected(r: Reading): [string, string] {
  const visible = (a: number, b: number): string => {
    let out = '';
    for (let i = a; i < b; i++) if (!r.isSkip(r.text.charCodeAt(i))) out += r.text[i];
    return out;
  };
  const before = visible(r.from, r.start);
  const after = visible(r.end, r.to);
  return [before + visible(r.start, r.end) + after, before + r.target.text + after];
}

/** The score: log P(written) - log P(corrected) - log P(slip); positive when the text reads as meant. */
export function wordProbabilityScore(r: Reading): { written: number; corrected: number; slip: number; score: number } {
  const [w, c] = writtenAndCorrected(r);
  const frequency = (x: string): number => r.frequency(x);
  const written = bestSegmentationLogP(w, frequency);
  const corrected = bestSegmentationLogP(c, frequency);
  const slip = Math.log(SLIP_RATE * r.candidate.confidence);
  return { written, corrected, slip, score: written - corrected - slip };
}

export const WORD_PROBABILITY_RULE: JudgeRule = {
  id: 'reads-better-as-written',
  appliesTo: { fuzzy: ['substitution', 'omission', 'insertion', 'duplication', 'transposition'] },
  needs: 'frequencies',
  shadow: true,
  doc: 'The window reads at least as well as written as it does corrected with the slip (unigram log-probability of the best segmentation, noisy channel).',
  examples: [],
  decide: onReading((r) => {
    const s = wordProbabilityScore(r);
    return s.score >= 0 ? `log P written ${s.written.toFixed(1)} >= corrected ${s.corrected.toFixed(1)} + slip ${s.slip.toFixed(1)}` : undefined;
  }),
};
