/**
 * Reads the idiom list (dictionaries/idiom/*.yaml, `npm run mine:idioms`) for the build: mandated
 * phrases of category idiom-bank, less the ones that clash with a curated entry or a bank phrase (the
 * curated entry, then the bank phrase, wins).
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseLexiconFile } from '../lexicon/parse.js';
import { bankWithoutClashes } from '../lexicon/bank.js';
import { IDIOM_CATEGORY } from '../lexicon/idiom.js';
import type { textCheckFor } from '../lexicon/text-check.js';
import type { LexiconIssue } from '../errors.js';
import type { LexiconEntry } from '../lexicon/types.js';
import { yamlFiles } from './lexicon.js';

/** The idioms under `root`/dictionaries/idiom that do not clash with `before` (curated and bank entries); issues are pushed to `issues`. */
export function readIdioms(root: string, check: ReturnType<typeof textCheckFor>, key: (s: string) => string, before: readonly LexiconEntry[], issues: LexiconIssue[]): LexiconEntry[] {
  const idioms: LexiconEntry[] = [];
  for (const file of yamlFiles(join(root, 'dictionaries', 'idiom'))) {
    const name = relative(root, file).split(sep).join('/');
    const parsed = parseLexiconFile(name, readFileSync(file, 'utf8'), check);
    issues.push(...parsed.issues);
    for (const e of parsed.entries) {
      if (e.kind !== 'mandated' || e.category !== IDIOM_CATEGORY) issues.push({ file: name, line: e.line, reason: 'an idiom entry is mandated, of category idiom-bank' });
      else idioms.push(e);
    }
  }
  return bankWithoutClashes(before, idioms, key);
}
