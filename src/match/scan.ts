/**
 * The single pass over the text: every code unit is classified through one table lookup
 * (normalization, skipping and alphabet class folded together), fed to the automaton, and each
 * pattern end is recorded (exact hits) or verified on the spot (fuzzy anchors).
 */
import { EDGE_OMISSION_LENGTH, FuzzyScratch, Keep, KEEP_ALL, mayContinueKept, mayContinueWith, verifyAnchor, type FuzzyCandidate } from '../fuzzy/index.js';
import { bankKeeps } from '../lexicon/bank.js';
import type { ConfusionOf } from '../fuzzy/align.js';
import { AFTER_NEXT_KEY, ANY_KEY, HitType, LOOKALIKE_BIT, SKIP_CLASS, SOUND_KEY, type AnchorFilters, type MatchModel } from './model.js';
import { transition } from './automaton.js';
import { findPairList, pairBit, type PairLists } from './pair-set.js';
import { isHan } from '../fuzzy/align.js';
import { MAX_GAP, nextInPhrase } from '../normalize/index.js';

/** Ring buffer size for the positions of recent non-skip code units (>= the longest pattern). */
const RING = 256;
const RING_MASK = RING - 1;

/** Exact pattern hits, as parallel growable arrays. */
export class HitList {
  start: Int32Array = new Int32Array(64);
  end: Int32Array = new Int32Array(64);
  pattern: Int32Array = new Int32Array(64);
  length = 0;
  push(start: number, end: number, pattern: number): void {
    if (this.length === this.start.length) {
      const size = this.length * 2;
      this.start = grow(this.start, size);
      this.end = grow(this.end, size);
      this.pattern = grow(this.pattern, size);
    }
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.pattern[this.length] = pattern;
    this.length++;
  }
}

