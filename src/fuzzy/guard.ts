/**
 * False-positive guards for fuzzy candidates. A candidate that already passed the confusion-aware
 * alignment is still not a typo when the text around it reads as real words:
 * - the edited character belongs to a frequent word (中华各民族: 各 is a word of its own between
 *   中华 and 民族; 统筹好发展: 好);
 * - a frequent word crosses the candidate's boundary, gluing its edge to the text outside
 *   (全国安全形势 is not 国家安全 missing 家: 国 belongs to 全国);
 * - a phrase cut short at its edge is followed (or preceded) by more Han text: the text just says
 *   something shorter (生态环境质量 is not 生态环境部 missing 部).
 * Runs only on candidates, on a small window, so segmentation never touches the whole text.
 */
import type { Segmenter } from '../types.js';
import { EDGE_OMISSION_LENGTH, type FuzzyCandidate } from './index.js';
import { isHan } from './align.js';

/** Multi-character words at least this frequent (jieba dictionary counts) count as real words. */
export const MIN_WORD_FREQUENCY = 100;
/**
 * A dictionary word that crosses the candidate's edge glues it to the text outside (jieba without
 * HMM returns only dictionary words as multi-character tokens, and compounds such as 依法治国 have
 * tiny counts, so any count will do).
 */
export const MIN_CROSSING_FREQUENCY = 1;
/** A single inserted character this frequent as a word (各, 好 ...) may stand between two words. */
export const MIN_FUNCTION_WORD_FREQUENCY = 5000;

/**
 * Function characters: leaving one out of a phrase (更加紧密地团结 -> 更加紧密团结, 党的自我革命 ->
 * 党自我革命) or putting one in (中华各民族) is a wording choice, not a misspelling.
 */
const FUNCTION_CHARS = new Set('的地得之和与及并而且或在对于为以把被了着过各每其该此这那也都就又还更很好等们'.split('').map((c) => c.charCodeAt(0)));

/** Whether an omitted or inserted character is a function character. */
export function isFunctionChar(code: number): boolean {
  return FUNCTION_CHARS.has(code);
}
/** Characters of context on each side of the candidate given to the segmenter. */
const WINDOW = 6;

/** Whether a missing edge character is plausible: the text beside the cut edge is not more Han text. */
export function edgeOmissionPlausible(text: string, candidate: FuzzyCandidate, phraseLength: number, isSkip: (c: number) => boolean): boolean {
  if (candidate.detail !== 'omission') return true;
  const atStart = candidate.editPos === candidate.start;
  const atEnd = candidate.editPos === candidate.end;
  if (!atStart && !atEnd) return true;
  if (phraseLength < EDGE_OMISSION_LENGTH) return false;
  if (atEnd) {
    for (let i = candidate.end; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!isSkip(c)) return !isHan(c);
    }
    return true;
  }
  for (let i = candidate.start - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (!isSkip(c)) return !isHan(c);
  }
  return true;
}

/**
 * An omission that leaves a single character between the gap and the candidate's edge (法治_国,
 * 伟大_国) is only evidence of a typo if that character does not form a word with the text beside
 * it (依法, 国际): the segmenter's own choice is not enough, so the bigram is looked up directly.
 */
function loneEdgeGlued(text: string, candidate: FuzzyCandidate, frequency: (w: string) => number, isSkip: (c: number) => boolean): boolean {
  const visibleBetween = (a: number, b: number): number => {
    let n = 0;
    for (let i = a; i < b; i++) if (!isSkip(text.charCodeAt(i))) n++;
    return n;
  };
  const neighbour = (from: number, step: number): number => {
    for (let i = from; i >= 0 && i < text.length; i += step) if (!isSkip(text.charCodeAt(i))) return i;
    return -1;
  };
  if (visibleBetween(candidate.start, candidate.editPos) === 1) {
    const outside = neighbour(candidate.start - 1, -1);
    const edge = neighbour(candidate.start, 1);
    if (isFunctionChar(text.charCodeAt(edge))) return true;
    if (outside >= 0 && isHan(text.charCodeAt(outside)) && frequency(text[outside]! + text[edge]!) >= MIN_CROSSING_FREQUENCY) return true;
  }
  if (visibleBetween(candidate.editPos, candidate.end) === 1) {
    const outside = neighbour(candidate.end, 1);
    const edge = neighbour(candidate.end - 1, -1);
    if (isFunctionChar(text.charCodeAt(edge))) return true;
    if (outside >= 0 && isHan(text.charCodeAt(outside)) && frequency(text[edge]! + text[outside]!) >= MIN_CROSSING_FREQUENCY) return true;
  }
  return false;
}

/**
 * Whether the candidate's text, segmented with its context, reads as real words (so it is not a
 * typo). `isSkip` tells code units ignored inside phrases (they are not counted).
 */
export function readsAsRealWords(text: string, candidate: FuzzyCandidate, segmenter: Segmenter, isSkip: (c: number) => boolean): boolean {
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
  const { start, end, editPos, detail } = candidate;
  if ((detail === 'omission' || detail === 'insertion') && candidate.editChar !== undefined && isFunctionChar(candidate.editChar)) return true;
  if (detail === 'omission' && loneEdgeGlued(text, candidate, frequency, isSkip)) return true;
  let offset = from;
  let covered = 0; // candidate characters inside frequent multi-character words
  let visibleInCandidate = 0;
  for (const token of tokens) {
    const tStart = offset;
    const tEnd = offset + token.length;
    offset = tEnd;
    if (tEnd <= start || tStart >= end) continue;
    let visible = 0;
    for (let i = 0; i < token.length; i++) if (!isSkip(token.charCodeAt(i))) visible++;
    if (visible === 0) continue;
    const holdsEdit = detail === 'omission' ? tStart < editPos && editPos < tEnd : tStart <= editPos && editPos < tEnd;
    const crossesEdge = tStart < start || tEnd > end;
    const freq = visible >= 2 || holdsEdit ? frequency(token) : 0;
    // A duplicated character always sits next to its twin inside the phrase's own word: skip that test.
    if (visible >= 2 && holdsEdit && detail !== 'duplication' && freq >= MIN_WORD_FREQUENCY) return true;
    if (visible >= 2 && crossesEdge && freq >= MIN_CROSSING_FREQUENCY) return true;
    if (visible === 1 && detail === 'insertion' && holdsEdit && freq >= MIN_FUNCTION_WORD_FREQUENCY) return true;
    const inside = Math.min(tEnd, end) - Math.max(tStart, start);
    visibleInCandidate += inside;
    if (visible >= 2 && freq >= MIN_WORD_FREQUENCY) covered += inside;
  }
  // A phrase missing a character that still reads as frequent words says something else (中国现代化).
  return detail === 'omission' && visibleInCandidate > 0 && covered === visibleInCandidate;
}
