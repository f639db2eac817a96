/**
 * Confusion-aware character comparison for fuzzy matching: is `actual` a plausible slip for
 * `expected` (same sound, regionally merged sound, or similar shape)?
 *
 * Built once from the committed tables (`dictionaries/derived/pinyin.tsv` and
 * `dictionaries/derived/lookalike-pairs.tsv`), passed in as text: no I/O here, no work at import.
 * {@link Confusion.kind} runs on dense typed arrays only (no allocation, no string lookups), since
 * it is called in the hot verification loop.
 */

/**
 * `lookalike`: a pair of the curated or cjk-decomp bases; `shape`: a pair of the `unihan:shape`
 * basis only (shape codes agree: a weaker look-alike, which the non-word stage and the people check
 * leave out).
 */
export type ConfusionKind = 'homophone' | 'near-homophone' | 'lookalike' | 'shape';

/** The basis of lookalike-pairs.tsv whose pairs are of kind `shape`. */
export const SHAPE_BASIS = 'unihan:shape';

export interface ConfusionTables {
  /** `dictionaries/derived/pinyin.tsv`: `char<TAB>syllable syllable ...`, `#` comments. */
  readonly pinyinTsv: string;
  /** `dictionaries/derived/lookalike-pairs.tsv`: `a<TAB>b<TAB>basis`, `#` comments. */
  readonly lookalikeTsv: string;
}

export interface Confusion {
  /**
   * How `actual` may be a slip for `expected` (two BMP code units). `homophone` (a shared toneless
   * reading) wins over `lookalike` (a listed pair), then `shape` (a pair listed under SHAPE_BASIS),
   * then `near-homophone` (a reading shared after the regional merges of {@link mergeSyllable}). `null` when none holds, when the two are
   * equal, or when either is outside 0..0xFFFF. Symmetric.
   */
  kind(expected: number, actual: number): ConfusionKind | null;
  /** Every code unit confusable with `code` (any kind), ascending, without `code`. Cached. */
  candidates(code: number): readonly number[];
  /** The toneless readings of `code` from the table (empty when it has none). */
  readings(code: number): readonly string[];
}

/**
 * The regional merge key of a toneless syllable: initials n→l, zh→z, ch→c, sh→s, h→f (f/h),
 * finals -ang/-eng/-ing (and -iang/-uang) → -an/-en/-in. Two syllables are near-homophones when
 * their keys are equal.
 */
export function mergeSyllable(s: string): string {
  let init = '';
  let rest = s;
  if (s.startsWith('zh') || s.startsWith('ch') || s.startsWith('sh')) {
    init = s[0]!;
    rest = s.slice(2);
  } else if (s.length > 1 && s !== 'ng' && (s[0] === 'n' || s[0] === 'h')) {
    // a bare "n"/"ng" syllable (嗯) has no initial to merge
    init = s[0] === 'n' ? 'l' : 'f';
    rest = s.slice(1);
  } else if (s.length > 1 && /^[bpmfdtlgkjqxrzcsyw]/.test(s)) {
    init = s[0]!;
    rest = s.slice(1);
  }
  if (rest.length > 2 && rest.endsWith('ng') && /[aei]ng$/.test(rest)) rest = rest.slice(0, -1);
  return init + rest;
}

const EMPTY: readonly number[] = Object.freeze([]);
const NO_READINGS: readonly string[] = Object.freeze([]);

/** Compressed rows: values of code unit c are flat[offsets[c] .. offsets[c + 1]). */
interface Rows {
  readonly offsets: Int32Array;
  readonly flat: Int32Array;
}

/**
 * Builds CSR rows from (code, value) pairs, dropping a value repeated for the same code. Runs in
 * O(pairs) plus native fills, so that construction stays cheap even before the JIT warms up.
 */
function toRows(codes: readonly number[], values: readonly number[]): Rows {
  const n = codes.length;
  let order: number[] | null = null;
  for (let i = 1; i < n; i++) {
    if (codes[i]! < codes[i - 1]!) {
      order = Array.from({ length: n }, (_, k) => k).sort((p, q) => codes[p]! - codes[q]! || p - q);
      break;
    }
  }
  const offsets = new Int32Array(65537);
  const flat = new Int32Array(n);
  let w = 0;
  let next = 0; // first offsets slot not yet written
  let runStart = 0;
  let prev = -1;
  for (let i = 0; i < n; i++) {
    const at = order === null ? i : order[i]!;
    const c = codes[at]!;
    const v = values[at]!;
    if (c !== prev) {
      offsets.fill(w, next, c + 1);
      next = c + 1;
      runStart = w;
      prev = c;
    }
    let dup = false;
    for (let k = runStart; k < w; k++) {
      if (flat[k] === v) {
        dup = true;
        break;
      }
    }
    if (!dup) flat[w++] = v;
  }
  offsets.fill(w, next, 65537);
  return { offsets, flat: flat.subarray(0, w) };
}

