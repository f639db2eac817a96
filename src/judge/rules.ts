/**
 * The judge's rules, in the order they are asked (cheap rules on every finding first, then the
 * rules that read the segmented window of a fuzzy candidate). The order only decides which rule a
 * dropped candidate is credited to: a candidate is reported when no rule drops it.
 */
import type { JudgeRule } from './rule.js';
import { FINDING_RULES } from './rules/findings.js';
import { CONTEXT_RULES } from './rules/context.js';
import { READING_RULES } from './rules/reading-rules.js';
import { SUBSTITUTION_RULES } from './rules/substitution.js';
import { INSERTION_RULES } from './rules/insertion.js';
import { OMISSION_RULES } from './rules/omission.js';
import { WORD_PROBABILITY_RULE } from './rules/word-probability.js';
import { NONWORD_RULES } from '../nonword/rules.js';
import { BANK_RULES } from './rules/bank.js';

export const RULES: readonly JudgeRule[] = [...FINDING_RULES, ...BANK_RULES, ...CONTEXT_RULES, ...READING_RULES, ...SUBSTITUTION_RULES, ...INSERTION_RULES, ...OMISSION_RULES, ...NONWORD_RULES, WORD_PROBABILITY_RULE];
