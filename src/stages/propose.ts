/**
 * Stage 2 of a check (after the scan): turns the scan's hits and fuzzy candidates into drafts of
 * findings, and collects what the judge needs to know of the whole text (correctly written
 * phrases, allowed spans). Decides nothing about whether a draft is really an error: that is the
 * judge's job (src/judge/).
 */
import { CharKind, type Normalizer } from '../normalize/index.js';
import { HitType, type MatchModel } from '../match/model.js';
import type { ScanResult } from '../match/scan.js';
import type { FuzzyCandidate } from '../fuzzy/index.js';
import { bankKeeps, curatedKnownKeys, fuzzyConfidence, isBankEntry } from '../lexicon/bank.js';
import { SpanIndex } from '../findings/spans.js';
import type { ErrorDetail, Segmenter } from '../types.js';
import type { LexiconEntry } from '../lexicon/types.js';
import type { Calibration } from '../judge/calibration.js';
import type { Draft, Scene } from '../judge/view.js';

/** What the stages of one check share: the compiled model, the normalizer, the segmenter. */
export interface Pipeline {
  model: MatchModel;
  normalizer: Normalizer;
  segmenter: () => Segmenter | undefined;
  calibration: () => Calibration;
  minConfidence: number;
  /** Drafts of short non-words one slip away from a frequent word (src/nonword/); absent: none. */
  nonword?: (text: string, segmenter: Segmenter | undefined) => Draft[];
}

const DRIFT_RANK: Partial<Record<ErrorDetail, number>> = { lookalike: 4, traditional: 3, noise: 2, fullwidth: 1 };

/** How text[start, end) differs from its matching form (noise, traditional, look-alike ...), if at all. */
export function driftIn(text: string, start: number, end: number, normalizer: Normalizer): ErrorDetail | undefined {
  const { map, kind } = normalizer;
  let detail: ErrorDetail | undefined;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (map[c] === c && kind[c] !== CharKind.Skip) continue;
    if (c === 10 || c === 13) continue; // a hard line wrap inside a phrase is not an error
    const k = normalizer.kind[c];
    const d: ErrorDetail | undefined =
      k === CharKind.Skip ? 'noise' : k === CharKind.Lookalike ? 'lookalike' : k === CharKind.Traditional ? 'traditional' : k === CharKind.Fullwidth ? 'fullwidth' : undefined;
    if (d && (detail === undefined || DRIFT_RANK[d]! > DRIFT_RANK[detail]!)) detail = d;
  }
  return detail;
}

/** Drafts of the listed hits; fills `correct` and `allowed`, and adds swapped phrases to `fuzzy`. */
function hitDrafts(text: string, hits: ScanResult['hits'], p: Pipeline, scene: Scene, fuzzy: FuzzyCandidate[]): Draft[] {
  const { hitType, hitRef, entries } = p.model;
  const drafts: Draft[] = [];
  for (let h = 0; h < hits.length; h++) {
    const pattern = hits.pattern[h]!;
    const start = hits.start[h]!;
    const end = hits.end[h]!;
    const type = hitType[pattern]!;
    if (type === HitType.Allow) {
      // An allowed text vouches for its wording, not for look-alike code points or stray spaces
      // inside it (最高人⺠法院原院长 is still wrong).
      if (driftIn(text, start, end, p.normalizer) === undefined) scene.allowed.add(start, end);
      continue;
    }
    if (type === HitType.Swap) {
      fuzzy.push({ target: hitRef[pattern]!, start, end, detail: 'transposition', confidence: 0.85, editPos: start, edit: '字序颠倒' });
      continue;
    }
    const entry = entries[hitRef[pattern]!]!;
    const d = type === HitType.Correct ? correctDraft(text, start, end, entry, p, scene) : listedDraft(type, entry, start, end);
    if (d !== undefined) drafts.push(d);
  }
  return drafts;
}

/** A draft built with one key order always (the order of Draft and of the fuzzy drafts): one hidden class for all. */
function draftOf(rule: Draft['rule'], entry: LexiconEntry, start: number, end: number, expected: string[], detail: ErrorDetail, confidence: number): Draft {
  return { rule, severity: entry.severity, start, end, expected, entry, detail, confidence };
}

