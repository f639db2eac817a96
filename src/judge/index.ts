/**
 * The judge: every "is this really an error?" decision as a named rule (src/judge/rules/), asked
 * about a CandidateView built once per candidate. See README "How it works".
 */
export { RULES } from './rules.js';
export { drops, verdictOf, applies, type Decision, type Verdict } from './judge.js';
export { CandidateView, type Draft, type Scene } from './view.js';
export { calibrationFor, JIEBA_FREQUENCIES, LENGTHS, type Calibration, type FrequencyThresholds } from './calibration.js';
export type { JudgeRule, RuleExample } from './rule.js';
export type { PhraseTarget } from './reading.js';
