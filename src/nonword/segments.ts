/**
 * The best-segmentation log-probability of a window with its middle swapped (the non-word, then
 * each word it may stand for), without segmenting the whole window again for every version: the
 * part before the middle and the part after it are segmented once (forward and backward), and
 * each version only segments across the middle. Gives what bestSegmentationLogP
 * (src/judge/rules/word-probability.ts) gives for the whole window, with the same word model (longest
 * word 6, unknown characters as rare as a count of 0.5, jieba's total).
 */

import { JIEBA_TOTAL, MAX_WORD, UNKNOWN_COUNT } from '../judge/rules/word-probability.js';

const LOG_TOTAL = Math.log(JIEBA_TOTAL);

/** Log-probability of a word of `count` (a single character may be unknown). */
const logOf = (count: number): number => Math.log(Math.max(count, UNKNOWN_COUNT)) - LOG_TOTAL;

export class WindowSegments {
  private text = '';
  private start = 0;
  private end = 0;
  /** forward[i]: best log P of text[0, i), for i <= start (the same for every middle). */
  private forward = new Float64Array(64);
  /** backward[j]: best log P of text[j, length), for j >= end (the same for every middle). */
  private backward = new Float64Array(64);
  /** The middle's pass: best log P of the version's [0, i). */
  private across = new Float64Array(64);

  /** Takes a window whose middle is [start, end); segments the parts outside the middle. */
  reset(text: string, start: number, end: number, frequency: (w: string) => number): this {
    this.text = text;
    this.start = start;
    this.end = end;
    const n = text.length;
    if (this.forward.length < n + 1) {
      this.forward = new Float64Array(2 * n + 2);
      this.backward = new Float64Array(2 * n + 2);
      this.across = new Float64Array(2 * n + 2);
    }
    const f = this.forward;
    f.fill(-Infinity, 0, start + 1);
    f[0] = 0;
    for (let i = 0; i < start; i++) {
      if (f[i] === -Infinity) continue;
      for (let k = 1; k <= MAX_WORD && i + k <= start; k++) {
        const count = frequency(text.slice(i, i + k));
        if (k > 1 && !(count > 0)) continue;
        const p = f[i]! + logOf(count);
        if (p > f[i + k]!) f[i + k] = p;
      }
    }
    const b = this.backward;
    b.fill(-Infinity, end, n + 1);
    b[n] = 0;
    for (let j = n - 1; j >= end; j--) {
      for (let k = 1; k <= MAX_WORD && j + k <= n; k++) {
        if (b[j + k] === -Infinity) continue;
        const count = frequency(text.slice(j, j + k));
        if (k > 1 && !(count > 0)) continue;
        const p = b[j + k]! + logOf(count);
        if (p > b[j]!) b[j] = p;
      }
    }
    return this;
  }

  /** Best log P of the window with `middle` (as long as the middle) in place of its middle. */
  logP(middle: string, frequency: (w: string) => number): number {
    const { start, end } = this;
    const n = this.text.length;
    const s = this.text.slice(0, start) + middle + this.text.slice(end);
    // Every segmentation has a boundary in [end, end + MAX_WORD - 1] (the word over end - 1 ends there).
    const last = Math.min(n, end + MAX_WORD - 1);
    const a = this.across;
    const from = Math.max(0, start - MAX_WORD + 1);
    for (let i = from; i <= start; i++) a[i] = this.forward[i]!;
    a.fill(-Infinity, start + 1, last + 1);
    for (let i = from; i < last; i++) {
      if (a[i] === -Infinity) continue;
      for (let k = 1; k <= MAX_WORD && i + k <= last; k++) {
        // Words that end at or before the middle are the forward pass's.
        if (i + k <= start) continue;
        const count = frequency(s.slice(i, i + k));
        if (k > 1 && !(count > 0)) continue;
        const p = a[i]! + logOf(count);
        if (p > a[i + k]!) a[i + k] = p;
      }
    }
    let best = -Infinity;
    for (let j = end; j <= last; j++) {
      const p = a[j]! + this.backward[j]!;
      if (p > best) best = p;
    }
    return best;
  }
}
