/** Bytes in: encoding detection (BOM, <meta>, sniff) and decoding with a count of bad bytes. */
export { decodeBytes, type DecodedText, type DecodeOptions } from './decode.js';
export { detectEncoding, prescanMeta, sniffBom, isUtf8, canonicalEncoding, charsetOfContentType, PRESCAN_BYTES, type DetectedEncoding, type EncodingSource } from './detect.js';
