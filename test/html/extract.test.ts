import { describe, expect, it } from 'vitest';
import { extractHtml, htmlComments } from '../../src/html/extract.js';

/** The extracted text and, per segment, the source slice it maps to. */
const pieces = (html: string) => {
  const e = extractHtml(html);
  return e.map.all().map((s) => [e.text.slice(s.textFrom, s.textTo), html.slice(s.srcFrom, s.srcTo)]);
};

describe('extractHtml: what text is seen', () => {
  it.each([
    ['script, style, template, noscript, comments are not text', '<p>甲<script>var a="乙";</script><style>p{}</style><template>丙</template><noscript>丁</noscript><!-- 戊 -->己</p>', '甲己\n'],
    ['inline elements join a phrase', '<p>中<b>华</b><span>民<i>族</i></span></p>', '中华民族\n'],
    ['block elements end a phrase', '<div>中华</div>民族<br>脱贫<li>攻坚', '中华\n民族\n脱贫\n攻坚\n'],
    ['title and headings are blocks', '<title>标题</title><h1>一</h1><h2>二</h2>', '标题\n一\n二\n'],
    ['entities are decoded', '<p>中华&#27665;&#x65CF;&nbsp;&amp;&lt;</p>', '中华民族\u00a0&<\n'],
    ['ruby annotations are left out', '<ruby>中<rt>zhōng</rt>华<rp>(</rp></ruby>', '中华'],
    ['unclosed and misnested elements', '<b>中<i>华</b>民</i>族<p>脱<div>贫', '中华民族\n脱\n贫\n'],
    ['a lone < is text', '甲 < 乙', '甲 < 乙'],
    ['a truncated tag at the end is dropped', '甲<span class="', '甲'],
    ['visible attributes follow the page text as their own units', '<p title="提示">正文</p><img alt="图片"><a href="x.html" class="c">链接</a>', '正文\n链接\n提示\n图片'],
    ['meta description and keywords are text, other meta content is not', '<meta name="description" content="描述"><meta name="Keywords" content="关键词"><meta name="author" content="作者"><meta http-equiv="refresh" content="5">', '\n描述\n关键词'],
    ['attributes inside hidden elements are not text', '<noscript><img alt="不见"></noscript>见', '见'],
  ])('%s', (_name, html, text) => {
    expect(extractHtml(html).text).toBe(text);
  });

  it('folds source line breaks to spaces for checking, except in <pre>', () => {
    const e = extractHtml('<p>脱贫\r\n攻坚</p><pre>中华\n民族</pre>');
    expect(e.text).toBe('脱贫\r\n攻坚\n中华\n民族\n');
    expect(e.checkText).toBe('脱贫  攻坚\n中华\n民族\n');
    expect(e.checkText.length).toBe(e.text.length);
  });
});

describe('extractHtml: the offset map', () => {
  it('maps each entity to its whole source range', () => {
    expect(pieces('<p>中华&#27665;族&nbsp;</p>')).toEqual([['中华', '中华'], ['民', '&#27665;'], ['族', '族'], ['\u00a0', '&nbsp;']]);
  });

  it('maps attribute values, entity runs as one piece', () => {
    expect(pieces(`<img alt="中&#21326;&#27665;族" title='a&amp;b' placeholder=无引号>`)).toEqual([
      ['中', '中'], ['华民', '&#21326;&#27665;'], ['族', '族'],
      ['a', 'a'], ['&', '&amp;'], ['b', 'b'],
      ['无引号', '无引号'],
    ]);
  });

  it('maps an attribute value that starts with an entity, with spaces around =', () => {
    expect(pieces('<img alt = "&#20013;华">')).toEqual([['中', '&#20013;'], ['华', '华']]);
  });

  it('maps a range that ends before a tag without stretching over the tag', () => {
    const html = '<p>脱贫<b>攻艰</b>战</p>';
    const e = extractHtml(html);
    const at = e.text.indexOf('脱贫攻艰');
    const range = e.map.toSource(at, at + 4)!;
    expect(html.slice(range.start, range.end)).toBe('脱贫<b>攻艰');
    const two = e.map.toSource(at, at + 2)!;
    expect(html.slice(two.start, two.end)).toBe('脱贫');
  });

  it('maps nothing for a range of inserted boundaries only', () => {
    const e = extractHtml('<p>甲</p><p>乙</p>');
    expect(e.text).toBe('甲\n乙\n');
    expect(e.map.toSource(1, 2)).toBeUndefined();
    expect(e.map.toSource(2, 2)).toBeUndefined();
  });

  it('records comments with their source range', () => {
    const html = '甲<!-- tifa-disable -->乙';
    const [c] = extractHtml(html).comments;
    expect(c!.data).toBe(' tifa-disable ');
    expect(html.slice(c!.start, c!.end)).toBe('<!-- tifa-disable -->');
    const page = '<p>甲<!--a--></p><script>"<!--b-->"</script><!--c-->';
    expect(htmlComments(page)).toEqual(extractHtml(page).comments);
    expect(htmlComments(page).map((x) => x.data)).toEqual(['a', 'c']);
  });

  it('survives hostile input', () => {
    for (const html of ['', '<', '<<<>>>', '<!--', '<![CDATA[x', '&#xD800;&#0;&#99999999;', '<p title="&', '</p></div></body>', '<svg><title>中</title></svg>', '\ud800<b>\udc00']) {
      expect(() => extractHtml(html)).not.toThrow();
    }
  });
});
