/**
 * The non-word stage's context model: how often edited text writes each Han character and each
 * pair of adjacent Han characters (mined from the 2019-2025 corpus by bench/nonword/mine-corpus.ts
 * into dictionaries/nonword/char-pairs.bin). A slip's replaced character stands at the edge of the
 * string; how well the fixed character joins the character beside it, against how well the written
 * one does ({@link joinGain}), tells a slip (幅射 in 电磁幅射: 磁辐 is written, 磁幅 hardly) from a
 * string that spans two words of a text (台企来大陆: 台企 is written, 台起 is not).
 *
 * File format (little-endian): u32 magic 'TFCP' | u32 version 1 | u32 n | the n keys, ascending,
 * as LEB128 deltas from the previous key | n count bytes. A key is `first << 16 | second` (second
 * 0: the character alone); a count byte is {@link quantizeCount} (powers of 2^(1/4), 0 for none).
 */

export const PAIRS_MAGIC = 0x50434654; // 'TFCP'
export const PAIRS_VERSION = 1;
/** Count bytes per doubling: counts are kept within 9 % (the model reads log-ratios). */
const STEPS = 4;

export const isPairHan = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
export const pairKey = (first: number, second: number): number => ((first << 16) | second) >>> 0;
export const quantizeCount = (n: number): number => (n <= 0 ? 0 : Math.min(255, Math.round(Math.log2(n) * STEPS) + 1));
export const dequantizeCount = (q: number): number => (q === 0 ? 0 : Math.round(2 ** ((q - 1) / STEPS)));

/** Counts of characters and pairs, looked up by binary search over the sorted keys. */
export class CharPairs {
  /** `keys` ascending ({@link pairKey}), `counts[i]` the {@link quantizeCount} byte of `keys[i]`. */
  constructor(
    readonly keys: Uint32Array,
    readonly counts: Uint8Array,
  ) {}

  get size(): number {
    return this.keys.length;
  }

  /** The count of a key of {@link pairKey} (as stored: within 9 %). */
  count(key: number): number {
    const { keys } = this;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid]!;
      if (k === key) return dequantizeCount(this.counts[mid]!);
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Pairs from counts keyed by {@link pairKey} (the benches' in-memory models). */
  static of(counts: ReadonlyMap<number, number>): CharPairs {
    const keys = Uint32Array.from(counts.keys()).sort();
    return new CharPairs(keys, Uint8Array.from(keys, (k) => quantizeCount(counts.get(k)!)));
  }
}

/** The counts of the Han characters and adjacent Han pairs of `text`, added to `into`. */
export function countPairs(text: string, into: Map<number, number> = new Map()): Map<number, number> {
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isPairHan(c)) {
      previous = 0;
      continue;
    }
    into.set(pairKey(c, 0), (into.get(pairKey(c, 0)) ?? 0) + 1);
    if (previous !== 0) into.set(pairKey(previous, c), (into.get(pairKey(previous, c)) ?? 0) + 1);
    previous = c;
  }
  return into;
}

export function encodeCharPairs(counts: ReadonlyMap<number, number>): Uint8Array {
  const keys = Uint32Array.from(counts.keys()).sort();
  const bytes: number[] = [];
  const u32 = (v: number): void => void bytes.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24);
  u32(PAIRS_MAGIC);
  u32(PAIRS_VERSION);
  u32(keys.length);
  let previous = 0;
  for (const k of keys) {
    for (let d = k - previous; ; d = Math.floor(d / 128)) {
      if (d < 128) {
        bytes.push(d);
        break;
      }
      bytes.push((d % 128) | 128);
    }
    previous = k;
  }
  for (const k of keys) bytes.push(quantizeCount(counts.get(k)!));
  return Uint8Array.from(bytes);
}

/** Reads the file; throws a clear error for a file of another format or a cut one. */
export function decodeCharPairs(bytes: Uint8Array, name: string): CharPairs {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || view.getUint32(0, true) !== PAIRS_MAGIC || view.getUint32(4, true) !== PAIRS_VERSION) throw new Error(`${name}: not a tifa character-pair file of version ${PAIRS_VERSION}; run \`npm run build\``);
  const n = view.getUint32(8, true);
  const keys = new Uint32Array(n);
  let at = 12;
  let key = 0;
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let scale = 1; ; scale *= 128) {
      if (at >= bytes.byteLength) throw new Error(`${name}: cut short; run \`npm run build\``);
      const b = bytes[at++]!;
      d += (b & 127) * scale;
      if (b < 128) break;
    }
    keys[i] = key += d;
  }
  if (bytes.byteLength !== at + n) throw new Error(`${name}: ${bytes.byteLength - at} count bytes where ${n} keys need ${n}; run \`npm run build\``);
  // a plain Uint8Array copy (a Buffer's slice would stay a Buffer, which the data-file writer refuses)
  return new CharPairs(keys, new Uint8Array(bytes.subarray(at, at + n)));
}

/** Added to pair counts: a pair never seen is as rare as half a sighting. */
const PAIR_SMOOTHING = 0.5;

/**
 * How much better the character replaced at the edge of a candidate joins the Han character beside
 * it when fixed than as written, in nats: log P(neighbour | fixed) - log P(neighbour | written),
 * from the pair and character counts. 0 when the middle of three characters is replaced or no Han
 * character stands on that side.
 */
export function joinGain(pairs: CharPairs, text: string, start: number, length: number, position: number, fixed: number): number {
  const written = text.charCodeAt(start + position);
  let pw: number;
  let pf: number;
  if (position === 0) {
    const left = start > 0 ? text.charCodeAt(start - 1) : 0;
    if (!isPairHan(left)) return 0;
    pw = pairKey(left, written);
    pf = pairKey(left, fixed);
  } else if (position === length - 1) {
    const right = start + length < text.length ? text.charCodeAt(start + length) : 0;
    if (!isPairHan(right)) return 0;
    pw = pairKey(written, right);
    pf = pairKey(fixed, right);
  } else return 0;
  const pairRatio = Math.log((pairs.count(pf) + PAIR_SMOOTHING) / (pairs.count(pw) + PAIR_SMOOTHING));
  const chars = Math.log((pairs.count(pairKey(fixed, 0)) + 1) / (pairs.count(pairKey(written, 0)) + 1));
  return pairRatio - chars;
}
