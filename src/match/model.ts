/**
 * Compiles lexicon entries into one automaton plus flat records saying what each pattern means.
 * Built once per checker; immutable afterwards.
 */
import type { LexiconEntry } from '../lexicon/types.js';
import { CharKind, type Normalizer } from '../normalize/index.js';
import { buildAutomaton, type Automaton } from './automaton.js';
import { buildPairLists, pairBit, type PairLists } from './pair-set.js';
import { isHan } from '../fuzzy/align.js';
import { mergeSyllable } from '../confusion/index.js';
import { anchorPieces, isFuzzyEligible, middleSwap, OTHER_SUB_LENGTH, TWO_SUBS_LENGTH, type FuzzyTarget } from '../fuzzy/index.js';
import { searchedEdits } from '../lexicon/bank.js';

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

/** Key spaces of {@link AnchorFilters.members}: a code unit is its own key. */
export const AFTER_NEXT_KEY = 0x10000;
export const SOUND_KEY = 0x20000;
export const ANY_KEY = -1;

/**
 * Which members of an anchor group the text next to the anchor may continue, so that a hit
 * verifies only those (the cost of a hit follows the members that really may match, not the size
 * of the group; a common piece such as 中国 heads thousands of phrases in a large lexicon). Built
 * once, lazily, from confusion data. `members` maps (group, key) to member indexes (into the
 * group's `targets`), where the key is:
 * - a code unit: the member's expected next character, the one after it (an omission or a
 *   transposition), or a look-alike of the expected one;
 * - AFTER_NEXT_KEY + a code unit: the expected next character, found one character further (one
 *   inserted character);
 * - SOUND_KEY + a sound id: a merged reading of the expected character (homophones and
 *   near-homophones share one: see mergeSyllable);
 * - ANY_KEY: members whose side is one character that may be omitted at the phrase's edge.
 * A listed member is then verified exactly (fuzzy/index.ts); the keys only ever let more through.
 */
export interface AnchorFilters {
  members: PairLists;
  /**
   * A one-hash Bloom filter of the (group, key) pairs of `members` (bit pairBit(group, key,
   * bloomShift)), about 16 bits per pair: small enough to stay in cache, so most hits are
   * rejected without a probe of `members`.
   */
  bloom: Int32Array;
  bloomShift: number;
  /** Per group: 1 when some member has ANY_KEY; 1 when the rest of the phrase is on the right. */
  anyKey: Uint8Array;
  rightSide: Uint8Array;
  /** Sound ids of each code unit: soundIds[soundStart[c] .. soundStart[c + 1]). */
  soundStart: Int32Array;
  soundIds: Int32Array;
}

/** What the anchor filters read of the confusion tables (src/confusion). */
export interface ConfusionSource {
  candidates(code: number): readonly number[];
  kind(expected: number, actual: number): string | null;
  readings(code: number): readonly string[];
}

/** Sound tables already built, per confusion source (they depend on nothing else). */
const soundTables = new WeakMap<ConfusionSource, { soundStart: Int32Array; soundIds: Int32Array }>();

/** Sound ids (merged readings) of every code unit, as CSR rows. */
function soundTable(confusion: ConfusionSource | undefined): { soundStart: Int32Array; soundIds: Int32Array } {
  if (!confusion) return { soundStart: new Int32Array(65537), soundIds: new Int32Array(0) };
  const known = soundTables.get(confusion);
  if (known) return known;
  const soundStart = new Int32Array(65537);
  const idOfReading = new Map<string, number>();
  const idOfKey = new Map<string, number>();
  const flat: number[] = [];
  for (let c = 0; c < 65536; c++) {
    soundStart[c] = flat.length;
    if (!isHan(c)) continue;
    for (const r of confusion.readings(c)) {
      let id = idOfReading.get(r);
      if (id === undefined) {
        const key = mergeSyllable(r);
        id = idOfKey.get(key);
        if (id === undefined) idOfKey.set(key, (id = idOfKey.size));
        idOfReading.set(r, id);
      }
      if (!flat.includes(id, soundStart[c])) flat.push(id);
    }
  }
  soundStart[65536] = flat.length;
  const table = { soundStart, soundIds: Int32Array.from(flat) };
  soundTables.set(confusion, table);
  return table;
}

