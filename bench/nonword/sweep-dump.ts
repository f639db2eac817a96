/**
 * Dumps what a sweep of the non-word stage's options needs, once (a few minutes), so that every
 * option can then be scored in a second (bench/nonword/sweep.ts):
 *  - honest corpus candidates: the broadest table, filtered by nothing, run over 2024-2025 with the
 *    strings of 2019-2023 counted (as tune.ts: new text to a table made from older text);
 *  - real slips: the 2-3 character wrong -> right pairs of tifa's typo lexicon (dev) and of
 *    common-confusions.md (independent, scored only), each put into a 2019-2025 sentence holding the
 *    right word, with the evidence the stage gives every neighbour over the slip.
 * Never reads 2026.
 *   npx tsx bench/nonword/sweep-dump.ts   (writes /tmp/tifa-nonword-sweep.json)
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiebaSegmenter } from '../../src/segment/index.js';
import { characterWeights, nonwordNeighbours } from '../../src/nonword/neighbours.js';
import { nonwordColumns } from '../../src/nonword/build.js';
import { DEFAULT_NONWORD_OPTIONS, NonwordStage, type ScoredNeighbour } from '../../src/nonword/stage.js';
import { NonwordTable } from '../../src/nonword/table.js';
import { NONWORD_GUARDS } from '../../src/nonword/guards.js';
import { loadBuiltinData } from '../../src/data/builtin.js';
import { independentPairs } from '../accuracy/honest.js';
import { BROAD, minedCounts } from './mine-corpus.js';
import { nonwordInputs } from './inputs.js';
import { buildYardstick, checkAsOf } from './yardstick.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SWEEP_FILE = '/tmp/tifa-nonword-sweep.json';
/** The broadest table swept: words from 100, listed strings under 30, homophones and look-alikes. */
export const SWEEP_OPTIONS = { ...BROAD, kinds: ['homophone', 'lookalike'] as const };

export interface SweepCandidate { around?: string; at?: number; leftGlue: number; rightGlue: number; written: string; word: string; position: number; gain: number; bucket: number; listed: number; wordCount: number; seen: number; guard: string; charRatio: number }
export interface SweepSlip { set: 'typo' | 'independent'; wrong: string; right: string; candidates: SweepCandidate[] }
/** A sentence of the yardstick's tune slice: corrupted or clean, what the other stages found, every neighbour in it. */
export interface SweepSentence { corrupted: boolean; otherOnSlip: boolean; otherElsewhere: boolean; candidates: (SweepCandidate & { onSlip: boolean })[] }

