/**
 * How a reader reads the text around one fuzzy candidate: the window segmented into tokens with
 * their offsets and dictionary frequencies, the phrase's own words, where the edit and the edges
 * stand. Built once per candidate (lazily: a rule that decides early never pays for the rest) and
 * shared by every rule of the judge.
 */
import type { Segmenter } from '../types.js';
import type { FuzzyCandidate } from '../fuzzy/index.js';
import type { Calibration } from './calibration.js';
import { BODY_SUFFIXES, hanBeside, holdsInnerNoise, holdsTypedSpace, isFunctionChar, isHan, isLineBreak, nextVisible, type IsSkip } from './chars.js';
import { lineUsesSpaces } from '../fuzzy/spacing.js';

/** What the judge needs to know of the phrase a fuzzy candidate stands for. */
export interface PhraseTarget {
  /** The phrase (normalized). */
  text: string;
  /** Phrase length in code units. */
  length: number;
  /**
   * A fixed expression (an idiom or a common word from a typo entry): every edit inside it is an
   * error, even of a function character (言而无信 -> 言无信). Mandated political phrases are not
   * fixed in that sense: 更加紧密地团结 and 更加紧密团结 are both correct.
   */
  fixed: boolean;
  /** An idiom (成语): it takes no modifier at all, only a particle (举世|更|瞩目 is a slip). */
  idiom: boolean;
}

/** One token of the window that overlaps the candidate and holds a visible character. */
export interface TokenSpan {
  token: string;
  start: number;
  end: number;
  /** Visible code units of the token. */
  visible: number;
  /** The token holds the edit (for an omission: the gap falls strictly inside it). */
  holdsEdit: boolean;
  /** The token reaches outside the candidate. */
  crossesEdge: boolean;
  /** The token's dictionary count. */
  frequency: number;
}

/** Sums over the candidate's tokens that the stump rules read. */
export interface TokenStats {
  /** Candidate code units inside frequent multi-character words. */
  covered: number;
  visibleInCandidate: number;
  /** Phrase characters left as single-character tokens (particles and conjunctions not counted). */
  strayPhraseChars: number;
  /** Tokens that are neither common words nor common characters. */
  uncommonTokens: number;
  /** Multi-character tokens among the common ones. */
  commonWords: number;
  /** Some word runs from inside the candidate to outside it. */
  gluedOutside: boolean;
}

/** An omission at the candidate's first or last character. */
export interface EdgeCut {
  /** The cut is at the phrase's head (its first character is missing). */
  head: boolean;
  /** The text beside the cut runs on with Han text (not set off by punctuation). */
  runsOn: boolean;
  /** Text index of the stump's character beside the cut. */
  at: number;
}

const HARD_WRAP = /[\r\n]/;

/**
 * Segments `window` as a reader sees it: hard line wraps (CR, LF) are taken out before the
 * segmenter runs, so a word wrapped across two lines (无所作 LF 为) stays one word, then put back
 * inside the token they fell in (or as tokens of their own between words). The tokens join back
 * to `window`; undefined when the segmenter rewrote the text.
 */
export function cutAcrossWraps(window: string, segmenter: Segmenter): string[] | undefined {
  if (!HARD_WRAP.test(window)) {
    const tokens = segmenter.cut(window);
    return tokens.join('') === window ? tokens : undefined;
  }
  let plain = '';
  const at: number[] = []; // window index of each character of `plain`
  for (let i = 0; i < window.length; i++) {
    if (isLineBreak(window.charCodeAt(i))) continue;
    plain += window[i];
    at.push(i);
  }
  const cut = segmenter.cut(plain);
  if (cut.join('') !== plain) return undefined;
  const tokens: string[] = [];
  let k = 0; // index into plain
  let prevEnd = 0; // window index after the last token
  for (const t of cut) {
    if (t.length === 0) continue;
    const first = at[k]!;
    const last = at[k + t.length - 1]!;
    if (first > prevEnd) tokens.push(window.slice(prevEnd, first)); // wraps between words
    tokens.push(window.slice(first, last + 1));
    prevEnd = last + 1;
    k += t.length;
  }
  if (prevEnd < window.length) tokens.push(window.slice(prevEnd));
  return tokens;
}

