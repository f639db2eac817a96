import { describe, expect, it } from 'vitest';
import { createChecker, createJiebaSegmenter } from '../../src/index.js';
import { spacesSeparateWords } from '../../src/fuzzy/spacing.js';

const segmenter = createJiebaSegmenter();
const isSkip = (c: number): boolean => c === 0x20 || c === 0x3000 || c === 0xa0 || c === 0x200b;
const at = (text: string, phrase: string): boolean => {
  const spaced = [...phrase].join('[ \u3000\u00a0\u200b]*');
  const m = new RegExp(spaced).exec(text)!;
  return spacesSeparateWords(text, m.index, m.index + m[0].length, phrase, segmenter, isSkip);
};

describe('headline spacing', () => {
  it('a typed space between two words of the phrase, on a line that separates items with spaces', () => {
    expect(at('国开行贷款助力“碳达峰 碳中和” 国家开发银行日前决定', '碳达峰碳中和')).toBe(true);
    expect(at('的说明 习近平 同志们： 受中央政治局委托', '习近平同志')).toBe(true);
    expect(at('【新时代 新征程】六一主题 云队课', '新时代新征程')).toBe(true);
  });
  it('not inside a word, not in running prose, not for invisible characters', () => {
    expect(at('各民族要铸牢中 华民族共同体意识。 标题 二', '中华民族')).toBe(false);
    expect(at('还将推出“新时代 新征程”六一主题云队课直播', '新时代新征程')).toBe(false);
    expect(at('国开行贷款助力“碳达峰\u00a0碳中和” 国家开发银行日前决定', '碳达峰碳中和')).toBe(false);
    expect(at('国开行贷款助力“碳达峰\u200b碳中和” 国家开发银行日前决定', '碳达峰碳中和')).toBe(false);
  });
  it('the checker keeps a headline quiet and still reports the space in prose', () => {
    const checker = createChecker();
    expect(checker.check('国开行贷款助力“碳达峰 碳中和” 国家开发银行日前决定')).toEqual([]);
    const [f] = checker.check('各地要扎实做好碳达峰 碳中和各项工作。');
    expect(f).toMatchObject({ rule: 'misspelling', detail: 'noise', actual: '碳达峰 碳中和' });
  });
});
