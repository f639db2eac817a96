/**
 * Documents (PDF, DOCX) -> extracted text -> findings that carry their page or paragraph. The
 * parsers are loaded on first use, so importing tifa does not load them.
 */
import type { Checker } from '../checker.js';
import { applyDirectives, textDirectives } from '../html/directives.js';
import { extractDocx } from './docx.js';
import { extractPdf } from './pdf.js';
import { placeOf } from './place.js';
import { DocumentError, type DocumentFinding, type DocumentKind, type DocumentText } from './types.js';

export { DocumentError, placeOf };
export type { DocumentBlock, DocumentFinding, DocumentKind, DocumentPlace, DocumentText } from './types.js';
export { extractDocx, partParagraphs } from './docx.js';
export { extractPdf, pageText, PAGE_SEPARATOR } from './pdf.js';

/** File extensions read as documents. */
export const DOCUMENT_EXTENSIONS: Readonly<Record<string, DocumentKind>> = { '.pdf': 'pdf', '.docx': 'docx' };

/** The document kind of a path or URL path by its extension (case-insensitive), if any. */
export function documentKindOfPath(path: string): DocumentKind | undefined {
  const m = /\.[a-z0-9]+$/i.exec(path);
  return m ? DOCUMENT_EXTENSIONS[m[0].toLowerCase()] : undefined;
}

/** The document kind of a media type (`application/pdf`), if any. */
export function documentKindOfMediaType(type: string): DocumentKind | undefined {
  const t = type.split(';')[0]!.trim().toLowerCase();
  if (t === 'application/pdf' || t === 'application/x-pdf') return 'pdf';
  if (t === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return 'docx';
  return undefined;
}

/** The document kind by the file's first bytes (`%PDF-`, a zip holding word/document.xml). */
export function sniffDocumentKind(bytes: Uint8Array): DocumentKind | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004') && new TextDecoder('latin1').decode(bytes).includes('word/document.xml')) return 'docx';
  return undefined;
}

/** Extracts the text of a document. Throws DocumentError for a broken or unsupported file. */
export async function extractDocument(bytes: Uint8Array, kind: DocumentKind): Promise<DocumentText> {
  return kind === 'pdf' ? extractPdf(bytes) : extractDocx(bytes);
}

export interface DocumentCheckResult {
  kind: DocumentKind;
  /** The extracted text; the offsets of the findings are into it. */
  text: string;
  findings: DocumentFinding[];
  /** Findings suppressed by inline `tifa-disable` lines in the text. */
  suppressed: number;
  /** PDF pages (0 for DOCX). */
  pages: number;
  /** Pages without a text layer (scans), which could not be checked. */
  pagesWithoutText: number[];
  /**
   * Set when nothing of the document could be checked: every page is a scan without a text
   * layer. Such a document is not clean, it is unread.
   */
  unreadable?: string;
  bytes: number;
}

/** Extracts and checks a document; each finding carries its page (PDF) or paragraph (DOCX). */
export async function checkDocument(checker: Pick<Checker, 'check'>, bytes: Uint8Array, kind: DocumentKind, options: { directives?: boolean } = {}): Promise<DocumentCheckResult> {
  const doc = await extractDocument(bytes, kind);
  const raw = checker.check(doc.text);
  const { kept, suppressed } = options.directives === false ? { kept: raw, suppressed: [] } : applyDirectives(raw, textDirectives(doc.text), doc.text);
  const findings: DocumentFinding[] = kept.map((f) => ({ ...f, ...placeOf(doc, f.start) }));
  const result: DocumentCheckResult = { kind, text: doc.text, findings, suppressed: suppressed.length, pages: doc.pages, pagesWithoutText: doc.pagesWithoutText, bytes: bytes.length };
  if (kind === 'pdf' && doc.pages > 0 && doc.pagesWithoutText.length === doc.pages) result.unreadable = doc.pages === 1 ? 'no text layer (a scan?): the page could not be checked' : `no text layer on any of its ${doc.pages} pages (a scan?): nothing could be checked`;
  if (kind === 'pdf' && doc.pages === 0) result.unreadable = 'the PDF has no pages';
  return result;
}
