// Shared loader for the committed derived tables (tests only).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function derived(name: 'normalize.tsv' | 'pinyin.tsv' | 'lookalike-pairs.tsv'): string {
  return readFileSync(join(root, 'dictionaries', 'derived', name), 'utf8');
}
