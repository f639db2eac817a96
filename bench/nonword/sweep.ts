/**
 * Scores options of the non-word stage on the dump of sweep-dump.ts in a second each: honest false
 * alarms on 2024-2025 (table from 2019-2023), and the real slips of tifa's typo lexicon (dev) and of
 * common-confusions.md (independent) found, for a grid of word-count floors, listed-string rules,
 * margins and character-prior weights; and the corpus models of 2019-2023 (word-counts.ts,
 * char-bigrams.ts): --cs the corpus prior's scale, --listed-seen / --lseen-rarer the listed slips of
 * words the corpus writes, --ow / --oa / --ov the character-pair join, --pmin / --pq a pruned or
 * quantized pair file. Slips and yardstick sentences come from the corpus: their own pair is taken
 * out of the fixed version's count.
 *   npx tsx bench/nonword/sweep.ts [--show-fp CONFIG-INDEX] [--show-found CONFIG-INDEX]
 *   The shipped options: --min-word 1000 --rare-min-word 300 --listed 30 --cw 0 --bonus 0 --margins 7.5
 *     --listed-seen 30 --lseen-rarer Infinity --ow 1 --ov 1 --oa 0.5 --cs 5 --pq 4
 */
import { readFileSync } from 'node:fs';
import { SWEEP_FILE, type SweepCandidate, type SweepSentence, type SweepSlip } from './sweep-dump.js';
import { wordCounts } from './word-counts.js';
import { charBigrams } from './char-bigrams.js';

interface Config { listedSeenRarer: number; ow: number; oa: number; ov: number; cs: number; cpw: number; listedSeen: number; fw: number; quotedMargin: number; listedMargin: number; glue: number; rareMinWord: number; listedBonus: number; minWord: number; listedMax: number; listedRatio: number; margin: number; cw: number; cwLo: number; cwHi: number }
const { corpus, slips, sentences } = JSON.parse(readFileSync(SWEEP_FILE, 'utf8')) as { corpus: (SweepCandidate & { context: string })[]; slips: SweepSlip[]; sentences: SweepSentence[] };

const NAMES = new Set(readFileSync('node_modules/@node-rs/jieba/dict.txt', 'utf8').split('\n').filter((l) => / nr\w*$/.test(l)).map((l) => l.split(' ')[0]!));
/** The words' corpus counts in 2019-2023 (the years the honest table knows). */
const WORDS = wordCounts(2019, 2023);
const wordSeen = (c: SweepCandidate): number => WORDS.get(c.word) ?? 0;
const admitted = (c: SweepCandidate, o: Config): boolean => {
  // A listed string the corpus never writes while it writes the word often is a slip (气慨, 震憾), whatever jieba's counts.
  if (c.wordCount < o.minWord && NAMES.has(c.word)) return false;
  if (c.listed > 0 && c.listed <= o.listedMax && wordSeen(c) >= o.listedSeen && (c.charRatio > 0 || wordSeen(c) >= o.listedSeenRarer)) return true;
  // Below minWord, or listed by jieba: only when the slip writes a more common character than the word's (charRatio > listedBonus).
  const toCommoner = c.charRatio > o.listedBonus;
  if (c.wordCount < o.minWord && !(toCommoner && c.wordCount >= o.rareMinWord)) return false;
  return c.listed === 0 || (c.listed <= o.listedMax && c.listed * o.listedRatio < c.wordCount && toCommoner);
};
/** Character and pair counts of 2019-2023. */
const PAIRS = charBigrams(2019, 2023);
/** --pmin: pairs under this count left out (as a shipped file would); --pq: counts kept as powers of 2^(1/pq) (0: exact). */
const PMIN = Number(process.argv.includes('--pmin') ? process.argv[process.argv.indexOf('--pmin') + 1] : '1');
const PQ = Number(process.argv.includes('--pq') ? process.argv[process.argv.indexOf('--pq') + 1] : '0');
const quantized = (n: number): number => (PQ > 0 && n > 0 ? Math.round(2 ** (Math.round(Math.log2(n) * PQ) / PQ)) : n);
const pairCount = (s: string): number => { const n = PAIRS.get(s) ?? 0; return s.length === 2 && n < PMIN ? 0 : quantized(n); };
const isHan = (ch: string | undefined): boolean => ch !== undefined && ch >= '\u4e00' && ch <= '\u9fff';
/**
 * How much better the replaced character joins the character next to the candidate on its side
 * (the one before it when the first is replaced, the one after when the last is), in pair counts of
 * 2019-2023: ov 0 the log ratio of the pair counts, ov 1 of their association (pair count over the
 * characters' counts). `leak` takes the sentence's own pair out of the fixed version's count (slips
 * and yardstick sentences come from the corpus). 0 when the middle of three is replaced, or no Han character is there.
 */
