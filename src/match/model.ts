/**
 * Compiles lexicon entries into one automaton plus flat records saying what each pattern means.
 * Built once per checker; immutable afterwards.
 */
import type { LexiconEntry } from '../lexicon/types.js';
import { CharKind, type Normalizer } from '../normalize/index.js';
import { buildAutomaton, type Automaton } from './automaton.js';
import { PairSet } from './pair-set.js';
import { anchorPieces, isFuzzyEligible, middleSwap, type FuzzyTarget } from '../fuzzy/index.js';

/** What an automaton pattern stands for. */
export const enum HitType {
  /** A mandated phrase, or the right word of a typo entry, written correctly (protects its span). */
  Correct = 0,
  /** A listed wrong variant of a mandated phrase. */
  Variant = 1,
  Banned = 2,
  Outdated = 3,
  /** The wrong word of a typo entry. */
  Typo = 4,
  /** A piece shared by one or more fuzzy targets (ref = anchor group). */
  Anchor = 5,
  /** A fuzzy target with the two characters around its middle swapped. */
  Swap = 6,
  /** An allow entry or a user's allow-list string: findings inside it are suppressed. */
  Allow = 7,
}

/** `unitClass` value of code units skipped inside phrases. */
export const SKIP_CLASS = 0xffff;
/** Bit set in `unitClass` for look-alike code points (reported wherever they occur). */
export const LOOKALIKE_BIT = 0x8000;

export interface MatchModel {
  readonly automaton: Automaton;
  /** Raw code unit -> alphabet class of its normalized form, SKIP_CLASS, and LOOKALIKE_BIT. */
  readonly unitClass: Uint16Array;
  readonly hitType: Uint8Array;
  /** Entry index (Correct/Variant/Banned/Outdated/Typo/Allow), anchor group (Anchor), target (Swap), allow-list index (Allow). */
  readonly hitRef: Int32Array;
  readonly entries: readonly LexiconEntry[];
  readonly targets: readonly FuzzyTarget[];
  /** Matching keys of every listed text (phrases, variants, wrong and right words). */
  readonly knownKeys: ReadonlySet<string>;
  /** Fuzzy anchor groups: the targets sharing one piece on the same side of it. */
  readonly anchorGroups: readonly AnchorGroup[];
  readonly allow: readonly string[];
}

/**
 * The targets that share one anchor piece text, all with the rest of the phrase on the same side
 * (`right`: the piece is not the phrase's end; `left`: it is). One automaton pattern stands for the
 * group, and one look at the neighbouring character rejects most hits for all members at once.
 */
export interface AnchorGroup {
  side: 'left' | 'right';
  targets: Int32Array;
  offsets: Int32Array;
  pieceLength: number;
}

/**
 * Acceptance of the character next to an anchor, per group (built once, lazily, from confusion
 * data): `first` holds (group, character) pairs that may continue some member (the expected
 * character, the one after it, its confusables); `afterInsertion` the expected characters after one
 * inserted character; `acceptAll` the groups where anything may follow (a one-character side that
 * may be omitted at the phrase's edge).
 */
export interface AnchorFilters {
  acceptAll: Uint8Array;
  first: PairSet;
  afterInsertion: PairSet;
}

export function buildAnchorFilters(model: MatchModel, candidates: (code: number) => readonly number[], edgeOmissionLength: number): AnchorFilters {
  const groups = model.anchorGroups;
  const acceptAll = new Uint8Array(groups.length);
  // The characters each member expects next to the anchor, read off its codes.
  const expected = (g: AnchorGroup, m: number): { codes: Uint16Array; from: number; rest: number } => {
    const t = model.targets[g.targets[m]!]!;
    const codes = g.side === 'right' ? t.codes : t.reversed;
    const from = g.side === 'right' ? g.offsets[m]! + g.pieceLength : t.codes.length - g.offsets[m]!;
    return { codes, from, rest: codes.length - from };
  };
  let firstCount = 0;
  let memberCount = 0;
  for (const g of groups) {
    for (let m = 0; m < g.targets.length; m++) {
      const { codes, from } = expected(g, m);
      firstCount += 2 + candidates(codes[from]!).length;
      memberCount++;
    }
  }
  // Pairs go straight into the tables: no intermediate arrays (this runs once per checker).
  const first = new PairSet(firstCount);
  const afterInsertion = new PairSet(memberCount);
  groups.forEach((g, gi) => {
    for (let m = 0; m < g.targets.length; m++) {
      const { codes, from, rest } = expected(g, m);
      const p0 = codes[from]!;
      first.add(gi, p0);
      if (rest >= 2) first.add(gi, codes[from + 1]!);
      for (const c of candidates(p0)) first.add(gi, c);
      afterInsertion.add(gi, p0);
      if (rest === 1 && codes.length >= edgeOmissionLength) acceptAll[gi] = 1;
    }
  });
  return { acceptAll, first, afterInsertion };
}

