/**
 * Check speed of two phrase banks in one process, interleaved: tifa with the curated lexicons and
 * bank A, and with the curated lexicons and bank B, check the same documents (the first `--mb` MB
 * of the 2025 corpus, as UTF-8), alternating per chunk of documents (A then B, then B then A), so
 * a busy shared machine slows both alike. Prints MB per CPU second of each and the ratio B / A.
 *
 *   npx tsx bench/phrase-bank/speed-ab.ts A.yaml B.yaml [--mb 2] [--rounds 3] [--chunk 100]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createChecker, type Checker } from '../../src/index.js';
import { CORPUS_DIR, repoRoot } from '../accuracy/common.js';
import { bankSourceText, curatedSources } from './bank-file.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const [fileA, fileB] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !(all[i - 1] ?? '').startsWith('--'));
if (!fileA || !fileB) throw new Error('usage: speed-ab.ts A.yaml B.yaml [--mb 2] [--rounds 3] [--chunk 100]');
const mb = Number(arg('--mb', '2'));
const rounds = Number(arg('--rounds', '3'));
const chunk = Number(arg('--chunk', '100'));

const corpus = gunzipSync(readFileSync(join(CORPUS_DIR, 'xwlb-2025.txt.gz'))).toString('utf8');
const text = Buffer.from(corpus).subarray(0, mb * 1e6).toString('utf8').replace(/\uFFFD$/, '');
const bytes = Buffer.byteLength(text);
const docs = text.split('\n');

const curated = curatedSources(repoRoot);
const checkerWith = (file: string): Checker =>
  createChecker({ builtins: false, lexicons: [...curated, { name: 'dictionaries/bank/phrases.yaml', text: bankSourceText(repoRoot, readFileSync(file, 'utf8')) }] });
const checkers = [checkerWith(fileA), checkerWith(fileB)];
for (const c of checkers) for (const d of docs.slice(0, 200)) c.check(d); // warm up: model, segmenter, JIT

const cpu = [0, 0];
let findings = [0, 0];
for (let r = 0; r < rounds; r++) {
  findings = [0, 0];
  for (let at = 0, n = 0; at < docs.length; at += chunk, n++) {
    const part = docs.slice(at, at + chunk);
    for (const which of n % 2 === 0 ? [0, 1] : [1, 0]) {
      const t0 = process.cpuUsage();
      for (const d of part) findings[which]! += checkers[which]!.check(d).length;
      const used = process.cpuUsage(t0);
      cpu[which]! += (used.user + used.system) / 1000;
    }
  }
}
const rate = (ms: number): number => (bytes * rounds) / 1e6 / (ms / 1000);
console.log(`A ${fileA}: ${rate(cpu[0]!).toFixed(2)} MB per CPU s (${findings[0]} findings)`);
console.log(`B ${fileB}: ${rate(cpu[1]!).toFixed(2)} MB per CPU s (${findings[1]} findings)`);
console.log(`B / A speed: ${(rate(cpu[1]!) / rate(cpu[0]!)).toFixed(3)} (${rounds} rounds of ${(bytes / 1e6).toFixed(1)} MB, interleaved per ${chunk} documents)`);
