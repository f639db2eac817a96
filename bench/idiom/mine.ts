/**
 * Builds the idiom list (dictionaries/idiom/idioms.yaml): idioms (成语, jieba tag i) and set
 * phrases (习用语, tag l) of the dictionary that ships in @node-rs/jieba (dict.txt), and its words of
 * any tag that the idiom dictionary of cnchar-idiom lists (cnchar.ts), chosen by
 * evidence — jieba's count and the documents of the 2019–2025 corpus (../shared/corpus; 2026 is the
 * held-out slice and is never read here) — and compiled as fuzzy targets of their own category
 * (`category: idiom-bank`, warning, less sure than curated and bank phrases). Rules in select.ts.
 *
 *   npm run mine:idioms -- [--size 5000] [--min-count 20] [--min-docs 1] [--min-set-phrase-count 10] [--min-listed-count 20]
 *                          [--no-corpus-pass] [--out FILE] [--pass-log FILE]
 *
 * Then the corpus pass: tifa with the curated lexicons, the phrase bank and the candidates checks
 * 2019–2025, and every idiom that finds anything there leaves the list (that text is edited copy:
 * a finding there is a wording of its own, not an error). Candidates that clash with a curated
 * entry leave too (curated entries win). Same inputs, same output byte for byte.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChecker } from '../../src/index.js';
import { createNormalizer } from '../../src/normalize/index.js';
import { parseLexiconFile } from '../../src/lexicon/parse.js';
import { textCheckFor } from '../../src/lexicon/text-check.js';
import { bankWithoutClashes } from '../../src/lexicon/bank.js';
import { builtinConfusion } from '../../src/data/builtin.js';
import { yamlFiles } from '../../src/build/lexicon.js';
import type { LexiconEntry } from '../../src/lexicon/types.js';
import { repoRoot } from '../accuracy/common.js';
import { bankSourceText, curatedEntries, curatedKeys, curatedSources } from '../phrase-bank/bank-file.js';
import { listedTexts } from '../../src/lexicon/bank.js';
import { readDocs, FIRST_YEAR } from '../phrase-bank/mine.js';
import { bitCount } from '../phrase-bank/ngrams.js';
import { chooseIdioms, DEFAULT_IDIOM_SELECT, JIEBA_FLOOR, knownSiblings, listedSlips, siblingIndex, SLIP_RATIO, type IdiomChoice, type IdiomSelectOptions, type IdiomStat } from './select.js';
import { argValue, logLine, positiveArg } from '../lib/args.js';
import { cncharIdioms } from './cnchar.js';

const HAN = /^[\u4e00-\u9fff]+$/;

/** The path of jieba's dictionary in the installed package. */
export function jiebaDictPath(): string {
  return createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
}

/** jieba's words of `minLength`–`maxLength` Han characters: `word count tag` per line. */
export function readJiebaWords(text: string, minLength: number, maxLength: number): IdiomStat[] {
  const out: IdiomStat[] = [];
  for (const line of text.split('\n')) {
    const [word, count, tag] = line.trim().split(/\s+/);
    if (word === undefined || count === undefined || word.length < minLength || word.length > maxLength || !HAN.test(word)) continue;
    out.push({ text: word, count: Number(count), tag: tag ?? '', docs: 0, yearMask: 0 });
  }
  return out;
}

/** Counts, for each word, the documents and years of `docs` that hold it (one pass, every length). */
export function countDocs(words: readonly IdiomStat[], docs: ReadonlyArray<{ text: string; year: number }>, firstYear: number): void {
  const byText = new Map(words.map((w) => [w.text, w]));
  const lengths = [...new Set(words.map((w) => w.text.length))].sort((a, b) => a - b);
  const heads = new Set(words.map((w) => w.text.slice(0, 2)));
  const seen = new Set<IdiomStat>();
  for (const d of docs) {
    seen.clear();
    const t = d.text;
    for (let i = 0; i + 1 < t.length; i++) {
      if (!heads.has(t.slice(i, i + 2))) continue;
      for (const n of lengths) {
        if (i + n > t.length) break;
        const w = byText.get(t.slice(i, i + n));
        if (w) seen.add(w);
      }
    }
    for (const w of seen) {
      w.docs++;
      w.yearMask |= 1 << (d.year - firstYear);
    }
  }
}

/** Marks the words `listed` holds (the idioms of cnchar-idiom). */
export function markListed(words: readonly IdiomStat[], listed: ReadonlySet<string>): void {
  for (const w of words) if (listed.has(w.text)) w.listed = true;
}

/** Whether a jieba word is an idiom or set phrase: tagged i or l, or listed by cnchar-idiom. */
export const isIdiomWord = (w: IdiomStat): boolean => w.tag === 'i' || w.tag === 'l' || w.listed === true;