const outer = (c: SweepCandidate, o: Config, leak: number): number => {
  if (c.around === undefined || c.at === undefined) return 0;
  const n = c.written.length;
  const fixedChar = c.word[c.position]!;
  const writtenChar = c.written[c.position]!;
  let pw: string; let pf: string;
  if (c.position === 0) {
    const l = c.around[c.at - 1];
    if (!isHan(l)) return 0;
    pw = l + writtenChar; pf = l + fixedChar;
  } else if (c.position === n - 1) {
    const r = c.around[c.at + n];
    if (!isHan(r)) return 0;
    pw = writtenChar + r; pf = fixedChar + r;
  } else return 0;
  const cw = pairCount(pw);
  const cf = Math.max(0, pairCount(pf) - leak);
  if (o.ov === 0) return Math.log((cf + o.oa) / (cw + o.oa));
  return Math.log((cf + o.oa) / (cw + o.oa)) - Math.log((pairCount(fixedChar) + 1) / (pairCount(writtenChar) + 1));
};
/** The prior's log2 count: jieba's, or the corpus count times cs when larger (cs 0: jieba's alone); cpw weighs the corpus count's log2 on its own. */
const bucketOf = (c: SweepCandidate, o: Config): number => (o.cs > 0 ? Math.max(c.bucket, Math.floor(Math.log2(Math.max(1, o.cs * wordSeen(c))))) : c.bucket);
export const evidence = (c: SweepCandidate, o: Config, leak = 0): number => c.gain + o.ow * outer(c, o, leak) + o.fw * (bucketOf(c, o) - 13) + o.cpw * Math.log2(1 + wordSeen(c)) + o.cw * Math.min(o.cwHi, Math.max(o.cwLo, c.charRatio));
const reported = (c: SweepCandidate, o: Config, leak = 0): boolean => !(c.leftGlue >= o.glue && c.rightGlue >= o.glue) && admitted(c, o) && c.seen === 0 && (c.guard === '' || (c.guard === 'quoted' && evidence(c, o, leak) >= o.quotedMargin)) && evidence(c, o, leak) >= (c.listed > 0 ? o.listedMargin : o.margin);
const corrects = (s: SweepSlip, c: SweepCandidate): boolean => {
  const i = [...s.right].findIndex((ch, k) => ch !== s.wrong[k]);
  return c.word.includes(s.right[i]!) && c.written.includes(s.wrong[i]!) && c.word[c.position] === s.right[i];
};

function yardstick(o: Config): { recall: number; precision: number } {
  let found = 0;
  let alarms = 0;
  for (const s of sentences) {
    if (s.corrupted && (s.otherOnSlip || s.candidates.some((c) => c.onSlip && reported(c, o, 1)))) found++;
    else if (s.otherElsewhere || s.candidates.some((c) => reported(c, o, 1))) alarms++;
  }
  return { recall: found / sentences.filter((s) => s.corrupted).length, precision: found / Math.max(1, found + alarms) };
}

