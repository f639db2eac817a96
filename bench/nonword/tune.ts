/**
 * Tunes the non-word stage on 2019-2025 only (2026 is held out):
 *  - corpus false alarms, honestly: the table is filtered by the strings of 2019-2023 only and run
 *    over 2024-2025, so the strings it meets there are as new to it as a new page's are;
 *  - recall and precision on the yardstick's tune slice (bench/nonword/yardstick.ts), with the
 *    rest of the checker's findings as they are.
 * Prints both for a grid of margins (on the stage's evidence: gain and word-frequency prior) and
 * corpus-count cut-offs, and what each guard silences on both sides.
 *   npx tsx bench/nonword/tune.ts [--size 2000] [--show 40] [--margin 7.5] [--weight 1]
 *     [--held 2019-2021 --on 2022,2023]   (a second honest run: guards written on 2024-2025 checked on text they were not written from)
 *     [--min-word 1000] [--rare-min-word 300] [--min-listed 30 --listed-ratio 50]   (the table's neighbour options, see src/nonword/neighbours.ts)
 *     [--kinds homophone,lookalike]   (which confusions make a neighbour; add shape for the unihan:shape look-alikes)
 *     [--join-weight 1] [--no-corpus-model]   (the context model of character pairs, and the corpus's word counts; both from the held years only)
 *     [--char-weight 0]   (nats of evidence per doubling of the substitute's character weight over the replaced one's; measured, not used)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiebaSegmenter } from '../../src/segment/index.js';
import { DEFAULT_NEIGHBOUR_OPTIONS, characterWeights, nonwordNeighbours, parseNameWords } from '../../src/nonword/neighbours.js';
import { jiebaDictionaryPath, nonwordColumns, parseCorpusStrings } from '../../src/nonword/build.js';
import { DEFAULT_NONWORD_OPTIONS, NonwordStage, nonwordEvidence } from '../../src/nonword/stage.js';
import { NonwordTable } from '../../src/nonword/table.js';
import { BROAD, minedCounts } from './mine-corpus.js';
import { NONWORD_GUARDS } from '../../src/nonword/guards.js';

const GLUE = Number(process.argv.includes('--glue') ? process.argv[process.argv.indexOf('--glue') + 1] : 'Infinity');
const guarded = (text: string, start: number, end: number): string | undefined => {
  if (process.argv.includes('--no-guards')) return undefined;
  if (start > 0 && (dictionary.get(text.slice(start - 1, start + 1)) ?? 0) >= GLUE) return 'glue-left';
  if ((dictionary.get(text.slice(end - 1, end + 1)) ?? 0) >= GLUE) return 'glue-right';
  for (const [id, g] of NONWORD_GUARDS) if (g(text, start, end) !== undefined) return id;
  return undefined;
};
import { buildYardstick, checkAsOf } from './yardstick.js';
import { stringArg } from '../lib/args.js';
import { nonwordInputs } from './inputs.js';
import type { ConfusionKind } from '../../src/confusion/index.js';
import { corpusInputs } from './word-counts.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name: string, fallback: string): string => stringArg(`--${name}`, fallback);

const { confusion, dictionary } = nonwordInputs(root);
const segmenter = createJiebaSegmenter();
const options = { ...DEFAULT_NEIGHBOUR_OPTIONS, minWordCount: Number(arg('min-word', String(DEFAULT_NEIGHBOUR_OPTIONS.minWordCount))), commonChars: Number(arg('common', String(DEFAULT_NEIGHBOUR_OPTIONS.commonChars))), minListedCount: Number(arg('min-listed', String(DEFAULT_NEIGHBOUR_OPTIONS.minListedCount))), rareMinWordCount: Number(arg('rare-min-word', String(DEFAULT_NEIGHBOUR_OPTIONS.rareMinWordCount))), listedRatio: Number(arg('listed-ratio', String(DEFAULT_NEIGHBOUR_OPTIONS.listedRatio))) };
/** --kinds: the confusion kinds of the table tried; the mined counts then cover the broad kinds and these. */
const KINDS = arg('kinds', DEFAULT_NEIGHBOUR_OPTIONS.kinds.join(',')).split(',') as ConfusionKind[];
options.kinds = KINDS;
const MINED_KINDS = [...new Set<ConfusionKind>([...BROAD.kinds, ...KINDS])];
const CUTS = [1, 3];
const MARGINS = (arg('margins', '7.5,8,8.5,9,9.5,10,11')).split(',').map(Number);
const rare = (_d: unknown): string | undefined => undefined;
const names = parseNameWords(readFileSync(jiebaDictionaryPath(root), 'utf8'));
/** The years whose strings the table knows, and the later years it is run over (--held 2019-2021 --on 2022,2023 checks the guards on text they were not written from). */
const HELD = arg('held', '2019-2023').split('-').map(Number) as [number, number];
/** The corpus's word counts and character pairs of the held years only (--no-corpus-model: jieba's counts and the segmentation alone). */
const model = process.argv.includes('--no-corpus-model') ? undefined : corpusInputs(HELD[0], HELD[1]);
const loose = new NonwordStage(new NonwordTable(nonwordColumns(dictionary, confusion, new Map(), options, 1, names, model?.corpusWords), model?.pairs), { ...DEFAULT_NONWORD_OPTIONS, margin: -Infinity });