/** A correctly written mandated phrase: marks it correct; a draft only where its code points drift (look-alikes, noise ...). */
function correctDraft(text: string, start: number, end: number, entry: LexiconEntry, p: Pipeline, scene: Scene): Draft | undefined {
  // A bank phrase vouches only for what lies wholly inside it (rule inside-bank-phrase).
  (isBankEntry(entry) ? scene.bankCorrect! : scene.correct).add(start, end);
  // Most hits are correctly written phrases: tell them apart without allocating a substring.
  const drift = driftIn(text, start, end, p.normalizer);
  if (drift === undefined || !bankKeeps(entry, drift, entry.text.length)) return undefined;
  const expected = entry.kind === 'typo' ? p.normalizer.key(text.slice(start, end)) : entry.text;
  return draftOf('misspelling', entry, start, end, [expected], drift, drift === 'noise' ? 0.9 : 0.95);
}

/** A listed wrong form, banned term, outdated name or common typo (rare: kept out of the hot loop). */
function listedDraft(type: HitType, entry: LexiconEntry, start: number, end: number): Draft | undefined {
  if (type === HitType.Variant) return draftOf('wrong-formulation', entry, start, end, [entry.text], 'listed', 1);
  if (type === HitType.Banned) return draftOf('banned-term', entry, start, end, entry.replacement, 'listed', 1);
  if (type === HitType.Outdated) return draftOf('outdated-name', entry, start, end, entry.replacement, 'listed', 1);
  if (type === HitType.Typo) return draftOf('common-typo', entry, start, end, entry.replacement, 'listed', 1);
  return undefined;
}

/** Drafts of the fuzzy candidates, one per span and phrase. */
function fuzzyDrafts(candidates: FuzzyCandidate[], p: Pipeline): Draft[] {
  const { entries, targets } = p.model;
  candidates.sort((a, b) => a.start - b.start || a.end - b.end || a.target - b.target);
  const drafts: Draft[] = [];
  let prev: FuzzyCandidate | undefined;
  for (const c of candidates) {
    const target = targets[c.target]!;
    const entry = entries[target.entry]!;
    // Kinds of edit not kept are dropped before the first of a span wins, so that the result does
    // not hang on which anchor verified first (the scan drops them already; see Keep in src/fuzzy).
    if (!bankKeeps(entry, c.detail, target.codes.length)) continue;
    if (prev && prev.start === c.start && prev.end === c.end && prev.target === c.target) continue;
    prev = c;
    const phrase = { text: target.text, length: target.codes.length, fixed: entry.kind === 'typo', idiom: entry.category === 'idiom' };
    drafts.push({ rule: 'misspelling', severity: entry.severity, start: c.start, end: c.end, expected: [target.text], entry, detail: c.detail, confidence: fuzzyConfidence(entry, c.confidence), edit: c.edit, editPos: c.editPos, fuzzy: { candidate: c, target: phrase } });
  }
  return drafts;
}

/** The drafts of one text, and the scene the judge reads them in. */
export function propose(text: string, scanned: ScanResult, p: Pipeline): { drafts: Draft[]; scene: Scene } {
  const { normalizer } = p;
  const scene: Scene = {
    text,
    key: (s) => normalizer.key(s),
    isSkip: (c) => normalizer.kind[c] === CharKind.Skip,
    correct: new SpanIndex(), // hits come sorted by end
    bankCorrect: new SpanIndex(),
    allowed: new SpanIndex(),
    knownKeys: curatedKnownKeys(p.model, normalizer.key),
    minConfidence: p.minConfidence,
    segmenter: p.segmenter,
    calibration: p.calibration,
  };
  const fuzzy: FuzzyCandidate[] = scanned.candidates.slice();
  const drafts = hitDrafts(text, scanned.hits, p, scene, fuzzy);
  // A loop, not push(...spread): a page full of misspellings has hundreds of thousands of fuzzy
  // drafts, and spreading them as arguments overflows the stack.
  if (fuzzy.length > 0) for (const d of fuzzyDrafts(fuzzy, p)) drafts.push(d);
  if (p.nonword) for (const d of p.nonword(text, p.segmenter())) drafts.push(d);
  return { drafts, scene };
}
