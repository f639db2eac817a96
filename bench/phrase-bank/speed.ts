/**
 * Check speed with and without the phrase bank, and per bank size: the same text (the first
 * `--mb` MB of the 2025 corpus, as UTF-8) checked by tifa with the curated lexicons alone and with
 * the first N phrases of a bank file (and all its known sibling wordings), one process per
 * configuration, rounds alternating so a busy machine slows all alike. Prints MB per CPU second
 * (UTF-8 bytes of input per CPU second of the checking process) per configuration.
 *
 *   npx tsx bench/phrase-bank/speed.ts [--bank FILE] [--sizes 0,1000,3000] [--min-length 4] [--mb 2] [--rounds 3]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createChecker } from '../../src/index.js';
import { CORPUS_DIR, repoRoot } from '../accuracy/common.js';
import { bankSourceText, curatedSources } from './bank-file.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const bankText = bankSourceText(repoRoot, readFileSync(arg('--bank', join(repoRoot, 'dictionaries/bank/phrases.yaml')), 'utf8'));
const mb = Number(arg('--mb', '2'));
const rounds = Number(arg('--rounds', '3'));
const lines = bankText.split('\n');
const head = lines.filter((l) => !l.startsWith('  - '));
const minLength = Number(arg('--min-length', '4'));
const phrases = lines.filter((l) => l.startsWith('  - ') && !l.includes('fuzzy: false') && (/text: ([^,]+),/.exec(l)?.[1]?.length ?? 0) >= minLength);
const known = lines.filter((l) => l.includes('fuzzy: false'));
const sizes = arg('--sizes', `0,${phrases.length}`).split(',').map(Number);

const corpus = gunzipSync(readFileSync(join(CORPUS_DIR, 'xwlb-2025.txt.gz'))).toString('utf8');
const text = Buffer.from(corpus).subarray(0, mb * 1e6).toString('utf8').replace(/\uFFFD$/, '');
const bytes = Buffer.byteLength(text);
// Checked in documents of the corpus (lines), as a page would be.
const docs = text.split('\n');

const curated = curatedSources(repoRoot);
const one = process.argv.indexOf('--one');
if (one >= 0) {
  // One configuration in this process (a checker per process: no JIT state shared between them).
  const size = Number(process.argv[one + 1]);
  const lexicons = size === 0 ? curated : [...curated, { name: 'dictionaries/bank/phrases.yaml', text: `${[...head, ...phrases.slice(0, size), ...known].join('\n')}\n` }];
  const checker = createChecker({ builtins: false, lexicons });
  checker.check(docs[0]!); // warm up: the model and the segmenter load
  // CPU time of this process (the other work on a shared machine distorts it least).
  const t0 = process.cpuUsage();
  for (const d of docs) checker.check(d);
  const used = process.cpuUsage(t0);
  process.stdout.write(`${(used.user + used.system) / 1000}\n`);
} else {
  const ms = new Map<number, number[]>(sizes.map((s) => [s, []]));
  for (let r = 0; r < rounds; r++) {
    for (const size of sizes) {
      const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2), '--one', String(size)], { encoding: 'utf8' });
      ms.get(size)!.push(Number(out.trim().split('\n').pop()));
    }
  }
  for (const size of sizes) {
    const best = Math.min(...ms.get(size)!);
    console.log(`bank ${size} phrases${size > 0 ? ` + ${known.length} known texts` : ''}: ${(bytes / 1e6 / (best / 1000)).toFixed(2)} MB per CPU second (best of ${rounds} processes, ${(bytes / 1e6).toFixed(1)} MB)`);
  }
}
