/**
 * The leave-out run's "mining again": which left-out texts the phrase bank's miner
 * (bench/phrase-bank/mine.ts) would take once no curated entry claims them. The miner's counts are
 * made here for just those texts, from the same 2019–2025 documents and the same segmenter
 * (documents, years, occurrences on segmenter boundaries, the longest extension on each side), and
 * its selection rules are applied as they are (select.ts reasonToLeaveOut: length, documents,
 * years, boundaries, piece of a longer n-gram, names, edges, curated texts; the second tier's
 * class and the third tier's terms of 4 characters, tiers.ts) with the remaining curated entries' texts; a body's name gets its conjunction
 * slips as variants (tiers.ts bodyNameSlips). Two things are approximated: the size
 * cut (a text must have as many documents as the fewest of the committed bank's phrases of its
 * tier) and the corpus pass (`corpusPass`: one round, not the miner's three).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LexiconEntry } from '../../src/lexicon/types.js';
import { listedTexts } from '../../src/lexicon/bank.js';
import { createJiebaSegmenter } from '../../src/segment/index.js';
import { reasonToLeaveOut, DEFAULT_SELECT, type SelectOptions } from '../phrase-bank/select.js';
import { peopleNames, SECOND_TIER_NOTE, TERM_TIER_NOTE } from '../phrase-bank/bank-file.js';
import { bodyNameSlips, DEFAULT_LONG, DEFAULT_SIZE_RULES, DEFAULT_TERMS, isBodyName, keepsSlip } from '../phrase-bank/tiers.js';
import type { GramStat } from '../phrase-bank/ngrams.js';
import { repoRoot } from './common.js';

/** The tuned text as honest.ts builds it: documents joined by '\n', with each one's start and year. */
export interface TunedText {
  all: string;
  starts: number[];
  years: string[];
}

const isHan = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

/** The miner's counts of one text (ngrams.ts countGrams), made from its occurrences only. */
export function gramStatOf(t: TunedText, s: string, cut: (run: string) => string[]): GramStat {
  const firstYear = 2019;
  const docs = new Set<number>();
  let yearMask = 0;
  let occurrences = 0;
  let aligned = 0;
  const leftDocs = new Map<string, Set<number>>();
  const rightDocs = new Map<string, Set<number>>();
  const cuts = new Map<string, Set<number>>(); // run text -> its token boundaries
  let line = 0;
  for (let at = t.all.indexOf(s); at >= 0; at = t.all.indexOf(s, at + 1)) {
    while (line + 1 < t.starts.length && t.starts[line + 1]! <= at) line++;
    let a = at;
    while (a > 0 && isHan(t.all.charCodeAt(a - 1))) a--;
    let b = at + s.length;
    while (b < t.all.length && isHan(t.all.charCodeAt(b))) b++;
    occurrences++;
    docs.add(line);
    yearMask |= 1 << (Number(t.years[line]) - firstYear);
    const run = t.all.slice(a, b);
    let bounds = cuts.get(run);
    if (!bounds) {
      bounds = new Set([0]);
      let p = 0;
      for (const token of cut(run)) bounds.add((p += token.length));
      cuts.set(run, bounds);
    }
    if (bounds.has(at - a) && bounds.has(at - a + s.length)) aligned++;
    const add = (m: Map<string, Set<number>>, k: string): void => {
      const set = m.get(k) ?? new Set<number>();
      set.add(line);
      m.set(k, set);
    };
    if (at > a) add(leftDocs, t.all[at - 1]!);
    if (at + s.length < b) add(rightDocs, t.all[at + s.length]!);
  }
  const most = (m: Map<string, Set<number>>): number => Math.max(0, ...[...m.values()].map((x) => x.size));
  return { text: s, docs: docs.size, occurrences, aligned, yearMask, leftExtensionDocs: most(leftDocs), rightExtensionDocs: most(rightDocs) };
}

/** The fewest documents of a committed bank phrase, per tier (the size cut of each tier; Infinity: no such tier). */
function tierTails(bankFile: string): { first: number; second: number; terms: number } {
  let first = Infinity;
  let second = Infinity;
  let terms = Infinity;
  for (const m of readFileSync(bankFile, 'utf8').matchAll(/text: [^,]+, (?:variants: \[[^\]]*\], )?note: (\d+)篇 \d+年( \S+)?\}/g)) {
    const docs = Number(m[1]);
    if (m[2] === ` ${SECOND_TIER_NOTE}`) second = Math.min(second, docs);
    else if (m[2] === ` ${TERM_TIER_NOTE}`) terms = Math.min(terms, docs);
    else if (m[2] === undefined) first = Math.min(first, docs);
  }
  return { first, second, terms };
}

