/**
 * One input (a file, stdin, bytes or a string) -> its findings: decode, choose HTML or text,
 * check, then apply the inline directives. This is the adapter layer the CLI and the
 * integrations share; the checker core knows nothing of files, encodings or directives.
 */
import { extname } from 'node:path';
import type { Checker } from '../checker.js';
import { decodeBytes, type EncodingSource } from '../encoding/index.js';
import { applyDirectives, htmlDirectives, textDirectives } from '../html/directives.js';
import { htmlComments } from '../html/extract.js';
import type { Finding } from '../types.js';
import { readInputFile } from './inputs.js';

export type SourceKind = 'html' | 'text';

/** Extensions read as HTML; every other file is text. */
export const HTML_EXTENSIONS: readonly string[] = ['.html', '.htm', '.shtml', '.xhtml'];

/** The kind of a file by its extension. */
export function kindOfPath(path: string): SourceKind {
  return HTML_EXTENSIONS.includes(extname(path).toLowerCase()) ? 'html' : 'text';
}

/** The kind of text of unknown origin (stdin): HTML when its first non-blank character is `<`. */
export function sniffKind(text: string): SourceKind {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfeff || c === 32 || c === 9 || c === 10 || c === 13) continue;
    return c === 60 ? 'html' : 'text';
  }
  return 'text';
}

export interface SourceOptions {
  /** HTML or text; default: by extension for files, sniffed for stdin and strings. */
  kind?: SourceKind;
  /** Apply inline `tifa-disable` directives. Default: true. */
  directives?: boolean;
}

export interface SourceResult {
  kind: SourceKind;
  /** Findings left after the directives, sorted by position. */
  findings: Finding[];
  /** How many findings the inline directives suppressed. */
  suppressed: number;
}

/** Checks a decoded string as HTML or text and applies its inline directives. */
export function checkSource(checker: Pick<Checker, 'check' | 'checkHtml'>, text: string, options: SourceOptions = {}): SourceResult {
  const kind = options.kind ?? sniffKind(text);
  let findings: Finding[];
  let directives;
  if (kind === 'html') {
    findings = checker.checkHtml(text);
    directives = options.directives === false ? [] : htmlDirectives(htmlComments(text));
  } else {
    findings = checker.check(text);
    directives = options.directives === false ? [] : textDirectives(text);
  }
  const { kept, suppressed } = applyDirectives(findings, directives, text);
  return { kind, findings: kept, suppressed: suppressed.length };
}

export interface BytesOptions extends SourceOptions {
  /** Force an encoding (WHATWG label, e.g. `gbk`). Default: BOM, then <meta> (HTML), then sniff. */
  encoding?: string;
}

export interface FileCheckResult extends SourceResult {
  /** The decoded text (offsets of the findings are into it). */
  text: string;
  /** WHATWG name of the encoding used. */
  encoding: string;
  encodingSource: EncodingSource;
  /** Bad bytes replaced with U+FFFD while decoding (0 when clean). */
  replacements: number;
  /** Set when the encoding was guessed and the guess is not certain: what was chosen and why. */
  encodingWarning?: string;
  /** Size of the input in bytes. */
  bytes: number;
}

/** Decodes and checks bytes. `kind` defaults to a sniff of the decoded text. */
export function checkBytes(checker: Pick<Checker, 'check' | 'checkHtml'>, bytes: Uint8Array, options: BytesOptions = {}): FileCheckResult {
  // A <meta> prescan is harmless for text, and needed before we know the kind of stdin.
  const decoded = decodeBytes(bytes, { html: options.kind !== 'text', ...(options.encoding !== undefined ? { encoding: options.encoding } : {}) });
  const kind = options.kind ?? sniffKind(decoded.text);
  const result = checkSource(checker, decoded.text, { ...options, kind });
  const checked: FileCheckResult = { ...result, text: decoded.text, encoding: decoded.encoding, encodingSource: decoded.encodingSource, replacements: decoded.replacements, bytes: bytes.length };
  if (decoded.encodingWarning !== undefined) checked.encodingWarning = decoded.encodingWarning;
  return checked;
}

/**
 * Reads, decodes and checks a file; the kind defaults to its extension. A file that cannot be read
 * rejects with an Error whose `code` is the system code (ENOENT, EACCES, EISDIR ...); a special
 * file (FIFO, socket, device) rejects at once with code SPECIAL instead of blocking on a read.
 */
export async function checkFile(checker: Pick<Checker, 'check' | 'checkHtml'>, path: string, options: BytesOptions = {}): Promise<FileCheckResult> {
  const read = await readInputFile(path);
  if ('problem' in read) throw Object.assign(new Error(`${path}: ${read.problem.message}`), { code: read.problem.code });
  const bytes = read.bytes;
  return checkBytes(checker, bytes, { ...options, kind: options.kind ?? kindOfPath(path) });
}
