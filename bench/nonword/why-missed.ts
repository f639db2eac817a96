/**
 * Why the yardstick's slips are missed (tune slice, 2019-2025 only): each corrupted sentence's slip
 * is put in one class — found by another stage, found by the non-word stage, a table neighbour below
 * the margin (by evidence: gain and the word-frequency prior), guarded, or no neighbour at all (by why: a 4-character word, a rare word, the
 * slip is a dictionary word, the substitute is no confusable of tifa's, …). Shows where recall can
 * come from.
 *   npx tsx bench/nonword/why-missed.ts [--size 2000] [--margin 10] [--show 0]
 */
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiebaSegmenter } from '../../src/segment/index.js';
import { DEFAULT_NEIGHBOUR_OPTIONS, commonCharacters } from '../../src/nonword/neighbours.js';
import { nonwordColumns } from '../../src/nonword/build.js';
import { DEFAULT_NONWORD_OPTIONS, NonwordStage, nonwordEvidence } from '../../src/nonword/stage.js';
import { NonwordTable } from '../../src/nonword/table.js';
import { NONWORD_GUARDS } from '../../src/nonword/guards.js';
import { buildYardstick, checkAsOf } from './yardstick.js';
import { stringArg } from '../lib/args.js';
import { nonwordInputs } from './inputs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name: string, fallback: string): string => stringArg(`--${name}`, fallback);

const { confusion, dictionary } = nonwordInputs(root);
const common = commonCharacters(dictionary, DEFAULT_NEIGHBOUR_OPTIONS.commonChars);
const segmenter = createJiebaSegmenter();
const loose = new NonwordStage(new NonwordTable(nonwordColumns(dictionary, confusion, new Map())), { ...DEFAULT_NONWORD_OPTIONS, margin: -Infinity });
const margin = Number(arg('margin', String(DEFAULT_NONWORD_OPTIONS.margin)));
const cases = buildYardstick('tune', Number(arg('size', '2000')), 13);
const check = checkAsOf();
const classes = new Map<string, string[]>();
const add = (k: string, s: string): void => void (classes.get(k) ?? classes.set(k, []).get(k)!).push(s);
for (const c of cases) {
  const slip = c.slip;
  if (!slip) continue;
  const overlaps = (x: { start: number; end: number }): boolean => x.start < slip.end && slip.start < x.end;
  const others = check(c.sentence, c.date).filter((f) => !f.entry.startsWith('nonword:') && overlaps(f));
  const line = `${slip.written}→${slip.word} :: ${c.sentence}`;
  if (others.length > 0) { add('found by another stage', line); continue; }
  const ours = loose.scored(c.sentence, segmenter).filter(overlaps).map((d) => ({ ...d, gain: nonwordEvidence(d) })).sort((a, b) => b.gain - a.gain);
  const top = ours[0];
  if (top) {
    const guard = NONWORD_GUARDS.find(([, g]) => g(c.sentence, top.start, top.end) !== undefined)?.[0];
    if (guard) add(`neighbour, guarded (${guard})`, line);
    else if (top.gain >= margin) add('found by the non-word stage', line);
    else add(`neighbour, gain ${Math.max(0, Math.floor(top.gain / 2) * 2)}..${Math.max(0, Math.floor(top.gain / 2) * 2) + 2}`, `${line} [${top.written}→${top.word} ${top.gain.toFixed(1)}]`);
    continue;
  }
  const pos = [...slip.word].findIndex((ch, i) => ch !== slip.written[i]);
  const sub = slip.written.charCodeAt(pos);
  const orig = slip.word.charCodeAt(pos);
  const kind = confusion.kind(orig, sub);
  let why: string;
  if (slip.word.length === 4) why = '4-character word';
  else if ((dictionary.get(slip.written) ?? 0) > 0) why = 'the slip is a dictionary word';
  else if (kind === null) why = "the substitute is no confusable of tifa's";
  else if (kind === 'near-homophone') why = 'near-homophone';
  else if (!common.has(sub)) why = 'the substitute is not a common character';
  else if ((dictionary.get(slip.word) ?? 0) < DEFAULT_NEIGHBOUR_OPTIONS.minWordCount) why = `word count < ${DEFAULT_NEIGHBOUR_OPTIONS.minWordCount} (${(dictionary.get(slip.word) ?? 0) >= 300 ? '300+' : 'under 300'})`;
  else why = 'other (digit before, a longer window, …)';
  add(`no neighbour: ${why}`, line);
}
const total = cases.filter((c) => c.slip).length;
const show = Number(arg('show', '0'));
for (const [k, v] of [...classes].sort((a, b) => b[1].length - a[1].length)) {
  process.stdout.write(`${String(v.length).padStart(5)}  ${(v.length / total).toFixed(3)}  ${k}\n`);
  for (const s of v.slice(0, show)) process.stdout.write(`         ${s}\n`);
}
