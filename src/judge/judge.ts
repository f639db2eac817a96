/**
 * The judge: asks the rules, in order, whether a candidate finding is really an error. Without a
 * trace it stops at the first rule that drops the candidate; with one (`explain`) it asks every
 * rule, so the trace lists every rule that would drop it, the rules that were off, and the shadow
 * rules' verdicts.
 */
import type { JudgeRule } from './rule.js';
import type { CandidateView } from './view.js';

/** One rule's decision, with its evidence (tokens and counts). */
export interface Decision {
  rule: string;
  evidence: string;
}

/** The trace of one candidate. */
export interface Verdict {
  /** The rules that drop the candidate (empty: it is reported). */
  dropBy: Decision[];
  /** The rules that looked at it and let it pass. */
  passed: string[];
  /** The rules that apply but are off (no segmenter, or no frequencies). */
  off: string[];
  /** What shadow rules would decide (measured, never applied). */
  shadow: Decision[];
  /** The window as the segmenter read it (fuzzy candidates). */
  reading?: string;
}

/** Whether the rule looks at this candidate. */
export function applies(rule: JudgeRule, view: CandidateView): boolean {
  const { fuzzy, rules, details } = rule.appliesTo;
  if (fuzzy && !(view.draft.fuzzy && fuzzy.includes(view.draft.detail))) return false;
  if (details && !details.includes(view.draft.detail)) return false;
  return !rules || rules.includes(view.draft.rule);
}

/** Whether what the rule needs is there. */
function isOn(rule: JudgeRule, view: CandidateView): boolean {
  if (rule.needs === 'nothing') return true;
  if (!view.scene.segmenter()) return false;
  return rule.needs === 'segmenter' || view.scene.calibration().frequency !== undefined;
}

/** Whether some rule drops the candidate (the first one that does ends the search). */
export function drops(rules: readonly JudgeRule[], view: CandidateView): boolean {
  for (const rule of rules) if (!rule.shadow && applies(rule, view) && isOn(rule, view) && rule.decide(view) !== undefined) return true;
  return false;
}

/** Asks every rule; the trace of the candidate. */
export function verdictOf(rules: readonly JudgeRule[], view: CandidateView): Verdict {
  const verdict: Verdict = { dropBy: [], passed: [], off: [], shadow: [] };
  for (const rule of rules) {
    if (!applies(rule, view)) continue;
    if (!isOn(rule, view)) {
      verdict.off.push(rule.id);
      continue;
    }
    const evidence = rule.decide(view);
    if (rule.shadow) {
      if (evidence !== undefined) verdict.shadow.push({ rule: rule.id, evidence });
    } else if (evidence !== undefined) verdict.dropBy.push({ rule: rule.id, evidence });
    else verdict.passed.push(rule.id);
  }
  const reading = view.draft.fuzzy && view.scene.segmenter() ? view.reading : undefined;
  if (reading) verdict.reading = reading.cut;
  return verdict;
}
