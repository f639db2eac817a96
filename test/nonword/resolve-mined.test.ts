/**
 * Findings of methods (the mined idiom list and bank, the non-word stage) are resolved among
 * themselves by leftmost-longest: an idiom's finding over the whole slip wins over a non-word
 * finding of two of its characters, and the non-word finding stands where no idiom covers it.
 */
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';

const idioms = { name: 'idioms.yaml', text: 'kind: mandated\nsource: test\nentries:\n  - id: idiom.t1\n    text: 顺理成章\n    severity: warning\n    category: idiom-bank\n' };
const checker = createChecker({ builtins: false, nonword: true, asOf: '2025-06-01', lexicons: [idioms] });
const spans = (text: string) => checker.check(text).map((f) => [f.actual, f.expected[0]]);

describe('resolve: mined and non-word findings', () => {
  it('the idiom wins over a non-word finding inside it (found twin)', () => {
    expect(spans('指出，要准确把握顺礼成章的基本要求，结合')).toEqual([['顺礼成章', '顺理成章']]);
  });
  it('the non-word finding stands alone (quiet twin for the idiom)', () => {
    expect(spans('这件事办得很顺礼。')).toEqual([['顺礼', '顺利']]);
  });
});
