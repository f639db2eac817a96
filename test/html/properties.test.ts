import fc from 'fast-check';
import { parseDocument, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import type { AnyNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { BLOCK_ELEMENTS } from '../../src/html/elements.js';
import { extractHtml } from '../../src/html/extract.js';
import { seedChecker } from '../helpers.js';

const checker = seedChecker();

// ---- an independent oracle: a slice of HTML stripped of markup and decoded, via the DOM ----
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'noembed', 'noframes', 'object', 'rt', 'rp']);
function domText(nodes: readonly AnyNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += n.data;
    else if ((n.type === 'tag' || n.type === 'script' || n.type === 'style') && !HIDDEN.has(n.name)) out += domText(n.children);
  }
  return out;
}
const stripped = (html: string): string => domText(parseDocument(html).children);

/**
 * Names of the tags in a slice that always make an element: every start tag, and `</p>`/`</br>`
 * (browsers create those even unmatched). Other unmatched end tags are ignored by browsers.
 */
function tagNames(html: string): string[] {
  const names: string[] = [];
  const noop = (): void => {};
  const callbacks: TokenizerCallbacks = {
    onattribdata: noop, onattribentity: noop, onattribend: noop, onattribname: noop, oncdata: noop, oncomment: noop,
    ondeclaration: noop, onend: noop, onopentagend: noop, onprocessinginstruction: noop, onselfclosingtag: noop, ontext: noop, ontextentity: noop,
    onopentagname: (start, end) => names.push(html.slice(start, end).toLowerCase()),
    onclosetag: (start, end) => {
      const name = html.slice(start, end).toLowerCase();
      if (name === 'p' || name === 'br') names.push(name);
    },
  };
  const tokenizer = new Tokenizer({}, callbacks);
  tokenizer.write(html);
  tokenizer.end();
  return names;
}

