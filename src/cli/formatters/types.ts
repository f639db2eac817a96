import type { Finding } from '../../types.js';

/** The findings of one input (a file, or `-` for stdin). */
export interface FileResult {
  /** The path as given or found (`<stdin>` for standard input). */
  file: string;
  findings: Finding[];
  /** The checked text (formatters that quote the offending line use it). */
  text: string;
}

/** A formatter is pure: results in, the whole output out. */
export type Formatter = (results: readonly FileResult[], options: { color: boolean }) => string;
