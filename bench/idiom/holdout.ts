/**
 * How many false alarms the idiom list raises on text its corpus pass never saw, measured inside
 * 2019–2025 (2026 stays held out): the list is mined from 2019–2023 alone (counts and corpus pass),
 * then 2024–2025 is checked with it, and every finding of an idiom is printed with the idiom's rank
 * in the list, for review. Findings per rank bucket tell what a longer list costs in false alarms.
 *
 *   npx tsx bench/idiom/holdout.ts [--size 6000] [--min-listed-count 20] > findings.tsv
 */
import { createChecker } from '../../src/index.js';
import { repoRoot } from '../accuracy/common.js';
import { curatedSources } from '../phrase-bank/bank-file.js';
import { readDocs } from '../phrase-bank/mine.js';
import { bankSourcesOf, clashFree, idiomCandidates, parsedIdioms, idiomCorpusPass, idiomId, idiomYaml } from './mine.js';
import { DEFAULT_IDIOM_SELECT, knownSiblings, siblingIndex } from './select.js';
import { positiveArg } from '../lib/args.js';

const size = positiveArg('--size', DEFAULT_IDIOM_SELECT.size);
const minListedCount = positiveArg('--min-listed-count', DEFAULT_IDIOM_SELECT.minListedCount);
const log = (s: string): void => {
  process.stderr.write(`${s}\n`);
};
const docs = readDocs();
const train = docs.filter((d) => d.year <= 2023);
const test = docs.filter((d) => d.year >= 2024);
const o = { ...DEFAULT_IDIOM_SELECT, size, minListedCount };
const { words, confusable, excluded, choice } = idiomCandidates(repoRoot, train, o, log);
let targets = choice.targets;
let known = choice.known;
for (let round = 1; round <= 3; round++) {
  const leave = idiomCorpusPass(repoRoot, targets, known, train, log);
  const before = targets.length;
  targets = targets.filter((s) => !leave.has(idiomId(s.text)));
  if (round === 1) targets = targets.slice(0, size);
  known = knownSiblings(targets, siblingIndex(words), confusable, excluded);
  if (leave.size === 0 || (round > 1 && targets.length === before)) break;
}
targets = targets.slice(0, size);
const rank = new Map(targets.map((s, r) => [idiomId(s.text), r]));
// as the build does: the idioms that clash with a curated entry or a bank phrase are left out
const keep = clashFree(repoRoot, parsedIdioms(repoRoot, targets, known));
const checker = createChecker({ builtins: false, lexicons: [...curatedSources(repoRoot), ...bankSourcesOf(repoRoot), { name: 'idioms.yaml', text: idiomYaml(targets.filter(keep), known.filter(keep), 'holdout') }] });
let chars = 0;
const buckets = new Map<number, number>();
for (const d of test) {
  chars += d.text.length;
  for (const f of checker.check(d.text)) {
    const r = rank.get(f.entry);
    if (r === undefined) continue;
    const b = Math.floor(r / 1000) * 1000;
    buckets.set(b, (buckets.get(b) ?? 0) + 1);
    process.stdout.write(`${r}\t${f.expected[0]}\t${f.actual}\t${f.detail}\t${d.text.slice(Math.max(0, f.start - 12), f.end + 12)}\n`);
  }
}
log(`2024–2025: ${chars} characters; idiom findings by rank: ${[...buckets].sort((a, b) => a[0] - b[0]).map(([b, n]) => `${b}–${b + 999}: ${n}`).join(', ')} (list of ${targets.length})`);
