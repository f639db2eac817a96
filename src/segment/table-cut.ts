/**
 * jieba's word cut (its default mode without HMM) over the compiled frequency table of jieba's own
 * dictionary (./frequency-table.ts, dist/data/frequency.bin), so that the default checker needs
 * neither @node-rs/jieba's native module nor a second copy of the 349k-word dictionary in memory:
 * loading jieba and building its trie cost ~130 ms and ~45 MB on the first cut, this costs nothing
 * beyond the table the judge reads anyway.
 *
 * The same cuts as @node-rs/jieba's `cut(text, false)` (a test compares both on corpus text):
 * - the text splits into blocks of CJK ideographs, ASCII letters and digits and `+#&._%-`; anything
 *   else is one token per code point ("\r\n" stays one token);
 * - in a block, every dictionary word starting at each code point is an edge of a graph; the route
 *   from each position to the end maximizes the sum of ln(count) - ln(total count) (a position
 *   without any word is one character of count 1); ties go to the longer word;
 * - runs of single ASCII letters or digits on the route are joined into one token.
 * The words are found by walking the sorted table as a trie: each further code unit narrows the
 * range of words sharing the prefix with two binary searches.
 */
import { boundAt, firstUnitIndex, type FrequencyTableData } from './frequency-table.js';

/** Whether a code point belongs in a block (jieba's default "han" class). */
function inBlock(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x23 || c === 0x26 || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2d;
  if (c < 0x3400) return false;
  if (c < 0x10000) return c <= 0x4dbf || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
  return (c >= 0x20000 && c <= 0x2a6df) || (c >= 0x2a700 && c <= 0x2ebef) || (c >= 0x2f800 && c <= 0x2fa1f);
}

const isAsciiAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** Code units of the code point starting at `i` (2 for a surrogate pair). */
const unitsAt = (text: string, i: number): number => {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
};

export type Cut = (text: string) => string[];

/** The walk over the table and the route of a block, with buffers reused between calls. */
class TableCutter {
  private readonly keys: Uint16Array;
  private readonly keyStart: Uint32Array;
  private readonly counts: Uint32Array;
  /** Words starting with code unit u are [firstAt[u], firstAt[u + 1]) (the widest step of the walk, by lookup). */
  private readonly firstAt: Uint32Array;
  private readonly logTotal: number;
  // The route of a block: the best score from each code-unit position to the block's end, and the end of its first word.
  private score = new Float64Array(64);
  private next = new Int32Array(64);

  constructor(table: FrequencyTableData) {
    this.keys = table.keys;
    this.keyStart = table.keyStart;
    this.counts = table.counts;
    this.firstAt = table.firstAt ?? firstUnitIndex(table.keys, table.keyStart);
    let total = 0;
    for (let i = 0; i < this.counts.length; i++) total += this.counts[i]!;
    this.logTotal = Math.log(total);
  }

  // The result of bestWordAt (fields, not an object per position).
  private wordScore = 0;
  private wordEnd = -1;

  /** The best score and end of the words starting at block position i, into wordScore and wordEnd (-1: none). */
  private bestWordAt(text: string, from: number, to: number, i: number): void {
    const { keyStart, counts, score } = this;
    let best = 0;
    let bestEnd = -1;
    const first = text.charCodeAt(from + i);
    let lo = this.firstAt[first]!;
    let hi = this.firstAt[first + 1]!;
    for (let d = 0; from + i + d < to && lo < hi; d++) {
      if (d > 0) {
        const unit = text.charCodeAt(from + i + d);
        lo = boundAt(this.keys, keyStart, lo, hi, d, unit, false);
        hi = boundAt(this.keys, keyStart, lo, hi, d, unit, true);
        if (lo >= hi) break;
      }
      if (keyStart[lo + 1]! - keyStart[lo]! === d + 1) {
        const end = i + d + 1;
        const s = Math.log(counts[lo]!) - this.logTotal + score[end]!;
        // Ties go to the later end (jieba takes the largest (score, end) pair; ends come in increasing order).
        if (bestEnd < 0 || s >= best) {
          best = s;
          bestEnd = end;
        }
      }
    }
    this.wordScore = best;
    this.wordEnd = bestEnd;
  }

  /** The route of one block text[from, to): next[i] = end of the best first word at i. */
  private route(text: string, from: number, to: number): void {
    const n = to - from;
    if (this.score.length < n + 1) {
      this.score = new Float64Array(2 * n + 2);
      this.next = new Int32Array(2 * n + 2);
    }
    const { score, next } = this;
    score[n] = 0;
    let following = n; // the code point after the current one (relative)
    for (let i = n - 1; i >= 0; i--) {
      const c = text.charCodeAt(from + i);
      if (c >= 0xdc00 && c <= 0xdfff && i > 0 && unitsAt(text, from + i - 1) === 2) continue; // second half of a pair
      this.bestWordAt(text, from, to, i);
      // A position where no word starts is one character of count 1.
      score[i] = this.wordEnd < 0 ? -this.logTotal + score[following]! : this.wordScore;
      next[i] = this.wordEnd < 0 ? following : this.wordEnd;
      following = i;
    }
  }

  /** The tokens of one block, appended to `out`: runs of single ASCII letters or digits joined. */
  cutBlock(text: string, from: number, to: number, out: string[]): void {
    this.route(text, from, to);
    const next = this.next;
    let left = -1;
    for (let x = 0; x < to - from; ) {
      const y = next[x]!;
      if (y - x === 1 && isAsciiAlnum(text.charCodeAt(from + x))) {
        if (left < 0) left = x;
      } else {
        if (left >= 0) {
          out.push(text.slice(from + left, from + x));
          left = -1;
        }
        out.push(text.slice(from + x, from + y));
      }
      x = y;
    }
    if (left >= 0) out.push(text.slice(from + left, to));
  }
}

/** The code point at i (a surrogate pair read whole) and its width in code units. */
function codePointAt(text: string, i: number): { code: number; width: number } {
  const width = unitsAt(text, i);
  return { code: width === 2 ? text.codePointAt(i)! : text.charCodeAt(i), width };
}

/** The cut over a table (see the module comment). */
export function tableCut(table: FrequencyTableData): Cut {
  const cutter = new TableCutter(table);
  return (text: string): string[] => {
    const out: string[] = [];
    let i = 0;
    while (i < text.length) {
      const { code, width } = codePointAt(text, i);
      if (inBlock(code)) {
        let end = i + width;
        for (let at = codePointAt(text, end); end < text.length && inBlock(at.code); at = codePointAt(text, end)) end += at.width;
        cutter.cutBlock(text, i, end, out);
        i = end;
      } else if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
        out.push('\r\n');
        i += 2;
      } else {
        out.push(text.slice(i, i + width));
        i += width;
      }
    }
    return out;
  };
}
