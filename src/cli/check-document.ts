/**
 * `tifa check` on a PDF or DOCX file: extract the text, check it, and give the CLI a result of
 * the same shape as a page's, with the document's facts (pages, scans) beside it.
 */
import type { Checker } from '../checker.js';
import { checkDocument, documentKindOfPath, DocumentError, type DocumentKind } from '../documents/index.js';
import type { DocumentInfo } from './formatters/types.js';
import type { Finding } from '../types.js';

export { documentKindOfPath };

export interface CheckedDocument {
  kind: 'text';
  findings: Finding[];
  suppressed: number;
  text: string;
  replacements: number;
  bytes: number;
  document: DocumentInfo;
}

/** Extracts and checks a document file's bytes. A broken file rejects with DocumentError (an input error). */
export async function checkDocumentBytes(checker: Pick<Checker, 'check'>, bytes: Uint8Array, kind: DocumentKind, options: { directives?: boolean } = {}): Promise<CheckedDocument> {
  const r = await checkDocument(checker, bytes, kind, options);
  const document: DocumentInfo = { kind: r.kind, pages: r.pages, pagesWithoutText: r.pagesWithoutText };
  if (r.unreadable !== undefined) document.unreadable = r.unreadable;
  return { kind: 'text', findings: r.findings, suppressed: r.suppressed, text: r.text, replacements: 0, bytes: r.bytes, document };
}

export { DocumentError };
