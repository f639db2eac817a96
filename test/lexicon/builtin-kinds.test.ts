import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';

// Each kind of the built-in lexicons on real sentences, positive and negative.
const today = createChecker();
const in2017 = createChecker({ asOf: '2017-06-01' });
const brief = (text: string, c = today) => c.check(text).map((f) => [f.rule, f.actual, f.expected[0]]);

describe('built-in lexicons, each kind', () => {
  it.each([
    ['banned', '他会见了台湾总统候选人。', [['banned-term', '台湾总统', '台湾地区领导人']]],
    ['banned', '北朝鲜发射导弹。', [['banned-term', '北朝鲜', '朝鲜']]],
    ['outdated', '国家工商行政管理总局发布通知。', [['outdated-name', '国家工商行政管理总局', '国家市场监督管理总局']]],
    ['outdated, local pattern', '县食品药品监督管理局开展检查。', [['outdated-name', '食品药品监督管理局', '市场监督管理局']]],
    ['typo', '大家要再接再励。', [['common-typo', '再接再励', '再接再厉']]],
    ['typo', '全体干部迫不急待地投入工作。', [['common-typo', '迫不急待', '迫不及待']]],
    ['mandated variant', '团结在以习近平总书记为核心的党中央周围。', [['wrong-formulation', '以习近平总书记为核心的党中央', '以习近平同志为核心的党中央']]],
    ['look-alike code point in a phrase', '⼈民代表大会', [['misspelling', '⼈民代表大会', '人民代表大会']]],
  ])('%s: %s', (_kind, text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it.each(['朝鲜族同胞欢度节日。', '国家市场监督管理总局发布通知。', '1912年中华民国成立。', '学习党的十九大精神', '大家要再接再厉。'])('no finding: %s', (text) => {
    expect(today.check(text)).toEqual([]);
  });

  it('outdated names are not wrong before the change (asOf)', () => {
    expect(brief('国家工商行政管理总局发布通知。', in2017)).toEqual([]);
    expect(brief('北朝鲜发射导弹。', in2017)).toHaveLength(1);
  });

  it('every entry has a source and a known kind; counts reach the issue sizes', () => {
    const count = (k: string) => today.entries.filter((e) => e.kind === k).length;
    expect(today.entries.every((e) => e.source.trim().length > 0)).toBe(true);
    expect(count('mandated')).toBeGreaterThanOrEqual(300);
    expect(today.entries.reduce((n, e) => n + e.variants.length, 0)).toBeGreaterThanOrEqual(150);
    expect(count('banned')).toBeGreaterThanOrEqual(80);
    expect(count('outdated')).toBeGreaterThanOrEqual(80);
    expect(count('typo')).toBeGreaterThanOrEqual(1500);
  });
});

describe('outdated names in history', () => {
  it('an old name beside its new one in the same sentence is not reported', () => {
    expect(today.check('从中央财经领导小组到中央财经委员会，习近平总书记亲自谋划。')).toEqual([]);
    expect(today.check('中央财经领导小组召开会议。')).toHaveLength(1);
  });
});
