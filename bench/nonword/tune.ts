/**
 * Tunes the non-word stage on 2019-2025 only (2026 is held out):
 *  - corpus false alarms, honestly: the table is filtered by the strings of 2019-2023 only and run
 *    over 2024-2025, so the strings it meets there are as new to it as a new page's are;
 *  - recall and precision on the yardstick's tune slice (bench/nonword/yardstick.ts), with the
 *    rest of the checker's findings as they are.
 * Prints both for a grid of margins and corpus-count cut-offs.
 *   npx tsx bench/nonword/tune.ts [--size 2000] [--show 40]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConfusion } from '../../src/confusion/index.js';
import { createJiebaSegmenter } from '../../src/segment/index.js';
import { DEFAULT_NEIGHBOUR_OPTIONS, nonwordNeighbours, parseDictionary } from '../../src/nonword/neighbours.js';
import { jiebaDictionaryPath, nonwordColumns, parseCorpusStrings } from '../../src/nonword/build.js';
import { NonwordStage } from '../../src/nonword/stage.js';
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

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};

const derived = join(root, 'dictionaries', 'derived');
const confusion = createConfusion({ pinyinTsv: readFileSync(join(derived, 'pinyin.tsv'), 'utf8'), lookalikeTsv: readFileSync(join(derived, 'lookalike-pairs.tsv'), 'utf8') });
const dictionary = parseDictionary(readFileSync(jiebaDictionaryPath(root), 'utf8'));
const segmenter = createJiebaSegmenter();
const options = { ...DEFAULT_NEIGHBOUR_OPTIONS, minWordCount: Number(arg('min-word', String(DEFAULT_NEIGHBOUR_OPTIONS.minWordCount))), commonChars: Number(arg('common', String(DEFAULT_NEIGHBOUR_OPTIONS.commonChars))) };
const CUTS = [1, 3];
const MARGINS = (arg('margins', '8,9,10,11,12')).split(',').map(Number);
const rare = (_d: unknown): string | undefined => undefined;
const loose = new NonwordStage(new NonwordTable(nonwordColumns(dictionary, confusion, new Map(), options)), { context: 6, margin: -Infinity });

function heldInCounts(): Map<string, number> {
  // The broad generator's strings (a superset of every option tried here), counted once and cached.
  const cache = '/tmp/tifa-nonword-counts-2019-2023-v3.json';
  if (existsSync(cache)) return new Map(JSON.parse(readFileSync(cache, 'utf8')) as [string, number][]);
  const candidates = new Set(nonwordNeighbours(dictionary, confusion, { ...BROAD, kinds: [...BROAD.kinds] }).keys());
  const counts = minedCounts([2019, 2020, 2021, 2022, 2023], candidates);
  writeFileSync(cache, JSON.stringify([...counts]));
  return counts;
}

interface Hit { actual: string; expected: string; gain: number; context: string; count: number; guard: string | undefined }

function corpusHits(): Hit[] {
  const counts = heldInCounts();
  const hits: Hit[] = [];
  for (const y of [2024, 2025]) {
    const text = gunzipSync(readFileSync(join(root, '..', 'shared', 'corpus', `xwlb-${y}.txt.gz`))).toString('utf8');
    // Document by document, as the checker sees them (a guard reads the whole text).
    for (const doc of text.split('\n')) for (const d of loose.scored(doc, segmenter)) {
      hits.push({ guard: guarded(doc, d.start, d.end) ?? rare(d), actual: d.written, expected: d.word, gain: d.gain, context: doc.slice(Math.max(0, d.start - 8), d.end + 8), count: counts.get(d.written) ?? 0 });
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
    const drafts = loose.scored(c.sentence, segmenter).filter((d) => !guarded(c.sentence, d.start, d.end) && !rare(d)).map((d) => ({ start: d.start, end: d.end, gain: d.gain, count: all.get(d.written) ?? 0 }));
    if (c.slip) corrupted++;
    return { c, findings, drafts };
  });
  process.stdout.write(`corpus 2024-2025 candidates (table without 2019-2023 strings): ${hits.length}\n`);
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
    const m = Number(arg('margin', '9'));
    const by = (xs: { len: number }[]): string => [2, 3].map((l) => `${l}: ${xs.filter((x) => x.len === l).length}`).join(', ');
    const fps = hits.filter((h) => !h.guard && h.count < 1 && h.gain >= m).map((h) => ({ len: h.actual.length }));
    const tps: { len: number }[] = [];
    for (const { c, drafts } of rows) if (c.slip) for (const d of drafts) if (d.gain >= m && d.count < 1 && d.start < c.slip.end && c.slip.start < d.end) tps.push({ len: d.end - d.start });
    process.stdout.write(`at m${m}: corpus false alarms by length ${by(fps)}; yardstick drafts on the slip ${by(tps)}\n`);
  }
  if (show > 0) {
    const m = Number(arg('margin', '9'));
    const cut = Number(arg('cut', '1'));
    for (const h of hits.filter((x) => !x.guard && x.count < cut && x.gain >= m).slice(0, show)) process.stdout.write(`  FP ${h.actual}→${h.expected} ${h.gain.toFixed(1)} :: ${h.context}\n`);
  }
}

main();
