/**
 * False-positive guard for fuzzy candidates: a candidate that reads as real, frequent words in its
 * context is not a typo (中华民国 is not 中华民族 missing 族; 中华各民族 is not 中华民族 with an extra
 * 各). Runs only on candidates that already passed the confusion-aware alignment, on a small window.
 */
import type { Segmenter } from '../types.js';
import type { FuzzyCandidate } from './index.js';

/** Multi-character words at least this frequent (jieba dictionary counts) count as real words. */
export const MIN_WORD_FREQUENCY = 100;
/** A single inserted character this frequent as a word (各, 的, 和 ...) may stand between two words. */
export const MIN_FUNCTION_WORD_FREQUENCY = 5000;
/** Characters of context on each side of the candidate given to the segmenter. */
const WINDOW = 6;

/**
 * Whether the candidate's text, segmented with its context, is made of real words (so it is not a
 * typo). `isSkip` tells code units ignored inside phrases (they are not counted).
 */
export function readsAsRealWords(
  text: string,
  candidate: FuzzyCandidate,
  segmenter: Segmenter,
  isSkip: (c: number) => boolean,
): boolean {
  let from = candidate.start;
  for (let n = 0; from > 0 && n < WINDOW; n++) {
    const c = text.charCodeAt(from - 1);
    if (c === 10 || c === 13 || (c >= 0xdc00 && c <= 0xdfff)) break;
    from--;
  }
  let to = candidate.end;
  for (let n = 0; to < text.length && n < WINDOW; n++) {
    const c = text.charCodeAt(to);
    if (c === 10 || c === 13 || (c >= 0xd800 && c <= 0xdbff)) break;
    to++;
  }
  const window = text.slice(from, to);
  let tokens: string[];
  try {
    tokens = segmenter.cut(window);
  } catch {
    return false;
  }
  if (tokens.join('') !== window) return false; // a segmenter that rewrites text cannot be trusted here
  const frequency = (w: string): number => (segmenter.frequency ? segmenter.frequency(w) : Number.POSITIVE_INFINITY);
  let offset = from;
  for (const token of tokens) {
    const tStart = offset;
    const tEnd = offset + token.length;
    offset = tEnd;
    if (tEnd <= candidate.start || tStart >= candidate.end) continue;
    let visible = 0;
    for (let i = 0; i < token.length; i++) if (!isSkip(token.charCodeAt(i))) visible++;
    if (visible === 0) continue;
    if (visible >= 2 && frequency(token) >= MIN_WORD_FREQUENCY) continue;
    const isInsertedFunctionWord =
      candidate.detail === 'insertion' && visible === 1 && tStart <= candidate.editPos && candidate.editPos < tEnd && frequency(token) >= MIN_FUNCTION_WORD_FREQUENCY;
    if (isInsertedFunctionWord) continue;
    return false;
  }
  return true;
}