export function idiomId(text: string): string {
  return `idiom.${createHash('sha256').update(text).digest('hex').slice(0, 10)}`;
}

export const IDIOM_SOURCE = '结巴分词词典（@node-rs/jieba dict.txt）标注为成语（i）、习用语（l）或见于cnchar-idiom成语词典的词条，按词频与新闻联播2019–2025年文本筛选（bench/idiom/mine.ts）';

/** The source facts of a word: jieba's tag and count, cnchar-idiom's listing, the documents and years of 2019–2025. */
export const idiomNote = (s: IdiomStat): string => `${s.tag === 'i' ? '成语' : s.tag === 'l' ? '习用语' : '词'}${s.listed ? ' cnchar' : ''} 词频${s.count} ${s.docs}篇 ${bitCount(s.yearMask)}年`;

/** The idiom list as a lexicon file: one flow mapping per idiom, its counts as the note, its listed slips (`slips`) as variants. */
export function idiomYaml(targets: readonly IdiomStat[], known: readonly IdiomStat[], rules: string, slips: ReadonlyMap<string, readonly string[]> = new Map()): string {
  const variants = (s: IdiomStat): string => {
    const v = slips.get(s.text);
    return v ? `variants: [${v.join(', ')}], ` : '';
  };
  const lines = [
    '# The idiom list: idioms (成语) and set phrases (习用语) of jieba\'s dictionary (tagged so, or listed by',
    '# cnchar-idiom\'s idiom dictionary), chosen by evidence, by `npm run mine:idioms` (bench/idiom/mine.ts);',
    '# do not edit by hand, rerun the miner. Each note gives the source facts: jieba\'s tag and count,',
    '# `cnchar` when cnchar-idiom lists it, the documents and the years (of 7) of 2019–2025 holding it.',
    '# Curated entries and the phrase bank win over these. The entries with `fuzzy: false` at the end are',
    '# words one confusable character from an idiom (real words of their own by the same evidence):',
    '# known texts, never read as a misspelling of their sibling. The `variants` of an idiom are the slips',
    '# jieba lists as words (so fuzzy search takes them for words): found exactly, as wrong forms.',
    `# Rules: ${rules}.`,
    'kind: mandated',
    'category: idiom-bank',
    'severity: warning',
    `source: ${IDIOM_SOURCE}`,
    'entries:',
    ...targets.map((s) => `  - {id: ${idiomId(s.text)}, text: ${s.text}, ${variants(s)}note: ${idiomNote(s)}}`),
    ...known.map((s) => `  - {id: ${idiomId(s.text)}, text: ${s.text}, fuzzy: false, note: ${idiomNote(s)} 近邻}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The phrase bank's files as lexicon sources. */
export function bankSourcesOf(root: string): Array<{ name: string; text: string }> {
  // less the phrases that clash with a curated entry, as the build leaves them out
  return yamlFiles(join(root, 'dictionaries', 'bank')).map((file) => ({ name: relative(root, file), text: bankSourceText(root, readFileSync(file, 'utf8')) }));
}

/** The phrase bank's entries (less those that clash with a curated entry). */
function bankEntries(root: string, normalizer: ReturnType<typeof createNormalizer>): LexiconEntry[] {
  return bankSourcesOf(root).flatMap((src) => parseLexiconFile(src.name, src.text, textCheckFor(normalizer)).entries);
}

/** Whether a candidate does not clash with the curated entries and the bank (the build keeps it). */
export function clashFree(root: string, candidates: readonly LexiconEntry[]): (s: IdiomStat) => boolean {
  const normalizer = createNormalizer(readFileSync(join(root, 'dictionaries/derived/normalize.tsv'), 'utf8'));
  const kept = new Set(bankWithoutClashes([...curatedEntries(root), ...bankEntries(root, normalizer)], candidates, normalizer.key).map((e) => e.id));
  return (s) => kept.has(idiomId(s.text));
}

/** The candidates as a lexicon file, parsed (for `clashFree`). */
export function parsedIdioms(root: string, targets: readonly IdiomStat[], known: readonly IdiomStat[]): LexiconEntry[] {
  const normalizer = createNormalizer(readFileSync(join(root, 'dictionaries/derived/normalize.tsv'), 'utf8'));
  const parsed = parseLexiconFile('idiom-candidates.yaml', idiomYaml(targets, known, 'corpus pass'), textCheckFor(normalizer));
  if (parsed.issues.length > 0) throw new Error(`candidate idioms: ${parsed.issues.map((i) => `${i.file}:${i.line}: ${i.reason}`).join('; ')}`);
  return parsed.entries;
}

/**
 * The real errors of the corpus that a review of tifa's findings listed (bench/accuracy/
 * corpus-real-errors.json, the accuracy report counts them as no false positives), as
 * `line\tactual`: the line of the corpus (the year files one after another, 2019 first, empty lines
 * skipped, as readDocs reads them). A finding of one (誓死如归 for 视死如归, 荒芜人烟 for 荒无人烟) is
 * the idiom's slip written in edited copy, no wording of its own: it does not drop the idiom.
 */
export function reviewedRealErrors(root: string): Set<string> {
  const rows = JSON.parse(readFileSync(join(root, 'bench/accuracy/corpus-real-errors.json'), 'utf8')) as Array<{ line: number; actual: string }>;
  return new Set(rows.map((r) => `${r.line}\t${r.actual}`));
}

/**
 * The corpus pass: the ids of the candidates that leave, finding anything in `docs` (all of
 * 2019–2025, in readDocs's order) beside the curated lexicon and the phrase bank, but a reviewed
 * real error of the corpus.
 */
export function idiomCorpusPass(root: string, targets: readonly IdiomStat[], known: readonly IdiomStat[], docs: ReadonlyArray<{ text: string }>, log: (s: string) => void, passLog?: string): Set<string> {
  const t0 = Date.now();
  const keep = clashFree(root, parsedIdioms(root, targets, known));
  const clash = (s: IdiomStat): boolean => !keep(s);
  // The candidates that clash with a curated or bank entry are left out by the build, and come back
  // in a build without that entry: they are checked too, alone (their own findings, no curated
  // entry to win over them).
  log(`corpus pass: ${targets.filter(clash).length} candidates clash with curated or bank entries, checked alone`);
  const checkers = [
    createChecker({ builtins: false, lexicons: [...curatedSources(root), ...bankSourcesOf(root), { name: 'idiom-candidates.yaml', text: idiomYaml(targets.filter(keep), known.filter(keep), 'corpus pass') }] }),
    createChecker({ builtins: false, lexicons: [{ name: 'idiom-clashing.yaml', text: idiomYaml(targets.filter(clash), known, 'corpus pass') }] }),
  ];
  const found = new Map<string, number>();
  const seen: string[] = []; // idiom, text found, detail, confidence: for the review (--pass-log FILE)
  const real = reviewedRealErrors(root);
  let chars = 0;
  for (const [i, d] of docs.entries()) {
    chars += d.text.length;
    for (const checker of checkers) {
      for (const f of checker.check(d.text)) {
        if (!f.entry.startsWith('idiom.') || real.has(`${i + 1}\t${f.actual}`)) continue;
        found.set(f.entry, (found.get(f.entry) ?? 0) + 1);
        seen.push(`${f.expected[0]}\t${f.actual}\t${f.detail}\t${f.confidence}`);
      }
    }
  }
  log(`corpus pass: ${chars} characters in ${Date.now() - t0} ms, ${found.size} candidates find something`);
  const leave = new Set(found.keys());
  if (passLog !== undefined) writeFileSync(passLog, `${seen.join('\n')}\n`);
  return leave;
}

/**
 * Which slips may be listed as wrong forms: in normalized form (the validator's rule), and no text
 * the curated lexicon or the bank lists unless the idiom is listed too (a bank or idiom entry whose
 * variant is a curated text is left out by the build, and the idiom's fuzzy search with it).
 */
export function slipKeeper(root: string): (idiom: string, slip: string) => boolean {
  const normalizer = createNormalizer(readFileSync(join(root, 'dictionaries/derived/normalize.tsv'), 'utf8'));
  const check = textCheckFor(normalizer);
  const listed = new Set([...curatedEntries(root), ...bankEntries(root, normalizer)].flatMap((e) => listedTexts(e)).map((t) => normalizer.key(t)));
  return (idiom, slip) => check(slip) === undefined && (!listed.has(normalizer.key(slip)) || listed.has(normalizer.key(idiom)));
}

/**
 * The idiom list's text for the chosen targets and known siblings (after the corpus pass), with the
 * listed slips of the targets as variants: the corpus pass does not see them (never written in
 * 2019–2025, they find nothing there).
 */
export function idiomList(root: string, targets: readonly IdiomStat[], known: readonly IdiomStat[], words: readonly IdiomStat[], confusable: (a: string, b: string) => boolean, o: IdiomSelectOptions): { yaml: string; slips: Map<string, string[]> } {
  const slips = listedSlips(targets, known, siblingIndex(words), confusable, slipKeeper(root));
  const rules = `tags i and l, length ${o.minLength}-${o.maxLength}, jieba count > ${JIEBA_FLOOR}, and >= ${o.minCount} or documents >= ${o.minDocs} (l: count >= ${o.minSetPhraseCount} too); any tag listed by cnchar-idiom: count >= ${o.minListedCount} or documents >= ${o.minDocs}; no slip of a sibling, no finding in 2019-2025 but a reviewed real error, size ${o.size}; variants: sibling words of an idiom written in 2019-2025, never written there, that jieba counts at its floor or ${SLIP_RATIO}x less`;
  return { yaml: idiomYaml(targets, known, rules, slips), slips };
}

const arg = argValue;
const num = positiveArg;
const log = logLine;

export interface IdiomCandidates {
  /** jieba's words of the idioms' lengths that may be siblings of an idiom, with their counts. */
  words: IdiomStat[];
  confusable: (a: string, b: string) => boolean;
  /** Texts that are no candidates (none: the build leaves out what clashes). */
  excluded: Set<string>;
  /** The candidates (up to 1.25 × size, before the corpus pass) and their known siblings. */
  choice: IdiomChoice;
}

/** The candidates of the rules `o` from jieba's dictionary and the counts in `docs` (2019–2025). */
export function idiomCandidates(root: string, docs: ReadonlyArray<{ text: string; year: number }>, o: IdiomSelectOptions, log: (s: string) => void = () => {}): IdiomCandidates {
  const t0 = Date.now();
  const all = readJiebaWords(readFileSync(jiebaDictPath(), 'utf8'), o.minLength, o.maxLength);
  markListed(all, cncharIdioms());
  const idioms = all.filter(isIdiomWord);
  // only the words that share all but one character with an idiom can be its siblings: count those
  const keys = siblingIndex(idioms);
  const words = all.filter((w) => isIdiomWord(w) || [...w.text].some((_, i) => keys.has(`${w.text.slice(0, i)}\u0000${w.text.slice(i + 1)}`)));
  countDocs(words, docs, FIRST_YEAR);
  log(`${idioms.length} idioms and set phrases (${idioms.filter((w) => w.listed).length} listed by cnchar-idiom), ${words.length} words counted in ${docs.length} documents (${Date.now() - t0} ms)`);
  const confusion = builtinConfusion();
  const confusable = (a: string, b: string): boolean => confusion.candidates(a.codePointAt(0)!).includes(b.codePointAt(0)!) || confusion.candidates(b.codePointAt(0)!).includes(a.codePointAt(0)!);
  // Curated and bank texts stay candidates: the build leaves out what clashes with them (curated
  // entries win), and a build without such an entry (the leave-out run) takes the idiom back.
  const excluded = new Set<string>();
  const choice = chooseIdioms(idioms, words, confusable, excluded, { ...o, size: Math.ceil(o.size * 1.25) });
  log(`${choice.targets.length} candidates, ${choice.known.length} known siblings; left out: ${[...choice.leftOut].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return { words, confusable, excluded, choice };
}

function main(): void {
  const t0 = Date.now();
  const o: IdiomSelectOptions = {
    ...DEFAULT_IDIOM_SELECT,
    size: num('--size', DEFAULT_IDIOM_SELECT.size),
    minCount: num('--min-count', DEFAULT_IDIOM_SELECT.minCount),
    minDocs: num('--min-docs', DEFAULT_IDIOM_SELECT.minDocs),
    minSetPhraseCount: num('--min-set-phrase-count', DEFAULT_IDIOM_SELECT.minSetPhraseCount),
    minListedCount: num('--min-listed-count', DEFAULT_IDIOM_SELECT.minListedCount),
  };
  const out = arg('--out') ?? join(repoRoot, 'dictionaries/idiom/idioms.yaml');
  const docs = readDocs();
  const { words, confusable, excluded, choice } = idiomCandidates(repoRoot, docs, o, log);
  const index = siblingIndex(words);
  let targets = choice.targets;
  let known = choice.known;
  // The corpus pass, again on what is left, until nothing is found (an idiom that leaves may have
  // hidden a finding of another); at most 3 rounds.
  for (let round = 1; round <= 3 && !process.argv.includes('--no-corpus-pass'); round++) {
    const leave = idiomCorpusPass(repoRoot, targets, known, docs, log, arg('--pass-log'));
    const before = targets.length;
    targets = targets.filter((s) => !leave.has(idiomId(s.text)));
    if (round === 1) targets = targets.slice(0, o.size);
    known = knownSiblings(targets, index, confusable, excluded);
    log(`corpus pass ${round}: ${leave.size} candidates find something in 2019–2025 (or clash) and leave; ${targets.length} left`);
    if (leave.size === 0 || (round > 1 && targets.length === before)) break;
  }
  targets = targets.slice(0, o.size);
  const list = idiomList(repoRoot, targets, known, words, confusable, o);
  writeFileSync(out, list.yaml);
  log(`${targets.length} idioms (${list.slips.size} with listed slips, ${[...list.slips.values()].reduce((n, v) => n + v.length, 0)} slips) and ${known.length} known siblings -> ${out} (${Date.now() - t0} ms)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
