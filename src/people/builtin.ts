/** Loads the built-in people table compiled by the build (dist/data/people.json), once per process. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../data/builtin.js';
import type { CompiledPeopleFile, PeopleFile } from './types.js';

let cached: readonly PeopleFile[] | undefined;

export function loadBuiltinPeople(): readonly PeopleFile[] {
  if (cached) return cached;
  const file = join(dataDir(), 'people.json');
  // A data directory built before the people table existed has none: no built-in people then.
  cached = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CompiledPeopleFile).files : [];
  return cached;
}
