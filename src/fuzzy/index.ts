/**
 * Fuzzy search for misspellings of phrases the lexicon does not list verbatim.
 *
 * Pigeonhole anchoring: any single edit leaves one half of a phrase intact, and two substitutions
 * leave one third intact; so the halves (and, for phrases of 6+ characters, the thirds) join the
 * one Aho-Corasick automaton as anchor patterns. When an anchor matches, `verifyAnchor` aligns the
 * rest of the phrase with the text on both sides (align.ts). The one single edit no half survives,
 * swapping the two characters around the middle, is added as an exact pattern instead.
 */
import { CharKind, MAX_GAP, nextInPhrase } from '../normalize/index.js';
import { alignSide, EditKind, isHan, OTHER_SUB, SHAPE_SUB, type ConfusionOf, type SideResult } from './align.js';
import type { ErrorDetail } from '../types.js';

/** Smallest phrase length (code units) searched fuzzily. */
export const MIN_FUZZY_LENGTH = 4;
/** Phrases this long or longer may carry two substitutions. */
export const TWO_SUBS_LENGTH = 6;
/**
 * Phrases this long or longer may miss their first or last character. A shorter phrase cut at its
 * edge mostly reads as another word (大势所|决定, 同心同|力); the judge further asks a phrase under 8
 * characters cut where the text runs on to leave a broken word behind (rule omission-edge-short-phrase).
 */
export const EDGE_OMISSION_LENGTH = 5;
/**
 * Curated phrases this long or longer may carry one substitution by a character confusable with
 * nothing (not at their first or last character), found with lower confidence (OTHER_SUB_CONFIDENCE).
 */
export const OTHER_SUB_LENGTH = 6;
export const OTHER_SUB_CONFIDENCE = 0.65;
/** Confidence of a curated phrase's first or last character written twice (see FuzzyTarget.edgeDuplication). */
export const EDGE_DUPLICATION_CONFIDENCE = 0.8;

export interface FuzzyTarget {
  /** Index of the entry in the compiled lexicon. */
  entry: number;
  /** The normalized phrase. */
  text: string;
  codes: Uint16Array;
  /** `codes` reversed (the left side of an anchor is aligned backwards). */
  reversed: Uint16Array;
  /** Whether one unconfusable substitution may be found in it (see OTHER_SUB_LENGTH). */
  otherSub?: boolean;
  /** Whether its first or last character written twice is searched (curated phrases). */
  edgeDuplication?: boolean;
  /**
   * Searched for one edit only, however long (mined phrases, src/lexicon/bank.ts searchedEdits):
   * its anchors are its halves, not also its thirds, which for a phrase of 6–8 characters are
   * 2-character pieces hit all the time.
   */
  oneEdit?: boolean;
}

/** Whether a phrase can be searched fuzzily: long enough and all Han BMP code units. */
export function isFuzzyEligible(text: string): boolean {
  if (text.length < MIN_FUZZY_LENGTH || text.length > 64) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf))) return false;
  }
  return true;
}

/** The anchor pieces of a phrase: halves, plus thirds for phrases searched for two substitutions (TWO_SUBS_LENGTH or more characters, not `oneEdit`). */
export function anchorPieces(length: number, twoSubs: boolean = length >= TWO_SUBS_LENGTH): Array<[offset: number, length: number]> {
  const m = length >> 1;
  const pieces: Array<[number, number]> = [
    [0, m],
    [m, length - m],
  ];
  if (twoSubs) {
    const a = Math.floor(length / 3);
    const b = Math.floor((2 * length) / 3);
    for (const piece of [
      [0, a],
      [a, b - a],
      [b, length - b],
    ] as Array<[number, number]>) {
      if (!pieces.some((p) => p[0] === piece[0] && p[1] === piece[1])) pieces.push(piece);
    }
  }
  return pieces;
}

/** The phrase with the two characters around its middle swapped (the edit no half survives). */
export function middleSwap(text: string): string {
  const m = text.length >> 1;
  return text.slice(0, m - 1) + text[m] + text[m - 1] + text.slice(m + 1);
}

/**
 * Which kinds of edit of a target are reported (bits; see `KEEP_ALL`): the phrase bank and the
 * idiom list drop some kinds later anyway (src/lexicon/bank.ts, bankKeeps), so the scan neither
 * verifies an anchor whose only possible edit is a dropped kind nor builds the candidate of one.
 */
export const enum Keep {
  Substitution = 1,
  Omission = 2,
  Insertion = 4,
  Duplication = 8,
  Transposition = 16,
}
/** Every kind of edit reported. */
export const KEEP_ALL = 31;

