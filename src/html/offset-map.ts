/**
 * The map from extracted text back to the HTML source: sorted segments `text [from, to) ->
 * source [from, to)`. A copied run of characters maps unit by unit; an atomic segment (a decoded
 * entity such as `&#27665;` -> 民, or a group of adjacent entities in an attribute value) maps as a
 * whole. Text that has no segment (the "\n" inserted at a block boundary) maps to nothing.
 *
 * Lookups use binary search. The boundary rule (after textlint's `isEnd`): a range's start maps
 * through the segment holding its first unit, its end through the segment holding its last unit,
 * so a range that ends just before a tag never stretches over that tag.
 */
export interface Segment {
  textFrom: number;
  textTo: number;
  srcFrom: number;
  srcTo: number;
  /** Maps as a whole (decoded entity); otherwise `textTo - textFrom === srcTo - srcFrom` unit by unit. */
  atomic: boolean;
  /** False for text where no markup may be inserted (attributes, <title>, <textarea>, <option>). */
  markable: boolean;
}

export class OffsetMap {
  private readonly segments: Segment[] = [];

  /** Appends a segment; segments must come in text order without overlap. */
  add(segment: Segment): void {
    if (segment.textTo <= segment.textFrom) return;
    const last = this.segments[this.segments.length - 1];
    if (last && segment.textFrom < last.textTo) throw new RangeError('OffsetMap.add: segments must come in text order');
    // A code point that adds no source (the second code point of a two-code-point entity) joins
    // the previous atomic segment.
    if (last && segment.srcTo <= segment.srcFrom && last.atomic && last.textTo === segment.textFrom) {
      last.textTo = segment.textTo;
      return;
    }
    // Merge contiguous copied runs, so the map stays small.
    if (
      last && !last.atomic && !segment.atomic && last.markable === segment.markable &&
      last.textTo === segment.textFrom && last.srcTo === segment.srcFrom
    ) {
      last.textTo = segment.textTo;
      last.srcTo = segment.srcTo;
      return;
    }
    this.segments.push({ ...segment });
  }

  /** Number of segments. */
  get size(): number {
    return this.segments.length;
  }

  /** The segments, in text order (read-only view). */
  all(): readonly Readonly<Segment>[] {
    return this.segments;
  }

  /** Index of the last segment with `textFrom <= offset`, or -1. */
  private indexAt(offset: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.segments[mid]!.textFrom <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /**
   * Maps a half-open text range to the half-open source range that produced it, or undefined
   * when the range covers no mapped text.
   */
  toSource(start: number, end: number): { start: number; end: number } | undefined {
    if (!(end > start)) return undefined;
    let i = this.indexAt(start);
    if (i < 0 || start >= this.segments[i]!.textTo) i++; // in a gap: the next segment
    let j = this.indexAt(end - 1);
    if (i >= this.segments.length || j < i) return undefined;
    const first = this.segments[i]!;
    const last = this.segments[j]!;
    const srcStart = start < first.textFrom || first.atomic ? first.srcFrom : first.srcFrom + (start - first.textFrom);
    const srcEnd = end - 1 >= last.textTo || last.atomic ? last.srcTo : last.srcFrom + (end - last.textFrom);
    return { start: srcStart, end: Math.max(srcStart, srcEnd) };
  }

  /** The segments whose text lies in `[start, end)`, clipped to it (atomic ones whole). */
  between(start: number, end: number): Segment[] {
    const out: Segment[] = [];
    let i = Math.max(0, this.indexAt(start));
    for (; i < this.segments.length; i++) {
      const s = this.segments[i]!;
      if (s.textFrom >= end) break;
      if (s.textTo <= start) continue;
      if (s.atomic) {
        out.push({ ...s });
        continue;
      }
      const from = Math.max(start, s.textFrom);
      const to = Math.min(end, s.textTo);
      out.push({ ...s, textFrom: from, textTo: to, srcFrom: s.srcFrom + (from - s.textFrom), srcTo: s.srcFrom + (to - s.textFrom) });
    }
    return out;
  }
}
