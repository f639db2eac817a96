/**
 * Bytes -> text. Offsets of findings are into the decoded text. Bytes that are not valid in the
 * chosen encoding become U+FFFD; their number is reported (a warning, never an error).
 */
import { detectEncoding, type EncodingSource } from './detect.js';

export interface DecodedText {
  /** The decoded text, without a byte order mark. */
  text: string;
  /** WHATWG name of the encoding used (`utf-8`, `gbk`, `gb18030` ...). */
  encoding: string;
  /** How the encoding was chosen. */
  encodingSource: EncodingSource;
  /** How many U+FFFD the decoder produced for bad bytes (U+FFFD written in the file itself is not counted). */
  replacements: number;
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
  const text = new TextDecoder(decoderName, { ignoreBOM: true }).decode(body);
  let replacements = countReplacements(text);
  if (replacements > 0) {
    const seq = ENCODED_REPLACEMENT[decoderName];
    if (seq) replacements = Math.max(0, replacements - countSequence(body, seq));
  }
  return { text, encoding: detected.encoding, encodingSource: detected.source, replacements };
}
