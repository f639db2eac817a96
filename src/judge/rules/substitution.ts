/**
 * Rules for a replaced character (substitution): the text says something else with a word of its
 * own, or the phrase ended before a particle, a copula or a negation.
 */
import { COPULAS, isFunctionChar, isHan, NEGATIONS } from '../chars.js';
import type { Reading } from '../reading.js';
import { counted, onReading, type JudgeRule } from '../rule.js';

const SUBSTITUTION = ['substitution'] as const;

/** The substitute at the phrase's first or last character of a single-edit, non-fixed candidate, if any. */
function edgeSubstitute(r: Reading): number | undefined {
  const { editPos, start, end } = r;
  if (r.target.fixed || (r.candidate.edits ?? 1) !== 1 || (editPos !== start && editPos !== end - 1)) return undefined;
  return r.text.charCodeAt(editPos);
}

export const SUBSTITUTION_RULES: readonly JudgeRule[] = [
  {
    id: 'substitution-edge-negation-copula',
    appliesTo: { fuzzy: SUBSTITUTION },
    needs: 'segmenter',
    doc: "The phrase's first or last character replaced by a negation or a copula is the phrase's shorter neighbour followed by a predicate (生态环境不动摇, 中国是个伟大的国家).",
    examples: [{ quiet: '坚持维护国家安全不动摇', found: '坚持维护国家安全布动摇' }],
    decide: onReading((r) => {
      const c = edgeSubstitute(r);
      return c !== undefined && (NEGATIONS.has(c) || COPULAS.has(c)) ? `${String.fromCharCode(c)} at the edge` : undefined;
    }),
  },
  {
    id: 'substitution-word-with-neighbour',
    appliesTo: { fuzzy: SUBSTITUTION },
    needs: 'frequencies',
    doc:
      'A substituted character that makes a frequent word with a neighbour outside the phrase is the intended word (参与权 beside 参与); with a neighbour inside only where the replaced character was a particle (我党第十九届). Not in fixed expressions, where a homophone word is still a slip (世事求是).',
    examples: [{ quiet: '佐科表示，我党第十九届六中全会', found: '国务院台湾事务办公司发言人' }],
    decide: onReading((r, f) => {
      if (r.target.fixed) return undefined;
      const replacedParticle = r.candidate.editChar !== undefined && isFunctionChar(r.candidate.editChar);
      for (const step of [-1, 1] as const) {
        const pair = r.pairWith(r.editPos, step);
        if (!pair || !isHan(r.text.charCodeAt(pair.other))) continue;
        if (pair.other >= r.start && pair.other < r.end && !replacedParticle) continue;
        const n = r.frequency(pair.word);
        if (n >= f.word) return counted(pair.word, n);
      }
      return undefined;
    }),
  },
];
