/**
 * Loads dist/data/nonword.bin and nonword-pairs.bin (written by the build) once per process, on the first check that
 * needs it. The only I/O of src/nonword.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../data/builtin.js';
import { decodeNonwordColumns, NonwordTable } from './table.js';
import { CharPairs } from './pairs.js';
import { readDataFile } from '../match/model-file.js';

let cached: NonwordTable | undefined;

export function loadNonwordTable(): NonwordTable {
  if (cached) return cached;
  const file = join(dataDir(), 'nonword.bin');
  const pairsFile = join(dataDir(), 'nonword-pairs.bin');
  // the package's own file: its checksum is not recomputed (as for the other files of dist/data)
  const pairs = readDataFile(pairsFile, readFileSync(pairsFile), {}, { checked: true }) as { keys: Uint32Array; counts: Uint8Array };
  return (cached = new NonwordTable(decodeNonwordColumns(readFileSync(file), file), new CharPairs(pairs.keys, pairs.counts)));
}
