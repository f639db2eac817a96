/**
 * Compiles lexicon entries into one automaton plus flat records saying what each pattern means.
 * Built once per checker; immutable afterwards.
 */
import type { LexiconEntry } from '../lexicon/types.js';
import { CharKind, type Normalizer } from '../normalize/index.js';
import { buildAutomaton, type Automaton } from './automaton.js';
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
  /** A piece of a fuzzy target (aux = offset of the piece in the target). */
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
  /** Entry index (Correct/Variant/Banned/Outdated/Typo), target index (Anchor/Swap), allow index (Allow). */
  readonly hitRef: Int32Array;
  /** Anchor: offset of the piece in its target; Variant: variant index. */
  readonly hitAux: Int32Array;
  readonly entries: readonly LexiconEntry[];
  readonly targets: readonly FuzzyTarget[];
  /** Matching keys of every listed text (phrases, variants, wrong and right words). */
  readonly knownKeys: ReadonlySet<string>;
  readonly allow: readonly string[];
}

export function buildMatchModel(entries: readonly LexiconEntry[], normalizer: Normalizer, allow: readonly string[]): MatchModel {
  const patterns: string[] = [];
  const types: number[] = [];
  const refs: number[] = [];
  const aux: number[] = [];
  const add = (text: string, type: HitType, ref: number, a: number): void => {
    patterns.push(text);
    types.push(type);
    refs.push(ref);
    aux.push(a);
  };
  const key = normalizer.key;
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
  entries.forEach((e, i) => {
    const k = key(e.text);
    knownKeys.add(k);
    switch (e.kind) {
      case 'mandated':
        if (!correctKeys.has(k)) {
          correctKeys.add(k);
          add(k, HitType.Correct, i, 0);
        }
        e.variants.forEach((v, vi) => {
          knownKeys.add(key(v));
          add(key(v), HitType.Variant, i, vi);
        });
        if (e.fuzzy) addTarget(k, i);
        break;
      case 'banned':
        add(k, HitType.Banned, i, 0);
        break;
      case 'outdated':
        add(k, HitType.Outdated, i, 0);
        break;
      case 'allow':
        add(k, HitType.Allow, i, 0);
        break;
      case 'typo':
        add(k, HitType.Typo, i, 0);
        for (const r of e.replacement) {
          const rk = key(r);
          knownKeys.add(rk);
          if (!correctKeys.has(rk)) {
            correctKeys.add(rk);
            add(rk, HitType.Correct, i, 0);
          }
          if (e.fuzzy) addTarget(rk, i);
        }
        break;
    }
  });
  targets.forEach((t, ti) => {
    for (const [offset, length] of anchorPieces(t.text.length)) add(t.text.slice(offset, offset + length), HitType.Anchor, ti, offset);
    const swapped = middleSwap(t.text);
    if (swapped !== t.text && !knownKeys.has(swapped)) add(swapped, HitType.Swap, ti, 0);
  });
  allow.forEach((a, ai) => {
    const k = key(a);
    if (k.length > 0) add(k, HitType.Allow, ai, 0);
  });

  const automaton = buildAutomaton(patterns);
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
  return {
    automaton,
    unitClass,
    hitType: Uint8Array.from(types),
    hitRef: Int32Array.from(refs),
    hitAux: Int32Array.from(aux),
    entries,
    targets,
    knownKeys,
    allow,
  };
}