/** A verified fuzzy candidate, in the caller's offsets. */
export interface FuzzyCandidate {
  target: number;
  start: number;
  end: number;
  detail: ErrorDetail;
  confidence: number;
  /** Text position of the edited character (for an omission: where the character is missing). */
  editPos: number;
  /** Number of edits (2 only for two substitutions); 1 when absent. */
  edits?: number;
  /** Set when the substitute is confusable with nothing (a lower-confidence finding; see OTHER_SUB_LENGTH). */
  otherSub?: boolean;
  /** Set for the phrase's first or last character written twice, outside the exact phrase: 1 after it, -1 before it. */
  edgeDuplication?: 1 | -1;
  /** Human-readable edit: e.g. `明→民`, `漏“民”`. */
  edit: string;
  /**
   * The character the edit is about (normalized code unit): the omitted or the inserted one; for
   * substitutions, the phrase's character replaced first.
   */
  editChar?: number;
}

/** Scratch space reused across verifications (one per scan; never shared between concurrent scans). */
export class FuzzyScratch {
  readonly leftCodes = new Int32Array(80);
  readonly leftPos = new Int32Array(80);
  readonly rightCodes = new Int32Array(80);
  readonly rightPos = new Int32Array(80);
  readonly left: SideResult = { ok: false, subs: 0, edit: EditKind.None, at: -1, textLength: 0, subKinds: 0 };
  readonly right: SideResult = { ok: false, subs: 0, edit: EditKind.None, at: -1, textLength: 0, subKinds: 0 };
}

/**
 * Verifies an anchor hit: piece `[offset, offset+pieceLength)` of `target` matched exactly at
 * text `[start, end)`. Returns a candidate when the whole phrase matches within the edit budget
 * with at least one edit, else undefined.
 */
export function verifyAnchor(
  text: string,
  start: number,
  end: number,
  target: FuzzyTarget,
  targetIndex: number,
  offset: number,
  pieceLength: number,
  map: Uint16Array,
  kind: Uint8Array,
  confusion: ConfusionOf,
  s: FuzzyScratch,
  keeps: number = KEEP_ALL,
): FuzzyCandidate | undefined {
  const codes = target.codes;
  const length = codes.length;
  const maxSubs = length >= TWO_SUBS_LENGTH && target.oneEdit !== true ? 2 : 1;
  const edgeOmission = length >= EDGE_OMISSION_LENGTH;
  const leftLength = offset;
  const rightStart = offset + pieceLength;
  const rightLength = length - rightStart;

  // Cheap rejection first: most anchor hits are common words followed or preceded by anything.
  if (rightLength > 0 && !mayContinue(text, end, 1, codes, rightStart, rightLength, edgeOmission, map, kind, confusion, keeps, target.otherSub === true)) return undefined;
  if (rightLength === 0 && leftLength > 0 && !mayContinue(text, start - 1, -1, target.reversed, length - offset, leftLength, edgeOmission, map, kind, confusion, keeps, target.otherSub === true)) {
    return undefined;
  }

  // Right side: phrase[rightStart..) against the text after the anchor.
  const rightCount = readSide(text, end, 1, rightLength + 1, map, kind, s.rightCodes, s.rightPos);
  const otherSub = target.otherSub === true;
  alignSide(codes, rightStart, rightLength, s.rightCodes, rightCount, maxSubs, true, edgeOmission, confusion, s.right, otherSub);
  if (!s.right.ok) return undefined;
  const rightOther = (s.right.subKinds & OTHER_SUB) !== 0;
  // Left side, read backwards: phrase[offset-1], phrase[offset-2], ... against the text before.
  const leftCount = readSide(text, start, -1, leftLength + 1, map, kind, s.leftCodes, s.leftPos);
  // One non-substitution edit is allowed in all, or substitutions up to the budget.
  const leftMaxSubs = s.right.edit !== EditKind.None || rightOther ? 0 : maxSubs - s.right.subs;
  const leftEdit = s.right.edit === EditKind.None && s.right.subs === 0;
  alignSide(target.reversed, length - offset, leftLength, s.leftCodes, leftCount, leftMaxSubs, leftEdit, edgeOmission, confusion, s.left, otherSub && leftEdit);
  if (!s.left.ok) return undefined;
  // An unconfusable substitution is the only edit.
  if ((rightOther || (s.left.subKinds & OTHER_SUB) !== 0) && s.left.subs + s.right.subs + (s.left.edit !== EditKind.None ? 1 : 0) + (s.right.edit !== EditKind.None ? 1 : 0) > 1) return undefined;
  const l = s.left;
  const r = s.right;
  const subs = l.subs + r.subs;
  const edits = subs + (l.edit !== EditKind.None ? 1 : 0) + (r.edit !== EditKind.None ? 1 : 0);
  // The exact phrase is no fuzzy finding, unless a character of its edge is written twice.
  if (edits === 0) return target.edgeDuplication === true && (keeps & Keep.Duplication) !== 0 ? edgeDuplication(text, start, end, target, targetIndex, map, kind, s) : undefined;
  if (l.edit !== EditKind.None && (r.edit !== EditKind.None || r.subs > 0)) return undefined;
  if (r.edit !== EditKind.None && l.subs > 0) return undefined;
  if (keeps !== KEEP_ALL && (keeps & keepOf(text, target, offset, pieceLength, map, s)) === 0) return undefined;

  return describeEdit(text, start, end, target, targetIndex, offset, pieceLength, map, s, subs, edits);
}

