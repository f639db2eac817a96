/**
 * Word frequencies looked up in a jieba-format dictionary (`word freq [tag]` per line) kept as raw
 * bytes: a lookup is one Buffer.indexOf over the dictionary (a few ms), done only for the few
 * tokens around fuzzy candidates and cached, so no 350k-entry map is ever built.
 */
export function createFrequencyLookup(loadDict: () => Uint8Array): (word: string) => number {
  let dict: Buffer | undefined;
  const cache = new Map<string, number>();
  return (word: string): number => {
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    if (!dict) {
      const raw = loadDict();
      // A leading newline lets the first line be found like every other one.
      dict = Buffer.concat([Buffer.from('\n'), Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)]);
    }
    let freq = 0;
    const needle = Buffer.from(`\n${word} `, 'utf8');
    const at = dict.indexOf(needle);
    if (at >= 0) {
      const from = at + needle.length;
      let end = from;
      while (end < dict.length && dict[end]! >= 0x30 && dict[end]! <= 0x39) end++;
      freq = Number(dict.subarray(from, end).toString('latin1')) || 0;
    }
    if (cache.size > 50_000) cache.clear();
    cache.set(word, freq);
    return freq;
  };
}
