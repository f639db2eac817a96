/**
 * Build step of the non-word table (called by src/build/build.ts): the non-word neighbours of the
 * dictionary's frequent short words (src/nonword/neighbours.ts), less the strings that are frequent
 * in real text (dictionaries/nonword/corpus-strings.tsv, mined from the 2019-2025 corpus by
 * bench/nonword/mine-corpus.ts), written as the binary table of src/nonword/table.ts, with the
 * words' prior from jieba's counts and the corpus's (corpus-words.tsv); and the corpus's
 * character pairs (char-pairs.bin, same miner) for the stage's context model.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConfusion, type Confusion } from '../confusion/index.js';
import { DEFAULT_NEIGHBOUR_OPTIONS, NO_CORPUS_WORDS, nonwordNeighbours, parseDictionary, parseNameWords, type CorpusWords, type NeighbourOptions } from './neighbours.js';
import { encodeNonwordColumns, inSlotOrder, packFix, type NonwordColumns } from './table.js';
import { decodeCharPairs } from './pairs.js';
import { writeDataFile } from '../match/model-file.js';

/** A string seen this many times in the corpus is real text, not a slip. */
export const MIN_CORPUS_COUNT = 1;

/** `string<TAB>count` lines (`#` comments) of the mined corpus strings. */
export function parseCorpusStrings(tsv: string, name: string): Map<string, number> {
  const out = new Map<string, number>();
  tsv.split('\n').forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    const [s, n] = line.split('\t');
    const count = Number(n);
    if (!s || !Number.isInteger(count) || count < 0) throw new Error(`${name}:${i + 1}: expected "string<TAB>count", got ${JSON.stringify(line.slice(0, 40))}`);
    out.set(s, count);
  });
  return out;
}

/**
 * The corpus's count of a word stands for this many of jieba's per year of corpus in the stage's
 * frequency prior, when that is more than jieba's count: a word official text writes often (弘扬,
 * 覆盖, 涉嫌) is one its writers slip on, however rare in jieba's general text. 25 raised the
 * yardstick's recall 0.517 -> 0.571 on the honest split, for 6 more false alarms on 2024-2025
 * (26 -> 32, the character pairs on) and the same slips of the typo lexicon; 35 found 2 more slips
 * for 3 more false alarms (bench/nonword/results.md).
 */
export const CORPUS_PRIOR_PER_YEAR = 25;

/** The count the stage's frequency prior reads for a word: jieba's, or the corpus's scaled when larger. */
export function priorCount(word: string, count: number, corpusWords: CorpusWords): number {
  return Math.max(count, ((corpusWords.counts.get(word) ?? 0) * CORPUS_PRIOR_PER_YEAR) / corpusWords.years);
}

/** The table's columns from its inputs (pure). */
export function nonwordColumns(dictionary: ReadonlyMap<string, number>, confusion: Confusion, corpus: ReadonlyMap<string, number>, options: NeighbourOptions = DEFAULT_NEIGHBOUR_OPTIONS, minCorpusCount = MIN_CORPUS_COUNT, names: ReadonlySet<string> = new Set(), corpusWords: CorpusWords = NO_CORPUS_WORDS): NonwordColumns {
  const neighbours = [...nonwordNeighbours(dictionary, confusion, options, names, corpusWords).values()].filter((n) => (corpus.get(n.text) ?? 0) < minCorpusCount);
  neighbours.sort((a, b) => (a.text < b.text ? -1 : 1));
  const two = neighbours.filter((n) => n.text.length === 2);
  const three = neighbours.filter((n) => n.text.length === 3);
  const fixOf = (text: string, w: { word: string; count: number } | undefined): number => {
    if (!w) return 0;
    let p = 0;
    while (text[p] === w.word[p]) p++;
    return packFix(p, w.word.charCodeAt(p), priorCount(w.word, w.count, corpusWords));
  };
  const key = (s: string): number => ((s.charCodeAt(0) << 16) | s.charCodeAt(1)) >>> 0;
  return {
    keys2: Uint32Array.from(two, (n) => key(n.text)),
    fixes2: Uint32Array.from(two, (n) => fixOf(n.text, n)),
    alts2: Uint32Array.from(two, (n) => fixOf(n.text, n.alternative)),
    keys3: Uint32Array.from(three, (n) => key(n.text)),
    lasts3: Uint32Array.from(three, (n) => n.text.charCodeAt(2)),
    fixes3: Uint32Array.from(three, (n) => fixOf(n.text, n)),
    alts3: Uint32Array.from(three, (n) => fixOf(n.text, n.alternative)),
  };
}

