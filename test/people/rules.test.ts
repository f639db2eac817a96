// The four people rules on the built-in table: a quiet and a found twin for each, through createChecker.
import { describe, expect, it } from 'vitest';
import { createChecker, type Finding } from '../../src/index.js';
import { createPeopleStage } from '../../src/people/stage.js';

const checkers = new Map<string, ReturnType<typeof createChecker>>();
const people = (text: string, asOf: string): Finding[] => {
  let c = checkers.get(asOf);
  if (!c) checkers.set(asOf, (c = createChecker({ asOf, segmenter: 'none' })));
  return c.check(text).filter((f) => f.rule.startsWith('leader-') || f.rule === 'former-official');
};
const brief = (fs: Finding[]): [string, string, string[]][] => fs.map((f) => [f.rule, f.actual, f.expected]);

describe('leader-title', () => {
  it.each([
    ['国务院总理李强出席会议。', '2024-05-01'],
    ['中共中央总书记、国家主席、中央军委主席习近平出席。', '2024-05-01'],
    ['国务院总理李克强主持召开国务院常务会议。', '2019-05-01'],
    ['原国务院总理李克强同志逝世。', '2023-10-28'],
    ['时任国务院副总理韩正出席。', '2024-05-01'],
    ['2019年，国务院副总理韩正出席会议。', '2024-05-01'],
    ['十三届全国人大常委会委员长栗战书主持会议。', '2024-05-01'],
    ['全国人大常委会副委员长肖捷作报告。', '2024-05-01'],
    ['国家主席习近平出席。', '2011-05-01'], // before the table's coverage (2012): not judged
  ])('quiet: %s (as of %s)', (text, asOf) => {
    expect(people(text, asOf)).toEqual([]);
  });
  it('found: the premier called vice premier, with the right title expected', () => {
    const fs = people('国务院副总理李强出席会议。', '2024-05-01');
    expect(brief(fs)).toEqual([['leader-title', '国务院副总理', ['国务院总理']]]);
    expect(fs[0]!.message).toContain('李强');
    expect(fs[0]!.source).toContain('十四届全国人大一次会议');
  });
  it('found: a former post given as current', () => {
    expect(brief(people('国务院总理李克强主持召开国务院常务会议。', '2024-05-01'))).toEqual([['leader-title', '国务院总理', ['原国务院总理']]]);
  });
  it('found: one title of a chain', () => {
    expect(brief(people('中共中央政治局常委、国务院副总理何立峰出席。', '2024-05-01'))).toEqual([['leader-title', '中共中央政治局常委', ['国务院副总理']]]);
  });
  it('a title held by several covers the bare names listed after the first', () => {
    expect(people('国务院副总理丁薛祥、何立峰、张国清出席。', '2024-05-01')).toEqual([]);
    const fs = people('国务委员王小洪、吴政隆、秦刚出席。', '2024-05-01');
    expect(fs.map((f) => [f.rule, f.actual, f.expected])).toEqual([['former-official', '秦刚', ['原国务委员']]]);
    expect(fs[0]!.message).toContain('列于“国务委员”之下');
  });
  it('found: a short form after the name', () => {
    expect(brief(people('李强副总理指出，要抓好落实。', '2024-05-01'))).toEqual([['leader-title', '副总理', ['总理']]]);
  });
  it('offsets index the input, also in HTML', () => {
    const c = createChecker({ asOf: '2024-05-01', segmenter: 'none' });
    const html = '<p>国务院副总理<b>李强</b>出席</p>';
    const [f] = c.checkHtml(html).filter((x) => x.rule === 'leader-title');
    expect(html.slice(f!.start, f!.end)).toBe('国务院副总理');
  });
});

describe('former-official', () => {
  it('quiet: before the removal, and with 原', () => {
    expect(people('国务委员秦刚会见外宾。', '2023-05-01')).toEqual([]);
    expect(people('原国务委员秦刚会见外宾。', '2024-05-01')).toEqual([]);
  });
  it('found: a removed person with the current title, a warning with date and source', () => {
    const [f, ...rest] = people('国务委员秦刚会见外宾。', '2024-05-01');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'former-official', severity: 'warning', actual: '国务委员', expected: ['原国务委员'], detail: 'removed' });
    expect(f!.message).toContain('2023-10-24');
    expect(f!.source).toContain('十四届全国人大常委会第六次会议');
  });
});

