/**
 * Loads dist/data/nonword.bin and nonword-pairs.bin (written by the build) once per process, on the first check that
 * needs it. The only I/O of src/nonword.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../data/builtin.js';
import { decodeNonwordColumns, NonwordTable } from './table.js';
import { decodeCharPairs } from './pairs.js';

let cached: NonwordTable | undefined;

export function loadNonwordTable(): NonwordTable {
  if (cached) return cached;
  const file = join(dataDir(), 'nonword.bin');
  const pairsFile = join(dataDir(), 'nonword-pairs.bin');
  return (cached = new NonwordTable(decodeNonwordColumns(readFileSync(file), file), decodeCharPairs(readFileSync(pairsFile), pairsFile)));
}
