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
}

export interface FormatOptions {
  /** ANSI colours (the CLI sets this only on a TTY without NO_COLOR). */
  color: boolean;
  /** tifa's version, for formats that name the tool (SARIF). Default: '0.0.0'. */
  toolVersion?: string;
}

/** A formatter is pure: results in, the whole output out. */
export type Formatter = (results: readonly FileResult[], options: FormatOptions) => string;
