/**
 * The non-word table at run time: every non-word neighbour of a frequent two- or three-character
 * word (neighbour -> the position and the character of the fix), as open-addressing hash tables
 * over typed arrays, probed once or twice per character while the text streams by. No strings,
 * no allocation on a lookup.
 *
 * File format (dist/data/nonword.bin, little-endian, written by src/nonword/build.ts):
 *   u32 magic 'TFNW' | u32 version 1 | u32 n2 | u32 n3
 *   u32 keys2[n2]  (c1 << 16 | c2)   u32 fixes2[n2]   u32 alts2[n2]
 *   u32 keys3[n3]  (c1 << 16 | c2)   u32 lasts3[n3] (c3)   u32 fixes3[n3]   u32 alts3[n3]
 * A fix is `bucket << 20 | position << 16 | character`: the word is the neighbour with the
 * character at `position` replaced, and `bucket` is log2 of the word's dictionary count. `alts`
 * hold the fix to a second word (0: none).
 */

import type { CharPairs } from './pairs.js';

export const NONWORD_MAGIC = 0x574e4654; // 'TFNW'
export const NONWORD_VERSION = 1;

/** The fix of one neighbour: which character to replace, by what; how frequent the word is. */
export const fixPosition = (fix: number): number => (fix >>> 16) & 0xf;
export const fixChar = (fix: number): number => fix & 0xffff;
export const fixBucket = (fix: number): number => fix >>> 20;

/** Packs a fix (see the file format above). */
export function packFix(position: number, char: number, count: number): number {
  const bucket = Math.min(31, Math.max(0, Math.floor(Math.log2(Math.max(1, count)))));
  return ((bucket << 20) | (position << 16) | char) >>> 0;
}

/** The neighbours as columns, as the build writes them ({@link inSlotOrder}) and the table reads them. */
export interface NonwordColumns {
  keys2: Uint32Array;
  fixes2: Uint32Array;
  alts2: Uint32Array;
  keys3: Uint32Array;
  lasts3: Uint32Array;
  fixes3: Uint32Array;
  alts3: Uint32Array;
}

const COLUMNS2 = ['keys2', 'fixes2', 'alts2'] as const;
const COLUMNS3 = ['keys3', 'lasts3', 'fixes3', 'alts3'] as const;

export function encodeNonwordColumns(c: NonwordColumns): Uint8Array {
  const n2 = c.keys2.length;
  const n3 = c.keys3.length;
  const out = new Uint32Array(4 + COLUMNS2.length * n2 + COLUMNS3.length * n3);
  out.set([NONWORD_MAGIC, NONWORD_VERSION, n2, n3], 0);
  let at = 4;
  for (const k of COLUMNS2) (out.set(c[k], at), (at += n2));
  for (const k of COLUMNS3) (out.set(c[k], at), (at += n3));
  return new Uint8Array(out.buffer);
}

/** Reads the file's columns; throws a clear error for a file of another format or a cut one. */
export function decodeNonwordColumns(bytes: Uint8Array, name: string): NonwordColumns {
  if (bytes.byteLength < 16 || bytes.byteLength % 4 !== 0) throw new Error(`${name}: not a tifa non-word table (size ${bytes.byteLength}); run \`npm run build\``);
  const words = new Uint32Array(bytes.byteLength / 4);
  new Uint8Array(words.buffer).set(bytes);
  const [magic, version, n2 = 0, n3 = 0] = words;
  if (magic !== NONWORD_MAGIC || version !== NONWORD_VERSION) throw new Error(`${name}: not a tifa non-word table of version ${NONWORD_VERSION}; run \`npm run build\``);
  const expected = 4 + COLUMNS2.length * n2 + COLUMNS3.length * n3;
  if (words.length !== expected) throw new Error(`${name}: ${words.length} words where the header promises ${expected}; run \`npm run build\``);
  const out = {} as NonwordColumns;
  let at = 4;
  for (const k of COLUMNS2) (out[k] = words.subarray(at, at + n2)), (at += n2);
  for (const k of COLUMNS3) (out[k] = words.subarray(at, at + n3)), (at += n3);
  return out;
}

const tableBits = (n: number): number => {
  let bits = 4;
  while (1 << bits < n * 2) bits++;
  return bits;
};

/** 2^20 bits: 128 KB per filter. */
const FILTER_BITS = 20;
const filterBit = (key: number): number => Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) >>> (32 - FILTER_BITS);
const hash2 = (key: number, shift: number): number => Math.imul(key, 0x9e3779b1) >>> shift;
const hash3 = (key: number, last: number, shift: number): number => Math.imul(key ^ Math.imul(last, 0x85ebca6b), 0x9e3779b1) >>> shift;

/**
 * The columns reordered by the slot each row hashes to (stable: rows of one slot keep their order),
 * as the build writes them: the table's constructor then fills its slots front to back instead of
 * at random, which costs about half as much on the first check of a process (constructor, median of 8 fresh
 * processes each: 53 -> 26 ms).
 */