function grow(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/**
 * Buffers one checker reuses from scan to scan (a check is synchronous and never re-entered, so one
 * set per checker is safe): short documents should not pay for allocating and zeroing them.
 */
export class ScanState {
  readonly ring = new Int32Array(RING);
  readonly scratch = new FuzzyScratch();
  readonly lastImplied: Int32Array;
  /** Members of an anchor group that may follow (see mayFollow); grows when needed. */
  members: Int32Array = new Int32Array(64);
  /** Added to implied starts so that values left by earlier scans never match (see scan). */
  base = 0;
  constructor(targets: number) {
    this.lastImplied = new Int32Array(targets);
  }
}

export interface ScanResult {
  hits: HitList;
  candidates: FuzzyCandidate[];
  /** Positions of look-alike code points. */
  lookalikes: number[];
}

export interface ScanContext {
  model: MatchModel;
  /** Which characters next to an anchor may continue a member of its group (see model.ts). */
  anchorFilters: AnchorFilters;
  map: Uint16Array;
  kind: Uint8Array;
  confusion: ConfusionOf;
  /** Whether fuzzy anchors are verified (false: exact matching only). */
  fuzzy: boolean;
  /** Reusable buffers; a fresh set per scan when absent. */
  state?: ScanState;
}

/** Whether the Bloom filter of the anchor filters may hold (group, key). */
function mayHold(f: AnchorFilters, group: number, key: number): boolean {
  const b = pairBit(group, key, f.bloomShift);
  return (f.bloom[b >>> 5]! & (1 << (b & 31))) !== 0;
}

/** Appends the list of (group, key) to `state.members` from index `n`; returns the new count. */
function takeList(lists: PairLists, group: number, key: number, state: ScanState, n: number): number {
  const l = findPairList(lists, group, key);
  if (l < 0) return n;
  const from = lists.listStart[l]!;
  const to = lists.listStart[l + 1]!;
  if (state.members.length < n + to - from) state.members = grow(state.members, Math.max(state.members.length * 2, n + to - from));
  const out = state.members;
  for (let v = from; v < to; v++) out[n++] = lists.values[v]!;
  return n;
}

/**
 * The members of anchor group `group` that the text next to the anchor (from `from`, in direction
 * `step`) may continue (see AnchorFilters), written to `state.members` in ascending order without
 * repeats; returns how many.
 */
function mayFollow(text: string, from: number, step: 1 | -1, group: number, filters: AnchorFilters, map: Uint16Array, kind: Uint8Array, state: ScanState): number {
  const lists = filters.members;
  let n = filters.anyKey[group] === 1 ? takeList(lists, group, ANY_KEY, state, 0) : 0;
  const i = nextInPhrase(text, from, step, kind);
  if (i < 0) return n;
  const t = map[text.charCodeAt(i)]!;
  if (mayHold(filters, group, t)) n = takeList(lists, group, t, state, n);
  if (isHan(t)) {
    for (let k = filters.soundStart[t]!, end = filters.soundStart[t + 1]!; k < end; k++) {
      const key = SOUND_KEY + filters.soundIds[k]!;
      if (mayHold(filters, group, key)) n = takeList(lists, group, key, state, n);
    }
    const j = nextInPhrase(text, i + step, step, kind);
    if (j >= 0) {
      const key = AFTER_NEXT_KEY + map[text.charCodeAt(j)]!;
      if (mayHold(filters, group, key)) n = takeList(lists, group, key, state, n);
    }
  }
  if (n < 2) return n;
  // Members in group order, each once: verification runs in the order it always has.
  const out = state.members;
  if (n > 16) out.subarray(0, n).sort();
  else {
    for (let r = 1; r < n; r++) {
      const v = out[r]!;
      let q = r - 1;
      for (; q >= 0 && out[q]! > v; q--) out[q + 1] = out[q]!;
      out[q + 1] = v;
    }
  }
  let w = 1;
  for (let r = 1; r < n; r++) if (out[r] !== out[w - 1]) out[w++] = out[r]!;
  return w;
}

/**
 * Per model: 1 for the states whose outputs include a listed text (not only fuzzy anchors and
 * swaps), so that a scan without fuzzy search skips the states that report anchors alone. Derived
 * data, kept beside the model rather than in it (the model is stored as it is built).
 */
const listedEmits = new WeakMap<MatchModel, Uint8Array>();

function emitsListed(model: MatchModel): Uint8Array {
  let e = listedEmits.get(model);
  if (e) return e;
  const { allStart, allIds, stateCount } = model.automaton;
  e = new Uint8Array(stateCount);
  for (let s = 0; s < stateCount; s++) {
    for (let o = allStart[s]!; o < allStart[s + 1]!; o++) {
      const t = model.hitType[allIds[o]!]!;
      if (t !== HitType.Anchor && t !== HitType.Swap) {
        e[s] = 1;
        break;
      }
    }
  }
  listedEmits.set(model, e);
  return e;
}

/**
 * Per model: the members of every anchor group in flat arrays (group g's members are entries
 * start[g] .. start[g + 1]), so that a hit reads them without going through the group's and the
 * target's objects (measured: those pointer chases were the costliest lines of the scan). With
 * each member, what verifyAnchor's first test reads of the phrase (see mayContinueWith): the
 * character expected next to the anchor on the side verified first, the one after it (-1: none),
 * and whether that side is one character that may be omitted at the phrase's edge. Derived data,
 * kept beside the model like listedEmits.
 */
interface FlatGroups {
  start: Int32Array;
  target: Int32Array;
  offset: Int32Array;
  expected: Int32Array;
  second: Int32Array;
  edgeOmitted: Uint8Array;
  /** The anchor's character next to that side (what an extra character there may repeat). */
  adjacent: Int32Array;
  /** Per target: the kinds of edit reported (Keep bits; bankKeeps). */
  keeps: Uint8Array;
  /** Per target: whether it may carry an unconfusable substitution. */
  otherSub: Uint8Array;
}

const KEEP_DETAILS = [
  [Keep.Substitution, 'substitution'],
  [Keep.Omission, 'omission'],
  [Keep.Insertion, 'insertion'],
  [Keep.Duplication, 'duplication'],
  [Keep.Transposition, 'transposition'],
] as const;

/** The kinds of edit of each target that propose reports (bankKeeps), as Keep bits. */
function keepsOf(model: MatchModel): Uint8Array {
  const keeps = new Uint8Array(model.targets.length);
  for (let t = 0; t < keeps.length; t++) {
    const target = model.targets[t]!;
    const entry = model.entries[target.entry]!;
    for (const [bit, detail] of KEEP_DETAILS) if (bankKeeps(entry, detail, target.codes.length)) keeps[t]! |= bit;
  }
  return keeps;
}

const flatGroups = new WeakMap<MatchModel, FlatGroups>();

function flatGroupsOf(model: MatchModel): FlatGroups {
  let f = flatGroups.get(model);
  if (f) return f;
  const groups = model.anchorGroups;
  const start = new Int32Array(groups.length + 1);
  for (let g = 0; g < groups.length; g++) start[g + 1] = start[g]! + groups[g]!.targets.length;
  const count = start[groups.length]!;
  const target = new Int32Array(count);
  const offset = new Int32Array(count);
  const expected = new Int32Array(count);
  const second = new Int32Array(count);
  const edgeOmitted = new Uint8Array(count);
  const adjacent = new Int32Array(count);
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    for (let m = 0; m < group.targets.length; m++) {
      const at = start[g]! + m;
      const t = model.targets[group.targets[m]!]!;
      target[at] = group.targets[m]!;
      offset[at] = group.offsets[m]!;
      // verifyAnchor tests the side after the piece first, the side before it when none is after.
      const codes = group.side === 'right' ? t.codes : t.reversed;
      const from = group.side === 'right' ? group.offsets[m]! + group.pieceLength : t.codes.length - group.offsets[m]!;
      const rest = codes.length - from;
      expected[at] = codes[from]!;
      second[at] = rest >= 2 ? codes[from + 1]! : -1;
      edgeOmitted[at] = rest === 1 && codes.length >= EDGE_OMISSION_LENGTH ? 1 : 0;
      adjacent[at] = codes[from - 1]!;
    }
  }
  const otherSub = Uint8Array.from(model.targets, (t) => (t.otherSub === true ? 1 : 0));
  f = { start, target, offset, expected, second, edgeOmitted, adjacent, keeps: keepsOf(model), otherSub };
  flatGroups.set(model, f);
  return f;
}