/**
 * One character as a string. A module-level function, not a closure per call: verification runs on
 * every anchor hit, and a closure created there costs an allocation (and, under tsx, a naming call).
 */
function ch(c: number): string {
  return String.fromCharCode(c);
}

/**
 * The phrase written out exactly at text [span of `s.left` .. `s.right`], with its last character
 * written again right after it (人类命运共同体体) or its first right before it: a duplication at the
 * edge, or undefined.
 */
function edgeDuplication(text: string, start: number, end: number, target: FuzzyTarget, targetIndex: number, map: Uint16Array, kind: Uint8Array, s: FuzzyScratch): FuzzyCandidate | undefined {
  const codes = target.codes;
  const length = codes.length;
  const phraseStart = s.left.textLength > 0 ? s.leftPos[s.left.textLength - 1]! : start;
  const phraseEnd = s.right.textLength > 0 ? s.rightPos[s.right.textLength - 1]! + 1 : end;
  const after = nextInPhrase(text, phraseEnd, 1, kind);
  const last = codes[length - 1]!;
  // Written right beside the phrase: a character across a space or a line break is the next word's.
  if (after === phraseEnd && map[text.charCodeAt(after)] === last) {
    return { target: targetIndex, start: phraseStart, end: after + 1, detail: 'duplication', confidence: EDGE_DUPLICATION_CONFIDENCE, editPos: after, edit: `多“${ch(last)}”`, edits: 1, editChar: last, edgeDuplication: 1 };
  }
  const before = nextInPhrase(text, phraseStart - 1, -1, kind);
  const first = codes[0]!;
  if (before >= 0 && before === phraseStart - 1 && map[text.charCodeAt(before)] === first) {
    return { target: targetIndex, start: before, end: phraseEnd, detail: 'duplication', confidence: EDGE_DUPLICATION_CONFIDENCE, editPos: before, edit: `多“${ch(first)}”`, edits: 1, editChar: first, edgeDuplication: -1 };
  }
  return undefined;
}

/** The kind of edit of a verified alignment (in `s.left`, `s.right`) as a Keep bit: what describeEdit would call it. */
function keepOf(text: string, target: FuzzyTarget, offset: number, pieceLength: number, map: Uint16Array, s: FuzzyScratch): number {
  const side = s.left.edit !== EditKind.None || (s.left.subs > 0 && s.right.subs === 0) ? 'left' : 'right';
  const sr = side === 'left' ? s.left : s.right;
  switch (sr.edit) {
    case EditKind.Omission:
      return Keep.Omission;
    case EditKind.Transposition:
      return Keep.Transposition;
    case EditKind.Insertion:
      return insertionIsDuplication(text, target.codes, side, offset, pieceLength, map, s) ? Keep.Duplication : Keep.Insertion;
    default:
      return Keep.Substitution;
  }
}

/** Whether the extra character of an insertion on `side` repeats a neighbour in the phrase (a duplication). */
function insertionIsDuplication(text: string, codes: Uint16Array, side: 'left' | 'right', offset: number, pieceLength: number, map: Uint16Array, s: FuzzyScratch): boolean {
  const sr = side === 'left' ? s.left : s.right;
  const phraseIndex = side === 'left' ? offset - 1 - sr.at : offset + pieceLength + sr.at;
  const extra = map[text.charCodeAt((side === 'left' ? s.leftPos : s.rightPos)[sr.at]!)]!;
  const before = side === 'left' ? codes[phraseIndex]! : codes[phraseIndex - 1]!;
  const after = side === 'left' ? codes[phraseIndex + 1] : codes[phraseIndex];
  return extra === before || extra === after;
}

