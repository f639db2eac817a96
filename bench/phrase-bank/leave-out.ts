/**
 * The leave-out run alone (bench/accuracy/honest.ts leaveOutRun, about a minute): recall on the 420
 * planted errors with the built lexicon (`npm run build` after putting a bank in
 * dictionaries/bank/phrases.yaml), by length, and the left-out texts of `--length N` characters
 * (default 4) with the miner's verdict (remine.ts) and whether their planted error was found. To
 * score a bank without the whole bench:accuracy.
 *
 *   npx tsx bench/phrase-bank/leave-out.ts [--length 4]
 */
import { createChecker } from '../../src/index.js';
import { readCorpus } from '../accuracy/common.js';
import { leaveOutRun, tunedText } from '../accuracy/honest.js';
import { argValue } from '../lib/args.js';

const length = Number(argValue('--length') ?? '4');
const corpus = readCorpus();
const run = leaveOutRun(corpus, createChecker(), tunedText(corpus));
const rate = (x: { cases: number; found: number }): string => `${x.found}/${x.cases}`;
console.log(`leave-out: ${run.score.found}/${run.score.cases} (${run.score.recall.toFixed(3)}), strict ${run.strict.found}/${run.strict.cases}, texts taken back ${run.bankComeback}, other findings ${run.score.otherFindings}`);
console.log(`by length: ${[...run.score.byLength].map(([k, v]) => `${k} ${rate(v)}`).join(', ')}`);
const missed = new Set(run.score.misses.map((p) => p.source));
for (const p of run.planted) {
  if (p.right.length !== length) continue;
  console.log(`${p.right}\t${p.wrong}\t${p.how}\t${run.comebackWhy.get(p.right) ?? '-'}\t${missed.has(p.source) ? 'missed' : 'found'}`);
}
