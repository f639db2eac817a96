/**
 * The word counts and part-of-speech tags of a jieba-format dictionary (`word count [tag]` per line)
 * as a compact table of typed arrays, compiled by the build (dist/data/frequency.bin) so that the
 * judge's frequency and tag questions need neither the segmenter nor its dictionary text in memory:
 * the words sorted by UTF-16 code units, one string of all of them, their start offsets, counts
 * and tag ids. A lookup is a binary search (about 19 comparisons for jieba's 349k words).
 * Answers are those of createDictionaryLookup over the same text (the first line of a word wins).
 */
import type { DictionaryLookup } from './frequency.js';

export interface FrequencyTableData {
  /** Tag names by id ('' = untagged, id 0). */
  tags: string[];
  /** Every word's code units, word after word, in sorted order. */
  keys: Uint16Array;
  /** Word i is keys[keyStart[i] .. keyStart[i + 1]). */
  keyStart: Uint32Array;
  counts: Uint32Array;
  tagIds: Uint8Array;
  /** The words starting with code unit u are [firstAt[u], firstAt[u + 1]) (the first step of a cut's walk, ./table-cut.ts). */
  firstAt: Uint32Array;
}

/** Compiles the table from the dictionary's bytes (UTF-8). */
export function compileFrequencyTable(dict: Uint8Array): FrequencyTableData {
  const text = new TextDecoder().decode(dict);
  const words: string[] = [];
  const countOf = new Map<string, number>();
  const tagOf = new Map<string, string>();
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', start);
    // A line without a space, or starting with one, names no word (as in the line index).
    if (space > start && space < end && !countOf.has(text.slice(start, space))) {
      const word = text.slice(start, space);
      let count = 0;
      let i = space + 1;
      for (; i < end && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39; i++) count = count * 10 + text.charCodeAt(i) - 0x30;
      while (i < end && text[i] !== ' ') i++;
      let tag = '';
      if (text[i] === ' ') {
        let stop = ++i;
        while (stop < end && text[stop] !== '\r' && text[stop] !== ' ') stop++;
        tag = text.slice(i, stop);
      }
      words.push(word);
      countOf.set(word, count);
      tagOf.set(word, tag);
    }
    start = end + 1;
  }
  words.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const tags = [''];
  const tagIdOf = new Map<string, number>([['', 0]]);
  let units = 0;
  for (const w of words) units += w.length;
  const keys = new Uint16Array(units);
  const keyStart = new Uint32Array(words.length + 1);
  const counts = new Uint32Array(words.length);
  const tagIds = new Uint8Array(words.length);
  let at = 0;
  words.forEach((w, i) => {
    keyStart[i] = at;
    for (let k = 0; k < w.length; k++) keys[at++] = w.charCodeAt(k);
    const count = countOf.get(w)!;
    if (count > 0xffffffff) throw new RangeError(`dictionary count of ${w} does not fit 32 bits`);
    counts[i] = count;
    const tag = tagOf.get(w)!;
    let id = tagIdOf.get(tag);
    if (id === undefined) {
      id = tags.length;
      if (id > 255) throw new RangeError('more than 255 distinct part-of-speech tags');
      tags.push(tag);
      tagIdOf.set(tag, id);
    }
    tagIds[i] = id;
  });
  keyStart[words.length] = at;
  return { tags, keys, keyStart, counts, tagIds, firstAt: firstUnitIndex(keys, keyStart) };
}

/** For each code unit u, the first word (of the sorted table) whose first unit is u or above; 65,537 entries. */
export function firstUnitIndex(keys: Uint16Array, keyStart: Uint32Array): Uint32Array {
  const words = keyStart.length - 1;
  const firstAt = new Uint32Array(0x10001);
  for (let u = 0, w = 0; u <= 0x10000; u++) {
    while (w < words && (keyStart[w + 1] === keyStart[w] || keys[keyStart[w]!]! < u)) w++;
    firstAt[u] = w;
  }
  return firstAt;
}

/**
 * One step of a walk over the sorted table as a trie: among words [lo, hi), which share their first
 * `depth` code units, the first whose unit at `depth` is at least `unit` (`above`: above it). A word
 * of exactly `depth` units sorts first and never counts. Two calls narrow the range to the words
 * continuing with `unit`.
 */
export function boundAt(keys: Uint16Array, keyStart: Uint32Array, lo: number, hi: number, depth: number, unit: number, above: boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const from = keyStart[mid]!;
    const u = keyStart[mid + 1]! - from > depth ? keys[from + depth]! : -1;
    if (above ? u <= unit : u < unit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The lookups over a compiled table (no cache needed: a lookup allocates nothing). */
export function frequencyTableLookup(table: () => FrequencyTableData): DictionaryLookup {
  let data: FrequencyTableData | undefined;
  /** Index of `word` in the sorted table, or -1. */
  const find = (word: string): number => {
    const { keys, keyStart } = (data ??= table());
    let lo = 0;
    let hi = keyStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const from = keyStart[mid]!;
      const length = keyStart[mid + 1]! - from;
      const n = Math.min(length, word.length);
      let cmp = 0;
      for (let k = 0; k < n && cmp === 0; k++) cmp = keys[from + k]! - word.charCodeAt(k);
      if (cmp === 0) cmp = length - word.length;
      if (cmp === 0) return mid;
      if (cmp < 0) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  };
  return {
    frequency(word: string): number {
      const i = find(word);
      return i < 0 ? 0 : data!.counts[i]!;
    },
    tag(word: string): string {
      const i = find(word);
      return i < 0 ? '' : data!.tags[data!.tagIds[i]!]!;
    },
  };
}