const HELD_YEARS = Array.from({ length: HELD[1] - HELD[0] + 1 }, (_, i) => HELD[0] + i);
const ON_YEARS = arg('on', '2024,2025').split(',').map(Number);

function heldInCounts(): Map<string, number> {
  // The broad generator's strings (a superset of every option tried here), counted once and cached.
  const cache = `/tmp/tifa-nonword-counts-${HELD.join('-')}-v3${MINED_KINDS.includes('shape') ? '-shape' : ''}.json`;
  if (existsSync(cache)) return new Map(JSON.parse(readFileSync(cache, 'utf8')) as [string, number][]);
  const candidates = new Set(nonwordNeighbours(dictionary, confusion, { ...BROAD, kinds: MINED_KINDS }).keys());
  const counts = minedCounts(HELD_YEARS, candidates);
  writeFileSync(cache, JSON.stringify([...counts]));
  return counts;
}

/** The stage's evidence (gain and the word-frequency prior), with --weight for the prior's nats per doubling. */
const WEIGHT = Number(arg('weight', String(DEFAULT_NONWORD_OPTIONS.frequencyWeight)));
const CHAR_WEIGHT = Number(arg('char-weight', '0'));
const charWeights = characterWeights(dictionary);
const charPrior = (d: { written: string; word: string; position: number }): number => Math.log2((charWeights.get(d.written.charCodeAt(d.position)) ?? 1) / (charWeights.get(d.word.charCodeAt(d.position)) ?? 1));
const JOIN_WEIGHT = Number(arg('join-weight', String(DEFAULT_NONWORD_OPTIONS.joinWeight)));
const effective = (d: { gain: number; bucket: number; join: number; written: string; word: string; position: number }): number => nonwordEvidence(d, { frequencyWeight: WEIGHT, joinWeight: JOIN_WEIGHT }) + CHAR_WEIGHT * charPrior(d);

interface Hit { actual: string; expected: string; gain: number; context: string; count: number; guard: string | undefined }

function corpusHits(): Hit[] {
  const counts = heldInCounts();
  const hits: Hit[] = [];
  for (const y of ON_YEARS) {
    const text = gunzipSync(readFileSync(join(root, '..', 'shared', 'corpus', `xwlb-${y}.txt.gz`))).toString('utf8');
    // Document by document, as the checker sees them (a guard reads the whole text).
    for (const doc of text.split('\n')) for (const d of loose.scored(doc, segmenter)) {
      hits.push({ guard: guarded(doc, d.start, d.end) ?? rare(d), actual: d.written, expected: d.word, gain: effective(d), context: doc.slice(Math.max(0, d.start - 8), d.end + 8), count: counts.get(d.written) ?? 0 });
    }
  }
  return hits;
}


