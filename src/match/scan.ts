/**
 * The single pass over the text: every code unit is classified through one table lookup
 * (normalization, skipping and alphabet class folded together), fed to the automaton, and each
 * pattern end is recorded (exact hits) or verified on the spot (fuzzy anchors).
 */
import { FuzzyScratch, verifyAnchor, type FuzzyCandidate } from '../fuzzy/index.js';
import type { ConfusionOf } from '../fuzzy/align.js';
import { HitType, LOOKALIKE_BIT, SKIP_CLASS, type MatchModel } from './model.js';

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

export interface ScanResult {
  hits: HitList;
  candidates: FuzzyCandidate[];
  /** Positions of look-alike code points. */
  lookalikes: number[];
}

export interface ScanContext {
  model: MatchModel;
  map: Uint16Array;
  kind: Uint8Array;
  confusion: ConfusionOf;
  /** Whether fuzzy anchors are verified (false: exact matching only). */
  fuzzy: boolean;
}

export function scan(text: string, ctx: ScanContext): ScanResult {
  const { model, map, kind, confusion, fuzzy } = ctx;
  const { automaton, unitClass, hitType, hitRef, hitAux, targets } = model;
  const { step, emits, outStart, outIds, outLink, patternLength } = automaton;
  const hits = new HitList();
  const candidates: FuzzyCandidate[] = [];
  const lookalikes: number[] = [];
  const ring = new Int32Array(RING);
  const scratch = new FuzzyScratch();
  // Anchors of one phrase that imply the same start are verified once (a phrase written out in
  // full hits every one of its anchors).
  const lastImplied = new Int32Array(targets.length).fill(-0x80000000); // implied starts can be negative (a phrase cut at the text's start)
  const n = text.length;
  let state = 0;
  let fed = 0;
  for (let i = 0; i < n; i++) {
    let x = unitClass[text.charCodeAt(i)]!;
    if (x === SKIP_CLASS) continue;
    ring[fed & RING_MASK] = i;
    fed++;
    if (x >= LOOKALIKE_BIT) {
      lookalikes.push(i);
      x &= ~LOOKALIKE_BIT;
    }
    if (x === 0) {
      state = 0;
      continue;
    }
    state = step(state, x);
    if (emits[state] === 0) continue;
    for (let s = state; s >= 0; s = outLink[s]!) {
      for (let o = outStart[s]!, oEnd = outStart[s + 1]!; o < oEnd; o++) {
        const p = outIds[o]!;
        const start = ring[(fed - patternLength[p]!) & RING_MASK]!;
        const type = hitType[p]!;
        if (type === HitType.Anchor) {
          if (!fuzzy) continue;
          const t = hitRef[p]!;
          const implied = fed - patternLength[p]! - hitAux[p]!;
          if (lastImplied[t] === implied) continue;
          lastImplied[t] = implied;
          const c = verifyAnchor(text, start, i + 1, targets[t]!, t, hitAux[p]!, patternLength[p]!, map, kind, confusion, scratch);
          if (c !== undefined) candidates.push(c);
        } else if (type === HitType.Swap && !fuzzy) {
          continue;
        } else {
          hits.push(start, i + 1, p);
        }
      }
    }
  }
  return { hits, candidates, lookalikes };
}
