import { describe, expect, it } from 'vitest';
import { escapeHtml, findingContext, html, roughText, textFragment } from '../../src/cli/formatters/html.js';
import type { FileResult } from '../../src/cli/formatters/types.js';
import { createChecker } from '../../src/index.js';

const checker = createChecker();

describe('--format html', () => {
  it('escapes what it quotes: markup in a page cannot break the report', () => {
    const page = '<p>深入推进脱贫功坚工作。</p><script>alert("x")</script>';
    const result: FileResult = { file: 'a<b>.html', url: 'http://127.0.0.1/"><script>', findings: checker.checkHtml(page), text: page, kind: 'html' };
    const out = html([result], { color: false });
    expect(out).not.toContain('<b>.html');
    expect(out).not.toContain('"><script>');
    expect(out.match(/<script>/g)).toHaveLength(1); // the report's own
    expect(escapeHtml('<&>"\'\u0000')).toBe('&lt;&amp;&gt;&quot;&#39;');
  });

  it('quotes a finding in its visible context and links to it with a text fragment', () => {
    const page = '<title>首页</title><h1>工作</h1><p>深入推进<b>脱贫</b>功坚工作&amp;成效</p>';
    const [f] = checker.checkHtml(page);
    expect(f).toBeDefined();
    const ctx = findingContext({ text: page, kind: 'html' }, f!.start, f!.end);
    expect(ctx.before.endsWith('深入推进')).toBe(true);
    expect(ctx.after.startsWith('工作&成效')).toBe(true);
    expect(roughText('a<br>b&nbsp;c&#x4e2d;')).toBe('a b c中'); // a no-break space collapses like any space
    expect(textFragment('a-b, c&d')).toBe(':~:text=a%2Db%2C%20c%26d');
  });

  it('reports no findings as such', () => {
    const out = html([{ file: 'clean.txt', findings: [], text: '全面建成小康社会。' }], { color: false });
    expect(out).toContain('data-testid="total-findings">0<');
    expect(out).toContain('没有发现问题');
  });
});
