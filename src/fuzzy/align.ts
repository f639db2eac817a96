/**
 * Bounded alignment of one side of a phrase against the text next to an exact anchor.
 *
 * A fuzzy candidate is found when a piece of a phrase (an anchor) matches exactly; the rest of the
 * phrase must then match the text on either side with few, typed edits. The edits allowed are the
 * ones real misspellings show: confusable substitutions (homophone, near-homophone, look-alike),
 * one missing character, one extra character, or two swapped neighbours. Everything here works on
 * small preallocated arrays and returns its result through a reused object: it runs on every
 * anchor hit, so it must not allocate.
 */

export const enum EditKind {
  None = 0,
  Substitution = 1,
  Omission = 2,
  Insertion = 3,
  Transposition = 4,
}

export interface SideResult {
  /** Whether the side matched within the budget. */
  ok: boolean;
  /** Number of confusable substitutions (sub-only alignments). */
  subs: number;
  /** The single non-substitution edit, or None. */
  edit: EditKind;
  /** Phrase index (in reading order of the side) where the edit or first substitution is. */
  at: number;
  /** Text characters consumed by the side. */
  textLength: number;
  /** Confusion kinds of the substitutions (bit set: 1 homophone, 2 near-homophone, 4 lookalike, OTHER_SUB, SHAPE_SUB). */
  subKinds: number;
}

/** `subKinds` bit of a substitution by a character confusable with nothing (see alignSide's `otherSub`). */
export const OTHER_SUB = 8;

/** `subKinds` bit of a substitution by a weaker look-alike (confusion kind `shape`, Unihan shape codes). */
export const SHAPE_SUB = 16;

/** Confusion kind of a pair of code units: 0 none, 1 homophone, 2 near-homophone, 4 look-alike, SHAPE_SUB. */
export type ConfusionOf = (expected: number, actual: number) => number;

/** A ConfusionOf from a confusion's `kind` (src/confusion: homophone, near-homophone, lookalike, shape). */
export function confusionBits(confusion: { kind(expected: number, actual: number): string | null }): ConfusionOf {
  return (a, b) => {
    const k = confusion.kind(a, b);
    return k === null ? 0 : k === 'homophone' ? 1 : k === 'near-homophone' ? 2 : k === 'lookalike' ? 4 : SHAPE_SUB;
  };
}

/** True for code units that may be an inserted character (Han ideographs only; punctuation ends a phrase). */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * Aligns `phrase[p0..p0+r)` with `text[0..textCount)` (both in reading order away from the anchor).
 * `maxSubs`: substitutions allowed when no other edit is made; `allowEdit`: whether one omission,
 * insertion or transposition may be made instead; `edgeOmission`: whether the last phrase
 * character (the phrase's outer edge) may be the missing one; `otherSub`: whether, instead, one
 * substitution by a character confusable with nothing may be made, not at the phrase's first or
 * last character (a slip of any kind inside a long phrase; the caller allows no other edit with it).
 */
export function alignSide(
  phrase: Uint16Array,
  p0: number,
  r: number,
  text: Int32Array,
  textCount: number,
  maxSubs: number,
  allowEdit: boolean,
  edgeOmission: boolean,
  confusion: ConfusionOf,
  out: SideResult,
  otherSub = false,
): void {
  out.ok = false;
  out.subs = 0;
  out.edit = EditKind.None;
  out.at = -1;
  out.textLength = 0;
  out.subKinds = 0;
  if (r === 0) {
    out.ok = true;
    return;
  }
  const first = alignSubstitutions(phrase, p0, r, text, textCount, maxSubs, confusion, out, otherSub);
  if (out.ok || !allowEdit) return;
  alignOneEdit(phrase, p0, r, text, textCount, first, edgeOmission, out);
}

/**
 * Same length, substitutions only: sets `out` when the side aligns that way (exactly or with up to
 * `maxSubs` confusable substitutions); returns the first position where text and phrase differ.
 */
function alignSubstitutions(phrase: Uint16Array, p0: number, r: number, text: Int32Array, textCount: number, maxSubs: number, confusion: ConfusionOf, out: SideResult, otherSub: boolean): number {
  let first = -1;
  if (textCount < r) {
    for (let i = 0; i < textCount; i++) if (phrase[p0 + i] !== text[i]) return i;
    return textCount;
  }
  let subs = 0;
  let kinds = 0;
  for (let i = 0; i < r; i++) {
    const p = phrase[p0 + i]!;
    const t = text[i]!;
    if (p === t) continue;
    if (first < 0) first = i;
    let k = subs < maxSubs ? confusion(p, t) : 0;
    // One substitution by an unconfusable character, alone and inside the phrase.
    if (k === 0 && otherSub && subs === 0 && p0 + i > 0 && p0 + i < phrase.length - 1 && isHan(t)) k = OTHER_SUB;
    if (k === 0 || (kinds & OTHER_SUB) !== 0) return first;
    subs++;
    kinds |= k;
  }
  out.ok = true;
  out.textLength = r;
  if (first >= 0) {
    out.subs = subs;
    out.at = first;
    out.subKinds = kinds;
  }
  return first;
}

/** One transposition, insertion or omission at the first difference `q` (tried in that order); sets `out` when one aligns the side. */
function alignOneEdit(phrase: Uint16Array, p0: number, r: number, text: Int32Array, textCount: number, q: number, edgeOmission: boolean, out: SideResult): void {
  // 2. Transposition (before omission: 绝不于耳 is 不绝于耳 swapped, not missing 绝) of phrase[q], phrase[q+1].
  if (q + 1 < r && textCount >= r && text[q] === phrase[p0 + q + 1] && text[q + 1] === phrase[p0 + q] && rangeEqual(phrase, p0 + q + 2, text, q + 2, r - q - 2)) {
    out.ok = true;
    out.edit = EditKind.Transposition;
    out.at = q;
    out.textLength = r;
    return;
  }
  // 3. Insertion: an extra Han character before phrase[q] (never past the outer edge); tried before
  //    omission, which would otherwise explain 不毛之问地 as 不毛之 cut short.
  if (q < r && textCount >= r + 1 && isHan(text[q]!) && rangeEqual(phrase, p0 + q, text, q + 1, r - q)) {
    out.ok = true;
    out.edit = EditKind.Insertion;
    out.at = q;
    out.textLength = r + 1;
    return;
  }
  // 4. Omission: phrase[q] missing. Of a doubled character (惴惴不安 -> 惴不安) the one nearer the
  //    anchor is taken as missing, so the edit stays inside the phrase rather than at its edge.
  let o = q;
  while (o > 0 && o < r && phrase[p0 + o - 1] === phrase[p0 + o]) o--;
  if (o < q && rangeEqual(phrase, p0 + o + 1, text, o, r - 1 - o) && textCount >= r - 1) {
    out.ok = true;
    out.edit = EditKind.Omission;
    out.at = o;
    out.textLength = r - 1;
    return;
  }
  if (q < r && (q < r - 1 || edgeOmission) && textCount >= r - 1 && rangeEqual(phrase, p0 + q + 1, text, q, r - 1 - q)) {
    out.ok = true;
    out.edit = EditKind.Omission;
    out.at = q;
    out.textLength = r - 1;
  }
}

function rangeEqual(a: Uint16Array, aFrom: number, b: Int32Array, bFrom: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (a[aFrom + i] !== b[bFrom + i]) return false;
  return true;
}