/** The automaton's patterns, with the hit type and reference of each. */
class PatternList {
  readonly patterns: string[] = [];
  readonly types: number[] = [];
  readonly refs: number[] = [];
  add(text: string, type: HitType, ref: number): void {
    this.patterns.push(text);
    this.types.push(type);
    this.refs.push(ref);
  }
}

/** Adds every entry's texts to `list`; returns the known texts (matching forms) and the fuzzy targets. */
function listEntries(entries: readonly LexiconEntry[], key: (s: string) => string, list: PatternList): { knownKeys: Set<string>; targets: FuzzyTarget[] } {
  const knownKeys = new Set<string>();
  const targets: FuzzyTarget[] = [];
  const targetKeys = new Set<string>();
  const correctKeys = new Set<string>();
  const addTarget = (text: string, entry: number): void => {
    if (targetKeys.has(text) || !isFuzzyEligible(text)) return;
    targetKeys.add(text);
    const codes = Uint16Array.from(text, (c) => c.charCodeAt(0));
    targets.push({ entry, text, codes, reversed: codes.slice().reverse() });
  };
  const addCorrect = (k: string, i: number): void => {
    if (correctKeys.has(k)) return;
    correctKeys.add(k);
    list.add(k, HitType.Correct, i);
  };
  entries.forEach((e, i) => {
    const k = key(e.text);
    knownKeys.add(k);
    if (e.kind === 'mandated') {
      addCorrect(k, i);
      e.variants.forEach((v) => {
        knownKeys.add(key(v));
        list.add(key(v), HitType.Variant, i);
      });
      if (e.fuzzy) addTarget(k, i);
    } else if (e.kind === 'banned') list.add(k, HitType.Banned, i);
    else if (e.kind === 'outdated') list.add(k, HitType.Outdated, i);
    else if (e.kind === 'allow') list.add(k, HitType.Allow, i);
    else if (e.kind === 'typo') {
      list.add(k, HitType.Typo, i);
      for (const r of e.replacement) {
        const rk = key(r);
        knownKeys.add(rk);
        addCorrect(rk, i);
        if (e.fuzzy) addTarget(rk, i);
      }
    }
  });
  return { knownKeys, targets };
}

/** Adds the anchors of every fuzzy target (pieces shared by targets form one group) and the middle swaps to `list`. */
function listAnchors(targets: readonly FuzzyTarget[], knownKeys: ReadonlySet<string>, list: PatternList): AnchorGroup[] {
  const groupIndex = new Map<string, number>();
  const groupMembers: Array<{ side: 'left' | 'right'; pieceLength: number; targets: number[]; offsets: number[] }> = [];
  targets.forEach((t, ti) => {
    for (const [offset, length] of anchorPieces(t.text.length)) {
      const piece = t.text.slice(offset, offset + length);
      const side = offset + length < t.text.length ? 'right' : 'left';
      const k = `${side}\u0000${piece}`;
      let g = groupIndex.get(k);
      if (g === undefined) {
        g = groupMembers.length;
        groupIndex.set(k, g);
        groupMembers.push({ side, pieceLength: length, targets: [], offsets: [] });
        list.add(piece, HitType.Anchor, g);
      }
      groupMembers[g]!.targets.push(ti);
      groupMembers[g]!.offsets.push(offset);
    }
    const swapped = middleSwap(t.text);
    if (swapped !== t.text && !knownKeys.has(swapped)) list.add(swapped, HitType.Swap, ti);
  });
  return groupMembers.map((g) => ({ side: g.side, pieceLength: g.pieceLength, targets: Int32Array.from(g.targets), offsets: Int32Array.from(g.offsets) }));
}

/** The automaton class of every code unit, through the normalizer (skipped units and the look-alike bit marked). */
function unitClassesOf(automaton: Automaton, normalizer: Normalizer): Uint16Array {
  const unitClass = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    const kind = normalizer.kind[c]!;
    if (kind === CharKind.Skip) {
      unitClass[c] = SKIP_CLASS;
      continue;
    }
    const cls = automaton.classOf[normalizer.map[c]!]!;
    if (cls >= LOOKALIKE_BIT) throw new RangeError('too many distinct characters in the lexicon');
    unitClass[c] = cls | (kind === CharKind.Lookalike ? LOOKALIKE_BIT : 0);
  }
  return unitClass;
}

export function buildMatchModel(entries: readonly LexiconEntry[], normalizer: Normalizer, allow: readonly string[]): MatchModel {
  const list = new PatternList();
  const key = (s: string): string => normalizer.key(s);
  const { knownKeys, targets } = listEntries(entries, key, list);
  const anchorGroups = listAnchors(targets, knownKeys, list);
  allow.forEach((a, ai) => {
    const k = key(a);
    if (k.length > 0) list.add(k, HitType.Allow, ai);
  });
  const automaton = buildAutomaton(list.patterns);
  return {
    automaton,
    unitClass: unitClassesOf(automaton, normalizer),
    hitType: Uint8Array.from(list.types),
    hitRef: Int32Array.from(list.refs),
    entries,
    targets,
    knownKeys,
    anchorGroups,
    allow,
  };
}