/** Inverse of {@link Rows}: value -> code units holding it. */
function invert(rows: Rows, valueCount: number): Rows {
  const codes: number[] = [];
  const values: number[] = [];
  for (let c = 0; c < 65536; c++) {
    for (let k = rows.offsets[c]!; k < rows.offsets[c + 1]!; k++) {
      codes.push(rows.flat[k]!);
      values.push(c);
    }
  }
  const offsets = new Int32Array(valueCount + 1);
  for (const v of codes) offsets[v + 1]!++;
  for (let v = 0; v < valueCount; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, valueCount);
  const flat = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) flat[fill[codes[i]!]!++] = values[i]!;
  return { offsets, flat };
}

/** Calls `fn(line)` for each non-empty, non-comment line (CR stripped). */
function eachLine(text: string, fn: (line: string, lineNo: number) => void): void {
  let start = 0;
  let lineNo = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    let stop = end;
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    if (stop > start && text.charCodeAt(start) !== 35 /* # */) fn(text.slice(start, stop), lineNo);
    start = end + 1;
  }
}

/** Readings per code unit: syllable ids and merged (near-homophone) ids, as rows. */
interface Readings {
  syllables: string[];
  nearCount: number;
  syl: Rows;
  near: Rows;
}

/** Parses the pinyin table (char TAB syllables). */
function parseReadings(pinyinTsv: string): Readings {
  const syllableIds = new Map<string, number>();
  const syllables: string[] = [];
  const nearIds = new Map<string, number>();
  const nearOfSyllable: number[] = [];
  const sylCodes: number[] = [];
  const sylValues: number[] = [];
  const nearValues: number[] = [];
  eachLine(pinyinTsv, (line, lineNo) => {
    if (line.length < 3 || line.charCodeAt(1) !== 9) {
      throw new Error(`pinyin table line ${lineNo}: expected char<TAB>syllables with a one-code-unit char`);
    }
    const c = line.charCodeAt(0);
    for (const s of line.slice(2).split(' ')) {
      if (s === '') continue;
      let id = syllableIds.get(s);
      if (id === undefined) {
        id = syllables.length;
        syllableIds.set(s, id);
        syllables.push(s);
        const key = mergeSyllable(s);
        let nid = nearIds.get(key);
        if (nid === undefined) {
          nid = nearIds.size;
          nearIds.set(key, nid);
        }
        nearOfSyllable.push(nid);
      }
      sylCodes.push(c);
      sylValues.push(id);
      nearValues.push(nearOfSyllable[id]!);
    }
  });
  return { syllables, nearCount: nearIds.size, syl: toRows(sylCodes, sylValues), near: toRows(sylCodes, nearValues) };
}

interface PairLists {
  pairA: number[];
  pairB: number[];
  /** The pairs of SHAPE_BASIS (not in pairA/pairB). */
  shapeA: number[];
  shapeB: number[];
}

/** Look-alike pairs as read, split by basis: SHAPE_BASIS rows apart from the others. */
function parseLookalikes(lookalikeTsv: string): PairLists {
  const lists: PairLists = { pairA: [], pairB: [], shapeA: [], shapeB: [] };
  eachLine(lookalikeTsv, (line, lineNo) => {
    if (line.length < 3 || line.charCodeAt(1) !== 9 || (line.length > 3 && line.charCodeAt(3) !== 9)) {
      throw new Error(`look-alike table line ${lineNo}: expected a<TAB>b<TAB>basis with one code unit each`);
    }
    const a = line.charCodeAt(0);
    const b = line.charCodeAt(2);
    if (a === b) throw new Error(`look-alike table line ${lineNo}: a pair of one character`);
    const shape = line.slice(4) === SHAPE_BASIS;
    (shape ? lists.shapeA : lists.pairA).push(a);
    (shape ? lists.shapeB : lists.pairB).push(b);
  });
  return lists;
}

/** The look-alike test: an open-addressing set of (min << 16 | max) keys (0 = empty). */
function lookalikeTest(pairA: ArrayLike<number>, pairB: ArrayLike<number>): (x: number, y: number) => boolean {
  let cap = 16;
  while (cap < pairA.length * 3) cap <<= 1;
  const mask = cap - 1;
  const shift = 32 - Math.log2(cap);
  const slots = new Uint32Array(cap);
  const hasPair = new Uint8Array(65536);
  const slotOf = (key: number): number => Math.imul(key, 0x9e3779b1) >>> shift;
  for (let i = 0; i < pairA.length; i++) {
    const a = pairA[i]!;
    const b = pairB[i]!;
    const key = (a < b ? (a << 16) | b : (b << 16) | a) >>> 0;
    let s = slotOf(key);
    while (slots[s] !== 0 && slots[s] !== key) s = (s + 1) & mask;
    slots[s] = key;
    hasPair[a] = 1;
    hasPair[b] = 1;
  }
  return (x: number, y: number): boolean => {
    if (hasPair[x] === 0 || hasPair[y] === 0) return false;
    const key = (x < y ? (x << 16) | y : (y << 16) | x) >>> 0;
    let s = slotOf(key);
    for (;;) {
      const v = slots[s]!;
      if (v === key) return true;
      if (v === 0) return false;
      s = (s + 1) & mask;
    }
  };
}