/**
 * The left-out texts the miner would take, as bank entries; `remaining`: the curated entries left
 * in (their texts are the ones the miner leaves to the curated lexicon).
 */
export function reminedComeback(t: TunedText, texts: readonly string[], remaining: readonly LexiconEntry[]): { entries: LexiconEntry[]; why: Map<string, string> } {
  const segmenter = createJiebaSegmenter();
  const tagging = { cut: (s: string) => segmenter.cut(s), tag: (w: string) => segmenter.tag?.(w) ?? '', frequency: (w: string) => segmenter.frequency?.(w) ?? 0 };
  const names = peopleNames(repoRoot);
  const curated = new Set<string>();
  for (const e of remaining) for (const x of listedTexts(e)) curated.add(x);
  const first: SelectOptions = { ...DEFAULT_SELECT, minLength: DEFAULT_SIZE_RULES.minLength };
  const long: SelectOptions = { ...DEFAULT_SELECT, minLength: DEFAULT_LONG.minLength, minDocs: DEFAULT_LONG.minDocs, minYears: DEFAULT_LONG.minYears };
  const terms: SelectOptions = { ...DEFAULT_SELECT, minLength: DEFAULT_TERMS.length, maxLength: DEFAULT_TERMS.length, minDocs: DEFAULT_TERMS.minDocs, minYears: DEFAULT_TERMS.minYears };
  const tails = tierTails(join(repoRoot, 'dictionaries/bank/phrases.yaml'));
  const entries: LexiconEntry[] = [];
  const why = new Map<string, string>();
  for (const text of new Set(texts)) {
    if (!/^[\u4e00-\u9fff]+$/.test(text)) {
      why.set(text, 'not one Han run');
      continue;
    }
    const g = gramStatOf(t, text, (run) => segmenter.cut(run));
    const inFirst = reasonToLeaveOut(g, tagging, names, curated, first) ?? (g.docs >= tails.first ? undefined : 'size');
    const inLong =
      DEFAULT_LONG.size === 0 || text.length < DEFAULT_LONG.minLength
        ? 'length'
        : (reasonToLeaveOut(g, tagging, names, curated, long) ?? (DEFAULT_LONG.bodiesOnly && !isBodyName(text, tagging) ? 'no body' : g.docs >= tails.second ? undefined : 'size'));
    // the third tier, terms of 4 characters, when the committed bank has one (its size cut: tails.terms)
    const inTerms = text.length !== DEFAULT_TERMS.length || tails.terms === Infinity ? 'length' : (reasonToLeaveOut(g, tagging, names, curated, terms) ?? (g.docs >= tails.terms ? undefined : 'size'));
    if (inFirst !== undefined && inLong !== undefined && inTerms !== undefined) {
      why.set(text, inTerms !== 'length' ? `${inFirst}/${inTerms}` : inLong === 'length' || inLong === inFirst ? inFirst : `${inFirst}/${inLong}`);
      continue;
    }
    why.set(text, 'taken');
    // a body's conjunction slips, less those edited copy writes often (the miner's rule)
    const variants = bodyNameSlips(text, tagging).filter((v) => keepsSlip(gramStatOf(t, v, (run) => segmenter.cut(run)).docs, g.docs));
    entries.push({ id: `bank.left-out-${entries.length}`, kind: 'mandated', text, variants, replacement: [], source: 'leave-out run: a left-out text the phrase bank miner would take', category: 'bank', severity: 'warning', fuzzy: true, unless: [], file: '(leave-out)', line: 0 });
  }
  return { entries, why };
}

/**
 * The miner's corpus pass (bench/phrase-bank/corpus-pass.ts) for the texts taken back, one round:
 * a checker with them (`checkerWith`) checks every 2019–2025 document, and a text that finds
 * anything there leaves (its wording has a sibling in edited copy). Returns the texts that stay.
 */
export function corpusPass(t: TunedText, taken: readonly LexiconEntry[], checkerWith: (bank: readonly LexiconEntry[]) => { check(text: string): ReadonlyArray<{ entry: string; detail: string }> }): LexiconEntry[] {
  if (taken.length === 0) return [];
  const checker = checkerWith(taken);
  const ids = new Set(taken.map((e) => e.id));
  const found = new Set<string>();
  for (const doc of t.all.split('\n')) for (const f of checker.check(doc)) if (ids.has(f.entry) && f.detail !== 'listed') found.add(f.entry); // a kept slip found is a slip there too
  return taken.filter((e) => !found.has(e.id));
}
