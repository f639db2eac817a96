/**
 * The cost of the idiom list in check speed: the same text (the first `--mb` MB of the 2025 corpus,
 * as UTF-8, one call per document) checked by tifa with the curated lexicons and the phrase bank,
 * without idioms and with the first N idioms of dictionaries/idiom/idioms.yaml (and all its known
 * siblings), in one process: the checkers take turns on slices of 50 documents, so a busy machine
 * slows all alike. Prints the CPU time of each and its ratio to the one without idioms.
 *
 *   npx tsx bench/idiom/speed.ts [--file FILE] [--sizes 0,1000,3000,5000] [--mb 1] [--rounds 3]
 *   npx tsx bench/idiom/speed.ts --files A.yaml,B.yaml [--mb 2] [--rounds 8]   (each whole list against none)
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createChecker, type Checker } from '../../src/index.js';
import { yamlFiles } from '../../src/build/lexicon.js';
import { CORPUS_DIR, repoRoot } from '../accuracy/common.js';
import { bankSourceText, curatedSources } from '../phrase-bank/bank-file.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
/** An idiom list file's header, targets and known siblings (lines). */
const listOf = (file: string): { head: string[]; idioms: string[]; known: string[] } => {
  const lines = readFileSync(file, 'utf8').split('\n');
  return { head: lines.filter((l) => !l.startsWith('  - ')), idioms: lines.filter((l) => l.startsWith('  - ') && !l.includes('fuzzy: false')), known: lines.filter((l) => l.startsWith('  - ') && l.includes('fuzzy: false')) };
};
// --files A,B: the whole of each list, one checker each (lists mined by other rules side by side)
const files = arg('--files', '').split(',').filter((f) => f !== '');
const lists = (files.length > 0 ? files : [arg('--file', join(repoRoot, 'dictionaries/idiom/idioms.yaml'))]).map(listOf);
const sizes = files.length > 0 ? [0, ...lists.map((l) => l.idioms.length)] : arg('--sizes', `0,1000,3000,${lists[0]!.idioms.length}`).split(',').map(Number);
const mb = Number(arg('--mb', '1'));
const rounds = Number(arg('--rounds', '3'));

const corpus = gunzipSync(readFileSync(join(CORPUS_DIR, 'xwlb-2025.txt.gz'))).toString('utf8');
const text = Buffer.from(corpus).subarray(0, mb * 1e6).toString('utf8').replace(/\uFFFD$/, '');
const bytes = Buffer.byteLength(text);
const docs = text.split('\n');

const base = [...curatedSources(repoRoot), ...yamlFiles(join(repoRoot, 'dictionaries', 'bank')).map((f) => ({ name: relative(repoRoot, f), text: bankSourceText(repoRoot, readFileSync(f, 'utf8')) }))];
// the curated and bank texts, so that no idiom clashes with them (the build leaves those out)
const taken = new Set(base.flatMap((s) => [...s.text.matchAll(/(?:text|correct|variants|replacement): \[?([^,}\]\n]+)/g)].map((m) => m[1]!.trim())));
const free = (l: string): boolean => !taken.has(/text: ([^,]+),/.exec(l)?.[1] ?? '');
const checkers: Array<{ size: number; checker: Checker; cpu: number }> = sizes.map((size, i) => {
  const { head, idioms, known } = lists[files.length > 0 ? Math.max(0, i - 1) : 0]!;
  const text = `${[...head, ...idioms.slice(0, size).filter(free), ...known.filter(free)].join('\n')}\n`;
  return { size, checker: createChecker({ builtins: false, lexicons: size === 0 ? base : [...base, { name: 'idioms.yaml', text }] }), cpu: 0 };
});
for (const c of checkers) c.checker.check(docs[0]!); // warm up: models and the segmenter load
for (let r = 0; r < rounds; r++) {
  for (let i = 0; i < docs.length; i += 50) {
    for (const c of r % 2 === 0 ? checkers : [...checkers].reverse()) {
      const t0 = process.cpuUsage();
      for (const d of docs.slice(i, i + 50)) c.checker.check(d);
      const used = process.cpuUsage(t0);
      c.cpu += (used.user + used.system) / 1000;
    }
  }
}
const zero = checkers[0]!.cpu;
for (const c of checkers) {
  console.log(`idioms ${c.size}: ${(c.cpu / rounds).toFixed(0)} ms CPU per round, ${((bytes / 1e6) / (c.cpu / rounds / 1000)).toFixed(2)} MB per CPU s, ${(c.cpu / zero).toFixed(3)}× the time without idioms`);
}
