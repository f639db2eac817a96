/**
 * The rule of the mined phrase bank (src/lexicon/bank.ts): a correctly written bank phrase, or a
 * known sibling wording of one, vouches for the characters inside it, against bank phrases only.
 */
import type { JudgeRule } from '../rule.js';
import { isBankEntry } from '../../lexicon/bank.js';

const FUZZY = { fuzzy: ['substitution', 'omission', 'insertion', 'duplication', 'transposition'] } as const;

export const BANK_RULES: readonly JudgeRule[] = [
  {
    id: 'inside-bank-phrase',
    appliesTo: FUZZY,
    needs: 'nothing',
    doc: 'A fuzzy candidate of a bank phrase that is, or lies wholly inside, a correctly written phrase of the mined bank or a sibling wording of one, frequent in edited copy (全面战略伙伴关系, the bank phrase 中全面战略伙伴关系 cut, inside the bank phrase 两国全面战略伙伴关系), or a bank phrase cut at its edge where such a wording runs on across the cut (…强|省 where …强省 is a sibling of the bank\'s …强国), is that wording or a piece of it, not a misspelling. Bank texts never silence a curated finding (not here, not in known-text, not in edit-inside-correct-phrase): curated entries win.',
    examples: [{ quiet: '中老两国全面战略伙伴关系。', found: '中老两国全面战略伙伴关糸。' }],
    decide: (v) => {
      if (!isBankEntry(v.draft.entry)) return undefined; // the bank never silences a curated finding
      const { start, end } = v;
      const at = v.draft.editPos;
      const edgeCut = v.draft.detail === 'omission' && (at === start || at === end);
      let hit: [number, number] | undefined;
      v.scene.bankCorrect?.someOverlapping(start - 1, end + 1, (a, b) => {
        const inside = a <= start && end <= b;
        // a phrase cut at its edge where a bank wording runs on across the cut: 农业强|省
        const across = edgeCut && ((at === end && a < end && end < b) || (at === start && a < start && start < b));
        if (inside || across) hit = [a, b];
        return hit !== undefined;
      });
      return hit && `inside ${v.text.slice(hit[0], hit[1])}`;
    },
  },
];
