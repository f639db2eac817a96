/**
 * The shape of a judge rule: a named decision that drops a candidate finding, with the sentences
 * that show it (a quiet one it drops, and a found twin with a real slip that stays reported).
 */
import type { ErrorDetail, RuleId } from '../types.js';
import type { CandidateView } from './view.js';
import type { Reading } from './reading.js';
import type { FrequencyThresholds } from './calibration.js';

/** A pair of sentences that pins a rule (see test/unit/judge-examples.test.ts). */
export interface RuleExample {
  /** Correct text: a candidate in it is dropped by this rule and by no other. */
  quiet: string;
  /** Its twin with a real slip: reported. */
  found: string;
  /** Checker options both sentences are checked with (the allow list, a minimum confidence). */
  options?: { allow?: string[]; minConfidence?: number };
}

/** What a rule needs to decide anything: without it the rule is off. */
export type RuleNeeds = 'nothing' | 'segmenter' | 'frequencies';

export interface JudgeRule {
  /** Stable id, shown by `explain` and counted by the accuracy report. */
  id: string;
  /** The candidates the rule looks at: fuzzy ones with these details, findings of these rules, findings with these details (all that are given). */
  appliesTo: { fuzzy?: readonly ErrorDetail[]; rules?: readonly RuleId[]; details?: readonly ErrorDetail[] };
  needs: RuleNeeds;
  /** Why the rule holds, in one or two sentences. */
  doc: string;
  examples: readonly RuleExample[];
  /** The evidence (tokens, counts) when the candidate is not an error; undefined when the rule does not drop it. */
  decide(view: CandidateView): string | undefined;
  /** Measured only: `explain` reports what it would decide, but it never drops a candidate. */
  shadow?: boolean;
}

/** A fuzzy rule's decide: runs on the Reading (present whenever the rule is on) with the frequency thresholds. */
export function onReading(decide: (r: Reading, f: FrequencyThresholds) => string | undefined): (view: CandidateView) => string | undefined {
  return (view) => {
    const r = view.reading;
    if (!r) return undefined;
    // Rules that need no frequencies still run without them; the thresholds then read as 0.
    return decide(r, r.calibration.frequency ?? NO_FREQUENCIES);
  };
}

const NO_FREQUENCIES: FrequencyThresholds = { word: 0, crossing: 0, glue: 0, morpheme: 0, veryCommonWord: 0, commonWord: 0, commonChar: 0, suffixWord: 0 };

/** `word 1234` for the trace. */
export const counted = (word: string, n: number): string => `${word} ${Number.isFinite(n) ? n : '∞'}`;
