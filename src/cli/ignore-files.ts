/**
 * Which inputs to leave out: `.tifaignore` in the working directory (gitignore syntax, read with
 * the `ignore` package), `--ignore-pattern` (same syntax, relative to the working directory) and
 * the config's `ignorePatterns` (relative to the config file's directory). Files outside a set's
 * base directory are never ignored by it (gitignore rules cannot name them). `-` (stdin) never is.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { lazyModule } from '../util/require.js';

const ignoreFactory = lazyModule<typeof import('ignore')>('ignore');

/** The ignore file read from the working directory. */
export const IGNORE_FILE = '.tifaignore';

/** Patterns in gitignore syntax and the directory they are relative to. */
export interface IgnoreSet {
  base: string;
  patterns: readonly string[];
}

/** A path (absolute) -> whether it is ignored. */
export type IgnoreTest = (path: string) => boolean;

/** Reads `.tifaignore` from `dir`: its path and lines, or undefined when there is none; other read errors throw with the path. */
export function readIgnoreFile(dir: string): { path: string; patterns: string[] } | undefined {
  const path = join(dir, IGNORE_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return { path, patterns: text.split(/\r?\n/) };
}

export function createIgnoreTest(sets: readonly IgnoreSet[]): IgnoreTest {
  const compiled = sets.filter((s) => s.patterns.some((p) => p.trim() !== '' && !p.startsWith('#'))).map((s) => ({ base: s.base, rules: ignoreFactory()().add(s.patterns) }));
  return (path) => {
    if (path === '-') return false;
    return compiled.some(({ base, rules }) => {
      const rel = relative(base, path);
      if (rel === '' || rel.startsWith('..') || rel.startsWith(sep) || /^[a-zA-Z]:/.test(rel)) return false;
      return rules.ignores(rel.split(sep).join('/'));
    });
  };
}
