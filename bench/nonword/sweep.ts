/**
 * Scores options of the non-word stage on the dump of sweep-dump.ts in a second each: honest false
 * alarms on 2024-2025 (table from 2019-2023), and the real slips of tifa's typo lexicon (dev) and of
 * common-confusions.md (independent) found, for a grid of word-count floors, listed-string rules,
 * margins and character-prior weights.
 *   npx tsx bench/nonword/sweep.ts [--show-fp CONFIG-INDEX]
 */
import { readFileSync } from 'node:fs';
import { SWEEP_FILE, type SweepCandidate, type SweepSentence, type SweepSlip } from './sweep-dump.js';

interface Config { fw: number; quotedMargin: number; listedMargin: number; glue: number; rareMinWord: number; listedBonus: number; minWord: number; listedMax: number; listedRatio: number; margin: number; cw: number; cwLo: number; cwHi: number }
const { corpus, slips, sentences } = JSON.parse(readFileSync(SWEEP_FILE, 'utf8')) as { corpus: (SweepCandidate & { context: string })[]; slips: SweepSlip[]; sentences: SweepSentence[] };

const NAMES = new Set(readFileSync('node_modules/@node-rs/jieba/dict.txt', 'utf8').split('\n').filter((l) => / nr\w*$/.test(l)).map((l) => l.split(' ')[0]!));
const admitted = (c: SweepCandidate, o: Config): boolean => {
  if (c.wordCount < o.minWord && NAMES.has(c.word)) return false;
  // Below minWord, or listed by jieba: only when the slip writes a more common character than the word's (charRatio > listedBonus).
  const toCommoner = c.charRatio > o.listedBonus;
  if (c.wordCount < o.minWord && !(toCommoner && c.wordCount >= o.rareMinWord)) return false;
  return c.listed === 0 || (c.listed <= o.listedMax && c.listed * o.listedRatio < c.wordCount && toCommoner);
};
export const evidence = (c: SweepCandidate, o: Config): number => c.gain + o.fw * (c.bucket - 13) + o.cw * Math.min(o.cwHi, Math.max(o.cwLo, c.charRatio));
const reported = (c: SweepCandidate, o: Config): boolean => !(c.leftGlue >= o.glue && c.rightGlue >= o.glue) && admitted(c, o) && c.seen === 0 && (c.guard === '' || (c.guard === 'quoted' && evidence(c, o) >= o.quotedMargin)) && evidence(c, o) >= (c.listed > 0 ? o.listedMargin : o.margin);
const corrects = (s: SweepSlip, c: SweepCandidate): boolean => {
  const i = [...s.right].findIndex((ch, k) => ch !== s.wrong[k]);
  return c.word.includes(s.right[i]!) && c.written.includes(s.wrong[i]!) && c.word[c.position] === s.right[i];
};

function yardstick(o: Config): { recall: number; precision: number } {
  let found = 0;
  let alarms = 0;
  for (const s of sentences) {
    if (s.corrupted && (s.otherOnSlip || s.candidates.some((c) => c.onSlip && reported(c, o)))) found++;
    else if (s.otherElsewhere || s.candidates.some((c) => reported(c, o))) alarms++;
  }
  return { recall: found / sentences.filter((s) => s.corrupted).length, precision: found / Math.max(1, found + alarms) };
}

function score(o: Config): { fp: number; typo: number; indep: number; fps: string[]; recall: number; precision: number } {
  const fps = corpus.filter((c) => reported(c, o));
  const found = (set: string): number => slips.filter((s) => s.set === set && s.candidates.some((c) => corrects(s, c) && reported(c, o))).length;
  return { ...yardstick(o), fp: fps.length, typo: found('typo'), indep: found('independent'), fps: fps.map((c) => `${c.written}→${c.word} ${evidence(c, o).toFixed(1)} :: ${c.context}`) };
}

const total = (set: string): number => slips.filter((s) => s.set === set).length;
process.stdout.write(`slips: typo ${total('typo')}, independent ${total('independent')}\n`);
const base: Config = { fw: 1, quotedMargin: Infinity, listedMargin: 7.5, glue: Infinity, rareMinWord: 1000, listedBonus: -99, minWord: 1000, listedMax: 0, listedRatio: 50, margin: 7.5, cw: 0, cwLo: -99, cwHi: 99 };
const grid: Config[] = [];
const num = (name: string, fallback: string): number[] => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1]! : fallback).split(',').map(Number);
for (const fw of num('fw', '1')) for (const quotedMargin of num('quoted-margin', 'Infinity')) for (const listedMargin of num('listed-margin', '7.5')) for (const glue of num('glue', 'Infinity')) for (const rareMinWord of num('rare-min-word', '1000')) for (const listedBonus of num('bonus', '-99')) for (const minWord of num('min-word', '1000,300')) for (const listedMax of num('listed', '0,3')) for (const cw of num('cw', '0,1')) for (const cwLo of num('lo', '-99')) for (const cwHi of num('hi', '99')) for (const margin of num('margins', '6,7,7.5,8')) grid.push({ ...base, fw, quotedMargin, listedMargin, glue, rareMinWord, listedBonus, minWord, listedMax, cw, cwLo, cwHi, margin });
const showAt = process.argv.indexOf('--show-fp');
grid.forEach((o, i) => {
  const s = score(o);
  process.stdout.write(`${i}\tfw ${o.fw}\tquoted-m ${o.quotedMargin}\tlisted-m ${o.listedMargin}\tglue ${o.glue}\trare ${o.rareMinWord} bonus>${o.listedBonus}\tmin ${o.minWord}\tlisted<=${o.listedMax}\tcw ${o.cw} [${o.cwLo},${o.cwHi}]\tm ${o.margin}\tfp ${s.fp}\ttypo ${s.typo}\tindep ${s.indep}\tyard R ${s.recall.toFixed(3)} P ${s.precision.toFixed(3)}\n`);
  if (showAt > 0 && Number(process.argv[showAt + 1]) === i) for (const f of s.fps) process.stdout.write(`    ${f}\n`);
});
