/**
 * Stage 4: among overlapping findings the leftmost-longest wins; listed forms before fuzzy ones.
 */
import type { RuleId } from '../types.js';
import type { Judged } from './judge.js';

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

/** The non-overlapping findings, sorted by position. */
export function resolve(kept: Judged[]): Judged[] {
  kept.sort(({ draft: a }, { draft: b }) => a.start - b.start || b.end - a.end || PRIORITY[a.rule] - PRIORITY[b.rule] || b.confidence - a.confidence || (a.entry.id < b.entry.id ? -1 : 1));
  const chosen: Judged[] = [];
  let lastEnd = -1;
  for (const j of kept) {
    if (j.draft.start < lastEnd) continue;
    chosen.push(j);
    lastEnd = j.draft.end;
  }
  return chosen;
}
