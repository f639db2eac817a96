/**
 * Rules for fuzzy candidates of every kind of edit: the candidate is a dictionary word of its own,
 * or a word of the text runs across its edge through the edit.
 */
import { counted, onReading, type JudgeRule } from '../rule.js';

export const READING_RULES: readonly JudgeRule[] = [
  {
    id: 'whole-dictionary-word',
    appliesTo: { fuzzy: ['substitution', 'omission', 'insertion', 'duplication', 'transposition'] },
    needs: 'frequencies',
    doc: "The candidate is one dictionary word of its own (风景画, 损人不利己): not a misspelling. Except a rare entry far rarer than the phrase with a replaced, missing or swapped character: jieba's dictionary records common misspellings too (各抒已见 3 against 各抒己见 46).",
    examples: [{ quiet: '在大灾大疫面前同甘苦、共拼搏。', found: '在大灾大疫面前同甘共库、共拼搏。' }],
    decide: onReading((r, f) => {
      for (let k = 0; k < r.tokens.length; k++) {
        const token = r.tokens[k]!;
        if (r.tokenStarts[k] !== r.start || r.tokenStarts[k + 1] !== r.end || token.length < 2) continue;
        const n = r.frequency(token);
        const recordedSlip = r.candidate.detail !== 'insertion' && n < f.glue && n * 10 < r.frequency(r.target.text);
        if (n > 0 && !recordedSlip) return counted(token, n);
      }
      return undefined;
    }),
  },
  {
    id: 'crossing-word-at-edit',
    appliesTo: { fuzzy: ['substitution', 'omission', 'insertion'] },
    needs: 'frequencies',
    doc:
      "A word across the candidate's edge that takes in the edit glues it to the text outside (全国|安全 beside the gap: 全国安全形势 is not 国家安全 missing 家). An exact part of the phrase shared with an outside word (中共中央 holding 中央) is no evidence, nor a word across a body name's broken suffix (最高人民检察|工作报告).",
    examples: [{ quiet: '坚持打造市场化法治化国际化营商环境。', found: '要持续优华营商环境。' }],
    decide: onReading((r, f) => {
      if (r.brokenSuffixWord) return undefined;
      const omission = r.candidate.detail === 'omission';
      const t = r.spans.find((s) => s.visible >= 2 && s.crossesEdge && (s.holdsEdit || (omission && (s.end === r.editPos || s.start === r.editPos))) && s.frequency >= f.crossing);
      return t && `${counted(t.token, t.frequency)} across the edge in ${r.cut}`;
    }),
  },
];
