/**
 * Rules for a replaced character (substitution): the text says something else with a word of its
 * own, or the phrase ended before a particle, a copula or a negation.
 */
import { COPULAS, isFunctionChar, isHan, isNumeral, NEGATIONS } from '../chars.js';
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
    id: 'substitution-unconfusable-reads-fine',
    appliesTo: { fuzzy: SUBSTITUTION },
    needs: 'frequencies',
    doc: 'A substitute confusable with nothing (one slip inside a long phrase, see OTHER_SUB_LENGTH) is a slip only where the text does not read as another right wording: not a numeral or a function character, nor in place of one (党的十九届五中全会, 人和自然和谐共生), not a frequent word alone (国务院原总理, 从严管党), and making no dictionary word with a neighbour inside the phrase or out (加速构建新发展格局, 法律体系, 扫黑险恶).',
    examples: [
      { quiet: '要加速构建新发展格局', found: '要铸牢中华民族共同体识识' },
      { quiet: '坚持人和自然和谐共生', found: '推进国家治理体系和治理能力现伐化' },
    ],
    decide: onReading((r, f) => {
      if (r.candidate.otherSub !== true) return undefined;
      const substitute = r.text.charCodeAt(r.editPos);
      const replaced = r.candidate.editChar;
      for (const c of replaced === undefined ? [substitute] : [substitute, replaced]) {
        if (isNumeral(c) || isFunctionChar(c)) return `${String.fromCharCode(c)} is a numeral or a function character`;
      }
      // A character this frequent as a word of its own (原, 管, 副) is a modifier or a verb of its own choosing.
      const alone = r.frequency(String.fromCharCode(substitute));
      if (alone >= f.morpheme) return counted(String.fromCharCode(substitute), alone);
      for (const step of [-1, 1] as const) {
        const pair = r.pairWith(r.editPos, step);
        if (!pair || !isHan(r.text.charCodeAt(pair.other))) continue;
        const n = r.frequency(pair.word);
        if (n >= f.glue) return counted(pair.word, n);
      }
      return undefined;
    }),
  },
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