/** The mined word counts (`word<TAB>count` lines) and the years they span (a `# years: N` line). */
export function parseCorpusWords(tsv: string, name: string): CorpusWords {
  const years = Number(/^# years: (\d+)$/m.exec(tsv)?.[1]);
  if (!(years > 0)) throw new Error(`${name}: no "# years: N" line`);
  return { counts: parseCorpusStrings(tsv, name), years };
}

/** The jieba dictionary tifa segments with (a dependency, so present wherever tifa builds). */
export function jiebaDictionaryPath(root: string): string {
  return join(root, 'node_modules', '@node-rs', 'jieba', 'dict.txt');
}

/** The files the table is made from (its data and the code that makes it). */
function inputsOf(root: string): string[] {
  const derived = join(root, 'dictionaries', 'derived');
  const own = join(root, 'src', 'nonword');
  const mined = join(root, 'dictionaries', 'nonword');
  return [join(derived, 'pinyin.tsv'), join(derived, 'lookalike-pairs.tsv'), jiebaDictionaryPath(root), join(mined, 'corpus-strings.tsv'), join(mined, 'corpus-words.tsv'), join(mined, 'char-pairs.bin'), join(own, 'neighbours.ts'), join(own, 'pairs.ts'), join(own, 'build.ts'), join(own, 'table.ts'), join(root, 'src', 'confusion', 'confusion.ts'), join(root, 'src', 'match', 'model-file.ts')];
}

/**
 * Writes dist/data/nonword.bin and nonword-pairs.bin (the mined character pairs as a data file of
 * src/match/model-file.ts); returns how many neighbours the table holds, or -1 when both files are newer than every
 * input and were kept (the table takes a few seconds to make, and every test run builds the data first).
 */
export function buildNonwordData(root: string, outDir: string): number {
  const out = join(outDir, 'nonword.bin');
  const pairsOut = join(outDir, 'nonword-pairs.bin');
  if (existsSync(out) && existsSync(pairsOut)) {
    const made = Math.min(statSync(out).mtimeMs, statSync(pairsOut).mtimeMs);
    if (inputsOf(root).every((f) => !existsSync(f) || statSync(f).mtimeMs < made)) return -1;
  }
  // The repository keeps the pairs compact (LEB128 key deltas); dist gets them as aligned typed
  // arrays in a data file, which the first check maps without decoding 555k keys (about 10 ms).
  const pairsFile = join(root, 'dictionaries', 'nonword', 'char-pairs.bin');
  const pairs = decodeCharPairs(readFileSync(pairsFile), pairsFile);
  writeFileSync(pairsOut, writeDataFile({ keys: pairs.keys, counts: pairs.counts }));
  const derived = join(root, 'dictionaries', 'derived');
  const confusion = createConfusion({ pinyinTsv: readFileSync(join(derived, 'pinyin.tsv'), 'utf8'), lookalikeTsv: readFileSync(join(derived, 'lookalike-pairs.tsv'), 'utf8') });
  const jieba = readFileSync(jiebaDictionaryPath(root), 'utf8');
  const dictionary = parseDictionary(jieba);
  const corpusFile = join(root, 'dictionaries', 'nonword', 'corpus-strings.tsv');
  const corpus = parseCorpusStrings(readFileSync(corpusFile, 'utf8'), corpusFile);
  const wordsFile = join(root, 'dictionaries', 'nonword', 'corpus-words.tsv');
  const corpusWords = parseCorpusWords(readFileSync(wordsFile, 'utf8'), wordsFile);
  const columns = inSlotOrder(nonwordColumns(dictionary, confusion, corpus, DEFAULT_NEIGHBOUR_OPTIONS, MIN_CORPUS_COUNT, parseNameWords(jieba), corpusWords));
  writeFileSync(out, encodeNonwordColumns(columns));
  return columns.keys2.length + columns.keys3.length;
}