export function inSlotOrder(c: NonwordColumns): NonwordColumns {
  const shift2 = 32 - tableBits(c.keys2.length);
  const shift3 = 32 - tableBits(c.keys3.length);
  const home2 = Array.from(c.keys2, (k) => hash2(k, shift2));
  const home3 = Array.from(c.keys3, (k, i) => hash3(k, c.lasts3[i]!, shift3));
  const order2 = [...c.keys2.keys()].sort((a, b) => home2[a]! - home2[b]!);
  const order3 = [...c.keys3.keys()].sort((a, b) => home3[a]! - home3[b]!);
  const pick = (column: Uint32Array, order: number[]): Uint32Array => Uint32Array.from(order, (i) => column[i]!);
  return {
    keys2: pick(c.keys2, order2),
    fixes2: pick(c.fixes2, order2),
    alts2: pick(c.alts2, order2),
    keys3: pick(c.keys3, order3),
    lasts3: pick(c.lasts3, order3),
    fixes3: pick(c.fixes3, order3),
    alts3: pick(c.alts3, order3),
  };
}

/** Lookups of two- and three-character neighbours. */
export class NonwordTable {
  private readonly slots2: Uint32Array;
  private readonly vals2: Uint32Array;
  private readonly altVals2: Uint32Array;
  private readonly shift2: number;
  private readonly mask2: number;
  private readonly slots3: Uint32Array;
  private readonly last3: Uint16Array;
  private readonly vals3: Uint32Array;
  private readonly altVals3: Uint32Array;
  private readonly shift3: number;
  private readonly mask3: number;
  /**
   * A bit per hash of a 2-gram (and of a 3-gram) that starts some neighbour: small enough to stay
   * in the CPU cache, so most characters of a text are passed over without touching the tables.
   */
  private readonly filter2 = new Int32Array(1 << (FILTER_BITS - 5));
  private readonly filter3 = new Int32Array(1 << (FILTER_BITS - 5));
  /** Neighbours held. */
  readonly size: number;

  /** `pairs`: the corpus's character pairs, for the stage's context model (src/nonword/pairs.ts); none: the stage reads the segmentation alone. */
  constructor(
    c: NonwordColumns,
    readonly pairs?: CharPairs,
  ) {
    const b2 = tableBits(c.keys2.length);
    this.shift2 = 32 - b2;
    this.mask2 = (1 << b2) - 1;
    this.slots2 = new Uint32Array(1 << b2);
    this.vals2 = new Uint32Array(1 << b2);
    this.altVals2 = new Uint32Array(1 << b2);
    for (let i = 0; i < c.keys2.length; i++) {
      let h = hash2(c.keys2[i]!, this.shift2);
      while (this.slots2[h] !== 0) h = (h + 1) & this.mask2;
      this.slots2[h] = c.keys2[i]!;
      this.vals2[h] = c.fixes2[i]!;
      this.altVals2[h] = c.alts2[i]!;
      const f = filterBit(c.keys2[i]!);
      this.filter2[f >>> 5]! |= 1 << (f & 31);
    }
    const b3 = tableBits(c.keys3.length);
    this.shift3 = 32 - b3;
    this.mask3 = (1 << b3) - 1;
    this.slots3 = new Uint32Array(1 << b3);
    this.last3 = new Uint16Array(1 << b3);
    this.vals3 = new Uint32Array(1 << b3);
    this.altVals3 = new Uint32Array(1 << b3);
    for (let i = 0; i < c.keys3.length; i++) {
      let h = hash3(c.keys3[i]!, c.lasts3[i]!, this.shift3);
      while (this.slots3[h] !== 0) h = (h + 1) & this.mask3;
      this.slots3[h] = c.keys3[i]!;
      this.last3[h] = c.lasts3[i]!;
      this.vals3[h] = c.fixes3[i]!;
      this.altVals3[h] = c.alts3[i]!;
      const f = filterBit(c.keys3[i]!);
      this.filter3[f >>> 5]! |= 1 << (f & 31);
    }
    this.size = c.keys2.length + c.keys3.length;
  }

  /** Whether some two-character neighbour may be a b (no false negatives). */
  maybe2(a: number, b: number): boolean {
    const f = filterBit(((a << 16) | b) >>> 0);
    return (this.filter2[f >>> 5]! & (1 << (f & 31))) !== 0;
  }

  /** Whether some three-character neighbour may start with a b (no false negatives). */
  maybe3(a: number, b: number): boolean {
    const f = filterBit(((a << 16) | b) >>> 0);
    return (this.filter3[f >>> 5]! & (1 << (f & 31))) !== 0;
  }

  /** The slot of the two-character neighbour a b, or -1 when a b is no neighbour. */
  find2(a: number, b: number): number {
    const key = ((a << 16) | b) >>> 0;
    for (let h = hash2(key, this.shift2); ; h = (h + 1) & this.mask2) {
      const k = this.slots2[h]!;
      if (k === key) return h;
      if (k === 0) return -1;
    }
  }

  /** The slot of the three-character neighbour a b c, or -1. */
  find3(a: number, b: number, c: number): number {
    const key = ((a << 16) | b) >>> 0;
    for (let h = hash3(key, c, this.shift3); ; h = (h + 1) & this.mask3) {
      const k = this.slots3[h]!;
      if (k === key && this.last3[h] === c) return h;
      if (k === 0) return -1;
    }
  }

  /** The fix (or, with `alternative`, the second fix: 0 when none) of a slot of `find2` or `find3`. */
  fix(length: 2 | 3, slot: number, alternative = false): number {
    if (length === 2) return (alternative ? this.altVals2 : this.vals2)[slot]!;
    return (alternative ? this.altVals3 : this.vals3)[slot]!;
  }
}
