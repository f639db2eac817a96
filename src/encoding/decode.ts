/**
 * Bytes -> text. Offsets of findings are into the decoded text. Bytes that are not valid in the
 * chosen encoding become U+FFFD; their number is reported (a warning, never an error).
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { detectEncoding, type EncodingSource } from './detect.js';
import { countUtf8 } from './guess.js';

export interface DecodedText {
  /** The decoded text, without a byte order mark. */
  text: string;
  /** WHATWG name of the encoding used (`utf-8`, `gbk`, `gb18030` ...). */
  encoding: string;
  /** How the encoding was chosen. */
  encodingSource: EncodingSource;
  /** How many U+FFFD the decoder produced for bad bytes (U+FFFD written in the file itself is not counted). */
  replacements: number;
  /** Set when the encoding was guessed and the guess is not certain: what was chosen and why. */
  encodingWarning?: string;
}

export interface DecodeOptions {
  /** Look for a `<meta>` charset declaration. Default: false. */
  html?: boolean;
  /** Use this encoding (a WHATWG label such as `gbk`), whatever the bytes declare. Default: detect. */
  encoding?: string;
}

/** The encoded form of U+FFFD in the encodings where it can occur in a file. */
const ENCODED_REPLACEMENT: Record<string, readonly number[]> = {
  'utf-8': [0xef, 0xbf, 0xbd],
  gb18030: [0x84, 0x31, 0xa4, 0x37],
  'utf-16le': [0xfd, 0xff],
  'utf-16be': [0xff, 0xfd],
};

function countSequence(bytes: Uint8Array, seq: readonly number[]): number {
  let n = 0;
  const first = seq[0]!;
  for (let i = bytes.indexOf(first); i >= 0 && i + seq.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let ok = true;
    for (let k = 1; k < seq.length && ok; k++) ok = bytes[i + k] === seq[k];
    if (ok) n++;
  }
  return n;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** Detects the encoding (see detect.ts) and decodes. Throws RangeError only for an unknown forced encoding. */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const detected = detectEncoding(bytes, options);
  const body = bytes.subarray(detected.bomLength);
  // The Encoding Standard decodes GBK with the GB18030 decoder (a superset). Node's ICU decoder
  // for the label "gbk" silently drops some bad bytes (0xFF) instead of producing U+FFFD, which
  // would hide them from the count, so GBK is decoded as GB18030 too.
  const decoderName = detected.encoding === 'gbk' ? 'gb18030' : detected.encoding;
  let text: string;
  let replacements: number;
  if (decoderName === 'utf-8' && isUtf8(body)) {
    // Valid UTF-8 (the common case): Node's native check and decoder, no bad bytes to count.
    text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
    replacements = 0;
  } else if (decoderName === 'utf-8') {
    text = new TextDecoder(decoderName, { ignoreBOM: true }).decode(body);
    // Exact: the WHATWG decoder writes one U+FFFD per invalid sequence, and countUtf8 counts them.
    replacements = countUtf8(body).invalid;
  } else {
    text = new TextDecoder(decoderName, { ignoreBOM: true }).decode(body);
    if (decoderName === 'big5') text = markBig5Gaps(text);
    replacements = countReplacements(text);
    const seq = ENCODED_REPLACEMENT[decoderName];
    if (replacements > 0 && seq) replacements = Math.max(0, replacements - countSequence(body, seq));
  }
  const decoded: DecodedText = { text, encoding: detected.encoding, encodingSource: detected.source, replacements };
  if (detected.warning !== undefined) decoded.encodingWarning = detected.warning;
  return decoded;
}

/**
 * Node's Big5 decoder (ICU) maps bytes outside Big5 silently: 0x80 to U+0080, 0xFF and the
 * unassigned and user-defined pairs to the Private Use Area. Neither is text; as the WHATWG
 * decoder would for most of them, they become U+FFFD (one code unit each: offsets are unchanged)
 * so that they are counted.
 */
function markBig5Gaps(text: string): string {
  return /[\u0080\ue000-\uf8ff]/.test(text) ? text.replace(/[\u0080\ue000-\uf8ff]/g, '\ufffd') : text;
}
