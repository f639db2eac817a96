/**
 * Compiles the built-in people table: reads dictionaries/people/**.yaml, validates each file and
 * the whole table (errors as `file:line: reason`), returns the JSON the checker loads.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LexiconError, type LexiconIssue } from '../errors.js';
import { parsePeopleFile } from '../people/parse.js';
import { buildPeopleTable } from '../people/table.js';
import { yamlFiles } from './lexicon.js';
import type { CompiledPeopleFile, PeopleFile } from '../people/types.js';

export function compilePeople(root: string): { files: PeopleFile[]; people: number; json: string } {
  const files: PeopleFile[] = [];
  const issues: LexiconIssue[] = [];
  for (const path of yamlFiles(join(root, 'dictionaries', 'people'))) {
    const name = relative(root, path).split(sep).join('/');
    const parsed = parsePeopleFile(name, readFileSync(path, 'utf8'));
    issues.push(...parsed.issues);
    files.push(parsed.table);
  }
  issues.push(...buildPeopleTable(files).issues);
  if (issues.length > 0) throw new LexiconError(issues);
  const compiled: CompiledPeopleFile = { format: 1, files };
  return { files, people: files.reduce((n, f) => n + f.people.length, 0), json: `${JSON.stringify(compiled)}\n` };
}
