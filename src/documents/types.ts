/**
 * Text extracted from a document (PDF, DOCX), with a map from offsets of that text back to where
 * they stand in the document: the page of a PDF, the paragraph of a DOCX.
 */
import type { Finding } from '../types.js';

export type DocumentKind = 'pdf' | 'docx';

/** Where an offset of the extracted text stands in the document. */
export interface DocumentPlace {
  /** 1-based page (PDF). */
  page?: number;
  /** 1-based paragraph in reading order (DOCX; table cells count as paragraphs, in row order). */
  paragraph?: number;
  /** The DOCX part when it is not the body: `header1`, `footer2`, `footnotes` ... */
  part?: string;
}

/** One block of the extracted text (a PDF page, a DOCX paragraph): `[start, end)` in UTF-16 units. */
export interface DocumentBlock extends DocumentPlace {
  start: number;
  end: number;
}

export interface DocumentText {
  kind: DocumentKind;
  /** The extracted text: PDF pages joined by a blank line, DOCX paragraphs one per line. */
  text: string;
  /** The blocks in order, covering the text (separators belong to no block). */
  blocks: DocumentBlock[];
  /** PDF pages (DOCX: 0). */
  pages: number;
  /**
   * PDF pages without any text layer (scans): their words cannot be checked. When every page is
   * one, the document is reported as unreadable, never as clean.
   */
  pagesWithoutText: number[];
}

/** A finding in a document: the offsets are into `DocumentText.text`, with the page or paragraph. */
export type DocumentFinding = Finding & DocumentPlace;

/** A document that cannot be read (broken file, encrypted PDF, not a zip ...). */
export class DocumentError extends Error {
  override name = 'DocumentError';
}
