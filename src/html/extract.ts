/**
 * HTML -> the text a reader sees, with an offset map back to the source. Parsing is htmlparser2's
 * (tokenizer + implied-close rules), never regular expressions; this module only listens to its
 * events and records where each piece of text came from.
 *
 * What is extracted:
 *   - text nodes outside hidden elements (script, style, template, noscript, ... see elements.ts);
 *     comments, doctypes and processing instructions are never text;
 *   - entities decoded (`&#27665;` -> 民, `&nbsp;` -> U+00A0, which the normalizer skips inside
 *     phrases), each mapped to its whole source range;
 *   - a "\n" at every block boundary (p, div, li, td, br, h1-h6, title ...), so no phrase spans
 *     two blocks; inline elements (span, b, a, font ...) add nothing, so a phrase may span them;
 *   - visible attributes (title, alt, placeholder, aria-label, meta description/keywords content)
 *     appended after the page text, each as its own unit between line breaks.
 *
 * Two strings come out: `text` is the decoded text exactly as written; `checkText` has the same
 * length, with source line breaks outside <pre>/<textarea> folded to spaces (a browser renders a
 * line break inside a paragraph as a space, so `脱贫\n攻坚` in the source reads as one phrase).
 * Malformed HTML never throws: the parser recovers and so does the extractor.
 */
import type { Handler, Parser, QuoteType } from 'htmlparser2';
import { BLOCK_ELEMENTS, HIDDEN_ELEMENTS, PREFORMATTED_ELEMENTS, TEXT_ONLY_ELEMENTS, TEXT_META_NAMES, VISIBLE_ATTRIBUTES } from './elements.js';
import { OffsetMap } from './offset-map.js';
import { linearStacks } from './top-first-stack.js';
import { htmlparser2 } from './parser.js';

/** A comment in the source: its text and its whole source range `<!-- ... -->`. */
export interface HtmlComment {
  data: string;
  start: number;
  end: number;
}

export interface ExtractedHtml {
  /** The decoded visible text, block boundaries as "\n", then the attribute units. */
  text: string;
  /** `text` with source line breaks folded to spaces outside preformatted elements (same length). */
  checkText: string;
  /** Extracted offsets -> source offsets. */
  map: OffsetMap;
  /** Every comment, in source order (for inline directives such as `<!-- tifa-disable -->`). */
  comments: HtmlComment[];
  /**
   * Offsets in `text` of the line breaks that stand for a block boundary or separate attribute
   * units (inserted ones, or a kept line break of <pre> text right before a boundary), ascending.
   */
  boundaries: number[];
}

interface Piece {
  srcFrom: number;
  srcTo: number;
  text: string;
  atomic: boolean;
}

interface PendingAttribute {
  name: string;
  pieces: Piece[];
}

/** Collects the events of one parse. */
class Extractor implements Partial<Handler> {
  text = '';
  checkText = '';
  readonly map = new OffsetMap();
  readonly comments: HtmlComment[] = [];
  readonly boundaries: number[] = [];
  private readonly units: Array<{ pieces: Piece[] }> = [];
  private hidden = 0;
  private preformatted = 0;
  private textOnly = 0;
  private attributes: PendingAttribute[] = [];
  /** Whether `checkText` ends with a line break (kept here: endsWith would flatten the growing string each time). */
  private atLineStart = true;
  parser!: Parser;

  constructor(private readonly html: string) {}

  /** A piece of text content (raw run or one decoded entity) at source [srcFrom, srcTo). */
  addText(srcFrom: number, srcTo: number, text: string, atomic: boolean): void {
    if (this.hidden > 0 || text === '') return;
    const from = this.text.length;
    this.text += text;
    this.checkText += this.preformatted > 0 ? text : foldLineBreaks(text);
    this.map.add({ textFrom: from, textTo: this.text.length, srcFrom, srcTo, atomic, markable: this.textOnly === 0 });
    // A source line break outside <pre> is folded to a space for the checker, so it is no boundary.
    this.atLineStart = this.preformatted > 0 && text.charCodeAt(text.length - 1) === 10;
  }