/**
 * Anchors of one phrase that imply the same start are verified once (a phrase written out in full
 * hits every one of its anchors). Implied starts are stored plus a base that moves past every
 * earlier scan (an implied start is at least -64), so stale entries never match: returns this
 * scan's base.
 */
function reserveBase(state: ScanState, length: number): number {
  if (state.base + length > 0x3fff0000) {
    state.lastImplied.fill(0);
    state.base = 0;
  }
  const base = state.base + 128;
  state.base = base + length + 128;
  return base;
}

export function scan(text: string, ctx: ScanContext): ScanResult {
  const state = ctx.state ?? new ScanState(ctx.model.targets.length);
  const hits = new HitList();
  const anchors = new AnchorRun(text, ctx, state);
  const lookalikes: number[] = [];
  walk(text, ctx.model, ctx.fuzzy, state.ring, hits, anchors, lookalikes);
  return { hits, candidates: anchors.candidates, lookalikes };
}

/**
 * scan's pass: classify each code unit, step the automaton, record or verify each pattern end.
 * Its own function, with nothing after the loop, for the reason given at checkSequences'
 * matchItems: the first long text has the loop compiled while it runs (OSR), before any code after
 * it ever ran, and such code, without type feedback, leaves the compiled loop at the end of every
 * later text (a first cut of this split that read anchors.candidates after the loop did so 162
 * times on 8 MB of pages, --trace-deopt).
 */
