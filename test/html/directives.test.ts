import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/cli/check-file.js';
import { parseDirective, textDirectives } from '../../src/html/directives.js';
import { seedChecker } from '../helpers.js';

const checker = seedChecker();
const actuals = (text: string, kind: 'html' | 'text') => checkSource(checker, text, { kind }).findings.map((f) => f.actual);

describe('inline directives in HTML', () => {
  it('disable-next-line skips the next line only', () => {
    const html = '<!-- tifa-disable-next-line -->\n<p>中化民族</p>\n<p>脱贫攻艰</p>';
    expect(actuals(html, 'html')).toEqual(['脱贫攻艰']);
    expect(checkSource(checker, html, { kind: 'html' }).suppressed).toBe(1);
  });

  it('disable-line skips its own line', () => {
    expect(actuals('<p>中化民族</p><!-- tifa-disable-line -->\n<p>脱贫攻艰</p>', 'html')).toEqual(['脱贫攻艰']);
  });

  it('disable ... enable skips a range, to the end without enable', () => {
    const html = '<p>中化民族</p><!-- tifa-disable --><p>脱贫攻艰</p><p>袓国安全</p><!-- tifa-enable --><p>中华明族</p><!-- tifa-disable -->中化民族';
    expect(actuals(html, 'html')).toEqual(['中化民族', '中华明族']);
  });

  it('names rules', () => {
    const html = '<!-- tifa-disable wrong-formulation --><p>袓国安全 中化民族</p>';
    expect(actuals(html, 'html')).toEqual(['中化民族']);
  });

  it('can be turned off', () => {
    expect(checkSource(checker, '<!-- tifa-disable -->中化民族', { kind: 'html', directives: false }).findings).toHaveLength(1);
  });

  it('is a directive only as a comment, not as page text', () => {
    expect(actuals('<p>tifa-disable</p><p>中化民族</p>', 'html')).toEqual(['中化民族']);
  });
});

describe('inline directives in text and Markdown', () => {
  it.each([
    ['tifa-disable-next-line\n中化民族\n脱贫攻艰', ['脱贫攻艰']],
    ['// tifa-disable-next-line\n中化民族\n脱贫攻艰', ['脱贫攻艰']],
    ['# tifa-disable\r\n中化民族\r\n# tifa-enable\r\n脱贫攻艰', ['脱贫攻艰']],
    ['<!-- tifa-disable -->\n中化民族\n脱贫攻艰', []],
    ['中化民族 tifa-disable-next-line\n脱贫攻艰', ['中化民族', '脱贫攻艰']],
  ])('%j', (text, expected) => {
    expect(actuals(text, 'text')).toEqual(expected);
  });

  it('parses directive bodies', () => {
    expect(parseDirective(' tifa-disable-next-line banned-term, misspelling ')).toEqual({ kind: 'disable-next-line', rules: ['banned-term', 'misspelling'] });
    expect(parseDirective('tifa-disabled')).toBeUndefined();
    expect(parseDirective('eslint-disable')).toBeUndefined();
    expect(textDirectives('a\n  tifa-enable  \n').map((d) => [d.kind, d.start, d.end])).toEqual([['enable', 2, 17]]);
  });
});
