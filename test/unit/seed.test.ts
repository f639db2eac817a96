import { describe, expect, it } from 'vitest';
import { seedChecker } from '../helpers.js';

const checker = seedChecker();
const brief = (text: string) => checker.check(text).map((f) => [f.rule, f.start, f.end, f.actual, f.expected[0], f.detail]);

describe('the four errors of the inspection notice', () => {
  it.each([
    ['各民族要牢固树立中华明族共同体意识。', [['misspelling', 8, 12, '中华明族', '中华民族', 'substitution']]],
    ['坚决打赢脱贫攻艰战。', [['misspelling', 4, 8, '脱贫攻艰', '脱贫攻坚', 'substitution']]],
    ['时刻把袓国安全放在首位。', [['wrong-formulation', 3, 7, '袓国安全', '祖国安全', 'listed']]],
    ['团结在以习近平总书记为核心的党中央周围。', [['wrong-formulation', 3, 17, '以习近平总书记为核心的党中央', '以习近平同志为核心的党中央', 'listed']]],
  ])('%s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });
});

describe('correct text gives no finding', () => {
  it.each(['团结在以习近平同志为核心的党中央周围', '中华各民族共同开拓了辽阔的疆域', '1912年中华民国成立', '巩固拓展脱贫攻坚成果', '攻坚克难', '民族团结'])('%s', (text) => {
    expect(checker.check(text)).toEqual([]);
  });
});

describe('each error type of an unlisted misspelling', () => {
  it.each([
    ['中化民族', 'substitution'],
    ['中华民旅', 'substitution'],
    ['中华族', 'omission'],
    ['中华民民族', 'duplication'],
    ['中华x民族', undefined],
    ['中民华族', 'transposition'],
    ['中 华民族', 'noise'],
    ['中华\u200b民族', 'noise'],
    ['中华⺠族', 'lookalike'],
    ['中華民族', 'traditional'],
    ['脱贫功坚', 'substitution'],
  ])('%s -> %s', (text, detail) => {
    const found = checker.check(text);
    if (detail === undefined) expect(found).toEqual([]);
    else {
      expect(found).toHaveLength(1);
      expect(found[0]!.detail).toBe(detail);
      expect(found[0]!.actual).toBe(text);
      expect(found[0]!.expected).toEqual(['中华民族'.length === 4 && text.startsWith('脱') ? '脱贫攻坚' : '中华民族']);
    }
  });
});
