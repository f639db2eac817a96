/**
 * A set of (group, code unit) pairs in one open-addressing table of 32-bit keys: the membership
 * test on the scanner's hot path is a multiply, a shift and usually one probe, with no per-group
 * objects and no allocation.
 */
export class PairSet {
  private readonly keys: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  /** `pairs` as [group, code] with group < 65536 and code < 65536. */
  constructor(pairs: Iterable<readonly [number, number]>, expected: number) {
    let bits = 4;
    while (1 << bits < expected * 2) bits++;
    this.keys = new Int32Array(1 << bits).fill(-1);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    for (const [g, c] of pairs) this.add(g, c);
  }

  private add(group: number, code: number): void {
    const key = ((group << 16) | code) | 0;
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = this.keys[h]!;
      if (k === key) return;
      if (k === -1) {
        this.keys[h] = key;
        return;
      }
      h = (h + 1) & this.mask;
    }
  }

  has(group: number, code: number): boolean {
    const key = ((group << 16) | code) | 0;
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = this.keys[h]!;
      if (k === key) return true;
      if (k === -1) return false;
      h = (h + 1) & this.mask;
    }
  }
}
