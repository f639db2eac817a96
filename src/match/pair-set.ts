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