/**
 * The candidate of a verified alignment (in `s.left`, `s.right`): its span, what the edit is
 * (detail, the human-readable edit, the character it is about), where it is, how sure.
 */
function describeEdit(text: string, start: number, end: number, target: FuzzyTarget, targetIndex: number, offset: number, pieceLength: number, map: Uint16Array, s: FuzzyScratch, subs: number, edits: number): FuzzyCandidate {
  const codes = target.codes;
  const length = codes.length;
  const leftLength = offset;
  const rightStart = offset + pieceLength;
  const rightLength = length - rightStart;
  const l = s.left;
  const r = s.right;
  const candStart = l.textLength > 0 ? s.leftPos[l.textLength - 1]! : start;
  const candEnd = r.textLength > 0 ? s.rightPos[r.textLength - 1]! + 1 : end;
  let detail: ErrorDetail;
  let confidence: number;
  let editPos: number;
  let edit: string;
  let editChar: number | undefined;
  const side = l.edit !== EditKind.None || (l.subs > 0 && r.subs === 0) ? 'left' : 'right';
  const sr = side === 'left' ? l : r;
  // Phrase index and text position of the edit, in phrase order.
  const phraseIndex = side === 'left' ? offset - 1 - sr.at : rightStart + sr.at;
  const sidePos = side === 'left' ? s.leftPos : s.rightPos;
  switch (sr.edit) {
    case EditKind.Omission: {
      detail = 'omission';
      confidence = 0.8;
      editPos = sr.at === 0 ? (side === 'left' ? start : end) : side === 'left' ? s.leftPos[sr.at - 1]! : s.rightPos[sr.at - 1]! + 1;
      edit = `漏“${ch(codes[phraseIndex]!)}”`;
      editChar = codes[phraseIndex]!;
      break;
    }
    case EditKind.Insertion: {
      const extraPos = sidePos[sr.at]!;
      const extra = map[text.charCodeAt(extraPos)]!;
      detail = insertionIsDuplication(text, codes, side, offset, pieceLength, map, s) ? 'duplication' : 'insertion';
      confidence = detail === 'duplication' ? 0.9 : 0.75;
      editPos = extraPos;
      edit = `多“${ch(extra)}”`;
      editChar = extra;
      break;
    }
    case EditKind.Transposition: {
      detail = 'transposition';
      confidence = 0.85;
      editPos = sidePos[sr.at]!;
      const a = side === 'left' ? phraseIndex - 1 : phraseIndex;
      edit = `“${ch(codes[a]!)}${ch(codes[a + 1]!)}”颠倒`;
      break;
    }
    default: {
      detail = 'substitution';
      const kinds = l.subKinds | r.subKinds;
      // a near-homophone or a shape-code look-alike is a weaker confusion than a listed one
      confidence = kinds & OTHER_SUB ? OTHER_SUB_CONFIDENCE : kinds & (2 | SHAPE_SUB) ? 0.75 : 0.9;
      if (subs === 2) confidence -= 0.1;
      editPos = sidePos[sr.at]!;
      editChar = codes[phraseIndex]!;
      const parts: string[] = [];
      for (let i = 0; i < l.textLength && i < leftLength; i++) {
        const t = s.leftCodes[i]!;
        const p = target.reversed[length - offset + i]!;
        if (t !== p) parts.unshift(`“${ch(t)}”应为“${ch(p)}”`);
      }
      for (let i = 0; i < r.textLength && i < rightLength; i++) {
        const t = s.rightCodes[i]!;
        const p = codes[rightStart + i]!;
        if (t !== p) parts.push(`“${ch(t)}”应为“${ch(p)}”`);
      }
      edit = parts.join('，');
    }
  }
  if (length >= 8) confidence = Math.min(0.99, confidence + 0.05);
  const candidate: FuzzyCandidate = { target: targetIndex, start: candStart, end: candEnd, detail, confidence, editPos, edit, edits };
  if (((l.subKinds | r.subKinds) & OTHER_SUB) !== 0) candidate.otherSub = true;
  if (editChar !== undefined) candidate.editChar = editChar;
  return candidate;
}

/**
 * Whether the text next to an anchor can possibly continue the phrase side `phrase[p0..p0+r)`:
 * its first character equals the expected one, or the one after it (omission, transposition), or
 * is confusable with it, or is an extra Han character followed by the expected one (insertion).
 * `from` is the first text index to look at and `step` the direction (1 or -1).
 */
