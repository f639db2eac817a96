/**
 * Loads dist/data/nonword.bin (written by the build) once per process, on the first check that
 * needs it. The only I/O of src/nonword.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../data/builtin.js';
import { decodeNonwordColumns, NonwordTable } from './table.js';

let cached: NonwordTable | undefined;

export function loadNonwordTable(): NonwordTable {
  if (cached) return cached;
  const file = join(dataDir(), 'nonword.bin');
  return (cached = new NonwordTable(decodeNonwordColumns(readFileSync(file), file)));
}