  private boundary(): void {
    if (!this.atLineStart) {
      this.boundaries.push(this.text.length);
      this.text += '\n';
      this.checkText += '\n';
      this.atLineStart = true;
    } else if (this.text.length > 0 && this.boundaries[this.boundaries.length - 1] !== this.text.length - 1) {
      // The text already ends with a kept line break (in <pre>): it serves as the boundary.
      this.boundaries.push(this.text.length - 1);
    }
  }

  onopentagname(name: string): void {
    this.attributes = [];
    if (HIDDEN_ELEMENTS.has(name)) this.hidden++;
    if (PREFORMATTED_ELEMENTS.has(name)) this.preformatted++;
    if (TEXT_ONLY_ELEMENTS.has(name)) this.textOnly++;
    if (BLOCK_ELEMENTS.has(name)) this.boundary();
  }

  /** Called by the parser subclass when an attribute of the current tag is complete. */
  addAttribute(attribute: PendingAttribute): void {
    this.attributes.push(attribute);
  }

  onopentag(name: string): void {
    const attributes = this.attributes;
    this.attributes = [];
    // The hidden counter already includes this element if it is hidden itself.
    if (this.hidden > 0) return;
    const seen = new Set<string>();
    const value = (n: string): string | undefined => attributes.find((a) => a.name === n)?.pieces.map((p) => p.text).join('');
    for (const attribute of attributes) {
      if (seen.has(attribute.name)) continue; // the first of duplicated attributes wins, as in browsers
      seen.add(attribute.name);
      let visible = VISIBLE_ATTRIBUTES.has(attribute.name);
      if (name === 'meta' && attribute.name === 'content') {
        const key = (value('name') ?? value('property') ?? '').trim().toLowerCase();
        visible = TEXT_META_NAMES.has(key);
      }
      if (visible && attribute.pieces.length > 0) this.units.push({ pieces: attribute.pieces });
    }
  }

  onclosetag(name: string): void {
    if (BLOCK_ELEMENTS.has(name)) this.boundary();
    if (HIDDEN_ELEMENTS.has(name)) this.hidden = Math.max(0, this.hidden - 1);
    if (PREFORMATTED_ELEMENTS.has(name)) this.preformatted = Math.max(0, this.preformatted - 1);
    if (TEXT_ONLY_ELEMENTS.has(name)) this.textOnly = Math.max(0, this.textOnly - 1);
  }

  oncomment(data: string): void {
    // The parser has set startIndex/endIndex to the whole comment before calling back.
    this.comments.push({ data, start: this.parser.startIndex, end: Math.min(this.html.length, this.parser.endIndex + 1) });
  }

  /** Appends the attribute units after the page text. */
  finish(): ExtractedHtml {
    for (const unit of this.units) {
      this.boundaries.push(this.text.length);
      this.text += '\n';
      this.checkText += '\n';
      for (const p of unit.pieces) {
        const from = this.text.length;
        this.text += p.text;
        this.checkText += foldLineBreaks(p.text);
        this.map.add({ textFrom: from, textTo: this.text.length, srcFrom: p.srcFrom, srcTo: p.srcTo, atomic: p.atomic, markable: false });
      }
    }
    return { text: this.text, checkText: this.checkText, map: this.map, comments: this.comments, boundaries: this.boundaries };
  }
}