function mayContinue(
  text: string,
  from: number,
  step: 1 | -1,
  phrase: Uint16Array,
  p0: number,
  r: number,
  edgeOmission: boolean,
  map: Uint16Array,
  kind: Uint8Array,
  confusion: ConfusionOf,
  keeps: number,
  otherSub: boolean,
): boolean {
  const second = r >= 2 ? phrase[p0 + 1]! : -1;
  if (keeps === KEEP_ALL) return mayContinueWith(text, from, step, phrase[p0]!, second, r === 1 && edgeOmission, map, kind, confusion);
  return mayContinueKept(text, from, step, phrase[p0]!, second, r === 1 && edgeOmission, map, kind, confusion, keeps, phrase[p0 - 1]!, otherSub);
}

/**
 * mayContinue given the side's first character `expected`, its second `second` (-1 when the side
 * has one character) and whether that one character may be omitted at the phrase's edge: what the
 * scanner asks before it touches the target itself (verifyAnchor would reject the same hits).
 */
export function mayContinueWith(text: string, from: number, step: 1 | -1, expected: number, second: number, edgeOmitted: boolean, map: Uint16Array, kind: Uint8Array, confusion: ConfusionOf): boolean {
  const i = nextInPhrase(text, from, step, kind);
  if (i < 0) return edgeOmitted;
  const t = map[text.charCodeAt(i)]!;
  if (t === expected || edgeOmitted || t === second) return true;
  if (!isHan(t)) return false; // confusable and inserted characters are Han
  if (confusion(expected, t) !== 0) return true;
  const j = nextInPhrase(text, i + step, step, kind);
  return j >= 0 && map[text.charCodeAt(j)] === expected;
}

/**
 * mayContinueWith for a target that does not report every kind of edit (`keeps`, Keep bits, short
 * of KEEP_ALL): also false where the side's first character leaves only an edit of a kind not
 * kept: a missing character, or an extra one other than a repeat of `adjacent` (the anchor's
 * character next to the side; what describeEdit compares it with). `otherSub`: the target may
 * carry an unconfusable substitution (a character other than the expected one may be one). A
 * function of its own, so that the targets that keep everything pay nothing for it.
 */
export function mayContinueKept(
  text: string,
  from: number,
  step: 1 | -1,
  expected: number,
  second: number,
  edgeOmitted: boolean,
  map: Uint16Array,
  kind: Uint8Array,
  confusion: ConfusionOf,
  keeps: number,
  adjacent: number,
  otherSub: boolean,
): boolean {
  const omission = (keeps & Keep.Omission) !== 0;
  const i = nextInPhrase(text, from, step, kind);
  if (i < 0) return edgeOmitted && omission;
  const t = map[text.charCodeAt(i)]!;
  if (t === expected) return true;
  if (omission ? edgeOmitted || t === second : t === second && otherSub) return true;
  if (!isHan(t)) return false; // confusable and inserted characters are Han
  if (confusion(expected, t) !== 0) return true;
  const j = nextInPhrase(text, i + step, step, kind);
  if (j < 0 || map[text.charCodeAt(j)] !== expected) return false;
  // `t` is extra (an insertion, a duplication of `adjacent`), or, being `second`, swapped with
  // `expected`, or (otherSub) an unconfusable substitution when the phrase repeats `expected`.
  return otherSub || (t === second && (keeps & Keep.Transposition) !== 0) || (keeps & Keep.Insertion) !== 0 || ((keeps & Keep.Duplication) !== 0 && t === adjacent);
}

/**
 * Reads up to `count` non-skip code units from `from` in direction `step` (backward reads start
 * at `from - 1`), normalized, with their positions; returns how many were read. Reading stops at a
 * gap of more than MAX_GAP skipped code units: a phrase does not continue across it.
 */
function readSide(text: string, from: number, step: 1 | -1, count: number, map: Uint16Array, kind: Uint8Array, codes: Int32Array, pos: Int32Array): number {
  let n = 0;
  let gap = 0;
  for (let i = step > 0 ? from : from - 1; i >= 0 && i < text.length && n < count; i += step) {
    const c = text.charCodeAt(i);
    if (kind[c] === CharKind.Skip) {
      if (++gap > MAX_GAP) break;
      continue;
    }
    gap = 0;
    codes[n] = map[c]!;
    pos[n] = i;
    n++;
  }
  return n;
}
