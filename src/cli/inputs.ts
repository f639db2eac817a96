/**
 * Command-line paths -> the files to check: `-` is stdin, a directory is walked recursively
 * (sorted; dot folders and node_modules skipped; files by extension), a path with glob characters
 * that is not an existing file is expanded with tinyglobby, anything else must exist.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { lazyModule } from '../util/require.js';

const tinyglobby = lazyModule<typeof import('tinyglobby')>('tinyglobby');

/** An input problem (missing path, pattern without match): exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** Normalizes `--ext` values (`html`, `.HTML`) to lower-case `.ext`. */
export function normalizeExtensions(list: readonly string[]): string[] {
  return [...new Set(list.flatMap((e) => e.split(',')).map((e) => e.trim().toLowerCase()).filter((e) => e !== '').map((e) => (e.startsWith('.') ? e : `.${e}`)))];
}

export async function expandInputs(paths: readonly string[], cwd: string, extensions: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (file: string): void => {
    if (file === '-' || !seen.has(file)) out.push(file);
    seen.add(file);
  };
  const matches = (name: string): boolean => extensions.some((e) => name.toLowerCase().endsWith(e));
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if ((entry.isFile() || entry.isSymbolicLink()) && matches(entry.name)) push(full);
    }
  };
  for (const p of paths) {
    if (p === '-') {
      push('-');
      continue;
    }
    const full = resolve(cwd, p);
    let s;
    try {
      s = await stat(full);
    } catch (error) {
      if (tinyglobby().isDynamicPattern(p)) {
        const found = await tinyglobby().glob(p, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'], expandDirectories: false });
        if (found.length === 0) throw new InputError(`no files match ${p}`);
        for (const f of found.sort()) push(resolve(f));
        continue;
      }
      throw new InputError(`cannot read ${p}: ${errorCode(error)}`);
    }
    try {
      if (s.isDirectory()) await walk(full);
      else push(full);
    } catch (error) {
      throw new InputError(`cannot read ${p}: ${errorCode(error)}`);
    }
  }
  return out;
}
