import type { RuleId } from '../../types.js';

/** Every rule id, with a one-line description (SARIF rule metadata, `--rule` validation). */
export const RULES: Readonly<Record<RuleId, string>> = {
  'wrong-formulation': 'A listed wrong form of a mandated formulation (规范表述)',
  misspelling: 'A misspelled mandated phrase: a wrong, missing, extra, swapped or stray character',
  'banned-term': 'A term that must not be used',
  'outdated-name': 'The old name of a body or title that has been renamed',
  'common-typo': 'A common typo listed in the lexicon',
  'lookalike-char': 'A look-alike code point (Kangxi radical, compatibility ideograph ...) instead of the normal character',
  'leader-name': "A leader's name misspelt (homophone, look-alike, missing, extra or swapped character) where the context shows a person",
  'leader-title': 'A title next to a leader\'s name that the person did not hold on the asOf date',
  'leader-order': "A list of one body's members (e.g. the Standing Committee) out of protocol order",
  'former-official': 'A current title for a person the people table records as removed from office (warning)',
};

export const RULE_IDS = Object.keys(RULES) as RuleId[];
