/**
 * The built-in lexicon as user lexicons, minus some entries or some listed wrong forms: what the
 * leave-out run and the independent-substitutes run check with (`createChecker({ builtins: false,
 * lexicons })`). Each kind becomes one lexicon in JSON, which is YAML too, so the entries go
 * through the same parser and validator as anybody's lexicon file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LexiconSource } from '../../src/index.js';
import type { LexiconEntry } from '../../src/lexicon/types.js';
import { bankWithoutClashes, isBankEntry } from '../../src/lexicon/bank.js';
import { IDIOM_CATEGORY } from '../../src/lexicon/idiom.js';
import { parseLexiconFile } from '../../src/lexicon/parse.js';
import { textCheckFor } from '../../src/lexicon/text-check.js';
import { loadBuiltinData } from '../../src/data/builtin.js';
import { createNormalizer } from '../../src/normalize/index.js';
import { yamlFiles } from '../../src/build/lexicon.js';
import { repoRoot } from './common.js';

/** What to take out: whole entries by id, and listed wrong forms (a typo entry's text, a mandated variant). */
export interface LeaveOut {
  ids?: ReadonlySet<string>;
  wrongForms?: ReadonlySet<string>;
  /** Bank phrases the miner would find once the left-out entries no longer claim them (see honest.ts). */
  extraBank?: readonly LexiconEntry[];
  /** false: the mined entries (phrase bank, idiom list, extraBank) left out too: the curated lexicon alone. Default: true. */
  mined?: boolean;
}

/** The YAML fields of an entry, as FORMAT.md spells them (a typo's right words are `correct`). */
function fieldsOf(e: LexiconEntry, wrongForms: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { id: e.id, text: e.text, source: e.source, severity: e.severity };
  if (e.note !== undefined) out.note = e.note;
  if (e.category !== undefined) out.category = e.category;
  if (e.since !== undefined) out.since = e.since;
  if (e.until !== undefined) out.until = e.until;
  if (e.unless.length > 0) out.unless = e.unless;
  if (e.kind === 'mandated') {
    const variants = e.variants.filter((v) => !wrongForms.has(v));
    if (variants.length > 0) out.variants = variants;
    out.fuzzy = e.fuzzy;
  } else if (e.kind === 'typo') {
    out.correct = e.replacement;
    out.fuzzy = e.fuzzy;
  } else if (e.kind === 'banned' || e.kind === 'outdated') {
    if (e.replacement.length > 0 || e.kind === 'outdated') out.replacement = e.replacement;
  }
  return out;
}

/** The entries, minus what `leave` names, as one lexicon source per kind. */
export function lexiconsWithout(entries: readonly LexiconEntry[], leave: LeaveOut): LexiconSource[] {
  const ids = leave.ids ?? new Set<string>();
  const wrongForms = leave.wrongForms ?? new Set<string>();
  const byKind = new Map<string, Record<string, unknown>[]>();
  for (const e of entries) {
    if (ids.has(e.id)) continue;
    if (e.kind === 'typo' && wrongForms.has(e.text)) continue;
    const list = byKind.get(e.kind) ?? [];
    list.push(fieldsOf(e, wrongForms));
    byKind.set(e.kind, list);
  }
  return [...byKind].map(([kind, list]) => ({ name: `builtin-without/${kind}.yaml`, text: JSON.stringify({ kind, entries: list }) }));
}

/** The phrase bank's entries, read once per process (a few seconds for thousands of phrases). */
let bankMemo: LexiconEntry[] | undefined;
function readBank(check: ReturnType<typeof textCheckFor>): LexiconEntry[] {
  const bank: LexiconEntry[] = [];
  // the mined entries: the phrase bank and the idiom list (dictionaries/idiom/, built from jieba's dictionary, not from the curated lists)
  for (const file of ['bank', 'idiom'].flatMap((dir) => yamlFiles(join(repoRoot, 'dictionaries', dir)))) {
    const parsed = parseLexiconFile(file, readFileSync(file, 'utf8'), check);
    if (parsed.issues.length > 0) throw new Error(`${file}:${parsed.issues[0]!.line}: ${parsed.issues[0]!.reason}`);
    for (const e of parsed.entries) if (isBankEntry(e)) bank.push(e);
  }
  return bank;
}

/**
 * The built-in lexicon as the build would make it without what `leave` names: the curated entries
 * less those, the phrase bank (dictionaries/bank/) filtered against what is left (a bank phrase that
 * clashed with a left-out entry comes back, as it would in that build), and the sequence lexicons
 * (dictionaries/sequence/) as they are.
 */
export function builtinSourcesWithout(leave: LeaveOut): LexiconSource[] {
  const data = loadBuiltinData();
  const ids = leave.ids ?? new Set<string>();
  const wrongForms = leave.wrongForms ?? new Set<string>();
  const curated = data.entries
    .filter((e) => !isBankEntry(e) && !ids.has(e.id) && !(e.kind === 'typo' && wrongForms.has(e.text)))
    .map((e) => ({ ...e, variants: e.variants.filter((v) => !wrongForms.has(v)) }));
  const normalizer = createNormalizer(data.normalizeTsv);
  const bank = leave.mined === false ? [] : [...(bankMemo ??= readBank(textCheckFor(normalizer))), ...(leave.extraBank ?? [])];
  const sequences = yamlFiles(join(repoRoot, 'dictionaries', 'sequence')).map((file) => ({ name: file, text: readFileSync(file, 'utf8') }));
  // as the build does: the bank less what clashes with the curated entries, then the idioms less what clashes with either
  const keptBank = bankWithoutClashes(curated, bank.filter((e) => e.category !== IDIOM_CATEGORY), normalizer.key);
  const keptIdioms = bankWithoutClashes([...curated, ...keptBank], bank.filter((e) => e.category === IDIOM_CATEGORY), normalizer.key);
  return [...lexiconsWithout([...curated, ...keptBank, ...keptIdioms], {}), ...sequences];
}