// ---- random HTML from hostile pieces ----
const textPiece = fc.oneof(
  fc.constantFrom('中华明族', '脱贫攻艰', '袓国安全', '以习近平总书记为核心的党中央', '中华民族', '脱贫攻坚', '团结', '意识。'),
  fc.string({ unit: fc.constantFrom(...'中华民族明脱贫攻坚艰祖袓国安全 \n\r\tab<>&;#=/"\''.split('')), maxLength: 6 }),
);
const entity = fc.constantFrom('&nbsp;', '&amp;', '&lt;', '&gt;', '&quot;', '&#27665;', '&#x6C11;', '&#34963;', '&amp', '&bogus;', '&#0;', '&#xD800;', '&#128512;', '&', '&#');
const attrValue = fc.string({ unit: fc.constantFrom(...'中华民族明脱贫攻艰 x'.split('')), maxLength: 6 }).chain((v) =>
  fc.constantFrom(v, `${v}&#27665;`, `&#21326;${v}`, `${v}&amp;&lt;`),
);
const tag = fc.oneof(
  fc.constantFrom('<span>', '</span>', '<b>', '</b>', '<i>', '</i>', '<a href="/x">', '</a>', '<font color=red>', '</font>', '<p>', '</p>', '<div>', '</div>', '<br>', '<br/>', '</br>', '<li>', '<td>', '<tr>', '<table>', '</table>', '<hr>', '<pre>', '</pre>', '<ruby>', '<rt>', '</rt>', '<svg>', '</svg>'),
  fc.constantFrom('<script>var s="中华明族";</script>', '<style>p{}</style>', '<!-- 中华明族 -->', '<!-- tifa-disable -->', '<noscript>脱贫攻艰</noscript>', '<template>袓国安全</template>', '<!doctype html>', '<?xml x?>', '<![CDATA[中华]]>', '<sp', '<', '>', '</', '<!', '<!--', '<p class="x', '<a href=\'y\''),
  fc.tuple(fc.constantFrom('img', 'span', 'meta', 'abbr', 'input'), fc.constantFrom('alt', 'title', 'placeholder', 'content', 'class', 'name'), attrValue, fc.constantFrom('"', "'", '')).map(
    ([name, attr, value, q]) => (q === '' && /[\s"'=<>`]/.test(value) ? `<${name} ${attr}="${value}">` : `<${name} ${attr}=${q}${value}${q}>`),
  ),
  fc.constant('<meta name="description" content="中化民族">'),
);
/** A lexicon phrase (or error) cut apart by random markup and entity-encoded characters. */
const cutPhrase = fc.constantFrom('中华明族', '脱贫攻艰', '袓国安全', '以习近平总书记为核心的党中央', '中化民族').chain((phrase) =>
  fc.array(fc.tuple(fc.option(fc.oneof(tag, entity, fc.tuple(fc.constantFrom('\n', '\r\n', ' '), tag).map(([space, t]) => space + t)), { freq: 2 }), fc.boolean()), { minLength: phrase.length, maxLength: phrase.length }).map((plan) =>
    [...phrase].map((ch, i) => `${plan[i]![0] ?? ''}${plan[i]![1] ? `&#${ch.codePointAt(0)};` : ch}`).join(''),
  ),
);
const html = fc
  .array(fc.oneof({ weight: 3, arbitrary: textPiece }, { weight: 1, arbitrary: entity }, { weight: 3, arbitrary: tag }, { weight: 2, arbitrary: cutPhrase }), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('checkHtml laws', () => {
  it('never throws, and every finding`s source range, stripped and decoded, is its text', () => {
    let findings = 0;
    let throughMarkup = 0;
    fc.assert(
      fc.property(html, (page) => {
        const found = checker.checkHtml(page);
        findings += found.length;
        for (const f of found) {
          if (f.actual !== f.text) throughMarkup++;
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(page.length);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.actual).toBe(page.slice(f.start, f.end));
          expect(stripped(f.actual)).toBe(f.text);
          // no phrase spans a block boundary
          expect(tagNames(f.actual).filter((n) => BLOCK_ELEMENTS.has(n))).toEqual([]);
        }
        for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.start);
      }),
      { numRuns: 1500 },
    );
    // The law is not vacuous: the generator yields findings, many of them through markup or entities.
    expect(findings).toBeGreaterThan(100);
    expect(throughMarkup).toBeGreaterThan(10);
  });

  it('maps every extracted character back to source that produces it', () => {
    fc.assert(
      fc.property(html, (page) => {
        const e = extractHtml(page);
        expect(e.checkText.length).toBe(e.text.length);
        for (const s of e.map.all()) {
          if (!s.atomic) expect(page.slice(s.srcFrom, s.srcTo)).toBe(e.text.slice(s.textFrom, s.textTo));
          else expect(s.srcTo).toBeGreaterThan(s.srcFrom);
        }
      }),
      { numRuns: 400 },
    );
  });

  // ---- a phrase as text vs the same phrase wrapped in random inline markup ----
  const sentences = ['各民族要牢固树立中华明族共同体意识。', '坚决打赢脱贫攻艰战。', '时刻把袓国安全放在首位。', '团结在以习近平总书记为核心的党中央周围。', '中化民族', '中华族', '中民华族', '中华民民族', '巩固拓展脱贫攻坚成果', '中华民族伟大复兴'];
  const inline = fc.constantFrom('<span>', '</span>', '<b>', '</b>', '<i>', '<em class="x">', '</em>', '<a href="#">', '</a>', '<font color="red">', '</font>', '<sup>', '</sub>', '<strong>', '<u>', '</u>', '<!-- 注 -->', '<small>', '<label>', '<script>x</script>', '<img src="a.png">');
  const wrapped = fc.constantFrom(...sentences).chain((sentence) =>
    fc.array(fc.tuple(fc.array(inline, { maxLength: 2 }), fc.boolean(), fc.boolean()), { minLength: sentence.length, maxLength: sentence.length }).map((plan) => {
      let page = '';
      [...sentence].forEach((ch, i) => {
        const [tags, encode, hex] = plan[i]!;
        page += tags.join('');
        page += encode ? (hex ? `&#x${ch.codePointAt(0)!.toString(16)};` : `&#${ch.codePointAt(0)};`) : ch;
      });
      return { sentence, page };
    }),
  );

  it('finds the same in a phrase and in the phrase wrapped in inline markup and entities', () => {
    fc.assert(
      fc.property(wrapped, ({ sentence, page }) => {
        const plain = checker.check(sentence);
        const inHtml = checker.checkHtml(page);
        expect(inHtml.map((f) => [f.rule, f.expected, f.detail])).toEqual(plain.map((f) => [f.rule, f.expected, f.detail]));
        expect(inHtml.map((f) => f.text)).toEqual(plain.map((f) => f.actual));
      }),
      { numRuns: 300 },
    );
  });
});
