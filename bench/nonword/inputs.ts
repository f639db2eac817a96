/**
 * What the non-word benches build their tables from, read the way `npm run build` reads it: the
 * derived confusion tables and jieba's dictionary counts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConfusion, type Confusion } from '../../src/confusion/index.js';
import { parseDictionary } from '../../src/nonword/neighbours.js';
import { jiebaDictionaryPath } from '../../src/nonword/build.js';

export function nonwordInputs(root: string): { confusion: Confusion; dictionary: Map<string, number> } {
  const derived = join(root, 'dictionaries', 'derived');
  const confusion = createConfusion({ pinyinTsv: readFileSync(join(derived, 'pinyin.tsv'), 'utf8'), lookalikeTsv: readFileSync(join(derived, 'lookalike-pairs.tsv'), 'utf8') });
  const dictionary = parseDictionary(readFileSync(jiebaDictionaryPath(root), 'utf8'));
  return { confusion, dictionary };
}