/** Line breaks (and form feeds) -> spaces, one for one. */
function foldLineBreaks(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 12) {
      out += `${text.slice(from, i)} `;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Where an attribute's value starts: after `=`, optional spaces and an optional quote, following its name (which ends at `nameEnd`). */
function valueStartAfter(html: string, nameEnd: number): number {
  let i = nameEnd;
  const space = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
  while (i < html.length && space(html.charCodeAt(i))) i++;
  if (html[i] === '=') {
    i++;
    while (i < html.length && space(html.charCodeAt(i))) i++;
    if (html[i] === '"' || html[i] === "'") i++;
  }
  return i;
}

/**
 * htmlparser2's Parser, listening to the tokenizer events that carry source positions (text
 * runs, entities, attribute values) before handing them on unchanged. Defined on first use, when
 * htmlparser2 is loaded.
 */
let positionParser: ReturnType<typeof definePositionParser> | undefined;

function definePositionParser({ Parser: BaseParser, QuoteType: Quote }: typeof import('htmlparser2')) {
  return class PositionParser extends BaseParser {
    private attributeName = '';
    private nameEnd = 0;
    private valueCursor = -1;
    private pieces: Piece[] = [];
    private pendingEntities = '';

    constructor(private readonly extractor: Extractor, private readonly html: string) {
      super(extractor, { decodeEntities: true });
      linearStacks(this);
      extractor.parser = this;
    }

    override ontext(start: number, endIndex: number): void {
      this.extractor.addText(start, endIndex, this.html.slice(start, endIndex), false);
      super.ontext(start, endIndex);
    }

    override ontextentity(cp: number, endIndex: number): void {
      // startIndex is where the previous event ended: the entity's first character.
      this.extractor.addText(this.startIndex, endIndex, String.fromCodePoint(cp), true);
      super.ontextentity(cp, endIndex);
    }

    override onattribname(start: number, endIndex: number): void {
      this.attributeName = this.html.slice(start, endIndex).toLowerCase();
      this.nameEnd = endIndex;
      this.valueCursor = -1;
      this.pieces = [];
      this.pendingEntities = '';
      super.onattribname(start, endIndex);
    }

    /** Entities of an attribute value carry no position: a run of them maps as one atomic piece. */
    private flushEntities(upTo: number): void {
      if (this.valueCursor < 0) this.valueCursor = valueStartAfter(this.html, this.nameEnd);
      if (this.pendingEntities !== '') {
        this.pieces.push({ srcFrom: this.valueCursor, srcTo: Math.max(this.valueCursor, upTo), text: this.pendingEntities, atomic: true });
        this.pendingEntities = '';
      }
    }

    override onattribdata(start: number, endIndex: number): void {
      this.flushEntities(start);
      if (endIndex > start) this.pieces.push({ srcFrom: start, srcTo: endIndex, text: this.html.slice(start, endIndex), atomic: false });
      this.valueCursor = endIndex;
      super.onattribdata(start, endIndex);
    }

    override onattribentity(cp: number): void {
      if (this.valueCursor < 0) this.valueCursor = valueStartAfter(this.html, this.nameEnd);
      this.pendingEntities += String.fromCodePoint(cp);
      super.onattribentity(cp);
    }

    override onattribend(quote: QuoteType, endIndex: number): void {
      if (quote !== Quote.NoValue) {
        const valueEnd = quote === Quote.Double || quote === Quote.Single ? endIndex - 1 : endIndex;
        this.flushEntities(valueEnd);
        this.extractor.addAttribute({ name: this.attributeName, pieces: this.pieces });
      }
      this.pieces = [];
      super.onattribend(quote, endIndex);
    }
  };
}

/** Extracts the visible text of an HTML string; never throws on content. */
export function extractHtml(html: string): ExtractedHtml {
  const extractor = new Extractor(html);
  const parser = new (positionParser ??= definePositionParser(htmlparser2()))(extractor, html);
  parser.end(html);
  return extractor.finish();
}

/** Only the comments of an HTML string, with their source ranges (a lighter pass than extractHtml). */
export function htmlComments(html: string): HtmlComment[] {
  const comments: HtmlComment[] = [];
  const parser: Parser = linearStacks(
    new (htmlparser2().Parser)({
      oncomment(data) {
        comments.push({ data, start: parser.startIndex, end: Math.min(html.length, parser.endIndex + 1) });
      },
    }),
  );
  parser.end(html);
  return comments;
}
