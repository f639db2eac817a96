/**
 * Half-open spans sorted by their end (the order in which the scanner reports matches), with
 * bounded-length overlap queries in O(log n + k): resolving thousands of findings in a long text
 * stays linear and nothing is sorted.
 */
export class SpanIndex {
  private starts: Int32Array = new Int32Array(16);
  private ends: Int32Array = new Int32Array(16);
  private maxLength = 0;
  size = 0;

  /** Adds a span; spans must come in non-decreasing order of `end`. */
  add(start: number, end: number): void {
    if (this.size > 0 && end < this.ends[this.size - 1]!) throw new RangeError('SpanIndex.add: spans must come sorted by end');
    if (this.size === this.starts.length) {
      const starts = new Int32Array(this.size * 2);
      starts.set(this.starts);
      this.starts = starts;
      const ends = new Int32Array(this.size * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.starts[this.size] = start;
    this.ends[this.size] = end;
    this.size++;
    if (end - start > this.maxLength) this.maxLength = end - start;
  }

  /** Calls `test` for each span overlapping [start, end) until it returns true; returns whether one did. */
  someOverlapping(start: number, end: number, test: (a: number, b: number) => boolean): boolean {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid]! <= start) lo = mid + 1;
      else hi = mid;
    }
    // A span starts at least maxLength before its end: past end + maxLength none can overlap.
    for (let i = lo; i < this.size && this.ends[i]! - this.maxLength < end; i++) {
      const a = this.starts[i]!;
      const b = this.ends[i]!;
      if (a < end && test(a, b)) return true;
    }
    return false;
  }

  /** Whether some span contains [start, end). */
  contains(start: number, end: number): boolean {
    return this.someOverlapping(start, end, (a, b) => a <= start && end <= b);
  }
}
