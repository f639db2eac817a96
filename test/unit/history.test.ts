import { describe, expect, it } from 'vitest';
import { createChecker, createJiebaSegmenter } from '../../src/index.js';
import { markedAsFormer, outdatedNameIsHistory } from '../../src/findings/history.js';
import { yearScopeStart } from '../../src/findings/context.js';
import { wordAcrossTypo } from '../../src/findings/typo-boundary.js';

const typoCrossesWord = (text: string, start: number, end: number, seg: typeof segmenter): boolean => wordAcrossTypo(text, start, end, seg, 100) !== undefined;

const segmenter = createJiebaSegmenter();
const span = (text: string, phrase: string): [number, number] => {
  const i = text.indexOf(phrase);
  return [i, i + phrase.length];
};
const history = (text: string, name: string): boolean => outdatedNameIsHistory(text, ...span(text, name), segmenter);
const former = (text: string, name: string): boolean => markedAsFormer(text, span(text, name)[0], segmenter);
const outdated = (text: string): string[] =>
  createChecker({ asOf: '2024-06-30', fuzzy: false })
    .check(text)
    .filter((f) => f.rule === 'outdated-name')
    .map((f) => f.actual);

describe('outdated names as history (general rules)', () => {
  it('原/前 with a place prefix between marks a former body', () => {
    expect(former('原中国银监会副主席蔡鄂生', '银监会')).toBe(true);
    expect(former('原湖北省武汉市环保局局长', '环保局')).toBe(true);
    expect(former('前国家旅游局局长', '国家旅游局')).toBe(true);
  });
  it('not when 原/前 belong to a word or 前 follows a time', () => {
    expect(former('目前银监会发布通知', '银监会')).toBe(false);
    expect(former('太原环保局发布通知', '环保局')).toBe(false);
    expect(former('三天前银监会发布通知', '银监会')).toBe(false);
    expect(former('原来市农业局的同志说', '农业局')).toBe(false);
    expect(former('原定由中国银监会负责', '银监会')).toBe(false);
  });
  it('the reform itself, a past act and a post in a biography', () => {
    expect(history('成立仅有3年，武警森林部队集体转制后，', '武警森林部队')).toBe(true);
    expect(history('继公安消防部队移交应急管理部门之后', '公安消防部队')).toBe(true);
    expect(history('在中央深改组第七次会议上', '中央深改组')).toBe(true);
    expect(history('是中央全面深化改革领导小组审议通过的方案', '中央全面深化改革领导小组')).toBe(true);
    expect(history('他兼任国家科技领导小组组长、中央外事工作领导小组组长等。', '中央外事工作领导小组')).toBe(true);
  });
  it('not for the body acting today', () => {
    expect(history('中央深改组召开会议，审议了方案。', '中央深改组')).toBe(false);
    expect(history('武警森林部队正在扑救山火。', '武警森林部队')).toBe(false);
    expect(history('银监会发布的数据显示，', '银监会')).toBe(false);
    expect(history('中央外事工作领导小组组长主持会议。', '中央外事工作领导小组')).toBe(false);
  });
  it('the checker applies them to every outdated entry', () => {
    expect(outdated('原中国银监会副主席蔡鄂生等人被查处。')).toEqual([]);
    expect(outdated('中国银监会副主席今天表示。')).toEqual(['银监会']);
  });
});

describe('yearBefore looks back past a sentence that carries the previous time', () => {
  it('其间/同年 continue the previous sentence of the paragraph', () => {
    const text = '1995年3月，任国务院副总理。其间，兼任副主任。';
    expect(yearScopeStart(text, text.indexOf('其间'))).toBe(0);
    expect(outdated('1995年3月，任国务院副总理。其间，国务院三峡工程建设委员会开始运作。')).toEqual([]);
  });
  it('not for other sentences, nor across a line break', () => {
    const text = '1995年3月，任国务院副总理。目前，兼任副主任。';
    expect(yearScopeStart(text, text.indexOf('目前'))).toBe(text.indexOf('目前'));
    const para = '1995年3月，任国务院副总理。\n其间，兼任副主任。';
    expect(yearScopeStart(para, para.indexOf('其间'))).toBe(para.indexOf('其间'));
    expect(outdated('1995年3月，任国务院副总理。目前，国务院三峡工程建设委员会开始运作。')).toEqual(['国务院三峡工程建设委员会']);
  });
});

describe('listed two-character typos across a word boundary', () => {
  it('按|排除 is two words', () => {
    const text = '经审核确定的排除商品，按排除办法办理';
    expect(typoCrossesWord(text, ...span(text, '按排'), segmenter)).toBe(true);
    expect(createChecker().check(text).filter((f) => f.rule === 'common-typo')).toEqual([]);
  });
  it('按排 standing alone is the typo', () => {
    const text = '要按排好今年的工作';
    expect(typoCrossesWord(text, ...span(text, '按排'), segmenter)).toBe(false);
    expect(createChecker().check(text).map((f) => f.actual)).toContain('按排');
  });
});
