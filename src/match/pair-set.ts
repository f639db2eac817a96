/**
 * A set of (group, code unit) pairs in one open-addressing table of parallel typed arrays: the
 * membership test on the scanner's hot path is two multiplies, a shift and usually one probe, with
 * no per-group objects and no allocation. Sized up front; pairs are added one by one.
 */
export class PairSet {
  private readonly groups: Int32Array;
  private readonly codes: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  /** `capacity`: an upper bound of the number of pairs that will be added. */
  constructor(capacity: number) {
    let bits = 4;
    while (1 << bits < capacity * 2) bits++;
    this.groups = new Int32Array(1 << bits).fill(-1);
    this.codes = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
  }

  private slot(group: number, code: number): number {
    return (Math.imul(group, 0x9e3779b1) ^ Math.imul(code + 1, 0x85ebca77)) >>> this.shift;
  }

  add(group: number, code: number): void {
    for (let h = this.slot(group, code); ; h = (h + 1) & this.mask) {
      const g = this.groups[h]!;
      if (g === -1) {
        this.groups[h] = group;
        this.codes[h] = code;
        return;
      }
      if (g === group && this.codes[h] === code) return;
    }
  }

  has(group: number, code: number): boolean {
    for (let h = this.slot(group, code); ; h = (h + 1) & this.mask) {
      const g = this.groups[h]!;
      if (g === -1) return false;
      if (g === group && this.codes[h] === code) return true;
    }
  }
}

/**
 * A map from (group, key) pairs to lists of integers, as plain typed arrays (so that the
 * model-file writer stores it as it is): an open-addressing table of the distinct pairs, each
 * pointing at its list in one flat array. Built in one go from parallel arrays of triples; the
 * lookup on the scanner's hot path is one hash and usually one probe, and allocates nothing.
 */
export interface PairLists {
  /**
   * Slot h is slots[3h .. 3h+3): group (-1 when empty), key, index of the pair's list; one
   * array, so that a probe touches one cache line.
   */
  readonly slots: Int32Array;
  /** List l is values[listStart[l] .. listStart[l + 1]). */
  readonly listStart: Int32Array;
  readonly values: Int32Array;
  readonly shift: number;
  readonly mask: number;
}

function pairSlot(group: number, key: number, shift: number): number {
  return (Math.imul(group, 0x9e3779b1) ^ Math.imul(key + 1, 0x85ebca77)) >>> shift;
}

/** The bit of a (group, key) pair in a Bloom filter of 2^(32 - shift) bits (a hash of its own). */
export function pairBit(group: number, key: number, shift: number): number {
  return (Math.imul(group + 0x632be5ab, 0x2c1b3c6d) ^ Math.imul(key ^ 0x297a2d39, 0x297a2d39)) >>> shift;
}

/**
 * The lists of `count` triples (groups[i], keys[i]) -> values[i], each list in the order of the
 * triples (the caller gives each triple once).
 */
export function buildPairLists(groups: Int32Array, keys: Int32Array, values: Int32Array, count: number): PairLists {
  let bits = 4;
  while (1 << bits < count * 2) bits++;
  const size = 1 << bits;
  const shift = 32 - bits;
  const mask = size - 1;
  const slots = new Int32Array(size * 3);
  for (let h = 0; h < size; h++) slots[3 * h] = -1;
  const listOf = new Int32Array(count);
  let lists = 0;
  for (let i = 0; i < count; i++) {
    const g = groups[i]!;
    const k = keys[i]!;
    for (let h = pairSlot(g, k, shift); ; h = (h + 1) & mask) {
      const sg = slots[3 * h]!;
      if (sg === -1) {
        slots[3 * h] = g;
        slots[3 * h + 1] = k;
        slots[3 * h + 2] = lists;
        listOf[i] = lists++;
        break;
      }
      if (sg === g && slots[3 * h + 1] === k) {
        listOf[i] = slots[3 * h + 2]!;
        break;
      }
    }
  }
  const listStart = new Int32Array(lists + 1);
  for (let i = 0; i < count; i++) listStart[listOf[i]! + 1]!++;
  for (let l = 0; l < lists; l++) listStart[l + 1]! += listStart[l]!;
  const fill = listStart.slice(0, lists);
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[fill[listOf[i]!]!++] = values[i]!;
  return { slots, listStart, values: out, shift, mask };
}

/** The list index of (group, key), or -1. */
export function findPairList(p: PairLists, group: number, key: number): number {
  const { slots, mask } = p;
  for (let h = pairSlot(group, key, p.shift); ; h = (h + 1) & mask) {
    const g = slots[3 * h]!;
    if (g === -1) return -1;
    if (g === group && slots[3 * h + 1] === key) return slots[3 * h + 2]!;
  }
}
