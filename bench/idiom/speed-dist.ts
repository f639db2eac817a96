/**
 * Check speed of two builds in one process, interleaved: the default checker (`createChecker()`,
 * every built-in stage and lexicon) of build A and of build B checks the same documents (the first
 * `--mb` MB of the 2025 corpus, as UTF-8), alternating per chunk of documents (A then B, then B
 * then A), so a busy shared machine slows both alike. A build is a copy of dist/ made by
 * `npm run build` (each bundle finds its data beside itself); keep the copies inside the repo so
 * that they resolve its node_modules. Prints MB per CPU second of each and the ratio B / A.
 *
 *   npm run build && cp -r dist .speed/a   (change the data)   npm run build && cp -r dist .speed/b
 *   npx tsx bench/idiom/speed-dist.ts .speed/a .speed/b [--mb 2] [--rounds 5] [--chunk 100]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Checker } from '../../src/index.js';
import { CORPUS_DIR } from '../accuracy/common.js';
import { argValue } from '../lib/args.js';

const [distA, distB] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !(all[i - 1] ?? '').startsWith('--'));
if (!distA || !distB) throw new Error('usage: speed-dist.ts DIST_A DIST_B [--mb 2] [--rounds 5] [--chunk 100]');
const mb = Number(argValue('--mb') ?? '2');
const rounds = Number(argValue('--rounds') ?? '5');
const chunk = Number(argValue('--chunk') ?? '100');

const corpus = gunzipSync(readFileSync(join(CORPUS_DIR, 'xwlb-2025.txt.gz'))).toString('utf8');
const text = Buffer.from(corpus).subarray(0, mb * 1e6).toString('utf8').replace(/\uFFFD$/, '');
const bytes = Buffer.byteLength(text);
const docs = text.split('\n');

const load = async (dist: string): Promise<Checker> => {
  const mod = (await import(pathToFileURL(resolve(dist, 'index.js')).href)) as { createChecker: () => Checker };
  return mod.createChecker();
};
const checkers = [await load(distA), await load(distB)];
for (const c of checkers) for (const d of docs.slice(0, 200)) c.check(d); // warm up: data, segmenter, JIT

const cpu = [0, 0];
const findings = [0, 0];
for (let r = 0; r < rounds; r++) {
  for (let at = 0, n = 0; at < docs.length; at += chunk, n++) {
    const part = docs.slice(at, at + chunk);
    for (const which of (n + r) % 2 === 0 ? [0, 1] : [1, 0]) {
      const t0 = process.cpuUsage();
      for (const d of part) findings[which]! += checkers[which]!.check(d).length;
      const used = process.cpuUsage(t0);
      cpu[which]! += (used.user + used.system) / 1000;
    }
  }
}
const rate = (ms: number): number => (bytes * rounds) / 1e6 / (ms / 1000);
console.log(`A ${distA}: ${rate(cpu[0]!).toFixed(2)} MB per CPU s (${findings[0]! / rounds} findings a round)`);
console.log(`B ${distB}: ${rate(cpu[1]!).toFixed(2)} MB per CPU s (${findings[1]! / rounds} findings a round)`);
console.log(`B / A CPU time: ${(cpu[1]! / cpu[0]!).toFixed(3)} (${rounds} rounds of ${(bytes / 1e6).toFixed(1)} MB, interleaved per ${chunk} documents)`);
