/**
 * Character counts and character-pair counts of the corpus over the years asked (never 2026: held
 * out), for a context model of the non-word stage measured by bench/nonword/sweep.ts: how well the
 * characters each side of a candidate join the written string and the fixed word. Cached in /tmp.
 *   npx tsx bench/nonword/char-bigrams.ts [--years 2019-2023]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringArg } from '../lib/args.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Counts of single characters and of adjacent pairs (keys: the one or two characters). */
export function charBigrams(first: number, last: number): Map<string, number> {
  const cache = `/tmp/tifa-nonword-bigrams-${first}-${last}.json`;
  if (existsSync(cache)) return new Map(JSON.parse(readFileSync(cache, 'utf8')) as [string, number][]);
  const counts = new Map<string, number>();
  for (let y = first; y <= last; y++) {
    if (y === 2026) throw new Error('2026 is held out');
    const text = gunzipSync(readFileSync(join(root, '..', 'shared', 'corpus', `xwlb-${y}.txt.gz`))).toString('utf8');
    for (let i = 0; i < text.length; i++) {
      const one = text[i]!;
      counts.set(one, (counts.get(one) ?? 0) + 1);
      const two = text.slice(i, i + 2);
      if (two.length === 2) counts.set(two, (counts.get(two) ?? 0) + 1);
    }
  }
  writeFileSync(cache, JSON.stringify([...counts]));
  return counts;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [a, b] = stringArg('--years', '2019-2023').split('-').map(Number) as [number, number];
  process.stdout.write(`${charBigrams(a, b).size} characters and pairs in ${a}-${b}\n`);
}
