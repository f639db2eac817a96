/**
 * Word frequencies and part-of-speech tags of a jieba-format dictionary (`word freq [tag]` per
 * line), looked up through a hash index of line starts built once on first use (one pass over the
 * bytes, a few MB of typed arrays): no 350k-entry Map of strings, and no scan of the dictionary per word.
 */
export interface DictionaryLookup {
  /** The word's count (0 when it is not in the dictionary). */
  frequency(word: string): number;
  /** The word's part-of-speech tag (n, v, a, r, p ...; '' when unknown or untagged). */
  tag(word: string): string;
}

interface LineIndex {
  dict: Uint8Array;
  /** Byte offset of each line start, by the hash of its word (open addressing, -1 = empty). */
  slots: Int32Array;
  mask: number;
}

function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

/** One pass over the dictionary's bytes: the start of every line, hashed by its word. */
function indexLines(dict: Uint8Array): LineIndex {
  let lines = 0;
  for (let i = 0; i < dict.length; i++) if (dict[i] === 10) lines++;
  let size = 1;
  while (size < (lines + 1) * 2) size <<= 1;
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let start = 0; start < dict.length; ) {
    let end = start;
    while (end < dict.length && dict[end] !== 10) end++;
    let space = start;
    while (space < end && dict[space] !== 32) space++;
    if (space > start) {
      let h = hashBytes(dict, start, space) & mask;
      while (slots[h] !== -1) h = (h + 1) & mask;
      slots[h] = start;
    }
    start = end + 1;
  }
  return { dict, slots, mask };
}

export function createDictionaryLookup(loadDict: () => Uint8Array): DictionaryLookup {
  let index: LineIndex | undefined;
  const cache = new Map<string, number>();
  const tags = new Map<string, string>();
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const build = (): LineIndex => indexLines(loadDict());

  /** Byte offset just past `word ` on its dictionary line, or -1. */
  const find = (word: string): number => {
    index ??= build();
    const { dict, slots, mask } = index;
    const bytes = encoder.encode(word);
    let h = hashBytes(bytes, 0, bytes.length) & mask;
    for (let s = slots[h]!; s !== -1; h = (h + 1) & mask, s = slots[h]!) {
      let k = 0;
      while (k < bytes.length && dict[s + k] === bytes[k]) k++;
      if (k === bytes.length && dict[s + k] === 32) return s + k + 1;
    }
    return -1;
  };

  return {
    frequency(word: string): number {
      const cached = cache.get(word);
      if (cached !== undefined) return cached;
      const at = find(word);
      let freq = 0;
      if (at >= 0) {
        const dict = index!.dict;
        for (let i = at; i < dict.length && dict[i]! >= 0x30 && dict[i]! <= 0x39; i++) freq = freq * 10 + dict[i]! - 0x30;
      }
      if (cache.size > 50_000) cache.clear();
      cache.set(word, freq);
      return freq;
    },
    tag(word: string): string {
      const cached = tags.get(word);
      if (cached !== undefined) return cached;
      const at = find(word);
      let tag = '';
      if (at >= 0) {
        const dict = index!.dict;
        let i = at;
        while (i < dict.length && dict[i] !== 32 && dict[i] !== 10) i++; // past the count
        if (dict[i] === 32) {
          let end = ++i;
          while (end < dict.length && dict[end] !== 10 && dict[end] !== 13 && dict[end] !== 32) end++;
          tag = decoder.decode(dict.subarray(i, end));
        }
      }
      if (tags.size > 50_000) tags.clear();
      tags.set(word, tag);
      return tag;
    },
  };
}