function main(): void {
  const { confusion, dictionary } = nonwordInputs(root);
  const weights = characterWeights(dictionary);
  const seg = createJiebaSegmenter();
  const options = { ...SWEEP_OPTIONS, kinds: [...SWEEP_OPTIONS.kinds] };
  const stage = new NonwordStage(new NonwordTable(nonwordColumns(dictionary, confusion, new Map(), options)), { ...DEFAULT_NONWORD_OPTIONS, margin: -Infinity });
  const cache = '/tmp/tifa-nonword-counts-2019-2023-v3.json';
  const held = existsSync(cache) ? new Map(JSON.parse(readFileSync(cache, 'utf8')) as [string, number][]) : minedCounts([2019, 2020, 2021, 2022, 2023], new Set(nonwordNeighbours(dictionary, confusion, options).keys()));
  const all = new Map<string, number>();
  for (const line of readFileSync(join(root, 'dictionaries', 'nonword', 'corpus-strings.tsv'), 'utf8').split('\n')) if (line && !line.startsWith('#')) all.set(line.split('\t')[0]!, Number(line.split('\t')[1]));
  // The best count of a word that takes the candidate's first character into the text before it, and of one that takes its last into the text after it.
  const glue = (text: string, d: ScoredNeighbour): { leftGlue: number; rightGlue: number } => {
    let leftGlue = 0;
    let rightGlue = 0;
    for (let i = Math.max(0, d.start - 3); i < d.start; i++) leftGlue = Math.max(leftGlue, dictionary.get(text.slice(i, d.start + 1)) ?? 0);
    for (let j = d.end + 1; j <= Math.min(text.length, d.end + 3); j++) rightGlue = Math.max(rightGlue, dictionary.get(text.slice(d.end - 1, j)) ?? 0);
    return { leftGlue, rightGlue };
  };
  const candidate = (text: string, d: ScoredNeighbour, seen: ReadonlyMap<string, number>): SweepCandidate => ({
    ...glue(text, d),
    // The text around the candidate (8 characters each side) and where the candidate starts in it, for context models scored later.
    around: text.slice(Math.max(0, d.start - 8), d.end + 8), at: d.start - Math.max(0, d.start - 8),
    written: d.written, word: d.word, position: d.position, gain: d.gain, bucket: d.bucket, listed: dictionary.get(d.written) ?? 0, wordCount: dictionary.get(d.word) ?? 0, seen: seen.get(d.written) ?? 0,
    guard: NONWORD_GUARDS.find(([, g]) => g(text, d.start, d.end) !== undefined)?.[0] ?? '',
    charRatio: Math.log2((weights.get(d.written.charCodeAt(d.position)) ?? 1) / (weights.get(d.word.charCodeAt(d.position)) ?? 1)),
  });
  const corpus: (SweepCandidate & { context: string })[] = [];
  for (const y of [2024, 2025]) {
    const text = gunzipSync(readFileSync(join(root, '..', 'shared', 'corpus', `xwlb-${y}.txt.gz`))).toString('utf8');
    for (const doc of text.split('\n')) for (const d of stage.scored(doc, seg)) if (d.gain > 0) corpus.push({ ...candidate(doc, d, held), context: doc.slice(Math.max(0, d.start - 8), d.end + 8) });
  }
  const tuned = [2019, 2020, 2021, 2022, 2023, 2024, 2025].map((y) => gunzipSync(readFileSync(join(root, '..', 'shared', 'corpus', `xwlb-${y}.txt.gz`))).toString('utf8')).join('\n');
  const pairs: { set: 'typo' | 'independent'; wrong: string; right: string }[] = [];
  for (const e of loadBuiltinData().entries) if (e.kind === 'typo' && e.replacement[0] && e.text.length <= 3 && e.text.length === e.replacement[0].length) pairs.push({ set: 'typo', wrong: e.text, right: e.replacement[0] });
  for (const p of independentPairs()) if (p.wrong.length <= 3) pairs.push({ set: 'independent', wrong: p.wrong, right: p.right });
  const slips: SweepSlip[] = [];
  for (const p of pairs) {
    const diff = [...p.right].filter((c, i) => c !== p.wrong[i]).length;
    if (diff !== 1) continue;
    // A sentence that holds the right word (its clause, up to 20 characters each side), or a template.
    const at = tuned.indexOf(p.right, tuned.length >> 1) >= 0 ? tuned.indexOf(p.right, tuned.length >> 1) : tuned.indexOf(p.right);
    let text = `指出，要准确把握${p.wrong}的基本要求，结合`;
    let start = 8;
    if (at >= 0) {
      let a = at;
      while (a > 0 && at - a < 20 && !/[。！？\n]/.test(tuned[a - 1]!)) a--;
      let b = at + p.right.length;
      while (b < tuned.length && b - at < 24 && !/[。！？\n]/.test(tuned[b]!)) b++;
      text = tuned.slice(a, at) + p.wrong + tuned.slice(at + p.right.length, b);
      start = at - a;
    }
    const end = start + p.wrong.length;
    const candidates = stage.scored(text, seg).filter((d) => d.start < end && start < d.end).map((d) => candidate(text, d, all));
    slips.push({ ...p, candidates });
  }
  const sentences: SweepSentence[] = [];
  const check = checkAsOf();
  for (const c of buildYardstick('tune', 2000, 13)) {
    const on = (x: { start: number; end: number }): boolean => c.slip !== undefined && x.start < c.slip.end && c.slip.start < x.end;
    const others = check(c.sentence, c.date).filter((f) => !f.entry.startsWith('nonword:'));
    sentences.push({ corrupted: c.slip !== undefined, otherOnSlip: others.some(on), otherElsewhere: others.some((f) => !on(f)), candidates: stage.scored(c.sentence, seg).map((d) => ({ ...candidate(c.sentence, d, all), onSlip: on(d) })) });
  }
  writeFileSync(SWEEP_FILE, JSON.stringify({ corpus, slips, sentences }));
  process.stdout.write(`${corpus.length} corpus candidates, ${slips.length} slips, ${sentences.length} yardstick sentences\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