/** The window around [start, end): up to `size` code units each side, never across a line break or into half a surrogate pair. */
function windowAround(text: string, start: number, end: number, size: number): [number, number] {
  let from = start;
  for (let n = 0; from > 0 && n < size; n++) {
    const c = text.charCodeAt(from - 1);
    if (isLineBreak(c) || (c >= 0xdc00 && c <= 0xdfff)) break;
    from--;
  }
  let to = end;
  for (let n = 0; to < text.length && n < size; n++) {
    const c = text.charCodeAt(to);
    if (isLineBreak(c) || (c >= 0xd800 && c <= 0xdbff)) break;
    to++;
  }
  return [from, to];
}

export class Reading {
  readonly from: number;
  readonly to: number;
  /** The window's tokens (they join back to text[from, to)). */
  readonly tokens: readonly string[];
  /** Text offset where each token starts (one more entry: `to`). */
  readonly tokenStarts: readonly number[];
  private readonly lookup: ((w: string) => number) | undefined;
  private readonly unwrap: boolean;
  private memo: { words?: readonly string[]; before?: number; defective?: boolean; edge?: EdgeCut | null; spans?: TokenSpan[]; stats?: TokenStats } = {};

  private constructor(
    readonly text: string,
    readonly candidate: FuzzyCandidate,
    readonly target: PhraseTarget,
    readonly segmenter: Segmenter,
    readonly isSkip: IsSkip,
    readonly calibration: Calibration,
    window: [number, number],
    tokens: string[],
  ) {
    [this.from, this.to] = window;
    this.tokens = tokens;
    const starts = [this.from];
    for (const t of tokens) starts.push(starts[starts.length - 1]! + t.length);
    this.tokenStarts = starts;
    this.lookup = segmenter.frequency?.bind(segmenter);
    this.unwrap = HARD_WRAP.test(text.slice(this.from, this.to));
  }

  /** Segments the window around the candidate; undefined when the segmenter rewrote the text (it cannot be trusted here). */
  static of(text: string, candidate: FuzzyCandidate, target: PhraseTarget, segmenter: Segmenter, isSkip: IsSkip, calibration: Calibration): Reading | undefined {
    const window = windowAround(text, candidate.start, candidate.end, calibration.length.window);
    const tokens = cutAcrossWraps(text.slice(window[0], window[1]), segmenter);
    return tokens && new Reading(text, candidate, target, segmenter, isSkip, calibration, window, tokens);
  }

  get start(): number {
    return this.candidate.start;
  }
  get end(): number {
    return this.candidate.end;
  }
  get editPos(): number {
    return this.candidate.editPos;
  }

  /** The dictionary count of a word (a hard wrap inside it, 无所作 CR LF 为, is not part of it); infinite without frequencies. */
  frequency(w: string): number {
    return this.lookup ? this.lookup(this.unwrap ? w.replace(/[\r\n]/g, '') : w) : Number.POSITIVE_INFINITY;
  }

  /** Whether text positions a <= b fall in one token of the window's segmentation. */
  joined(a: number, b: number): boolean {
    if (a < this.from || b >= this.to) return false;
    const k = this.tokenStarts.findIndex((s, i) => i > 0 && s > a) - 1;
    return k >= 0 && b < this.tokenStarts[k + 1]!;
  }

