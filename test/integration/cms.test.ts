import fc from 'fast-check';
import { parseDocument, DomUtils } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { highlightHtml } from '../../src/integrations/highlight.js';
import { prePublishCheck } from '../../src/integrations/cms.js';
import { readFixture, seedChecker } from '../helpers.js';

const checker = seedChecker({ asOf: '2024-01-01' });
const MARK = /<mark class="[^"]*" data-rule="[^"]*" title="[^"]*">|<\/mark>/g;

describe('prePublishCheck', () => {
  it('blocks an article with errors and marks each one', () => {
    const article = '<h1>通知</h1>\n<p>坚决打赢<b>脱贫</b>攻艰战。</p>\n<p>中华&nbsp;明族</p>';
    const result = prePublishCheck(checker, article);
    expect(result.pass).toBe(false);
    expect(result.findings.map((f) => f.text)).toEqual(['脱贫攻艰', '中华\u00a0明族']);
    const mark = (rule: string, message: string) => `<mark class="tifa tifa-error" data-rule="${rule}" title="${message}">`;
    const [a, b] = result.findings;
    expect(result.highlighted).toBe(
      `<h1>通知</h1>\n<p>坚决打赢<b>${mark('misspelling', a!.message)}脱贫</mark></b>${mark('misspelling', a!.message)}攻艰</mark>战。</p>\n<p>${mark('misspelling', b!.message)}中华&nbsp;明族</mark></p>`,
    );
  });

  it('passes a clean article, and honours directives and failOn', () => {
    expect(prePublishCheck(checker, readFixture('pages/correct.html'))).toMatchObject({ pass: true, findings: [] });
    const quoted = '<!-- tifa-disable-next-line -->\n<p>原文误作“中华明族”。</p>';
    expect(prePublishCheck(checker, quoted).pass).toBe(true);
    const lookalike = '<p>⺠</p>';
    expect(prePublishCheck(checker, lookalike).pass).toBe(true);
    expect(prePublishCheck(checker, lookalike, { failOn: 'warning' }).pass).toBe(false);
  });

  it('does not mark inside <title> or attributes, but reports them', () => {
    const page = '<title>中华明族</title><img alt="脱贫攻艰"><p>袓国安全</p>';
    const result = prePublishCheck(checker, page);
    expect(result.findings).toHaveLength(3);
    expect(result.highlighted.match(/<mark /g)).toHaveLength(1);
    expect(result.highlighted).toContain('<title>中华明族</title><img alt="脱贫攻艰">');
  });

  it('escapes the message and accepts another element name', () => {
    const out = highlightHtml('<p>x</p>', [{ rule: 'banned-term', severity: 'info', start: 3, end: 4, line: 1, column: 4, actual: 'x', expected: [], message: '"<&>"', entry: 'e', detail: 'listed', confidence: 1 }], { tag: 'span', className: 'lint' });
    expect(out).toBe('<p><span class="lint tifa-info" data-rule="banned-term" title="&quot;&lt;&amp;&gt;&quot;">x</span></p>');
    expect(() => highlightHtml('', [], { tag: 'x onload=1' })).toThrow(RangeError);
  });
});

describe('highlightHtml laws', () => {
  const piece = fc.constantFrom('中华明族', '脱贫攻艰', '袓国安全', '中化民族', '正文', '中', '华', '明', '族', '脱', '贫', '攻', '艰', '<b>', '</b>', '<i>', '</i>', '<span class="a">', '</span>', '<p>', '</p>', '<br>', '&nbsp;', '&#27665;', '&#26126;', '<!-- x -->', '<script>中华明族</script>', '<title>', '</title>', '<a href="?a=1&amp;b=2">', '</a>', '<img alt="中华明族">', '<', '>', '&', '<td>', '<table>', '<textarea>', '</textarea>', '<option>');
  const page = fc.array(piece, { maxLength: 25 }).map((p) => p.join(''));

  it('marks never break tags: without the marks the page is unchanged, and its text is unchanged', () => {
    let marked = 0;
    fc.assert(
      fc.property(page, (html) => {
        const { highlighted, findings } = prePublishCheck(checker, html);
        if (highlighted !== html) marked++;
        expect(highlighted.replace(MARK, '')).toBe(html);
        expect(DomUtils.textContent(parseDocument(highlighted))).toBe(DomUtils.textContent(parseDocument(html)));
        // every mark is an element of the parsed page, holding text of a finding
        const marks = DomUtils.getElementsByTagName('mark', parseDocument(highlighted));
        const texts = findings.map((f) => f.text ?? f.actual);
        for (const m of marks) {
          expect(m.children.every((c) => c.type === 'text')).toBe(true); // a mark holds text only, never a tag
          const inner = DomUtils.textContent(m);
          expect(texts.some((t) => t.includes(inner))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    expect(marked).toBeGreaterThan(50);
  });
});
