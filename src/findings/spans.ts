/**
 * Sorted half-open spans with bounded-length overlap queries: O(log n + k) per query, so resolving
 * thousands of findings in a long text stays linear-ish instead of quadratic.
 */
export class SpanIndex {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly maxLength: number;
  readonly size: number;

  constructor(spans: ReadonlyArray<readonly [number, number]>) {
    const sorted = [...spans].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    this.size = sorted.length;
    this.starts = Int32Array.from(sorted, (s) => s[0]);
    this.ends = Int32Array.from(sorted, (s) => s[1]);
    this.maxLength = sorted.reduce((m, s) => Math.max(m, s[1] - s[0]), 0);
  }

  /** Calls `test` for each span overlapping [start, end) until it returns true; returns whether one did. */
  someOverlapping(start: number, end: number, test: (a: number, b: number) => boolean): boolean {
    if (this.size === 0) return false;
    let lo = 0;
    let hi = this.size;
    const from = start - this.maxLength + 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.size && this.starts[i]! < end; i++) {
      const a = this.starts[i]!;
      const b = this.ends[i]!;
      if (b > start && test(a, b)) return true;
    }
    return false;
  }

  /** Whether some span contains [start, end). */
  contains(start: number, end: number): boolean {
    return this.someOverlapping(start, end, (a, b) => a <= start && end <= b);
  }
}
