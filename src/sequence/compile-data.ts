/**
 * Compiles the built-in sequence entries for the build: reads dictionaries/sequence/**.yaml,
 * validates every file and the whole set (errors as `file:line: reason`), returns the JSON the
 * checker loads (dist/data/sequences.json).
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LexiconError, type LexiconIssue } from '../errors.js';
import { yamlFiles } from '../build/lexicon.js';
import { parseSequenceFile, validateSequences } from './parse.js';
import type { CompiledSequenceFile, SequenceEntry } from './types.js';

export function compileSequenceData(root: string): { entries: SequenceEntry[]; json: string } {
  const entries: SequenceEntry[] = [];
  const issues: LexiconIssue[] = [];
  for (const path of yamlFiles(join(root, 'dictionaries', 'sequence'))) {
    const parsed = parseSequenceFile(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8'));
    issues.push(...parsed.issues);
    entries.push(...parsed.entries);
  }
  issues.push(...validateSequences(entries));
  if (issues.length > 0) throw new LexiconError(issues);
  const compiled: CompiledSequenceFile = { format: 1, entries };
  return { entries, json: `${JSON.stringify(compiled)}\n` };
}
