/**
 * Stage 3: the judge decides, for every draft, whether it is really an error (src/judge/). With a
 * trace, every draft keeps its verdict and every dropped one is listed.
 */
import { CandidateView, drops, RULES, verdictOf, type Draft, type Scene, type Verdict } from '../judge/index.js';
import type { DroppedCandidate } from '../types.js';

export interface Judged {
  draft: Draft;
  /** The judge's trace (only when explaining). */
  verdict?: Verdict;
}

/** The drafts no rule drops; with `dropped`, the trace of each and the list of the dropped ones. */
export function judge(drafts: readonly Draft[], scene: Scene, dropped?: DroppedCandidate[]): Judged[] {
  const kept: Judged[] = [];
  for (const draft of drafts) {
    const view = new CandidateView(draft, scene);
    if (!dropped) {
      if (!drops(RULES, view)) kept.push({ draft });
      continue;
    }
    const verdict = verdictOf(RULES, view);
    if (verdict.dropBy.length === 0) kept.push({ draft, verdict });
    else dropped.push(droppedOf(draft, scene.text, verdict));
  }
  return kept;
}

function droppedOf(d: Draft, text: string, v: Verdict): DroppedCandidate {
  const out: DroppedCandidate = { start: d.start, end: d.end, actual: text.slice(d.start, d.end), rule: d.rule, detail: d.detail, entry: d.entry.id, expected: d.expected, dropBy: v.dropBy, passed: v.passed, off: v.off, shadow: v.shadow };
  if (d.edit !== undefined) out.edit = d.edit;
  if (v.reading !== undefined) out.reading = v.reading;
  return out;
}
