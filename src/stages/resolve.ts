/**
 * Stage 4: among overlapping findings the leftmost-longest wins; listed forms before fuzzy ones.
 */
import type { RuleId } from '../types.js';
import type { Judged } from './judge.js';
import type { LexiconEntry } from '../lexicon/types.js';
import { isBankEntry } from '../lexicon/bank.js';
import { NONWORD_CATEGORY } from '../nonword/stage.js';

const PRIORITY: Record<RuleId, number> = {
  'wrong-formulation': 0,
  'banned-term': 0,
  'outdated-name': 0,
  'common-typo': 0,
  misspelling: 1,
  'lookalike-char': 2,
  // the people stage's findings are merged after resolve (src/people/stage.ts), never ranked here
  'leader-name': 0,
  'leader-title': 0,
  'leader-order': 0,
  'former-official': 0,
};

/**
 * Whether a finding comes from a method rather than from a curated entry: the mined phrase bank and
 * idiom list (src/lexicon/bank.ts) or the non-word stage. Among these the leftmost-longest wins, so
 * an idiom's finding over 顺理诚章 is not cut down to the non-word stage's 顺理 → 顺利 inside it.
 */
const isMined = (entry: LexiconEntry): boolean => isBankEntry(entry) || entry.category === NONWORD_CATEGORY;

/**
 * The non-overlapping findings, sorted by position. Curated entries first: a finding of a method
 * (isMined) is kept only where no curated finding overlaps it.
 */
export function resolve(kept: Judged[]): Judged[] {
  kept.sort(({ draft: a }, { draft: b }) => a.start - b.start || b.end - a.end || PRIORITY[a.rule] - PRIORITY[b.rule] || b.confidence - a.confidence || (a.entry.id < b.entry.id ? -1 : 1));
  if (!kept.some((j) => isMined(j.draft.entry))) return leftmostLongest(kept);
  const curated = leftmostLongest(kept.filter((j) => !isMined(j.draft.entry)));
  const mined = leftmostLongest(kept.filter((j) => isMined(j.draft.entry) && !overlapsAny(curated, j.draft.start, j.draft.end)));
  return [...curated, ...mined].sort(({ draft: a }, { draft: b }) => a.start - b.start);
}

function leftmostLongest(sorted: readonly Judged[]): Judged[] {
  const chosen: Judged[] = [];
  let lastEnd = -1;
  for (const j of sorted) {
    if (j.draft.start < lastEnd) continue;
    chosen.push(j);
    lastEnd = j.draft.end;
  }
  return chosen;
}

/** Whether [start, end) overlaps a finding of `chosen` (sorted, not overlapping one another). */
function overlapsAny(chosen: readonly Judged[], start: number, end: number): boolean {
  let lo = 0;
  let hi = chosen.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (chosen[mid]!.draft.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < chosen.length && chosen[lo]!.draft.start < end;
}
