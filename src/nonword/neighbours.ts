/**
 * Build time only: the non-word neighbours of frequent short words. A neighbour is a frequent word
 * of two or three characters with one character replaced by a confusable common character (same
 * toneless reading, or a listed look-alike) such that the result is no word of the dictionary. Pure:
 * the dictionary text and the confusion relation come in, a map neighbour -> word goes out.
 */
import type { Confusion, ConfusionKind } from '../confusion/index.js';

/** How the neighbours are chosen; every default is what `npm run build` uses. */
export interface NeighbourOptions {
  /** A word is a target when its dictionary count is at least this (300 found a few more slips and more false alarms). Default: 1000. */
  minWordCount: number;
  /**
   * A rarer word (count from this to `minWordCount`) is a target too, for substitutes more common
   * than the character they replace ({@link toCommoner}), unless jieba tags it as a person's name
   * (陈文洪 606: 陈文红 is another person). Down to 300 the table grows by a sixth (260,666 -> 307,000
   * neighbours) and finds 4 more of 145 short slips of the typo lexicon at the same false alarms on
   * 2024-2025; down to 100 it grows by half for one more (bench/nonword/sweep.ts). Default: 300.
   */
  rareMinWordCount: number;
  /**
   * A string the dictionary lists is a word, never a neighbour, unless it is a listed slip: counted
   * under this, under 1/`listedRatio` of the word's count, and written with a more common character
   * than the word's ({@link toCommoner}). jieba lists common misspellings with small counts (规距 3
   * beside 规矩 1,594, 气慨 8, 松驰 17), but as many real words of a trade (黏度 4, 风雹 3, 结垢 2):
   * admitting every listed string under 30 and 1/50 found more false alarms than slips on 2024-2025
   * (bench/nonword/tune.ts); the trade words write the rarer character (垢 for 构, 雹 for 暴), the
   * slips the commoner one (距 for 矩), and with that rule the listed slips add no false alarm there
   * (bench/nonword/sweep.ts). 1: no listed string is a neighbour. Default: 30.
   */
  minListedCount: number;
  /** See `minListedCount`. Default: 50. */
  listedRatio: number;
  /**
   * A listed string (counted under `minListedCount`) written with the more common character is a
   * neighbour whatever its ratio to the word's count when the corpus writes the word at least this
   * many times a year (and, by the build's corpus filter, never the string), for words from
   * `corpusWordMinCount`: 震憾 (26 beside 震撼 696), 松驰 (17 beside 371), 寒喧. On 2024-2025 with
   * the corpus of 2019-2023 it found 3 more of 145 slips of the typo lexicon and no false alarm;
   * for the rarer character too, 6 more slips and 15 more false alarms (bench/nonword/sweep.ts).
   * Infinity: off. Default: 6.
   */
  corpusWordsPerYear: number;
  /** See `corpusWordsPerYear`. Default: 100. */
  corpusWordMinCount: number;
  /** Substitutes come from the this many most frequent single characters of the dictionary. Default: 5000. */
  commonChars: number;
  /** A neighbour shared by two words keeps the runner-up too when the first is less than this many times as frequent. Default: 8. */
  dominance: number;
  /** Which confusions make a neighbour. Default: homophones and listed look-alikes (not near-homophones, not shape-code look-alikes). */
  kinds: readonly ConfusionKind[];
}

export const DEFAULT_NEIGHBOUR_OPTIONS: NeighbourOptions = { minWordCount: 1000, rareMinWordCount: 300, minListedCount: 30, listedRatio: 50, corpusWordsPerYear: 6, corpusWordMinCount: 100, commonChars: 5000, dominance: 8, kinds: ['homophone', 'lookalike'] };

/**
 * Whether a slip that writes `written` for `meant` goes the way people slip: to the more common
 * character (the one a pinyin keyboard offers first, the one memory holds: 遂 for 邃, 距 for 矩,
 * 贬 for 砭), by the characters' weights of {@link characterWeights}.
 */
export function toCommoner(weights: ReadonlyMap<number, number>, written: number, meant: number): boolean {
  return (weights.get(written) ?? 0) > (weights.get(meant) ?? 0);
}

/** The words jieba tags as names of people (nr, nrfg, nrt), from its `word count tag` lines. */
export function parseNameWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    const [w, , tag] = line.split(' ');
    if (w && tag?.startsWith('nr')) out.add(w);
  }
  return out;
}

/** One dictionary: word -> count (all words), read from jieba's `word count tag` lines. */
export function parseDictionary(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const a = line.indexOf(' ');
    if (a <= 0) continue;
    const b = line.indexOf(' ', a + 1);
    const n = Number(line.slice(a + 1, b < 0 ? undefined : b));
    if (!Number.isFinite(n)) continue;
    const w = line.slice(0, a);
    counts.set(w, Math.max(counts.get(w) ?? 0, n));
  }
  return counts;
}

