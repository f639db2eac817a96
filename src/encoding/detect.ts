/**
 * Which encoding a page is in, in the order a browser decides it: a byte order mark, then (for
 * HTML) a `<meta charset>` or `<meta http-equiv="Content-Type" content="...; charset=...">` in
 * the first PRESCAN_BYTES bytes, else a sniff among UTF-8, GB18030 (a superset of GBK and GB2312,
 * the encodings of older mainland pages) and Big5 (see guess.ts: overwhelmingly valid UTF-8 is
 * UTF-8, else a statistical guess, with a warning when it is not certain).
 * Names are WHATWG encoding names as `TextDecoder#encoding` reports them (gb2312 -> gbk).
 */
import { countUtf8, guessEncoding, MIN_SAMPLE } from './guess.js';
import { htmlparser2 } from '../html/parser.js';

/** How the encoding was chosen. */
export type EncodingSource = 'bom' | 'meta' | 'sniff' | 'forced';

export interface DetectedEncoding {
  /** WHATWG encoding name, e.g. `utf-8`, `gbk`, `gb18030`, `big5`. */
  encoding: string;
  source: EncodingSource;
  /** Length of the byte order mark to skip (0 without one). */
  bomLength: number;
  /**
   * Set when the encoding is a statistical guess that may be wrong (source `sniff` only): which
   * encoding was chosen and why. The CLI prints it as a warning.
   */
  warning?: string;
}

/**
 * How many bytes are searched for a `<meta>` declaration. The HTML standard prescans 1024; older
 * Chinese CMS pages often put long comments or scripts first, so tifa looks a little further.
 */
export const PRESCAN_BYTES = 4096;

/** The canonical name for a label, or undefined when TextDecoder does not know it. */
export function canonicalEncoding(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/** Encoding named by a byte order mark. */
export function sniffBom(bytes: Uint8Array): { encoding: string; bomLength: number } | undefined {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (a === 0x84 && b === 0x31 && c === 0x95 && d === 0x33) return { encoding: 'gb18030', bomLength: 4 };
  return undefined;
}

/** The charset parameter of a Content-Type value (`text/html; charset=gb2312`). */
export function charsetOfContentType(value: string): string | undefined {
  for (const part of value.split(';').slice(1)) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const charset = part.slice(eq + 1).trim().replace(/^["']|["']$/g, '');
    return charset === '' ? undefined : charset;
  }
  return undefined;
}

/** The encoding declared by the first usable `<meta>` in the first PRESCAN_BYTES bytes. */
export function prescanMeta(bytes: Uint8Array): string | undefined {
  // Latin-1 keeps every byte as one character, so ASCII markup survives whatever the encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  let found: string | undefined;
  const parser = new (htmlparser2().Parser)({
    onopentag(name, attribs) {
      if (found !== undefined || name !== 'meta') return;
      let label: string | undefined;
      if (attribs.charset !== undefined) label = attribs.charset;
      else if ((attribs['http-equiv'] ?? '').trim().toLowerCase() === 'content-type' && attribs.content !== undefined) label = charsetOfContentType(attribs.content);
      if (label === undefined) return;
      let encoding = canonicalEncoding(label);
      // As in browsers: a page cannot declare itself UTF-16 in ASCII markup; x-user-defined is windows-1252.
      if (encoding === 'utf-16le' || encoding === 'utf-16be') encoding = 'utf-8';
      if (encoding === 'x-user-defined') encoding = 'windows-1252';
      if (encoding !== undefined) {
        found = encoding;
        parser.pause();
      }
    },
  });
  parser.end(head);
  return found;
}

/** Whether the bytes are well-formed UTF-8. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Chooses the encoding of a file's bytes. */
export function detectEncoding(bytes: Uint8Array, options: { html?: boolean; encoding?: string } = {}): DetectedEncoding {
  const bom = sniffBom(bytes);
  if (options.encoding !== undefined) {
    const forced = canonicalEncoding(options.encoding);
    if (forced === undefined) throw new RangeError(`unknown encoding "${options.encoding}"`);
    return { encoding: forced, source: 'forced', bomLength: bom && bom.encoding === forced ? bom.bomLength : 0 };
  }
  if (bom) return { ...bom, source: 'bom' };
  if (options.html) {
    const declared = prescanMeta(bytes);
    if (declared !== undefined) {
      // As a browser does, the declaration wins; but a page saved from a server that sent UTF-8 in
      // its Content-Type header often still declares GB2312 in its markup: valid UTF-8 with many
      // multibyte characters is then almost surely UTF-8, and the reader is told.
      if (declared !== 'utf-8') {
        const utf8 = countUtf8(bytes);
        if (utf8.invalid === 0 && utf8.multibyte >= MIN_SAMPLE) {
          return { encoding: declared, source: 'meta', bomLength: 0, warning: `<meta> declares ${declared}, but the bytes are valid UTF-8 (${utf8.multibyte} multibyte characters); decoded as ${declared} as a browser would: if the page is UTF-8 (a server header said so), use --encoding utf-8` };
        }
      }
      return { encoding: declared, source: 'meta', bomLength: 0 };
    }
  }
  const guess = guessEncoding(bytes);
  return { encoding: guess.encoding, source: 'sniff', bomLength: 0, ...(guess.certain ? {} : { warning: `${guess.reason}; if it is wrong, declare the encoding (<meta charset>, a BOM or --encoding)` }) };
}
