/**
 * Mines the phrase bank (dictionaries/bank/phrases.yaml): fixed expressions that recur across the
 * documents and years of the 2019–2025 corpus (../shared/corpus; 2026 is the held-out slice and is
 * never read here), compiled as fuzzy targets of their own category (`category: bank`, warning).
 *
 *   npm run mine:phrases -- [--size 1000] [--min-length 5] [--min-docs 40] [--min-years 5] [--no-corpus-pass]
 *                           [--long-size N] [--long-min-length 5] [--long-min-docs 5] [--long-min-years 2] [--long-class bodies|all]
 *                           [--term-size N|all] [--term-min-docs 40] [--term-min-years 6]
 *                           [--out FILE] [--cache COUNTS.tsv] [--pass-log FILE]
 *
 * Rules (select.ts): 4–16 Han characters inside one clause (no punctuation, digit or Latin
 * between); in >= min-docs documents and >= min-years years; both ends on a boundary of jieba's
 * segmentation in >= 60 % of the occurrences; not a piece of a longer n-gram that holds >= 85 % of
 * its documents; no person's or place's name (jieba's nr* words no curated text uses, its frequent ns words, the names
 * of dictionaries/people); no particle, preposition, conjunction or adverb at either edge; not a
 * curated text. Sibling wordings (select.ts siblingsOf: counted n-grams one substitution from a
 * bank or curated phrase, in >= 5 documents, read as words of their own) join the bank as known
 * texts (`fuzzy: false`), so neither is read as a misspelling of the other. A name of a body gets its
 * conjunction slips as variants (tiers.ts bodyNameSlips: 文化与旅游部), less those written often (keepsSlip). Then the corpus pass
 * (corpus-pass.ts): tifa with the curated lexicons, the candidates and the known texts checks
 * 2019–2025, and every phrase that finds anything there leaves the bank (that text is edited copy:
 * a finding there is a wording of its own, not an error). The best `size` phrases (most documents
 * first) are written. A third tier of 4-character terms (tiers.ts DEFAULT_TERMS) is off by default:
 * `--term-size N` costs check time beyond what its leave-out gain pays (bench/phrase-bank/results.md).
 * Same inputs, same output byte for byte.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createJiebaSegmenter } from '../../src/segment/index.js';
import { CORPUS_DIR, repoRoot } from '../accuracy/common.js';
import { bitCount, countGrams, runTextOf, type GramStat } from './ngrams.js';
import { DEFAULT_SELECT, selectPhrases, siblingsOf, type SelectOptions } from './select.js';
import { curatedKeys, curatedTargets, peopleNames, bankYaml, phraseId, SECOND_TIER_NOTE, TERM_TIER_NOTE } from './bank-file.js';
import { corpusPass } from './corpus-pass.js';
import { bodyNameSlips, DEFAULT_LONG, DEFAULT_SIZE_RULES, DEFAULT_TERMS, isBodyName, keepsSlip, type BodySegmenter } from './tiers.js';
import { argValue, logLine, positiveArg } from '../lib/args.js';

export const FIRST_YEAR = 2019;
export const LAST_YEAR = 2025;

const arg = argValue;
const num = positiveArg;
const log = logLine;

/** The documents of 2019–2025, one per line of each year's file. */
export function readDocs(dir: string = CORPUS_DIR): Array<{ text: string; year: number }> {
  const docs: Array<{ text: string; year: number }> = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const text = gunzipSync(readFileSync(join(dir, `xwlb-${year}.txt.gz`))).toString('utf8');
    for (const line of text.split('\n')) if (line !== '') docs.push({ text: line, year });
  }
  return docs;
}

function writeCounts(file: string, grams: ReadonlyMap<string, GramStat>): void {
  const rows: string[] = [];
  for (const g of grams.values()) rows.push([g.text, g.docs, g.occurrences, g.aligned, g.yearMask, g.leftExtensionDocs, g.rightExtensionDocs].join('\t'));
  writeFileSync(file, `${rows.join('\n')}\n`);
}

export function readCounts(file: string): Map<string, GramStat> {
  const grams = new Map<string, GramStat>();
  for (const row of readFileSync(file, 'utf8').split('\n')) {
    if (row === '') continue;
    const [text, ...n] = row.split('\t');
    const [docs, occurrences, aligned, yearMask, leftExtensionDocs, rightExtensionDocs] = n.map(Number) as [number, number, number, number, number, number];
    grams.set(text!, { text: text!, docs, occurrences, aligned, yearMask, leftExtensionDocs, rightExtensionDocs });
  }
  return grams;
}

