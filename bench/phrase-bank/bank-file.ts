/**
 * The bank's file and what the miner reads from the repository: the curated lexicon's texts (the
 * bank leaves those to it) and the names of dictionaries/people.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { createNormalizer } from '../../src/normalize/index.js';
import { parseLexiconFile } from '../../src/lexicon/parse.js';
import { textCheckFor } from '../../src/lexicon/text-check.js';
import { KIND_DIRS, yamlFiles } from '../../src/build/lexicon.js';
import type { LexiconEntry } from '../../src/lexicon/types.js';
import { bankWithoutClashes, listedTexts } from '../../src/lexicon/bank.js';
import type { GramStat } from './ngrams.js';

/** Every curated entry (dictionaries/<kind>/, not the bank). */
export function curatedEntries(root: string): LexiconEntry[] {
  const normalizer = createNormalizer(readFileSync(join(root, 'dictionaries/derived/normalize.tsv'), 'utf8'));
  const check = textCheckFor(normalizer);
  const entries: LexiconEntry[] = [];
  for (const kind of KIND_DIRS) {
    for (const file of yamlFiles(join(root, 'dictionaries', kind))) {
      const parsed = parseLexiconFile(relative(root, file), readFileSync(file, 'utf8'), check);
      entries.push(...parsed.entries);
    }
  }
  return entries;
}

/** The curated lexicon's files as `createChecker` lexicons (name and YAML text). */
export function curatedSources(root: string): Array<{ name: string; text: string }> {
  return KIND_DIRS.flatMap((kind) => yamlFiles(join(root, 'dictionaries', kind)).map((file) => ({ name: relative(root, file), text: readFileSync(file, 'utf8') })));
}

/** The curated texts the fuzzy search looks for (mandated phrases, right words of typos). */
export function curatedTargets(root: string): string[] {
  return curatedEntries(root).flatMap((e) => (!e.fuzzy ? [] : e.kind === 'mandated' ? [e.text] : e.kind === 'typo' ? e.replacement : []));
}

/** Every curated text a bank phrase may not be: phrases, variants, right words of typos (not the new names of outdated entries: see listedTexts). */
export function curatedKeys(root: string): Set<string> {
  const keys = new Set<string>();
  for (const e of curatedEntries(root)) for (const t of listedTexts(e)) keys.add(t);
  return keys;
}

/** People's names (and no titles or bodies) of dictionaries/people/*.yaml. */
export function peopleNames(root: string): string[] {
  const names = new Set<string>();
  for (const file of yamlFiles(join(root, 'dictionaries/people'))) {
    const doc = parse(readFileSync(file, 'utf8')) as { people?: Array<{ name?: unknown }> };
    for (const p of doc.people ?? []) if (typeof p.name === 'string') names.add(p.name);
  }
  return [...names].sort();
}

/** A phrase's stable id: the same text has the same id whatever the bank's size or order. */
export function phraseId(text: string): string {
  return `bank.${createHash('sha256').update(text).digest('hex').slice(0, 10)}`;
}

/** The note's last word on a phrase of the second tier (tiers.ts: names of bodies under lower thresholds). */
export const SECOND_TIER_NOTE = '机构名';

/** The note's last word on a phrase of the third tier (tiers.ts DEFAULT_TERMS: terms of 4 characters). */
export const TERM_TIER_NOTE = '四字术语';

export const BANK_SOURCE = '新闻联播2019–2025年文本挖掘的固定表述（bench/phrase-bank/mine.ts）';

/** A phrase's slips written as its variants (tiers.ts bodyNameSlips); none by default. */
export type SlipsOf = (text: string) => readonly string[];

/** The bank as a lexicon file: one flow mapping per phrase, its counts as the note (with its tier's word, `tierNotes`: SECOND_TIER_NOTE, TERM_TIER_NOTE), its slips (`slipsOf`) as variants. */
export function bankYaml(bank: readonly GramStat[], known: readonly GramStat[], rules: string, yearsOf: (g: GramStat) => number, tierNotes: ReadonlyMap<string, string> = new Map(), slipsOf: SlipsOf = () => []): string {
  const variants = (text: string): string => {
    const v = slipsOf(text);
    return v.length === 0 ? '' : `, variants: [${v.join(', ')}]`;
  };
  const lines = [
    '# The phrase bank: fixed expressions mined from the 2019–2025 corpus by `npm run mine:phrases`',
    '# (bench/phrase-bank/mine.ts); do not edit by hand, rerun the miner. Each note gives the source facts:',
    '# the documents and the years (of 7) the phrase occurs in. Curated entries win over these. The',
    '# entries with `fuzzy: false` at the end are sibling wordings of a bank or curated phrase (one',
    '# character apart, frequent themselves): known texts, never read as a misspelling of their sibling.',
    '# The variants of a name of a body are its conjunction slips (bench/phrase-bank/tiers.ts bodyNameSlips).',
    `# Rules: ${rules}.`,
    'kind: mandated',
    'category: bank',
    'severity: warning',
    `source: ${BANK_SOURCE}`,
    'entries:',
    ...bank.map((g) => `  - {id: ${phraseId(g.text)}, text: ${g.text}${variants(g.text)}, note: ${g.docs}篇 ${yearsOf(g)}年${tierNotes.has(g.text) ? ` ${tierNotes.get(g.text)}` : ''}}`),
    ...known.map((g) => `  - {id: ${phraseId(g.text)}, text: ${g.text}, fuzzy: false, note: ${g.docs}篇 ${yearsOf(g)}年 近邻}`),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * A bank file's text less the entries that clash with the curated lexicon (what the build leaves
 * out), so it loads as a user lexicon beside the curated files.
 */
export function bankSourceText(root: string, yamlText: string): string {
  const normalizer = createNormalizer(readFileSync(join(root, 'dictionaries/derived/normalize.tsv'), 'utf8'));
  const parsed = parseLexiconFile('bank.yaml', yamlText, textCheckFor(normalizer));
  if (parsed.issues.length > 0) throw new Error(`bank: ${parsed.issues.map((i) => `${i.file}:${i.line}: ${i.reason}`).join('; ')}`);
  const kept = new Set(bankWithoutClashes(curatedEntries(root), parsed.entries, normalizer.key).map((e) => e.id));
  return `${yamlText
    .split('\n')
    .filter((l) => {
      const id = /^ {2}- \{id: ([^,]+),/.exec(l)?.[1];
      return id === undefined || kept.has(id);
    })
    .join('\n')}`;
}
