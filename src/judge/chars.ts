/**
 * Character classes the judge's rules reason with, and small readers of the text around a
 * candidate (which character is visible next, whether Han text runs on). Pure functions of the text.
 */
import { isHan } from '../fuzzy/align.js';

const codes = (chars: string): ReadonlySet<number> => new Set(chars.split('').map((c) => c.charCodeAt(0)));

/**
 * Function characters: leaving one out of a phrase (更加紧密地团结 -> 更加紧密团结, 党的自我革命 ->
 * 党自我革命) or putting one in (中华各民族) is a wording choice, not a misspelling.
 */
export const FUNCTION_CHARS = codes('的地得之和与及并而且或在对于为以把被了着过各每其该此这那也都就又还更很好等们到则');
/**
 * Suffixes of bodies' names: a name cut before one names a field or a body of another level
 * (住房和城乡建设领域, 人力资源和社会保障局), not a misspelling of the ministry.
 */
export const BODY_SUFFIXES = codes('部局厅委院会室办署处司科所长');
/**
 * Particles and conjunctions a political phrase may drop without becoming wrong (更加紧密地团结 ->
 * 更加紧密团结, 建设者和接班人 -> 建设者、接班人); 以 or 为 may not (以习近平同志为核心的党中央).
 */
export const DROPPABLE_CHARS = codes('的地得之和与及并而且或了着过们等');
/** Conjunctions: one joins two things, so at a phrase's first or last character it is a piece of a word (碳中和). */
export const CONJUNCTIONS = codes('和与及并而且或');
/** Prepositions that stand before a noun phrase (从|国家数据局, 向|全球发展倡议). */
export const PREPOSITIONS = codes('从向自由给跟同让使将');
/** Negations: a phrase's edge character replaced by one of these ends the phrase (安全不动摇). */
export const NEGATIONS = codes('不没未非无');
/** Copulas and auxiliaries that join a subject to its predicate (新时代是中国特色社会主义新时代, 大湾区将建设). */
export const COPULAS = codes('是将要');
/** Modal verbs, which stand before a predicate (人与自然应和谐共生). */
export const MODALS = codes('应能会要可须需该愿敢');
/** Chinese numeral characters. */
export const NUMERALS = codes('零〇一二三四五六七八九十百千万两');

export const isFunctionChar = (c: number): boolean => FUNCTION_CHARS.has(c);
export const isNumeral = (c: number): boolean => NUMERALS.has(c);
export const isLineBreak = (c: number): boolean => c === 10 || c === 13;

/** A space typed to separate items (ASCII or ideographic; a no-break space comes from markup). */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000;
}

/** ASCII or full-width letters and digits. */
export function isAlnum(c: number): boolean {
  const a = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
  return (a >= 0x30 && a <= 0x39) || (a >= 0x41 && a <= 0x5a) || (a >= 0x61 && a <= 0x7a);
}

/** Tells the code units the matcher skips inside phrases (spaces, invisible characters, line breaks). */
export type IsSkip = (c: number) => boolean;

/** Index of the first visible code unit from `from` in direction `step`, or -1. */
export function nextVisible(text: string, from: number, step: 1 | -1, isSkip: IsSkip): number {
  for (let i = from; i >= 0 && i < text.length; i += step) if (!isSkip(text.charCodeAt(i))) return i;
  return -1;
}

/** Visible code units in text[a, b). */
export function visibleBetween(text: string, a: number, b: number, isSkip: IsSkip): number {
  let n = 0;
  for (let i = a; i < b; i++) if (!isSkip(text.charCodeAt(i))) n++;
  return n;
}

/** Whether the first visible character from `from` in direction `step` is Han (or a letter or digit); a line break sets text off. */
export function hanBeside(text: string, from: number, step: 1 | -1, isSkip: IsSkip): boolean {
  for (let i = from; i >= 0 && i < text.length; i += step) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) return false;
    // Letters and digits run on as well (SDR篮子货币: the stump belongs to an abbreviation).
    if (!isSkip(c)) return isHan(c) || isAlnum(c);
  }
  return false;
}

/** Whether the text on either side of [start, end) continues with a Han character (not set off by punctuation). */
export function runsOnIntoHan(text: string, start: number, end: number, isSkip: IsSkip): boolean {
  return hanBeside(text, start - 1, -1, isSkip) || hanBeside(text, end, 1, isSkip);
}

/** Whether a typed space stands between visible characters of [start, end). */
export function holdsTypedSpace(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end - 1; i++) if (isSpace(text.charCodeAt(i))) return true;
  return false;
}

/** Whether an invisible character or a no-break space stands between visible ones in [start, end). */
export function holdsInnerNoise(text: string, start: number, end: number, isSkip: IsSkip): boolean {
  for (let i = start + 1; i < end - 1; i++) {
    const c = text.charCodeAt(i);
    // Typed spaces (ASCII, ideographic) also separate headline items (精神 明天); an invisible
    // character or a no-break space inside Han text never does.
    if (isSkip(c) && !isLineBreak(c) && !isSpace(c)) return true;
  }
  return false;
}

export { isHan };
