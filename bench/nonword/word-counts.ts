/**
 * How often the corpus writes each word the non-word table may correct (jieba's 2-3 character
 * words from the broad generator's floor of 100): a word official text writes often (妨碍, 安装)
 * is one people slip on, whatever its count in jieba's general dictionary. Counted as substrings,
 * over the years asked (never 2026: held out), and cached in /tmp for the sweeps.
 *   npx tsx bench/nonword/word-counts.ts [--years 2019-2023]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minedCounts, minedPairs, targetWords } from './mine-corpus.js';
import { CharPairs } from '../../src/nonword/pairs.js';
import type { CorpusWords } from '../../src/nonword/neighbours.js';
import { nonwordInputs } from './inputs.js';
import { stringArg } from '../lib/args.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The target words' corpus counts over `years` (first..last), cached. */
export function wordCounts(first: number, last: number): Map<string, number> {
  const cache = `/tmp/tifa-nonword-words-${first}-${last}.json`;
  if (existsSync(cache)) return new Map(JSON.parse(readFileSync(cache, 'utf8')) as [string, number][]);
  const { dictionary } = nonwordInputs(root);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  if (years.includes(2026)) throw new Error('2026 is held out');
  const counts = minedCounts(years, targetWords(dictionary));
  writeFileSync(cache, JSON.stringify([...counts]));
  return counts;
}

/** The table's corpus inputs made from the years first..last only (the honest runs: a table made from older text). */
export function corpusInputs(first: number, last: number): { corpusWords: CorpusWords; pairs: CharPairs } {
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return { corpusWords: { counts: wordCounts(first, last), years: years.length }, pairs: CharPairs.of(minedPairs(years)) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [a, b] = stringArg('--years', '2019-2023').split('-').map(Number) as [number, number];
  const counts = wordCounts(a, b);
  process.stdout.write(`${counts.size} words seen in ${a}-${b}\n`);
}
