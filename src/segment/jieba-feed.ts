/**
 * @node-rs/jieba's dictionary given to it on demand, word by word, from the compact table of the
 * same dictionary (./frequency-table.ts, dist/data/frequency.bin), instead of all 349k words at
 * once: building jieba's trie of the whole dictionary costs ~120 ms of CPU and ~45 MB on the first
 * cut, while the checker cuts only small windows around candidates.
 *
 * The cuts stay jieba's own, token for token. jieba's cut (without HMM) of a text reads only
 *  - the dictionary words occurring in it (the edges of its graph are the words starting at each
 *    character of a block; a character where none starts counts 1), and
 *  - the total count (each edge scores ln(count) − ln(total)), which jieba recomputes as the sum of
 *    its records on every load.
 * So before each cut, the words of the text jieba has not been given yet go to it (`loadDict`, one
 * `word count` line each), with a line for a word no text can hold (U+E000, a private-use character
 * outside jieba's blocks) whose count is the rest of the dictionary's total; that line is given
 * again with every load, so jieba's total is the whole dictionary's at every cut. Same graph, same
 * scores, same route: test/segment/jieba-feed.test.ts compares the tokens with jieba over the whole
 * dictionary. Words given stay given (a long run gives jieba the vocabulary it meets, not more).
 */
import { boundAt, firstUnitIndex, type FrequencyTableData } from './frequency-table.js';

/** The word that carries the rest of the total: outside jieba's blocks, so never an edge of a cut. */
const REST = '\ue000';

export class DictionaryFeed {
  private readonly keys: Uint16Array;
  private readonly keyStart: Uint32Array;
  private readonly counts: Uint32Array;
  private readonly firstAt: Uint32Array;
  /** Whether word i of the table was given to jieba. */
  private readonly given: Uint8Array;
  /** The total count of the dictionary, and the part of it jieba has as words. */
  private readonly total: number;
  private givenTotal = 0;
  /** Words given so far (for tests and measurements). */
  words = 0;
  private readonly encoder = new TextEncoder();

  constructor(table: FrequencyTableData) {
    this.keys = table.keys;
    this.keyStart = table.keyStart;
    this.counts = table.counts;
    this.firstAt = table.firstAt ?? firstUnitIndex(table.keys, table.keyStart);
    this.given = new Uint8Array(table.counts.length);
    let total = 0;
    for (let i = 0; i < this.counts.length; i++) total += this.counts[i]!;
    this.total = total;
  }

  /** The dictionary lines of the words in `text` not given yet, and the rest line; undefined when every one was given. */
  linesFor(text: string): Uint8Array | undefined {
    let lines = '';
    for (let i = 0; i < text.length; i++) lines += this.freshWordsAt(text, i);
    if (lines === '') return undefined;
    return this.encoder.encode(`${lines}${REST} ${this.total - this.givenTotal}\n`);
  }

  /** The lines of the words starting at text[i] not given yet (marked given). */
  private freshWordsAt(text: string, i: number): string {
    const { keys, keyStart } = this;
    let lines = '';
    const first = text.charCodeAt(i);
    let lo = this.firstAt[first]!;
    let hi = this.firstAt[first + 1]!;
    for (let d = 0; i + d < text.length && lo < hi; d++) {
      if (d > 0) {
        const unit = text.charCodeAt(i + d);
        lo = boundAt(keys, keyStart, lo, hi, d, unit, false);
        hi = boundAt(keys, keyStart, lo, hi, d, unit, true);
        if (lo >= hi) break;
      }
      // A word of d + 1 units sorts first among the words continuing this prefix.
      if (keyStart[lo + 1]! - keyStart[lo]! === d + 1 && this.given[lo] === 0) {
        this.given[lo] = 1;
        this.givenTotal += this.counts[lo]!;
        this.words++;
        lines += `${text.slice(i, i + d + 1)} ${this.counts[lo]}\n`;
      }
    }
    return lines;
  }
}
