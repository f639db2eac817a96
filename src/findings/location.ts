/**
 * Line and column lookup by binary search over line starts, computed once per text and only when
 * a finding needs it. Lines end at \n, \r\n or \r; lines and columns are 1-based, columns count
 * UTF-16 code units.
 */
export class LocationIndex {
  private readonly starts: number[];
  constructor(private readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // The common case: native indexOf jumps from line to line.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /** 1-based line and column of an offset, or undefined when it is outside [0, text.length]. */
  locate(offset: number): { line: number; column: number } | undefined {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.text.length) return undefined;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  /** Start offset of a 1-based line, or undefined. */
  lineStart(line: number): number | undefined {
    return this.starts[line - 1];
  }
}
