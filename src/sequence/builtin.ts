/** Loads the built-in sequence entries compiled by the build (dist/data/sequences.json), once per process. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../data/builtin.js';
import type { CompiledSequenceFile, SequenceEntry } from './types.js';

let cached: readonly SequenceEntry[] | undefined;

export function loadBuiltinSequences(): readonly SequenceEntry[] {
  if (cached) return cached;
  const file = join(dataDir(), 'sequences.json');
  // A data directory built before sequences existed has none: no built-in sequences then.
  cached = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CompiledSequenceFile).entries : [];
  return cached;
}