describe('leader-order', () => {
  it.each([
    ['习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希等出席会议。', '2024-05-01'],
    ['习近平、李克强、栗战书、汪洋、王沪宁、赵乐际、韩正出席。', '2024-05-01'], // the 19th committee's list, in its order
    ['习近平、李强、赵乐际、王沪宁、韩正、蔡奇、丁薛祥、李希等出席会议。', '2023-03-07'],
    ['石泰峰、刘国中、何立峰、张国清、吴政隆出席。', '2024-05-01'], // a Political Bureau roster by strokes
  ])('quiet: %s', (text, asOf) => {
    expect(people(text, asOf)).toEqual([]);
  });
  it('found: two members of the Standing Committee swapped', () => {
    expect(brief(people('习近平、赵乐际、李强、王沪宁、蔡奇、丁薛祥、李希等出席会议。', '2024-05-01'))).toEqual([
      ['leader-order', '习近平、赵乐际、李强、王沪宁、蔡奇、丁薛祥、李希', ['习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希']],
    ]);
  });
  it('found: vice premiers after their title out of order', () => {
    expect(brief(people('国务院副总理何立峰、丁薛祥、张国清出席。', '2024-05-01'))).toEqual([['leader-order', '何立峰、丁薛祥、张国清', ['丁薛祥、何立峰、张国清']]]);
  });
});

describe('leader-name', () => {
  it.each([
    ['一片汪洋大海，波涛汹涌。', '2024-05-01'],
    ['副市长李强出席会议。', '2024-05-01'],
    ['张国庆同志任县委书记。', '2024-05-01'], // a namesake-like name with 同志 only
    ['李国强同志就这个问题进行讲解。', '2024-12-10'],
    ['越南总理范明政会见。', '2024-05-01'],
  ])('quiet: %s', (text, asOf) => {
    expect(people(text, asOf)).toEqual([]);
  });
  it.each([
    ['国务院副总理丁雪祥出席。', '丁雪祥', '丁薛祥', 'substitution'],
    ['国务院副总理张国庆出席。', '张国庆', '张国清', 'substitution'],
    ['国务院总理李克出席。', '李克', '李克强', 'omission'],
    ['习平近总书记指出，要坚持人民至上。', '习平近', '习近平', 'transposition'],
    ['习近平、李墙、赵乐际出席。', '李墙', '李强', 'substitution'],
    ['全国人大常委会委员长赵乐乐际出席。', '赵乐乐际', '赵乐际', 'duplication'],
  ])('found: %s', (text, actual, expected, detail) => {
    const asOf = text.includes('李克') ? '2017-05-01' : '2024-05-01';
    const fs = people(text, asOf);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'leader-name', actual, expected: [expected], detail });
  });
  it('found by the stage in 以…同志为核心; in a full check the phrase lexicon reports it (习近平同志), once', () => {
    const stage = createPeopleStage({ asOf: '2024-05-01' });
    expect(stage.check('以习近苹同志为核心的党中央').map((f) => [f.rule, f.actual, f.expected])).toEqual([['leader-name', '习近苹', ['习近平']]]);
    const all = createChecker({ asOf: '2024-05-01', segmenter: 'none' }).check('以习近苹同志为核心的党中央');
    expect(all.filter((f) => f.start < 6 && f.end > 1)).toHaveLength(1);
  });
  it('a wrong form the phrase lexicon lists is reported once, by the lexicon', () => {
    const all = createChecker({ asOf: '2025-10-30', segmenter: 'none' }).check('国家主席习近乎在釜山会见美国总统。');
    expect(all.map((f) => [f.rule, f.actual])).toEqual([['wrong-formulation', '习近乎']]);
  });
});

describe('any string', () => {
  it('never throws; offsets index the text (random mixes of names, titles, 、 and odd code units)', () => {
    const pool = ['习近平', '李强', '李克强', '赵乐际', '国务院总理', '国务院副总理', '中共中央政治局常委', '国务委员', '秦刚', '、', '，', '同志', '总书记', '主席', '副', '原', '时任', '2015年', '以', '为核心', '\ud800', '\udc00', '\u200b', ' ', '\n', '丁薜祥', '李墙', '汪洋', '等'];
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const stage = createPeopleStage({ asOf: '2024-05-01' });
    for (let k = 0; k < 2000; k++) {
      let text = '';
      const len = rand(30);
      for (let i = 0; i < len; i++) text += pool[rand(pool.length)];
      for (const f of stage.check(text)) {
        expect(text.slice(f.start, f.end)).toBe(f.actual);
        expect(f.start).toBeLessThan(f.end);
      }
    }
  });
});
