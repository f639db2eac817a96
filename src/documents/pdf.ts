/**
 * PDF -> text with pages, through pdfjs-dist (the legacy build, which runs in Node without a
 * browser or a canvas). What tifa needs is the text layer only: no rendering, no fonts.
 *
 * - Reading order: a content stream may draw lines in any order, so the items of a page are put
 *   into lines by their baseline (top to bottom) and each line read left to right. One column is
 *   assumed: items of two columns on one baseline join into one line.
 * - Code points are kept as the PDF maps them (pdfjs's Unicode normalization is turned off): a
 *   PDF made from a document written with Kangxi radicals (⼈ U+2F08 for 人) or compatibility
 *   ideographs carries them, and that is exactly what tifa's lookalike rule must see.
 * - A page with no text at all is a scan (or a picture); it is listed in `pagesWithoutText`.
 */
import { dirname, join } from 'node:path';
import { lazyRequire } from '../util/require.js';
import { DocumentError, type DocumentBlock, type DocumentText } from './types.js';

/** Between two pages in the extracted text: a blank line (a paragraph break for the checker). */
export const PAGE_SEPARATOR = '\n\n';

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** pdfjs's own data folders (CMaps for CJK fonts that use Adobe's predefined encodings). */
function pdfjsData(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(lazyRequire.resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
}

const isCjk = (ch: string | undefined): boolean => ch !== undefined && /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch);

interface Placed {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The text of one page in reading order: lines top to bottom, items left to right. */
export function pageText(items: readonly PdfTextItem[]): string {
  const placed: Placed[] = [];
  for (const item of items) {
    if (typeof item.str !== 'string' || item.str === '') continue;
    const t = item.transform;
    const h = Math.abs(item.height) || Math.hypot(t[2] ?? 0, t[3] ?? 0) || 1;
    placed.push({ str: item.str, x: t[4] ?? 0, y: t[5] ?? 0, w: Math.abs(item.width), h });
  }
  // Top of the page first (PDF y grows upwards), then left to right; stable for equal keys.
  placed.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Placed[][] = [];
  for (const p of placed) {
    const line = lines[lines.length - 1];
    if (line !== undefined && Math.abs(line[0]!.y - p.y) <= 0.5 * Math.max(line[0]!.h, p.h)) line.push(p);
    else lines.push([p]);
  }
  const out: string[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let s = '';
    let prev: Placed | undefined;
    for (const p of line) {
      // A visible gap between two Latin words is a space the PDF did not write as a character.
      if (prev !== undefined && p.x - (prev.x + prev.w) > 0.25 * p.h && !/\s$/.test(s) && !/^\s/.test(p.str) && !(isCjk(s[s.length - 1]) && isCjk(p.str[0]))) s += ' ';
      s += p.str;
      prev = p;
    }
    out.push(s);
  }
  return out.join('\n');
}

/** Extracts the text layer of a PDF. Throws DocumentError for a file pdfjs cannot open. */
export async function extractPdf(bytes: Uint8Array): Promise<DocumentText> {
  const { getDocument } = await loadPdfJs();
  // pdfjs takes ownership of (and may detach) the buffer it is given: pass a copy.
  const task = getDocument({ data: new Uint8Array(bytes), ...pdfjsData(), cMapPacked: true, disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new DocumentError('the PDF is encrypted with a password');
    throw new DocumentError(`not a readable PDF: ${(error as Error).message}`);
  }
  try {
    let text = '';
    const blocks: DocumentBlock[] = [];
    const pagesWithoutText: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ disableNormalization: true });
      const body = pageText(content.items.flatMap((i) => ('str' in i ? [i as PdfTextItem] : [])));
      page.cleanup();
      if (body.trim() === '') pagesWithoutText.push(n);
      if (n > 1) text += PAGE_SEPARATOR;
      blocks.push({ page: n, start: text.length, end: text.length + body.length });
      text += body;
    }
    return { kind: 'pdf', text, blocks, pages: doc.numPages, pagesWithoutText };
  } catch (error) {
    throw new DocumentError(`cannot read the PDF's text: ${(error as Error).message}`);
  } finally {
    await doc.destroy();
  }
}
