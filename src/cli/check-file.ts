/**
 * One input (a file, stdin, bytes or a string) -> its findings: decode, choose HTML or text,
 * check, then apply the inline directives. This is the adapter layer the CLI and the
 * integrations share; the checker core knows nothing of files, encodings or directives.
 */
import { extname } from 'node:path';
import type { Checker } from '../checker.js';
import { decodeBytes, type EncodingSource } from '../encoding/index.js';
import { applyDirectives, htmlDirectives, suppressorFor, textDirectives, type Directive } from '../html/directives.js';
import { checkInWindows, EARLY_STOP_WINDOW } from '../stream/index.js';
import { htmlComments } from '../html/extract.js';
import type { Finding } from '../types.js';
import { readInputFile } from './inputs.js';
import { HTML_EXTENSIONS } from '../options/extensions.js';

export type SourceKind = 'html' | 'text';

/** Extensions read as HTML; every other file is text (declared in src/options/extensions.ts). */
export { HTML_EXTENSIONS };

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
  /**
   * Stop checking once `count` findings that pass `keep` (and no directive suppresses) are found
   * (the CLI's --max-findings): the text, or the text extracted from HTML, is then checked window
   * by window (src/stream), so the rest of a large input is never checked and its findings never
   * held. In HTML the findings counted are the first in reading order: the page text, then the
   * visible attributes. Default: check everything.
   */
  stopAfter?: { count: number; keep: (f: Finding) => boolean };
}

export interface SourceResult {
  kind: SourceKind;
  /** Findings left after the directives, sorted by position. */
  findings: Finding[];
  /** How many findings the inline directives suppressed. */
  suppressed: number;
  /** Set when `stopAfter` ended the check before the end of the text. */
  stopped?: boolean;
}

/** Checks a decoded string as HTML or text and applies its inline directives. */
export function checkSource(checker: Pick<Checker, 'check' | 'checkHtml'>, text: string, options: SourceOptions = {}): SourceResult {
  const kind = options.kind ?? sniffKind(text);
  let findings: Finding[];
  let directives;
  if (kind === 'html') {
    directives = options.directives === false ? [] : htmlDirectives(htmlComments(text));
    if (options.stopAfter !== undefined) return checkHtmlUntil(checker, text, directives, options.stopAfter);
    findings = checker.checkHtml(text);
  } else {
    directives = options.directives === false ? [] : textDirectives(text);
    if (options.stopAfter !== undefined) return checkTextUntil(checker, text, directives, options.stopAfter);
    findings = checker.check(text);
  }
  const { kept, suppressed } = applyDirectives(findings, directives, text);
  return { kind, findings: kept, suppressed: suppressed.length };
}

/** Plain text checked window by window until `stopAfter.count` kept findings are found. */
function checkTextUntil(checker: Pick<Checker, 'check'>, text: string, directives: Directive[], stopAfter: NonNullable<SourceOptions['stopAfter']>): SourceResult {
  const isSuppressed = suppressorFor(directives, text);
  const findings: Finding[] = [];
  let suppressed = 0;
  let counted = 0;
  if (stopAfter.count <= 0) return { kind: 'text', findings, suppressed, stopped: true };
  // Small windows: the work done past the cap is at most one window (64K code units).
  for (const f of checkInWindows((t) => checker.check(t), text, { windowSize: EARLY_STOP_WINDOW })) {
    if (isSuppressed(f)) {
      suppressed++;
      continue;
    }
    findings.push(f);
    if (stopAfter.keep(f) && ++counted >= stopAfter.count) return { kind: 'text', findings, suppressed, stopped: true };
  }
  return { kind: 'text', findings, suppressed };
}

/**
 * HTML checked until `stopAfter.count` kept findings are found, in reading order (the page text,
 * then the visible attributes; see Checker.checkHtml's `until`); the findings returned sorted.
 */
function checkHtmlUntil(checker: Pick<Checker, 'checkHtml'>, html: string, directives: Directive[], stopAfter: NonNullable<SourceOptions['stopAfter']>): SourceResult {
  if (stopAfter.count <= 0) return { kind: 'html', findings: [], suppressed: 0, stopped: true };
  const isSuppressed = suppressorFor(directives, html);
  let counted = 0;
  const found = checker.checkHtml(html, { until: (f) => !isSuppressed(f) && stopAfter.keep(f) && ++counted >= stopAfter.count });
  const findings: Finding[] = [];
  let suppressed = 0;
  for (const f of found) {
    if (isSuppressed(f)) suppressed++;
    else findings.push(f);
  }
  return { kind: 'html', findings, suppressed, ...(counted >= stopAfter.count ? { stopped: true } : {}) };
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