  /** Whether every visible character of text[a, b) lies in a multi-character word of good frequency. */
  inWords(a: number, b: number): boolean {
    const min = this.calibration.frequency?.word ?? 0;
    for (let k = 0; k < this.tokens.length; k++) {
      const token = this.tokens[k]!;
      if (this.tokenStarts[k + 1]! > a && this.tokenStarts[k]! < b) {
        const visible = [...token].filter((ch) => !this.isSkip(ch.charCodeAt(0))).length;
        if (visible > 0 && (visible < 2 || this.frequency(token) < min)) return false;
      }
    }
    return true;
  }

  /** The phrase's own segmentation. A segmenter that fails must not silently turn the judge off: its error propagates. */
  get phraseWords(): readonly string[] {
    return (this.memo.words ??= this.segmenter.cut(this.target.text));
  }

  /** How many phrase characters (visible code units) of the candidate stand before its edit. */
  get phraseCharsBefore(): number {
    if (this.memo.before === undefined) {
      let k = 0;
      for (let i = this.start; i < this.editPos; i++) if (!this.isSkip(this.text.charCodeAt(i))) k++;
      this.memo.before = k;
    }
    return this.memo.before;
  }

  /** Whether the edit falls between two of the phrase's words. */
  get editAtBoundary(): boolean {
    let end = 0;
    for (const w of this.phraseWords) {
      end += w.length;
      if (end === this.phraseCharsBefore) return true;
      if (end > this.phraseCharsBefore) return false;
    }
    return false;
  }

  /**
   * Whether an insertion stands right before the phrase's last word, its head (全国政协|副|主席,
   * 国家|水|安全): where a modifier goes. One further in (人力|美|资源社会保障部) splits the name.
   * (The rest of a word the insertion falls inside counts as one word: 攻坚|决|战.)
   */
  get beforeLastWord(): boolean {
    let end = 0;
    let after = 0;
    for (const w of this.phraseWords) if ((end += w.length) > this.phraseCharsBefore) after++;
    return after <= 1;
  }

  /**
   * An omission whose stump holds an invisible character between its characters (井 U+200B 有序,
   * 一技 U+00A0 长), or a typed space that leaves a character outside any word (光正  大) on a line
   * that does not set items apart with spaces, is defective text whatever words it makes.
   */
  get defective(): boolean {
    if (this.memo.defective === undefined) {
      const { text, start, end, isSkip } = this;
      this.memo.defective =
        this.candidate.detail === 'omission' && (holdsInnerNoise(text, start, end, isSkip) || (holdsTypedSpace(text, start, end) && !lineUsesSpaces(text, start, end) && !this.inWords(start, end)));
    }
    return this.memo.defective;
  }

  /** For an omission at the candidate's first or last character: where the cut is. */
  get edgeCut(): EdgeCut | undefined {
    if (this.memo.edge === undefined) {
      const { text, start, end, editPos, isSkip } = this;
      if (this.candidate.detail !== 'omission' || (editPos !== start && editPos !== end)) this.memo.edge = null;
      else {
        const head = editPos === start;
        const runsOn = head ? hanBeside(text, start - 1, -1, isSkip) : hanBeside(text, end, 1, isSkip);
        this.memo.edge = { head, runsOn, at: head ? nextVisible(text, start, 1, isSkip) : nextVisible(text, end - 1, -1, isSkip) };
      }
    }
    return this.memo.edge ?? undefined;
  }

  /** The cut took the last character of a body's name (最高人民检察|院): the name reads on. */
  get brokenSuffixWord(): boolean {
    return this.edgeCut !== undefined && this.candidate.editChar !== undefined && BODY_SUFFIXES.has(this.candidate.editChar);
  }

  /** An edge cut of a long phrase with punctuation (not more text) beside it: 人类命运共同。 */
  get cutSetOff(): boolean {
    const edge = this.edgeCut;
    return edge !== undefined && !edge.runsOn && this.target.length >= this.calibration.length.setOffCut;
  }

