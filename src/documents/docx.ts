/**
 * DOCX -> text with paragraphs, read from the document XML directly (a DOCX is a zip of XML
 * parts): the body (`word/document.xml`, tables included: each cell's paragraphs in row order),
 * then the headers, footers, footnotes and endnotes. Deleted revisions (`w:delText`) and field
 * codes (`w:instrText`) are not text; a text box's fallback copy (`mc:Fallback`) is skipped so
 * its words are read once.
 *
 * Paragraphs are numbered from 1 per part counting those with text, as Word's statistics count
 * them; each becomes one line of the extracted text, so in the body a finding's line is its
 * paragraph (unless the paragraph holds a manual line break).
 */
import { lazyModule } from '../util/require.js';
import { DocumentError, type DocumentBlock, type DocumentText } from './types.js';
import { htmlparser2 } from '../html/parser.js';

/** The zip reader, loaded on first use. */
const fflate = lazyModule<typeof import('fflate')>('fflate');

/** The parts read, in this order after the body; `N` stands for the number in `header1.xml`. */
const PART = /^word\/(header|footer)(\d+)\.xml$|^word\/(footnotes|endnotes)\.xml$/;

/** The paragraphs of one WordprocessingML part. */
export function partParagraphs(xml: string): string[] {
  const out: string[] = [];
  const open: string[] = [];
  let inText = false;
  let skipDepth = 0;
  const parser = new (htmlparser2().Parser)(
    {
      onopentag(name) {
        if (skipDepth > 0) {
          skipDepth++;
          return;
        }
        if (name === 'mc:fallback') {
          skipDepth = 1;
          return;
        }
        if (name === 'w:p') open.push('');
        else if (open.length === 0) return;
        else if (name === 'w:t') inText = true;
        else if (name === 'w:tab' || name === 'w:ptab') open[open.length - 1] += '\t';
        else if (name === 'w:br' || name === 'w:cr') open[open.length - 1] += '\n';
        else if (name === 'w:nobreakhyphen') open[open.length - 1] += '-';
      },
      ontext(text) {
        if (inText && skipDepth === 0 && open.length > 0) open[open.length - 1] += text;
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (name === 'w:t') inText = false;
        else if (name === 'w:p') {
          const p = open.pop();
          if (p !== undefined && p.trim() !== '') out.push(p);
        }
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(xml);
  return out;
}

/** Extracts the text of a DOCX. Throws DocumentError when it is not a zip with a Word body. */
export function extractDocx(bytes: Uint8Array): DocumentText {
  let files: Record<string, Uint8Array>;
  try {
    files = fflate().unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || PART.test(f.name) });
  } catch (error) {
    throw new DocumentError(`not a DOCX (zip) file: ${(error as Error).message}`);
  }
  const body = files['word/document.xml'];
  if (body === undefined) throw new DocumentError('not a DOCX file: no word/document.xml inside');
  const rank = (name: string): [number, number] => {
    const m = PART.exec(name)!;
    return m[1] === 'header' ? [0, Number(m[2])] : m[1] === 'footer' ? [1, Number(m[2])] : m[3] === 'footnotes' ? [2, 0] : [3, 0];
  };
  const others = Object.keys(files)
    .filter((n) => n !== 'word/document.xml')
    .sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1]);
  const utf8 = new TextDecoder('utf-8');
  let text = '';
  const blocks: DocumentBlock[] = [];
  for (const name of ['word/document.xml', ...others]) {
    const part = name === 'word/document.xml' ? undefined : name.slice('word/'.length, -'.xml'.length);
    partParagraphs(utf8.decode(files[name]!)).forEach((p, i) => {
      const block: DocumentBlock = { paragraph: i + 1, start: text.length, end: text.length + p.length };
      if (part !== undefined) block.part = part;
      blocks.push(block);
      text += `${p}\n`;
    });
  }
  return { kind: 'docx', text, blocks, pages: 0, pagesWithoutText: [] };
}
