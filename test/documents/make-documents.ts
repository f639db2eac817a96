/**
 * Builds small real documents for tests: a PDF with a text layer (a Type0 font with Identity-H
 * codes and a ToUnicode map, so any BMP character, Kangxi radicals included, comes back as
 * written), a PDF page with no text (a scan stand-in: only a filled rectangle), and a DOCX zip.
 */
import { strToU8, zipSync } from 'fflate';

export interface PdfLine {
  text: string;
  /** Baseline from the bottom of the page, in points. */
  y: number;
  x?: number;
}

/** One page: its lines, written into the content stream in the order given. `null`: a page with no text. */
export type PdfPage = PdfLine[] | null;

const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

/**
 * `identity` (default): Identity-H codes with a ToUnicode map. `unigb`: the font as iText and many
 * Chinese office tools write it, STSong-Light with Adobe's predefined UniGB-UCS2-H encoding and no
 * ToUnicode map, so the reader needs Adobe's CMaps (pdfjs ships them) to get the text back.
 */
export type PdfFont = 'identity' | 'unigb';

export function makePdf(pages: readonly PdfPage[], encoding: PdfFont = 'identity'): Uint8Array {
  if (encoding === 'unigb') return makeUniGbPdf(pages);
  const used = new Set<number>();
  for (const p of pages) for (const l of p ?? []) for (const ch of l.text) used.add(ch.codePointAt(0)!);
  const codes = [...used].sort((a, b) => a - b);
  if (codes.some((c) => c > 0xffff)) throw new Error('makePdf: BMP characters only');
  let cmap = '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n';
  for (let i = 0; i < codes.length; i += 100) {
    const chunk = codes.slice(i, i + 100);
    cmap += `${chunk.length} beginbfchar\n${chunk.map((c) => `<${hex4(c)}> <${hex4(c)}>`).join('\n')}\nendbfchar\n`;
  }
  cmap += 'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n';

  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const cmapObj = add(`<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}endstream`);
  const descriptor = add('<< /Type /FontDescriptor /FontName /TifaTest /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>');
  const cidFont = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TifaTest /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /CIDToGIDMap /Identity >>`);
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /TifaTest /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${cmapObj} 0 R >>`);
  const kids: number[] = [];
  for (const page of pages) {
    let content: string;
    if (page === null) content = '0.5 g 72 72 451 698 re f\n';
    else content = page.map((l) => `BT /F1 12 Tf ${l.x ?? 72} ${l.y} Td <${[...l.text].map((c) => hex4(c.codePointAt(0)!)).join('')}> Tj ET\n`).join('');
    const stream = add(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}endstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A paragraph; a string array is one paragraph split into runs (as Word splits text at edits). */
const para = (p: string | string[]): string => `<w:p>${(typeof p === 'string' ? [p] : p).map((r) => `<w:r><w:t xml:space="preserve">${escapeXml(r)}</w:t></w:r>`).join('')}</w:p>`;

export interface DocxContent {
  /** Body paragraphs; a nested array of rows is a table (each cell one paragraph). */
  body: Array<string | string[] | { table: string[][] }>;
  header?: string[];
  footer?: string[];
}

export function makeDocx(content: DocxContent): Uint8Array {
  const body = content.body.map((b) => (typeof b === 'object' && !Array.isArray(b) ? `<w:tbl>${b.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${para(cell)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>` : para(b))).join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
  };
  if (content.header) files['word/header1.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:hdr ${W}>${content.header.map(para).join('')}</w:hdr>`);
  if (content.footer) files['word/footer1.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:ftr ${W}>${content.footer.map(para).join('')}</w:ftr>`);
  return zipSync(files);
}

function makeUniGbPdf(pages: readonly PdfPage[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const descriptor = add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const cidFont = add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor ${descriptor} 0 R /DW 1000 >>`);
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [${cidFont} 0 R] >>`);
  const kids: number[] = [];
  for (const page of pages) {
    const content = (page ?? []).map((l) => `BT /F1 12 Tf ${l.x ?? 72} ${l.y} Td <${[...l.text].map((c) => hex4(c.codePointAt(0)!)).join('')}> Tj ET\n`).join('');
    const stream = add(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}endstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