/** Kinds a sound key does not cover: the listed look-alikes and the shape-code ones. */
const isLookalike = (kind: string | null): boolean => kind === 'lookalike' || kind === 'shape';

/**
 * The anchor filters of a model. `confusion` gives the confusable characters; given as a bare
 * `candidates` function (the older form), every candidate becomes a key of its own (more memory).
 */
export function buildAnchorFilters(model: MatchModel, confusion: ConfusionSource | ((code: number) => readonly number[]), edgeOmissionLength: number): AnchorFilters {
  const source = typeof confusion === 'function' ? undefined : confusion;
  const candidates = typeof confusion === 'function' ? confusion : (c: number) => confusion.candidates(c);
  const { soundStart, soundIds } = soundTable(source);
  // Characters confusable with c that the sound keys do not cover (look-alikes), per character.
  const extraKeys = new Map<number, readonly number[]>();
  const extraOf = (c: number): readonly number[] => {
    let e = extraKeys.get(c);
    if (e === undefined) {
      e = source ? candidates(c).filter((d) => isLookalike(source.kind(c, d))) : candidates(c);
      extraKeys.set(c, e);
    }
    return e;
  };
  let cap = 1024;
  let groups: Int32Array = new Int32Array(cap);
  let keys: Int32Array = new Int32Array(cap);
  let values: Int32Array = new Int32Array(cap);
  let count = 0;
  const memberKeys: number[] = [];
  const anyKey = new Uint8Array(model.anchorGroups.length);
  const rightSide = Uint8Array.from(model.anchorGroups, (g) => (g.side === 'right' ? 1 : 0));
  const key = (k: number): void => {
    if (!memberKeys.includes(k)) memberKeys.push(k);
  };
  model.anchorGroups.forEach((g, gi) => {
    for (let m = 0; m < g.targets.length; m++) {
      const t = model.targets[g.targets[m]!]!;
      const codes = g.side === 'right' ? t.codes : t.reversed;
      const from = g.side === 'right' ? g.offsets[m]! + g.pieceLength : t.codes.length - g.offsets[m]!;
      const rest = codes.length - from;
      const p0 = codes[from]!;
      memberKeys.length = 0;
      key(p0);
      if (rest >= 2) key(codes[from + 1]!);
      key(AFTER_NEXT_KEY + p0);
      if (rest === 1 && codes.length >= edgeOmissionLength) key(ANY_KEY);
      for (let k = soundStart[p0]!; k < soundStart[p0 + 1]!; k++) key(SOUND_KEY + soundIds[k]!);
      for (const c of extraOf(p0)) key(c);
      if (count + memberKeys.length > cap) {
        cap = Math.max(cap * 2, count + memberKeys.length);
        groups = resized(groups, cap);
        keys = resized(keys, cap);
        values = resized(values, cap);
      }
      for (const k of memberKeys) {
        if (k === ANY_KEY) anyKey[gi] = 1;
        groups[count] = gi;
        keys[count] = k;
        values[count] = m;
        count++;
      }
    }
  });
  let bits = 12;
  while (1 << bits < count * 16 && bits < 26) bits++;
  const bloom = new Int32Array(1 << (bits - 5));
  const bloomShift = 32 - bits;
  for (let i = 0; i < count; i++) {
    const b = pairBit(groups[i]!, keys[i]!, bloomShift);
    bloom[b >>> 5]! |= 1 << (b & 31);
  }
  return { members: buildPairLists(groups, keys, values, count), bloom, bloomShift, anyKey, rightSide, soundStart, soundIds };
}

function resized(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a.subarray(0, Math.min(a.length, size)));
  return b;
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
    const codes = new Uint16Array(text.length);
    const reversed = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) reversed[text.length - 1 - i] = codes[i] = text.charCodeAt(i);
    const e = entries[entry]!;
    targets.push({ entry, text, codes, reversed, ...searchedEdits(e, text.length, OTHER_SUB_LENGTH) });
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
    for (const [offset, length] of anchorPieces(t.text.length, t.oneEdit !== true && t.text.length >= TWO_SUBS_LENGTH)) {
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
