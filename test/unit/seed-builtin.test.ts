import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';

// The four errors of the inspection notice and the correct sentences of the core issue, against
// the built-in lexicons (test/unit/seed.test.ts pins the same with the small seed lexicon).
const checker = createChecker();

describe('built-in lexicons: the inspection notice', () => {
  it.each([
    ['各民族要牢固树立中华明族共同体意识。', 8, 17, '中华明族共同体意识', '中华民族共同体意识'],
    ['坚决打赢脱贫攻艰战。', 4, 9, '脱贫攻艰战', '脱贫攻坚战'],
    ['时刻把袓国安全放在首位。', 3, 5, '袓国', '祖国'],
    ['团结在以习近平总书记为核心的党中央周围。', 3, 17, '以习近平总书记为核心的党中央', '以习近平同志为核心的党中央'],
  ])('%s', (text, start, end, actual, expected) => {
    const found = checker.check(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ start, end, actual, severity: 'error' });
    expect(found[0]!.expected).toContain(expected);
  });

  it.each(['团结在以习近平同志为核心的党中央周围', '中华各民族共同开拓了辽阔的疆域', '1912年中华民国成立', '巩固拓展脱贫攻坚成果'])('no finding: %s', (text) => {
    expect(checker.check(text)).toEqual([]);
  });
});
