import type { Finding } from '../../types.js';

/** The findings of one input (a file, or `-` for stdin). */
export interface FileResult {
  /** The path as given or found, with `/` separators (`<stdin>` for standard input). */
  file: string;
  findings: Finding[];
  /** The checked text, decoded (formatters that quote the offending line, or need end lines, use it). */
  text: string;
  /** How the input was read: `html` or `text`. Default when absent: text. */
  kind?: 'html' | 'text';
  /** WHATWG name of the encoding the bytes were decoded with (absent for string input). */
  encoding?: string;
  /** Bad bytes replaced with U+FFFD while decoding. */
  replacements?: number;
  /** Findings suppressed by inline `tifa-disable` directives. */
  suppressed?: number;
  /**
   * Set when the input could not be read (missing, unreadable, a dangling link, a directory named
   * like a file, a glob without match): it has no findings, and the run's exit code is 2.
   */
  error?: InputIssue;
  /** Set when the input was left out on purpose (a FIFO, socket or device): a warning, not an error. */
  skipped?: InputIssue;
  /** What the reader should know about how the input was read (an uncertain encoding guess, bad bytes). */
  warnings?: string[];
  /** For a PDF or DOCX: what kind, its pages, and why nothing could be read (a scan). Its findings carry `page` or `paragraph`. */
  document?: DocumentInfo;
  /** For a crawled page: the URL it was fetched from (`file` is then that URL too). */
  url?: string;
}

/** Facts about a checked document (PDF, DOCX). */
export interface DocumentInfo {
  kind: 'pdf' | 'docx';
  /** PDF pages (0 for DOCX). */
  pages: number;
  /** PDF pages with no text layer, which could not be checked. */
  pagesWithoutText: number[];
  /** Set when nothing of it could be checked (every page a scan): such a file is unread, not clean. */
  unreadable?: string;
}

/** Why an input was not checked: a sentence and a code (ENOENT, EACCES, EISDIR, NOMATCH, SPECIAL ...). */
export interface InputIssue {
  message: string;
  code: string;
}

export interface FormatOptions {
  /** ANSI colours (the CLI: --color / --no-color, FORCE_COLOR, NO_COLOR, else on a terminal; see cli/color.ts). */
  color: boolean;
  /** tifa's version, for formats that name the tool (SARIF). Default: '0.0.0'. */
  toolVersion?: string;
  /** For a crawl: the sites in seed order, and what the crawl left undone (the HTML report shows them). */
  crawl?: CrawlMeta;
  /** When the report was made (the HTML report prints it). Default: not shown. */
  generatedAt?: Date;
}

/** What a crawl adds to a report besides its pages. */
export interface CrawlMeta {
  /** Origins of the seeds, in order. */
  sites: string[];
  /** Links not fetched because --max-pages was reached. */
  leftOver: number;
  /** Stopped before the queue was empty. */
  interrupted: boolean;
  elapsedMs: number;
}

/**
 * A format that can be written input by input (stylish, jsonl): `file` for each result in input
 * order, then `end`; concatenated, the same text as its Formatter. The CLI writes each input's
 * part as soon as it is checked, so findings do not pile up across inputs.
 */
export interface FileWriter {
  /** Writes one input's part in pieces (a large input's output is never one string). */
  file(result: FileResult, write: (piece: string) => void): void;
  end(): string;
}

/** A formatter is pure: results in, the whole output out. */
export type Formatter = (results: readonly FileResult[], options: FormatOptions) => string;
