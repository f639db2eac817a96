/**
 * Context instead of blanket rules (issue 13 §4): an outdated name needs evidence of history, a
 * quoted wrong form followed by its correction is a quotation, a sibling level (…强省 for …强国) is
 * a sibling. Each rule has a quiet sentence and a found twin; the judge-examples test pins one
 * pair per rule, these pin the classes.
 */
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';
import { historyEvidence } from '../../src/findings/history.js';
import { quotationAround, quotedCorrection, siblingLevel } from '../../src/judge/rules/context.js';

const checker = createChecker({ asOf: '2026-06-30' });
const actuals = (text: string, rule?: string): string[] =>
  checker
    .check(text)
    .filter((f) => rule === undefined || f.rule === rule)
    .map((f) => f.actual);
const at = (text: string, s: string): [number, number] => {
  const i = text.indexOf(s);
  return [i, i + s.length];
};

describe('an outdated name needs evidence of history', () => {
  it('a sentence about today with both names still reports the old one', () => {
    expect(actuals('国家卫生计生委、国家卫生健康委联合印发通知', 'outdated-name')).toEqual(['国家卫生计生委']);
    expect(actuals('请向国家卫生计生委或国家卫生健康委咨询。', 'outdated-name')).toEqual(['国家卫生计生委']);
  });
  it('both names with a sign of the change or of the past are history', () => {
    expect(actuals('从中央财经领导小组到中央财经委员会', 'outdated-name')).toEqual([]);
    expect(actuals('党的十八大以来，召开中央全面深化改革领导小组和中央全面深化改革委员会会议70多次。', 'outdated-name')).toEqual([]);
    expect(actuals('此前国家卫生计生委的职责，现由国家卫生健康委承担。', 'outdated-name')).toEqual([]);
  });
  it('strong evidence alone: 时任, 前身, 曾任, a year before the reform', () => {
    expect(actuals('李斌时任国家卫生计生委主任。', 'outdated-name')).toEqual([]);
    expect(actuals('他曾任国家卫生计生委副主任。', 'outdated-name')).toEqual([]);
    expect(actuals('2016年，国家卫生计生委印发通知。', 'outdated-name')).toEqual([]);
    expect(actuals('李斌是国家卫生计生委主任。', 'outdated-name')).toEqual(['国家卫生计生委']);
    expect(actuals('2025年，国家卫生计生委印发通知。', 'outdated-name')).toEqual(['国家卫生计生委']);
  });
  it('historyEvidence names what it found', () => {
    const t = '2016年，国家卫生计生委印发通知。';
    expect(historyEvidence(t, ...at(t, '国家卫生计生委'), '2018-03-17', false)).toMatch(/^2016年/);
    const u = '国家卫生计生委和国家卫生健康委都在';
    expect(historyEvidence(u, ...at(u, '国家卫生计生委'), '2018-03-17', true)).toBeUndefined();
  });
});

describe('a quoted wrong form followed by its correction is a quotation', () => {
  it('“X”应为/改为/更正为/误写为 and 将“Y”误写为“X”', () => {
    for (const t of ['通报指出，“中华明族”应为“中华民族”。', '“中华明族”已更正为“中华民族”', '文中将“中华民族”误写为“中华明族”。', '通报指出，“凭心而论”应为“平心而论”。', '标题中“中华明族”改为“中华民族”。', '有的网站把“中华民族”写成了“中华明族”。'])
      expect(actuals(t), t).toEqual([]);
  });
  it('a quoted wrong form without a correction, or a correction word outside the quotation, is still reported', () => {
    expect(actuals('大力弘扬“中华明族”精神。')).toEqual(['中华明族']);
    expect(actuals('通报指出，中华明族应当团结奋斗。')).toEqual(['中华明族']);
    expect(actuals('他说“中华明族”。改为别的')).toEqual(['中华明族']);
  });
  it('finds the quotation marks that hold the span, never across a sentence end', () => {
    const t = '通报指出，“中华明族”应为“中华民族”。';
    expect(quotationAround(t, ...at(t, '中华明族'))).toEqual([5, 10]);
    expect(quotedCorrection(t, ...at(t, '中华明族'))).toBe('应为');
    const u = '“好”。中华明族”应为';
    expect(quotationAround(u, ...at(u, '中华明族'))).toBeUndefined();
  });
});

describe('a sibling level is the sibling, not a misspelling', () => {
  it('…强省 for …强国, cut or replaced', () => {
    expect(actuals('加快建设农业强省')).toEqual([]);
    expect(actuals('加快建设教育强省')).toEqual([]);
    expect(actuals('大力实施人才强校战略。')).toEqual([]);
    expect(actuals('党委全面依法治省（市）委员会办公室主任')).toEqual([]);
    expect(actuals('加快建设农业强过')).toEqual(['加快建设农业强过']);
  });
  it('only a level character for a level character, one edit', () => {
    expect(siblingLevel('加快建设农业强省', 0, 7, 'omission', 7, '国'.charCodeAt(0), 1)).toMatch(/^省 for 国/);
    expect(siblingLevel('加快建设农业强过', 0, 8, 'substitution', 7, '国'.charCodeAt(0), 1)).toBeUndefined();
    expect(siblingLevel('建设体育强省', 2, 6, 'substitution', 5, '国'.charCodeAt(0), 2)).toBeUndefined();
    expect(siblingLevel('加快建设农业强调', 0, 7, 'omission', 7, '国'.charCodeAt(0), 1)).toBeUndefined();
  });
});