function walk(text: string, model: MatchModel, fuzzy: boolean, ring: Int32Array, hits: HitList, anchors: AnchorRun, lookalikes: number[]): void {
  const { automaton, unitClass, hitType } = model;
  const { allStart, allIds, patternLength } = automaton;
  const emits = fuzzy ? automaton.emits : emitsListed(model);
  const n = text.length;
  let state = 0;
  let fed = 0;
  let gap = 0; // skipped code units since the last one fed
  for (let i = 0; i < n; i++) {
    let x = unitClass[text.charCodeAt(i)]!;
    // Skipped and look-alike code units both carry the high bit: one test on the common path.
    if (x >= LOOKALIKE_BIT) {
      if (x === SKIP_CLASS) {
        gap++;
        continue;
      }
      lookalikes.push(i);
      x &= ~LOOKALIKE_BIT;
    }
    if (gap !== 0) {
      // A longer run of blanks ends every phrase in progress (MAX_GAP).
      if (gap > MAX_GAP) state = 0;
      gap = 0;
    }
    ring[fed & RING_MASK] = i;
    fed++;
    if (x === 0) {
      state = 0;
      continue;
    }
    state = transition(automaton, state, x);
    if (emits[state] === 0) continue;
    for (let o = allStart[state]!, oEnd = allStart[state + 1]!; o < oEnd; o++) {
      const p = allIds[o]!;
      const start = ring[(fed - patternLength[p]!) & RING_MASK]!;
      const type = hitType[p]!;
      if (type === HitType.Anchor) {
        if (fuzzy) anchors.verify(start, i + 1, fed, p);
      } else if (type !== HitType.Swap || fuzzy) hits.push(start, i + 1, p);
    }
  }
}

/**
 * The fuzzy side of one scan: each anchor hit's group members verified around it. A class of its
 * own so that scan's loop stays small (one shape, set once per scan: the calls stay monomorphic).
 */
class AnchorRun {
  readonly candidates: FuzzyCandidate[] = [];
  readonly text: string;
  readonly ctx: ScanContext;
  readonly flat: FlatGroups;
  readonly state: ScanState;
  /** This scan's base for implied starts (see reserveBase). */
  readonly base: number;
  constructor(text: string, ctx: ScanContext, state: ScanState) {
    this.text = text;
    this.ctx = ctx;
    this.flat = flatGroupsOf(ctx.model);
    this.state = state;
    this.base = reserveBase(state, text.length);
  }

  /** Anchor pattern `p` found at [start, end), the `fed`-th code unit fed ending it. */
  verify(start: number, end: number, fed: number, p: number): void {
    const { text, ctx, flat, state } = this;
    const { model, anchorFilters, map, kind, confusion } = ctx;
    const g = model.hitRef[p]!;
    const right = anchorFilters.rightSide[g] === 1;
    const from = right ? end : start - 1;
    const step = right ? 1 : -1;
    const count = mayFollow(text, from, step, g, anchorFilters, map, kind, state);
    if (count === 0) return;
    const first = flat.start[g]!;
    const members = state.members;
    const lastImplied = state.lastImplied;
    const len = model.automaton.patternLength[p]!;
    for (let k = 0; k < count; k++) {
      const m = first + members[k]!;
      const t = flat.target[m]!;
      const offset = flat.offset[m]!;
      const implied = this.base + fed - len - offset;
      if (lastImplied[t] === implied) continue;
      lastImplied[t] = implied;
      const keeps = flat.keeps[t]!;
      if (keeps === KEEP_ALL) {
        if (!mayContinueWith(text, from, step, flat.expected[m]!, flat.second[m]!, flat.edgeOmitted[m] === 1, map, kind, confusion)) continue;
      } else if (!mayContinueKept(text, from, step, flat.expected[m]!, flat.second[m]!, flat.edgeOmitted[m] === 1, map, kind, confusion, keeps, flat.adjacent[m]!, flat.otherSub[t] === 1)) continue;
      const c = verifyAnchor(text, start, end, model.targets[t]!, t, offset, len, map, kind, confusion, state.scratch, keeps);
      if (c !== undefined) this.candidates.push(c);
    }
  }
}
