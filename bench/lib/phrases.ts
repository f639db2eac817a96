/**
 * Phrase lists for the benches: the built-in lexicon's texts (for the exact peers), and large
 * lexicons of realistic fuzzy targets for the size curves (words of the segmenter's dictionary).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createChecker } from '../../src/index.js';
import { seededRandom } from './random.js';

export { seededRandom };

/** Every text the built-in lexicon lists: phrases, variants, wrong and right words, replacements. */
export function phraseList(): string[] {
  const c = createChecker();
  return [...new Set(c.entries.flatMap((e) => [e.text, ...e.variants, ...e.replacement]).filter((p) => p.length > 0))];
}

/** Sum of `f` over the documents (a plain loop: no closure allocation per document). */
export function sumLines(lines: readonly string[], f: (l: string) => number): number {
  let n = 0;
  for (let i = 0; i < lines.length; i++) n += f(lines[i]!);
  return n;
}


const HAN = /^[\u4e00-\u9fff]+$/;

/** The words of @node-rs/jieba's dictionary (dict.txt: "word frequency tag" per line), in file order. */
export function dictionaryWords(): Array<{ word: string; frequency: number }> {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@node-rs/jieba/package.json'));
  const out: Array<{ word: string; frequency: number }> = [];
  for (const line of readFileSync(join(dir, 'dict.txt'), 'utf8').split('\n')) {
    const [word, freq] = line.split(' ');
    if (word && HAN.test(word)) out.push({ word, frequency: Number(freq) || 0 });
  }
  return out;
}

export interface RealisticPhrases {
  phrases: string[];
  /** How many came from the dictionary; the rest are two-word compounds seen in the corpus. */
  fromDictionary: number;
}

/**
 * `count` realistic fuzzy targets: the dictionary's Han words of four or more characters in a
 * seeded shuffle (so 1k is a prefix of 10k, a prefix of 100k), keeping those that are their own
 * normalized key. The dictionary holds about 92,000 such words; past them the list goes on with the
 * corpus's most frequent four-character windows made of two two-character dictionary words
 * (推进改革, 持续推进), which are not dictionary words themselves.
 */
export function realisticPhrases(count: number, key: (s: string) => string, corpusLines: readonly string[]): RealisticPhrases {
  const words = dictionaryWords();
  const random = seededRandom(14);
  const seen = new Set<string>();
  const long = words.filter(({ word }) => word.length >= 4 && key(word) === word && !seen.has(word) && (seen.add(word), true)).map((w) => w.word);
  for (let i = long.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [long[i], long[j]] = [long[j]!, long[i]!];
  }
  const phrases = long.slice(0, count);
  const fromDictionary = phrases.length;
  if (phrases.length < count) {
    const two = new Set(words.filter(({ word }) => word.length === 2).map((w) => w.word));
    for (const c of corpusCompounds(corpusLines, two, key, seen)) {
      if (phrases.length >= count) break;
      phrases.push(c);
    }
  }
  return { phrases, fromDictionary };
}

/** Four-character windows of the corpus made of two dictionary words, most frequent first. */
function corpusCompounds(lines: readonly string[], two: ReadonlySet<string>, key: (s: string) => string, exclude: ReadonlySet<string>): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    for (let i = 0; i + 4 <= line.length; i++) {
      const w = line.slice(i, i + 4);
      if (!HAN.test(w) || exclude.has(w) || !two.has(w.slice(0, 2)) || !two.has(w.slice(2))) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .filter(([w]) => key(w) === w)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([w]) => w);
}

/** A mandated-kind lexicon file (YAML) listing the phrases. */
export function lexiconYaml(phrases: readonly string[], source: string): string {
  const entries = phrases.map((t, i) => `  - id: b${i}\n    text: ${t}\n    note: 基准测试条目\n`).join('');
  return `kind: mandated\nsource: ${JSON.stringify(source)}\nentries:\n${entries}`;
}
