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
}

/** Why an input was not checked: a sentence and a code (ENOENT, EACCES, EISDIR, NOMATCH, SPECIAL ...). */
export interface InputIssue {
  message: string;
  code: string;
}

export interface FormatOptions {
  /** ANSI colours (the CLI sets this only on a TTY without NO_COLOR). */
  color: boolean;
  /** tifa's version, for formats that name the tool (SARIF). Default: '0.0.0'. */
  toolVersion?: string;
}

/** A formatter is pure: results in, the whole output out. */
export type Formatter = (results: readonly FileResult[], options: FormatOptions) => string;