const isHan = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;

/** How often each Han character is written: the counts of every dictionary word it is in, summed. */
export function characterWeights(counts: ReadonlyMap<string, number>): Map<number, number> {
  const weight = new Map<number, number>();
  for (const [w, k] of counts) {
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (isHan(c)) weight.set(c, (weight.get(c) ?? 0) + k);
    }
  }
  return weight;
}

/**
 * The `n` most frequent Han characters of the dictionary, counting every word a character is written
 * in (惕 is rare as a word of its own but common in 警惕): what a pinyin keyboard offers first.
 */
export function commonCharacters(counts: ReadonlyMap<string, number>, n: number, weights: ReadonlyMap<number, number> = characterWeights(counts)): Set<number> {
  const chars = [...weights].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return new Set(chars.slice(0, n).map((c) => c[0]));
}

/** How often the corpus writes the table's words (dictionaries/nonword/corpus-words.tsv), over how many years. */
export interface CorpusWords {
  counts: ReadonlyMap<string, number>;
  years: number;
}

export const NO_CORPUS_WORDS: CorpusWords = { counts: new Map(), years: 1 };

/** A neighbour and the word(s) it stands for. */
export interface Neighbour {
  text: string;
  word: string;
  /** The word's dictionary count. */
  count: number;
  /** A second word of comparable frequency one slip away too (心隶: 心理, 心里); the context decides. */
  alternative?: { word: string; count: number };
}

/**
 * Every non-word neighbour of the frequent 2-3 character words, for its most frequent word, and for
 * the runner-up when that is at least 1/`dominance` as frequent (a third word is not kept).
 */
export function nonwordNeighbours(counts: ReadonlyMap<string, number>, confusion: Confusion, options: NeighbourOptions = DEFAULT_NEIGHBOUR_OPTIONS, names: ReadonlySet<string> = new Set(), corpusWords: CorpusWords = NO_CORPUS_WORDS): Map<string, Neighbour> {
  const weights = characterWeights(counts);
  const common = commonCharacters(counts, options.commonChars, weights);
  const words = new Map<string, { word: string; count: number }[]>();
  const kinds = new Set(options.kinds);
  // The common characters confusable with each character, of the kinds asked for (once per character).
  const substitutes = new Map<number, number[]>();
  const substitutesOf = (c: number): number[] => {
    let list = substitutes.get(c);
    if (!list) {
      list = confusion.candidates(c).filter((s) => {
        const k = common.has(s) ? confusion.kind(c, s) : null;
        return k !== null && kinds.has(k);
      });
      substitutes.set(c, list);
    }
    return list;
  };
  const floor = Math.min(options.minWordCount, options.rareMinWordCount, options.corpusWordMinCount);
  const writtenOften = options.corpusWordsPerYear * corpusWords.years;
  for (const [word, count] of counts) {
    if (word.length < 2 || word.length > 3 || count < floor) continue;
    const rare = count < options.minWordCount;
    if (rare && names.has(word)) continue;
    // Below the rare words' floor only the listed slips of a word the corpus writes often are kept.
    const corpusWord = count >= options.corpusWordMinCount && (corpusWords.counts.get(word) ?? 0) >= writtenOften;
    const belowRare = count < Math.min(options.minWordCount, options.rareMinWordCount);
    if (belowRare && !corpusWord) continue;
    let han = true;
    for (let i = 0; i < word.length; i++) if (!isHan(word.charCodeAt(i))) han = false;
    if (!han) continue;
    // Whether writing this word's character as another that makes a string jieba lists `listed` times is a slip to look for.
    const isSlip = (listed: number, commoner: boolean): boolean => {
      if (listed > 0 && corpusWord && commoner && listed < options.minListedCount) return true;
      if (belowRare || (rare && !commoner)) return false;
      return listed === 0 || (commoner && listed < options.minListedCount && listed * options.listedRatio < count);
    };
    for (let i = 0; i < word.length; i++) {
      for (const s of substitutesOf(word.charCodeAt(i))) {
        const text = word.slice(0, i) + String.fromCharCode(s) + word.slice(i + 1);
        const listed = counts.get(text) ?? 0;
        if (!isSlip(listed, toCommoner(weights, s, word.charCodeAt(i)))) continue;
        const list = words.get(text);
        if (list) list.push({ word, count });
        else words.set(text, [{ word, count }]);
      }
    }
  }
  const out = new Map<string, Neighbour>();
  for (const [text, list] of words) {
    list.sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : 1));
    const [first, second] = list;
    const n: Neighbour = { text, word: first!.word, count: first!.count };
    if (second && second.count * options.dominance >= first!.count) n.alternative = second;
    out.set(text, n);
  }
  return out;
}
