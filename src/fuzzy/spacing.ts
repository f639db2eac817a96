/**
 * Headline spacing. News pages set the items of a title apart with a typed space (【新发展 新格局】,
 * “碳达峰 碳中和”, 习近平 同志们：), and such a space inside a phrase is a separator, not a slip.
 * It is told apart from a stray space (中 华民族, 脱贫 攻坚 in running prose) by two signs together:
 * - it falls between two words of the phrase's own segmentation (never inside a word: 中 华民族);
 * - the text around already uses typed spaces between words as separators (a title line), within
 *   SPACING_WINDOW code units on the same line outside the phrase.
 * Invisible characters and no-break spaces are never separators: they come from markup or copy and
 * paste, so this rule does not apply to them.
 */
import type { Segmenter } from '../types.js';
import { isHan } from './align.js';

/** Code units looked at on each side of the phrase for other separating spaces. */
export const SPACING_WINDOW = 30;

/** A space a person types to separate items: ASCII or ideographic. */
export function isTypedSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000;
}

const isBreak = (c: number): boolean => c === 10 || c === 13;

/** Whether a typed space at `i` separates two visible non-space characters (one of them Han). */
function separatorAt(text: string, i: number): boolean {
  if (!isTypedSpace(text.charCodeAt(i))) return false;
  let a = i - 1;
  while (a >= 0 && isTypedSpace(text.charCodeAt(a))) a--;
  let b = i + 1;
  while (b < text.length && isTypedSpace(text.charCodeAt(b))) b++;
  if (a < 0 || b >= text.length) return false;
  const ca = text.charCodeAt(a);
  const cb = text.charCodeAt(b);
  if (isBreak(ca) || isBreak(cb)) return false;
  return isHan(ca) || isHan(cb);
}

/** Whether the line around [start, end) holds a separating space outside it. */
export function lineUsesSpaces(text: string, start: number, end: number): boolean {
  for (let i = start - 1, n = 0; i >= 0 && n < SPACING_WINDOW; i--, n++) {
    if (isBreak(text.charCodeAt(i))) break;
    if (separatorAt(text, i)) return true;
  }
  for (let i = end, n = 0; i < text.length && n < SPACING_WINDOW; i++, n++) {
    if (isBreak(text.charCodeAt(i))) break;
    if (separatorAt(text, i)) return true;
  }
  return false;
}

/**
 * Whether every skipped code unit inside text[start, end) is a typed space between two words of
 * `phrase` (the normalized phrase matched there), on a line that separates items with spaces.
 * `isSkip` tells the code units the matcher ignores.
 */
export function spacesSeparateWords(text: string, start: number, end: number, phrase: string, segmenter: Segmenter, isSkip: (c: number) => boolean): boolean {
  const gaps: number[] = []; // phrase characters before each gap
  let visible = 0;
  let inGap = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isSkip(c)) {
      if (!isTypedSpace(c)) return false;
      if (!inGap) gaps.push(visible);
      inGap = true;
    } else {
      visible++;
      inGap = false;
    }
  }
  if (gaps.length === 0) return false;
  const boundaries = new Set<number>();
  let at = 0;
  for (const word of segmenter.cut(phrase)) boundaries.add((at += word.length));
  for (const g of gaps) if (g === 0 || !boundaries.has(g)) return false;
  return lineUsesSpaces(text, start, end);
}