/** The second tier (tiers.ts): `--long-size N` phrases (0: none) of `--long-min-length` characters or more, in `--long-min-docs` documents of `--long-min-years` years, names of bodies only unless `--long-class all`. */
function longTier(): { size: number; select: SelectOptions; bodiesOnly: boolean } {
  const size = arg('--long-size') === '0' ? 0 : num('--long-size', DEFAULT_LONG.size);
  const select = { ...DEFAULT_SELECT, minLength: num('--long-min-length', DEFAULT_LONG.minLength), minDocs: num('--long-min-docs', DEFAULT_LONG.minDocs), minYears: num('--long-min-years', DEFAULT_LONG.minYears) };
  return { size, select, bodiesOnly: arg('--long-class') === undefined ? DEFAULT_LONG.bodiesOnly : arg('--long-class') === 'bodies' };
}

/** The third tier (tiers.ts DEFAULT_TERMS): `--term-size N` terms of 4 characters (0: none; all: every one passing), in `--term-min-docs` documents of `--term-min-years` years. */
function termTier(): { size: number; select: SelectOptions } {
  const size = arg('--term-size') === '0' ? 0 : arg('--term-size') === 'all' ? Infinity : num('--term-size', DEFAULT_TERMS.size);
  const select = { ...DEFAULT_SELECT, minLength: DEFAULT_TERMS.length, maxLength: DEFAULT_TERMS.length, minDocs: num('--term-min-docs', DEFAULT_TERMS.minDocs), minYears: num('--term-min-years', DEFAULT_TERMS.minYears) };
  return { size, select };
}