function score(o: Config): { fp: number; typo: number; indep: number; fps: string[]; recall: number; precision: number } {
  const fps = corpus.filter((c) => reported(c, o));
  const found = (set: string): number => slips.filter((s) => s.set === set && s.candidates.some((c) => corrects(s, c) && reported(c, o, 1))).length;
  return { ...yardstick(o), fp: fps.length, typo: found('typo'), indep: found('independent'), fps: fps.map((c) => `${c.written}→${c.word} ${evidence(c, o).toFixed(1)} :: ${c.context}`) };
}

const total = (set: string): number => slips.filter((s) => s.set === set).length;
process.stdout.write(`slips: typo ${total('typo')}, independent ${total('independent')}\n`);
const base: Config = { listedSeenRarer: 0, ow: 0, oa: 1, ov: 0, cs: 0, cpw: 0, listedSeen: Infinity, fw: 1, quotedMargin: Infinity, listedMargin: 7.5, glue: Infinity, rareMinWord: 1000, listedBonus: -99, minWord: 1000, listedMax: 0, listedRatio: 50, margin: 7.5, cw: 0, cwLo: -99, cwHi: 99 };
const grid: Config[] = [];
const num = (name: string, fallback: string): number[] => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1]! : fallback).split(',').map(Number);
for (const listedSeenRarer of num('lseen-rarer', '0')) for (const ow of num('ow', '0')) for (const oa of num('oa', '1')) for (const ov of num('ov', '0')) for (const cs of num('cs', '0')) for (const cpw of num('cpw', '0')) for (const listedSeen of num('listed-seen', 'Infinity')) for (const fw of num('fw', '1')) for (const quotedMargin of num('quoted-margin', 'Infinity')) for (const listedMargin of num('listed-margin', '7.5')) for (const glue of num('glue', 'Infinity')) for (const rareMinWord of num('rare-min-word', '1000')) for (const listedBonus of num('bonus', '-99')) for (const minWord of num('min-word', '1000,300')) for (const listedMax of num('listed', '0,3')) for (const cw of num('cw', '0,1')) for (const cwLo of num('lo', '-99')) for (const cwHi of num('hi', '99')) for (const margin of num('margins', '6,7,7.5,8')) grid.push({ ...base, listedSeenRarer, ow, oa, ov, cs, cpw, listedSeen, fw, quotedMargin, listedMargin, glue, rareMinWord, listedBonus, minWord, listedMax, cw, cwLo, cwHi, margin });
const showAt = process.argv.indexOf('--show-fp');
const foundAt = process.argv.indexOf('--show-found');
grid.forEach((o, i) => {
  const s = score(o);
  process.stdout.write(`${i}\tlsr ${o.listedSeenRarer}\tow ${o.ow} oa ${o.oa} ov ${o.ov}\tcs ${o.cs} cpw ${o.cpw} lseen ${o.listedSeen}\tfw ${o.fw}\tquoted-m ${o.quotedMargin}\tlisted-m ${o.listedMargin}\tglue ${o.glue}\trare ${o.rareMinWord} bonus>${o.listedBonus}\tmin ${o.minWord}\tlisted<=${o.listedMax}\tcw ${o.cw} [${o.cwLo},${o.cwHi}]\tm ${o.margin}\tfp ${s.fp}\ttypo ${s.typo}\tindep ${s.indep}\tyard R ${s.recall.toFixed(3)} P ${s.precision.toFixed(3)}\n`);
  if (showAt > 0 && Number(process.argv[showAt + 1]) === i) for (const f of s.fps) process.stdout.write(`    ${f}\n`);
  if (foundAt > 0 && Number(process.argv[foundAt + 1]) === i) process.stdout.write(`    typo slips found: ${slips.filter((x) => x.set === 'typo' && x.candidates.some((c) => corrects(x, c) && reported(c, o, 1))).map((x) => x.wrong).join(' ')}\n`);
});
