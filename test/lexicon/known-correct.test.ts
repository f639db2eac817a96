import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';

const checker = createChecker();
const actuals = (text: string): string[] => checker.check(text).map((f) => f.actual);

describe('known-correct texts added from the corpus review', () => {
  it('the 2008 Paralympics and the UN people-centred development are not misspellings', () => {
    expect(actuals('雅典残奥会和北京残奥会跳远冠军李端')).toEqual([]);
    expect(actuals('本届论坛主题为“推动以人为中心的可持续发展”')).toEqual([]);
  });
  it('the mandated phrases nearby are still checked', () => {
    // 北京冬残奥 itself is the games' short name (allowed like 北京冬奥); a slip in it is not.
    expect(actuals('北京冬残奥之火将抵达开幕式现场')).toEqual([]);
    expect(actuals('北京冬残澳会开幕')).toContain('北京冬残澳会');
    expect(actuals('坚持以人为中心的发展思想').join()).toContain('以人为中心');
  });
});