/** Whether code units x and y share a value in `rows`. */
function sharesRow(off: Int32Array, flat: Int32Array, x: number, y: number): boolean {
  const x1 = off[x + 1]!;
  const y0 = off[y]!;
  const y1 = off[y + 1]!;
  if (y0 === y1) return false;
  for (let i = off[x]!; i < x1; i++) {
    const v = flat[i]!;
    for (let j = y0; j < y1; j++) if (flat[j] === v) return true;
  }
  return false;
}

const isCodeUnit = (code: number): boolean => code >= 0 && code <= 0xffff && code === Math.floor(code);

/** candidates(): every code unit confusable with `code`, through lazily built inverse indexes, cached per code unit. */
function candidatesOf(readings: Readings, pairA: readonly number[], pairB: readonly number[]): (code: number) => readonly number[] {
  let inverse: { bySyl: Rows; byNear: Rows; pairRows: Rows } | undefined;
  const cache = new Map<number, readonly number[]>();
  return (code) => {
    if (!isCodeUnit(code)) return EMPTY;
    const hit = cache.get(code);
    if (hit !== undefined) return hit;
    inverse ??= { bySyl: invert(readings.syl, readings.syllables.length), byNear: invert(readings.near, readings.nearCount), pairRows: toRows(pairA.concat(pairB), pairB.concat(pairA)) };
    const found = new Set<number>();
    for (const [rows, inv] of [
      [readings.syl, inverse.bySyl],
      [readings.near, inverse.byNear],
    ] as const) {
      for (let k = rows.offsets[code]!; k < rows.offsets[code + 1]!; k++) {
        const v = rows.flat[k]!;
        for (let j = inv.offsets[v]!; j < inv.offsets[v + 1]!; j++) found.add(inv.flat[j]!);
      }
    }
    const { pairRows } = inverse;
    for (let k = pairRows.offsets[code]!; k < pairRows.offsets[code + 1]!; k++) found.add(pairRows.flat[k]!);
    found.delete(code);
    const list = found.size === 0 ? EMPTY : Object.freeze([...found].sort((p, q) => p - q));
    cache.set(code, list);
    return list;
  };
}

/**
 * The parsed tables as plain data (typed arrays, the syllable list): what the build stores in
 * dist/data (src/data/) so that a checker maps it in instead of parsing the TSV text.
 */
export interface ConfusionData {
  syllables: string[];
  nearCount: number;
  sylOffsets: Int32Array;
  sylFlat: Int32Array;
  nearOffsets: Int32Array;
  nearFlat: Int32Array;
  pairA: Uint16Array;
  pairB: Uint16Array;
  /** The SHAPE_BASIS pairs (kind `shape`). */
  shapeA: Uint16Array;
  shapeB: Uint16Array;
}

/** Parses the tables. Throws on a malformed row (a packaging bug, not user input). */
export function compileConfusionData(tables: ConfusionTables): ConfusionData {
  const r = parseReadings(tables.pinyinTsv);
  const p = parseLookalikes(tables.lookalikeTsv);
  return {
    syllables: r.syllables,
    nearCount: r.nearCount,
    sylOffsets: r.syl.offsets,
    sylFlat: r.syl.flat,
    nearOffsets: r.near.offsets,
    nearFlat: r.near.flat,
    pairA: Uint16Array.from(p.pairA),
    pairB: Uint16Array.from(p.pairB),
    shapeA: Uint16Array.from(p.shapeA),
    shapeB: Uint16Array.from(p.shapeB),
  };
}

/** The query structure over parsed (or stored) tables: nothing is parsed here. */
export function confusionFromData(data: ConfusionData): Confusion {
  const syl: Rows = { offsets: data.sylOffsets, flat: data.sylFlat };
  const near: Rows = { offsets: data.nearOffsets, flat: data.nearFlat };
  const syllables = data.syllables;
  const isPair = lookalikeTest(data.pairA, data.pairB);
  const isShape = lookalikeTest(data.shapeA, data.shapeB);
  const readings: Readings = { syllables, nearCount: data.nearCount, syl, near };
  return {
    kind(expected: number, actual: number): ConfusionKind | null {
      if (expected === actual || expected >>> 16 !== 0 || actual >>> 16 !== 0) return null;
      if (sharesRow(syl.offsets, syl.flat, expected, actual)) return 'homophone';
      if (isPair(expected, actual)) return 'lookalike';
      if (isShape(expected, actual)) return 'shape';
      if (sharesRow(near.offsets, near.flat, expected, actual)) return 'near-homophone';
      return null;
    },
    candidates: candidatesOf(readings, [...data.pairA, ...data.shapeA], [...data.pairB, ...data.shapeB]),
    readings(code: number): readonly string[] {
      if (!isCodeUnit(code)) return NO_READINGS;
      const out: string[] = [];
      for (let k = syl.offsets[code]!; k < syl.offsets[code + 1]!; k++) out.push(syllables[syl.flat[k]!]!);
      return out;
    },
  };
}

/** Builds the query structure from the TSV text. Throws on a malformed row (a packaging bug, not user input). */
export function createConfusion(tables: ConfusionTables): Confusion {
  return confusionFromData(compileConfusionData(tables));
}