/** A body's conjunction slips as its variants, less the ones edited copy writes often (tiers.ts keepsSlip); memoized. */
function bodySlipsOf(docs: ReadonlyArray<{ text: string }>, grams: ReadonlyMap<string, GramStat>, tagging: BodySegmenter): (text: string) => string[] {
  const memo = new Map<string, string[]>();
  const docsHolding = (s: string): number => grams.get(s)?.docs ?? docs.reduce((n, d) => n + (d.text.includes(s) ? 1 : 0), 0);
  return (text) => {
    let v = memo.get(text);
    if (!v) memo.set(text, (v = bodyNameSlips(text, tagging).filter((slip) => keepsSlip(docsHolding(slip), grams.get(text)?.docs ?? 0))));
    return v;
  };
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const size = num('--size', DEFAULT_SIZE_RULES.size);
  const o: SelectOptions = {
    ...DEFAULT_SELECT,
    minDocs: num('--min-docs', DEFAULT_SELECT.minDocs),
    minYears: num('--min-years', DEFAULT_SELECT.minYears),
    minLength: num('--min-length', DEFAULT_SIZE_RULES.minLength), // 4-character phrases cost too much (results.md)
  };
  const out = arg('--out') ?? join(repoRoot, 'dictionaries/bank/phrases.yaml');
  const docs = readDocs();
  const segmenter = createJiebaSegmenter();
  const cache = arg('--cache'); // a TSV of the counts, to try other rules without counting again
  let grams: Map<string, GramStat>;
  if (cache !== undefined && existsSync(cache)) grams = readCounts(cache);
  else {
    const rt = runTextOf(docs, FIRST_YEAR, (run) => segmenter.cut(run));
    log(`${docs.length} documents, ${rt.text.length} characters in ${rt.runStart.length} Han runs (${Date.now() - t0} ms)`);
    grams = countGrams(rt, o.maxLength + 1, Math.min(o.minDocs, o.minSiblingDocs), log);
    if (cache !== undefined) writeCounts(cache, grams);
  }
  log(`counted in ${Date.now() - t0} ms`);
  const tagging = { cut: (s: string) => segmenter.cut(s), tag: (w: string) => segmenter.tag?.(w) ?? '', frequency: (w: string) => segmenter.frequency?.(w) ?? 0 };
  const names = peopleNames(repoRoot);
  const curated = curatedKeys(repoRoot);
  const { phrases, leftOut } = selectPhrases(grams, tagging, names, curated, o);
  log(`${phrases.length} phrases pass the rules; left out: ${[...leftOut].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const targets = curatedTargets(repoRoot);
  let bank: GramStat[] = phrases.slice(0, Math.ceil(size * 1.25));
  // The second tier: names of bodies (or, with --long-class all, any phrase) of long.minLength+
  // characters under lower thresholds than the first tier's (国家互联网信息办公室 is in 11 documents of
  // 6 years). Each phrase costs check time (bench/phrase-bank/results.md), so the tier is a class.
  const long = longTier();
  const tierNotes = new Map<string, string>(); // text -> its tier's note word (the first tier has none)
  if (long.size > 0) {
    const first = new Set(bank.map((g) => g.text));
    const picked = selectPhrases(grams, tagging, names, curated, long.select).phrases.filter((g) => !first.has(g.text) && (!long.bodiesOnly || isBodyName(g.text, tagging)));
    log(`second tier: ${picked.length} phrases of ${long.select.minLength}+ characters pass its rules (${long.select.minDocs} documents, ${long.select.minYears} years${long.bodiesOnly ? ', names of bodies' : ''})`);
    bank = [...bank, ...picked.slice(0, Math.ceil(long.size * 1.25))];
    for (const g of picked) tierNotes.set(g.text, SECOND_TIER_NOTE);
  }
  // The third: terms of 4 characters (数字经济, 九二共识), a tier and a size of their own.
  const terms = termTier();
  if (terms.size > 0) {
    const taken = new Set(bank.map((g) => g.text));
    const picked = selectPhrases(grams, tagging, names, curated, terms.select).phrases.filter((g) => !taken.has(g.text));
    log(`third tier: ${picked.length} terms of ${DEFAULT_TERMS.length} characters pass its rules (${terms.select.minDocs} documents, ${terms.select.minYears} years)`);
    bank = [...bank, ...picked.slice(0, Math.ceil(terms.size * 1.25))];
    for (const g of picked) tierNotes.set(g.text, TERM_TIER_NOTE);
  }
  // Each tier keeps its best `size` phrases (the bank's order: the first tier, the long one, the terms).
  const inTier = (note: string | undefined) => (g: GramStat): boolean => tierNotes.get(g.text) === note;
  const cut = (b: GramStat[]): GramStat[] => [...b.filter(inTier(undefined)).slice(0, size), ...b.filter(inTier(SECOND_TIER_NOTE)).slice(0, long.size), ...b.filter(inTier(TERM_TIER_NOTE)).slice(0, terms.size)];
  const slipsOf = bodySlipsOf(docs, grams, tagging);
  let known: GramStat[] = siblingsOf([...bank.map((g) => g.text), ...targets], grams, o);
  // The corpus pass, again on what is left, until nothing is found (a phrase that leaves may have
  // hidden a finding of another); at most 3 rounds.
  for (let round = 1; round <= 3 && !process.argv.includes('--no-corpus-pass'); round++) {
    const found = await corpusPass(repoRoot, bank, known, docs, log, arg('--pass-log'), slipsOf);
    const before = bank.length;
    bank = bank.filter((g) => !found.has(phraseId(g.text)));
    log(`corpus pass ${round}: ${found.size} phrases find something in 2019–2025 (or clash with a curated entry) and leave the bank`);
    if (round === 1) bank = cut(bank);
    known = siblingsOf([...bank.map((g) => g.text), ...targets], grams, o);
    if (found.size === 0 || (round > 1 && bank.length === before)) break;
  }
  bank = cut(bank);
  const longRules = long.size > 0 ? `; second tier${long.bodiesOnly ? ' (names of bodies)' : ''}: length ${long.select.minLength}-${long.select.maxLength}, min-docs ${long.select.minDocs}, min-years ${long.select.minYears}, size ${long.size}` : '';
  const termRules = terms.size > 0 ? `; third tier (terms): length ${DEFAULT_TERMS.length}, min-docs ${terms.select.minDocs}, min-years ${terms.select.minYears}, size ${terms.size === Infinity ? 'all' : terms.size}` : '';
  const rules = `min-docs ${o.minDocs}, min-years ${o.minYears}, length ${o.minLength}-${o.maxLength}, aligned ${o.minAligned}, extension share ${o.maxExtensionShare}, sibling docs ${o.minSiblingDocs}, size ${size}${longRules}${termRules}`;
  writeFileSync(out, bankYaml(bank, known, rules, (g) => bitCount(g.yearMask), tierNotes, slipsOf));
  log(`${bank.length} phrases and ${known.length} sibling wordings -> ${out} (${Date.now() - t0} ms)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
