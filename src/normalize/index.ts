/**
 * One-to-one normalization of UTF-16 code units, so that offsets into the normalized text are
 * offsets into the caller's text. Built once per checker from the derived table
 * (`dictionaries/derived/normalize.tsv`) plus fixed Unicode ranges; immutable afterwards.
 */
import { NormalizeClass, parseNormalize } from '../confusion/normalize-table.js';

/** Why a code unit is normalized (or ignored). */
export const enum CharKind {
  Plain = 0,
  /** Ignorable inside a phrase: spaces, U+3000, NBSP, zero-width characters, soft hyphen, line breaks. */
  Skip = 1,
  Traditional = 2,
  /** Kangxi radicals, CJK radicals supplement, compatibility ideographs, CJK strokes. */
  Lookalike = 3,
  /** Full-width digits and Latin letters (U+FF10–U+FF19, U+FF21–U+FF3A, U+FF41–U+FF5A). */
  Fullwidth = 4,
}

/**
 * Index of the first code unit at or after `from` (step 1) or at or before it (step -1) that is not
 * skipped inside phrases, or -1 past either end of the text.
 */
export function nextVisible(text: string, from: number, step: 1 | -1, kind: Uint8Array): number {
  let i = from;
  while (i >= 0 && i < text.length && kind[text.charCodeAt(i)] === CharKind.Skip) i += step;
  return i >= 0 && i < text.length ? i : -1;
}

/**
 * Most skipped code units one gap inside a phrase may hold (between two of its characters, or
 * between a fuzzy anchor and the rest of its phrase). Four covers every way text is broken inside
 * a phrase in practice (a space or two, a \r\n hard wrap with two spaces of indentation, a
 * zero-width character beside a space); more blanks than that separate, they do not join. Without
 * a limit 中 + five million line breaks + 华民族 was one phrase, and a streaming window could not
 * hold what a phrase may span (see MAX_PHRASE_SPAN).
 */
export const MAX_GAP = 4;

/**
 * Index of the first code unit at or after `from` (step 1) or at or before it (step -1) that is not
 * skipped inside phrases, when at most MAX_GAP skipped ones lie on the way; else -1 (also past
 * either end of the text). What a phrase may continue with.
 */
export function nextInPhrase(text: string, from: number, step: 1 | -1, kind: Uint8Array): number {
  let i = from;
  for (let skipped = 0; i >= 0 && i < text.length && kind[text.charCodeAt(i)] === CharKind.Skip; i += step) {
    if (++skipped > MAX_GAP) return -1;
  }
  return i >= 0 && i < text.length ? i : -1;
}

export interface Normalizer {
  /** Code unit -> normalized code unit (identity where unchanged). Length 65536. */
  readonly map: Uint16Array;
  /** Code unit -> CharKind. Length 65536. */
  readonly kind: Uint8Array;
  /** Maps every code unit; the result has the same length as the input. */
  normalize(text: string): string;
  /** The normalized text with skip characters removed (for lexicon keys). */
  key(text: string): string;
}

/**
 * Code units ignored inside a phrase. Line breaks are among them because hard-wrapped text splits
 * phrases across lines (视死如\n归); a phrase whose only gap is a line break is not an error.
 */
export const SKIP_CODE_UNITS: readonly number[] = [
  0x0009, 0x000a, 0x000d, 0x0020, 0x00a0, 0x00ad, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x200b, 0x200c, 0x200d, 0x2060, 0x202f, 0x205f, 0x3000, 0xfeff,
  // Middle dots are not skipped: they separate legitimately (脱贫攻坚·督战, 和平·统一·未来).
];


/**
 * Builds a normalizer from the derived table text (`dictionaries/derived/normalize.tsv`: `#` comment
 * lines, then `from<TAB>to<TAB>class`). Throws (a packaging bug, never user content) when a row is
 * malformed.
 */
export function createNormalizer(tableTsv: string): Normalizer {
  // The derived table's reader (src/confusion) gives the map and a class per code unit.
  const { map: tableMap, classes } = parseNormalize(tableTsv);
  const map = tableMap.slice();
  const kind = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    const cls = classes[c]!;
    if (cls !== NormalizeClass.none) kind[c] = cls === NormalizeClass.traditional ? CharKind.Traditional : CharKind.Lookalike;
  }
  // Full-width digits and letters fold to ASCII. Full-width punctuation （，：） is the norm in
  // Chinese text and stays as it is, so lexicon entries are written with it.
  for (let c = 0xff10; c <= 0xff5a; c++) {
    const ascii = c - 0xfee0;
    if ((ascii >= 0x30 && ascii <= 0x39) || (ascii >= 0x41 && ascii <= 0x5a) || (ascii >= 0x61 && ascii <= 0x7a)) {
      map[c] = ascii;
      kind[c] = CharKind.Fullwidth;
    }
  }
  for (const c of SKIP_CODE_UNITS) kind[c] = CharKind.Skip;
  return normalizerFromTables(map, kind);
}

/**
 * A normalizer over tables made by createNormalizer (stored by the build in dist/data/normalize.bin,
 * so that a checker does not parse the table and fill 65,536 entries twice at every start).
 */
export function normalizerFromTables(map: Uint16Array, kind: Uint8Array): Normalizer {
  if (map.length !== 65536 || kind.length !== 65536) throw new RangeError('normalizer tables must have 65536 entries');
  return {
    map,
    kind,
    normalize(text: string): string {
      let out = '';
      let changedFrom = -1;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (map[c] !== c) {
          changedFrom = i;
          break;
        }
      }
      if (changedFrom < 0) return text;
      out = text.slice(0, changedFrom);
      for (let i = changedFrom; i < text.length; i++) out += String.fromCharCode(map[text.charCodeAt(i)]!);
      return out;
    },
    key(text: string): string {
      let out = '';
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (kind[c] !== CharKind.Skip) out += String.fromCharCode(map[c]!);
      }
      return out;
    },
  };
}