function main(): void {
  const show = Number(arg('show', '0'));
  const hits = corpusHits();
  const all = parseCorpusStrings(readFileSync(join(root, 'dictionaries', 'nonword', 'corpus-strings.tsv'), 'utf8'), 'corpus-strings.tsv');
  const cases = buildYardstick('tune', Number(arg('size', '2000')), 13);
  const check = checkAsOf();
  let corrupted = 0;
  const rows = cases.map((c) => {
    const findings = check(c.sentence, c.date).filter((f) => !f.entry.startsWith('nonword:'));
    const drafts = loose.scored(c.sentence, segmenter).filter((d) => !guarded(c.sentence, d.start, d.end) && !rare(d)).map((d) => ({ start: d.start, end: d.end, gain: effective(d), count: all.get(d.written) ?? 0 }));
    if (c.slip) corrupted++;
    return { c, findings, drafts };
  });
  process.stdout.write(`corpus ${ON_YEARS.join(',')} candidates (table without ${HELD.join('-')} strings): ${hits.length}\n`);
  for (const cut of CUTS) {
    const line: string[] = [];
    for (const m of MARGINS) {
      const fp = hits.filter((h) => !h.guard && h.count < cut && h.gain >= m).length;
      let found = 0;
      let alarms = 0;
      for (const { c, findings, drafts } of rows) {
        const ours = drafts.filter((d) => d.count < cut && d.gain >= m);
        const spans = [...findings, ...ours];
        if (c.slip && spans.some((f) => f.start < c.slip!.end && c.slip!.start < f.end)) found++;
        else if (spans.length > 0) alarms++;
      }
      line.push(`m${m}: fp ${fp} R ${(found / corrupted).toFixed(3)} P ${(found / Math.max(1, found + alarms)).toFixed(3)}`);
    }
    process.stdout.write(`cut ${cut}: ${line.join(' | ')}\n`);
  }
  // Where the found slips and the false alarms stand, by length of the neighbour, at --margin.
  {
    const m = Number(arg('margin', String(DEFAULT_NONWORD_OPTIONS.margin)));
    const by = (xs: { len: number }[]): string => [2, 3].map((l) => `${l}: ${xs.filter((x) => x.len === l).length}`).join(', ');
    const fps = hits.filter((h) => !h.guard && h.count < 1 && h.gain >= m).map((h) => ({ len: h.actual.length }));
    const tps: { len: number }[] = [];
    for (const { c, drafts } of rows) if (c.slip) for (const d of drafts) if (d.gain >= m && d.count < 1 && d.start < c.slip.end && c.slip.start < d.end) tps.push({ len: d.end - d.start });
    process.stdout.write(`at m${m}: corpus false alarms by length ${by(fps)}; yardstick drafts on the slip ${by(tps)}\n`);
  }
  // What each guard silences at --margin: candidates on 2024-2025 (mostly meant text) against slips of the yardstick.
  {
    const m = Number(arg('margin', String(DEFAULT_NONWORD_OPTIONS.margin)));
    const line: string[] = [];
    for (const [id, g] of NONWORD_GUARDS) {
      const corpus = hits.filter((h) => h.count < 1 && h.gain >= m && h.guard === id).length;
      let slips = 0;
      for (const { c } of rows) if (c.slip) for (const d of loose.scored(c.sentence, segmenter)) if (effective(d) >= m && d.start < c.slip.end && c.slip.start < d.end && g(c.sentence, d.start, d.end) !== undefined) { slips++; break; }
      line.push(`${id}: corpus ${corpus}, slips ${slips}`);
    }
    process.stdout.write(`guards at m${m} (corpus: first guard that fires; slips: any): ${line.join(' | ')}\n`);
  }
  if (show > 0) {
    const m = Number(arg('margin', String(DEFAULT_NONWORD_OPTIONS.margin)));
    const cut = Number(arg('cut', '1'));
    for (const h of hits.filter((x) => !x.guard && x.count < cut && x.gain >= m).slice(0, show)) process.stdout.write(`  FP ${h.actual}→${h.expected} ${h.gain.toFixed(1)} :: ${h.context}\n`);
  }
}

main();
