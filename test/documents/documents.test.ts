import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkDocument, DocumentError, documentKindOfMediaType, documentKindOfPath, extractDocx, extractPdf, placeOf, sniffDocumentKind } from '../../src/documents/index.js';
import { createChecker } from '../../src/index.js';
import { makeDocx, makePdf } from './make-documents.js';

const checker = createChecker();

describe('PDF text', () => {
  it('reads pages in order, lines top to bottom whatever the drawing order, Kangxi radicals as written', async () => {
    // The content stream draws the lower line first; the reader must not.
    const pdf = makePdf([[{ text: '第二行', y: 700 }, { text: '第一行：坚持⼈民至上', y: 760 }, { text: 'Hello', y: 650 }, { text: 'World', y: 650, x: 200 }], [{ text: '第二页', y: 760 }]]);
    const doc = await extractPdf(pdf);
    expect(doc.text).toBe('第一行：坚持⼈民至上\n第二行\nHello World\n\n第二页');
    expect(doc.text).toContain('\u2f08'); // ⼈ KANGXI RADICAL MAN, not normalized to 人
    expect(doc.pages).toBe(2);
    expect(doc.pagesWithoutText).toEqual([]);
    expect(placeOf(doc, doc.text.indexOf('第二页'))).toEqual({ page: 2 });
    expect(placeOf(doc, 0)).toEqual({ page: 1 });
  });

  it('reads a font with a predefined Chinese encoding (STSong-Light, UniGB-UCS2-H) through the CMaps pdfjs ships', async () => {
    const doc = await extractPdf(makePdf([[{ text: '深入推进脱贫功坚工作', y: 760 }]], 'unigb'));
    expect(doc.text).toBe('深入推进脱贫功坚工作');
  });

  it('lists pages without a text layer; a PDF of scans only is unreadable, not clean', async () => {
    const mixed = await checkDocument(checker, makePdf([[{ text: '打赢脱贫功坚战。', y: 760 }], null]), 'pdf');
    expect(mixed.pagesWithoutText).toEqual([2]);
    expect(mixed.unreadable).toBeUndefined();
    const scan = await checkDocument(checker, makePdf([null, null]), 'pdf');
    expect(scan.findings).toEqual([]);
    expect(scan.unreadable).toMatch(/no text layer/);
  });

  it('gives findings their page, offsets into the extracted text', async () => {
    const r = await checkDocument(checker, makePdf([[{ text: '年度工作报告', y: 760 }], [{ text: '打赢脱贫功坚战。', y: 760 }]]), 'pdf');
    expect(r.findings.map((f) => [f.rule, f.actual, f.page])).toEqual([['wrong-formulation', '脱贫功坚战', 2]]);
    for (const f of r.findings) expect(r.text.slice(f.start, f.end)).toBe(f.actual);
  });

  it('rejects a file that is not a PDF with a DocumentError', async () => {
    await expect(extractPdf(new TextEncoder().encode('%PDF-1.7 nothing else'))).rejects.toBeInstanceOf(DocumentError);
  });
});

describe('DOCX text', () => {
  it('reads paragraphs (runs joined), table cells in row order, then the header', () => {
    const doc = extractDocx(makeDocx({ body: ['一段', ['两', '段'], '', { table: [['甲', '乙'], ['丙', '丁']] }], header: ['页眉文字'] }));
    expect(doc.text).toBe('一段\n两段\n甲\n乙\n丙\n丁\n页眉文字\n');
    expect(doc.blocks.map((b) => [b.paragraph, b.part])).toEqual([[1, undefined], [2, undefined], [3, undefined], [4, undefined], [5, undefined], [6, undefined], [1, 'header1']]);
  });

  it('gives findings their paragraph (and part)', async () => {
    const r = await checkDocument(checker, makeDocx({ body: ['关于开展检查的通知', '国家工商行政管理总局有关规定废止。'], header: ['深入推进脱贫功坚工作'] }), 'docx');
    expect(r.findings.map((f) => [f.rule, f.actual, f.paragraph, f.part])).toEqual([
      ['outdated-name', '国家工商行政管理总局', 2, undefined],
      ['wrong-formulation', '脱贫功坚', 1, 'header1'],
    ]);
  });

  it('skips deleted revisions and field codes, keeps tabs and breaks', () => {
    const xml = '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r></w:p></w:body></w:document>';
    const doc = extractDocx(zipSync({ 'word/document.xml': strToU8(xml) }));
    expect(doc.text).toBe('甲\t乙\n丙\n');
  });

  it('rejects a file that is not a DOCX with a DocumentError', () => {
    expect(() => extractDocx(new TextEncoder().encode('not a zip'))).toThrow(DocumentError);
  });
});

describe('document kinds', () => {
  it('by extension, media type and first bytes', () => {
    expect(documentKindOfPath('/a/B.PDF')).toBe('pdf');
    expect(documentKindOfPath('x.docx')).toBe('docx');
    expect(documentKindOfPath('x.doc')).toBeUndefined();
    expect(documentKindOfMediaType('application/pdf; qs=1')).toBe('pdf');
    expect(documentKindOfMediaType('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('docx');
    expect(sniffDocumentKind(makePdf([null]))).toBe('pdf');
    expect(sniffDocumentKind(makeDocx({ body: ['x'] }))).toBe('docx');
    expect(sniffDocumentKind(new TextEncoder().encode('<html>'))).toBeUndefined();
  });
});