  /** The window's tokens that overlap the candidate and hold a visible character. */
  get spans(): readonly TokenSpan[] {
    if (!this.memo.spans) {
      const { start, end, editPos } = this;
      const spans: TokenSpan[] = [];
      for (let k = 0; k < this.tokens.length; k++) {
        const token = this.tokens[k]!;
        const tStart = this.tokenStarts[k]!;
        const tEnd = this.tokenStarts[k + 1]!;
        if (tEnd <= start || tStart >= end) continue;
        let visible = 0;
        for (let i = 0; i < token.length; i++) if (!this.isSkip(token.charCodeAt(i))) visible++;
        if (visible === 0) continue;
        const holdsEdit = this.candidate.detail === 'omission' ? tStart < editPos && editPos < tEnd : tStart <= editPos && editPos < tEnd;
        spans.push({ token, start: tStart, end: tEnd, visible, holdsEdit, crossesEdge: tStart < start || tEnd > end, frequency: this.frequency(token) });
      }
      this.memo.spans = spans;
    }
    return this.memo.spans;
  }

  /** Sums over the candidate's tokens (see TokenStats). */
  get stats(): TokenStats {
    if (!this.memo.stats) {
      const f = this.calibration.frequency;
      const s: TokenStats = { covered: 0, visibleInCandidate: 0, strayPhraseChars: 0, uncommonTokens: 0, commonWords: 0, gluedOutside: false };
      for (const t of this.spans) {
        // a word reaching outside the candidate makes its stump part of ordinary text (新一轮, 意愿)
        const common = t.visible >= 2 ? t.frequency >= (f?.commonWord ?? 0) || (t.crossesEdge && t.frequency > 0) : t.frequency >= (f?.commonChar ?? 0);
        if (!common) s.uncommonTokens++;
        else if (t.visible >= 2) s.commonWords++;
        if (t.crossesEdge && t.visible >= 2 && t.frequency > 0) s.gluedOutside = true;
        // A particle or conjunction of the phrase standing alone (保护|和|发展) is no stray piece.
        if (t.visible === 1 && !t.holdsEdit && !isFunctionChar(t.token.charCodeAt(0))) s.strayPhraseChars++;
        const inside = Math.min(t.end, this.end) - Math.max(t.start, this.start);
        s.visibleInCandidate += inside;
        if (t.visible >= 2 && t.frequency >= (f?.word ?? 0)) s.covered += inside;
      }
      this.memo.stats = s;
    }
    return this.memo.stats;
  }

  /** The two-character word the character at `at` makes with its visible neighbour in direction `step` (that neighbour's index too). */
  pairWith(at: number, step: 1 | -1): { word: string; other: number } | undefined {
    const other = nextVisible(this.text, at + step, step, this.isSkip);
    if (other < 0) return undefined;
    return { word: step < 0 ? this.text[other]! + this.text[at]! : this.text[at]! + this.text[other]!, other };
  }

  /** Whether the character at `at` forms a dictionary word (at least the glue count) with its visible Han neighbour in direction `step`, and the segmenter reads the two as one word. */
  strayGlued(at: number, step: 1 | -1): boolean {
    const pair = this.pairWith(at, step);
    if (!pair || !isHan(this.text.charCodeAt(pair.other))) return false;
    // The segmenter must read the two as one word too: 最高|家权力机关 holds no 高家.
    return this.frequency(pair.word) >= (this.calibration.frequency?.glue ?? 0) && this.joined(Math.min(at, pair.other), Math.max(at, pair.other));
  }

  /** Whether the inserted character makes a word (at least the word count) with a phrase character beside it (阻|挡, 救|援). */
  insertedMakesWord(min: number): boolean {
    for (const step of [-1, 1] as const) {
      const pair = this.pairWith(this.editPos, step);
      if (!pair || pair.other < this.start || pair.other >= this.end) continue;
      if (this.frequency(pair.word) >= min) return true;
    }
    return false;
  }

  /** The window as the segmenter read it, tokens joined by | (evidence for the trace). */
  get cut(): string {
    return this.tokens.join('|');
  }
}
