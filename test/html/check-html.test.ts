import { describe, expect, it } from 'vitest';
import { checkHtmlWith } from '../../src/html/check-html.js';
import type { Finding } from '../../src/types.js';
import { seedChecker } from '../helpers.js';

const checker = seedChecker();
const brief = (html: string) => checker.checkHtml(html).map((f) => [f.rule, f.actual, f.text, f.expected[0], f.detail, f.line, f.column]);

describe('checkHtml: the seed errors inside markup', () => {
  it.each([
    ['in the title', '<title>树立中华明族共同体意识</title>', [['misspelling', '中华明族', '中华明族', '中华民族', 'substitution', 1, 10]]],
    ['across inline tags', '<p>坚决打赢<b>脱贫</b>攻艰战</p>', [['misspelling', '脱贫</b>攻艰', '脱贫攻艰', '脱贫攻坚', 'substitution', 1, 11]]],
    ['ending inside an inline element', '<p>坚决打赢脱贫<em>攻艰</em>战</p>', [['misspelling', '脱贫<em>攻艰', '脱贫攻艰', '脱贫攻坚', 'substitution', 1, 8]]],
    ['with &nbsp; noise inside', '<p>中华&nbsp;明族</p>', [['misspelling', '中华&nbsp;明族', '中华\u00a0明族', '中华民族', 'substitution', 1, 4]]],
    ['an entity-encoded wrong character', '<p>时刻把&#34963;国安全放在首位</p>', [['wrong-formulation', '&#34963;国安全', '袓国安全', '祖国安全', 'listed', 1, 7]]],
    ['a line break in the source inside a phrase', '<p>团结在以习近平总书记为\n核心的党中央周围</p>', [['wrong-formulation', '以习近平总书记为\n核心的党中央', '以习近平总书记为\n核心的党中央', '以习近平同志为核心的党中央', 'listed', 1, 7]]],
    ['in an alt attribute', '<p>正文</p>\n<img src="a.png" alt="脱贫攻艰">', [['misspelling', '脱贫攻艰', '脱贫攻艰', '脱贫攻坚', 'substitution', 2, 23]]],
    ['in meta description', '<meta name="description" content="中化民族">', [['misspelling', '中化民族', '中化民族', '中华民族', 'substitution', 1, 35]]],
  ])('%s', (_name, html, expected) => {
    expect(brief(html)).toEqual(expected);
  });

  it.each([
    ['the correct phrase entity-encoded', '<p>中华&#27665;族 脱贫&#x653B;&#22362;</p>'],
    ['errors in script, style and comments', '<script>var s = "中华明族";</script><style>/* 脱贫攻艰 */</style><!-- 袓国安全 --><p>正文</p>'],
    ['errors in attributes a reader does not see', '<a href="/中华明族" class="脱贫攻艰" data-x="袓国安全">链接</a>'],
    ['a phrase cut by a block boundary', '<td>中华</td><td>明族</td><p>脱贫<br>攻艰</p>'],
    ['a phrase cut by a block boundary after a source line break', '<p>中华\n</p><p>明族</p><div>脱贫\r\n<div>攻艰</div></div>'],
    ['a phrase cut by a block boundary after a line break in <pre>', '<pre>袓国\n<pre>安全</pre></pre><pre>中华\n</pre>明族'],
  ])('no finding: %s', (_name, html) => {
    expect(checker.checkHtml(html)).toEqual([]);
  });

  it('keeps findings sorted by source position, attributes among the text', () => {
    const html = '<p>甲</p><img alt="中化民族"><p>脱贫攻艰</p>';
    const found = checker.checkHtml(html);
    expect(found.map((f) => f.actual)).toEqual(['中化民族', '脱贫攻艰']);
    for (const f of found) expect(html.slice(f.start, f.end)).toBe(f.actual);
  });

  it('agrees with check() on plain text without markup', () => {
    const text = '各民族要牢固树立中华明族共同体意识。坚决打赢脱贫攻艰战。';
    const fromHtml = checker.checkHtml(text).map(({ text: decoded, ...f }) => (expect(decoded).toBe(f.actual), f));
    expect(fromHtml).toEqual(checker.check(text));
  });

  it('drops a finding of the text checker that spans a block boundary', () => {
    const fake = (text: string): Finding[] => {
      const at = text.indexOf('贫\n攻');
      const finding = { rule: 'misspelling', severity: 'error', line: 1, column: 1, expected: [] as string[], message: 'm', entry: 'e', detail: 'noise', confidence: 1 } as const;
      return [
        { ...finding, start: at, end: at + 3, actual: text.slice(at, at + 3) },
        { ...finding, start: at + 2, end: at + 4, actual: text.slice(at + 2, at + 4) },
      ];
    };
    expect(checkHtmlWith(fake, '<p>脱贫</p><p>攻艰</p>').map((f) => f.actual)).toEqual(['攻艰']);
  });

  it('rejects a non-string like check() does', () => {
    expect(() => checker.checkHtml(undefined as unknown as string)).toThrow(TypeError);
  });
});

describe('checkHtml with `until`: stops at a cap (issue 11, problem 4)', () => {
  it('checks the extracted text window by window and stops once until() says so', () => {
    const html = `<p>${'⼀a'.repeat(1_000_000)}</p>`;
    const windows: number[] = [];
    const counting = (t: string): Finding[] => (windows.push(t.length), checker.check(t));
    const seen: number[] = [];
    const found = checkHtmlWith(counting, html, { until: (f) => seen.push(f.start) >= 4 });
    expect(found.map((f) => [f.start, f.actual])).toEqual([[3, '⼀'], [5, '⼀'], [7, '⼀'], [9, '⼀']]);
    expect(seen).toEqual([3, 5, 7, 9]);
    expect(windows).toHaveLength(1);
    expect(windows[0]!).toBeLessThan(html.length / 10);
  });

  it('returns what a full check returns when until() never says stop; findings passed in reading order, returned in source order', () => {
    const html = `<p>甲</p><img alt="中化民族"><p>脱贫攻艰</p>${'<p>坚决打赢脱贫攻艰战，树立中华明族共同体意识</p>'.repeat(3000)}`;
    const seen: string[] = [];
    const found = checker.checkHtml(html, { until: (f) => (seen.push(f.actual), false) });
    expect(found).toEqual(checker.checkHtml(html));
    expect(seen[seen.length - 1]).toBe('中化民族'); // the attribute unit comes after the page text
    expect(found[0]!.actual).toBe('中化民族');
  });

  it('rejects an until that is not a function', () => {
    expect(() => checker.checkHtml('<p>甲</p>', { until: 3 as unknown as () => boolean })).toThrow(TypeError);
  });
});
