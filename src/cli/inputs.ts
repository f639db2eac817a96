/**
 * Command-line paths -> the files to check: `-` is stdin, a directory is walked recursively
 * (sorted; dot folders and node_modules skipped; files by extension), a path with glob characters
 * that is not an existing file is expanded with tinyglobby, anything else must exist.
 *
 * One bad path never ends the run: a path that does not exist, a glob without match or a folder
 * that cannot be listed stays in the list, in its place, with a problem attached (reported in the
 * output, exit code 2 at the end), and the other inputs are checked as usual. Special files (FIFOs,
 * sockets, devices) are never opened for reading: named or found, they are skipped with a warning
 * (`-` reads standard input, whatever it is).
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { lazyModule } from '../util/require.js';

const tinyglobby = lazyModule<typeof import('tinyglobby')>('tinyglobby');

/** An input problem that ends the run (a usage-level error): exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Why one input was not checked. */
export interface InputProblem {
  /** `error`: it could not be read (exit code 2); `skipped`: a special file, left out with a warning. */
  level: 'error' | 'skipped';
  /** What is wrong, without the path (`cannot read: ENOENT (no such file or directory)`). */
  message: string;
  /** The system error code (ENOENT, EACCES, EISDIR ...), or NOMATCH for a glob, SPECIAL for a special file. */
  code: string;
}

/** The expanded inputs: every file in order, bad ones included, with their problems. */
export interface InputList {
  /** Absolute paths (and `-`), in the order named and found. */
  files: string[];
  /** Problems found while expanding, by entry of `files`. Reading may find more (see readInputFile). */
  problems: Map<string, InputProblem>;
}

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** Plain words for the system errors a path can give. */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
};

/** `cannot read: CODE (reason)`; `dangling` adds that the path is a symbolic link to nothing. */
export function readProblem(error: unknown, dangling = false): InputProblem {
  const code = errorCode(error);
  const reason = dangling ? 'a symbolic link to a file that does not exist' : REASONS[code];
  return { level: 'error', code, message: `cannot read: ${code}${reason !== undefined ? ` (${reason})` : ''}` };
}

/** The kind of a special file, or undefined for a regular file or a directory. */
export function specialKind(s: Stats): string | undefined {
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  return undefined;
}

function skipped(kind: string): InputProblem {
  return { level: 'skipped', code: 'SPECIAL', message: `skipped: ${kind}, not a regular file (read it with - from standard input)` };
}

/** A problem for a path whose stat failed: a dangling symbolic link is named as such. */
async function statProblem(path: string, error: unknown): Promise<InputProblem> {
  const code = errorCode(error);
  if (code === 'ENOENT') {
    try {
      if ((await lstat(path)).isSymbolicLink()) return readProblem(error, true);
    } catch {
      // not a link: the plain ENOENT
    }
  }
  return readProblem(error);
}

/** Normalizes `--ext` values (`html`, `.HTML`) to lower-case `.ext`. */
export function normalizeExtensions(list: readonly string[]): string[] {
  return [...new Set(list.flatMap((e) => e.split(',')).map((e) => e.trim().toLowerCase()).filter((e) => e !== '').map((e) => (e.startsWith('.') ? e : `.${e}`)))];
}

export async function expandInputs(paths: readonly string[], cwd: string, extensions: readonly string[]): Promise<InputList> {
  const files: string[] = [];
  const problems = new Map<string, InputProblem>();
  const seen = new Set<string>();
  const push = (file: string, problem?: InputProblem): void => {
    if (file === '-' || !seen.has(file)) {
      files.push(file);
      if (problem) problems.set(file, problem);
    }
    seen.add(file);
  };
  const matches = (name: string): boolean => extensions.some((e) => name.toLowerCase().endsWith(e));
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      push(dir, readProblem(error));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (!matches(entry.name)) continue;
      else if (entry.isFile() || entry.isSymbolicLink()) push(full); // a link's target is looked at when it is read
      else if (entry.isFIFO()) push(full, skipped('a FIFO (named pipe)'));
      else if (entry.isSocket()) push(full, skipped('a socket'));
      else if (entry.isCharacterDevice()) push(full, skipped('a character device'));
      else if (entry.isBlockDevice()) push(full, skipped('a block device'));
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
        let found: string[];
        try {
          found = await tinyglobby().glob(p, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'], expandDirectories: false });
        } catch (globError) {
          push(full, readProblem(globError));
          continue;
        }
        if (found.length === 0) push(full, { level: 'error', code: 'NOMATCH', message: 'no files match this pattern' });
        for (const f of found.sort()) push(resolve(f));
        continue;
      }
      push(full, await statProblem(full, error));
      continue;
    }
    if (s.isDirectory()) await walk(full);
    else {
      const special = specialKind(s);
      push(full, special === undefined ? undefined : skipped(special));
    }
  }
  return { files, problems };
}

/**
 * Reads a file that should be a regular file. It is opened without blocking (a FIFO would wait for
 * a writer) and looked at before reading: a special file gives a `skipped` problem, a directory
 * (a link to one, named like a file) and every read error an `error` problem, never a throw.
 */
export async function readInputFile(path: string): Promise<{ bytes: Uint8Array } | { problem: InputProblem }> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { problem: await statProblem(path, error) };
  }
  try {
    const s = await handle.stat();
    if (s.isDirectory()) return { problem: readProblem(Object.assign(new Error('is a directory'), { code: 'EISDIR' })) };
    const special = specialKind(s);
    if (special !== undefined) return { problem: skipped(special) };
    return { bytes: await handle.readFile() };
  } catch (error) {
    return { problem: readProblem(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Size of a regular file for pool sizing; 0 for anything that cannot be looked at (reported when read). */
export async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

/**
 * What must not reach a pool worker (which reads with a blocking read): a special file, found by a
 * stat just before the run. Undefined for a regular file, and for a path the worker will fail to
 * read on its own (it reports that as the file's error).
 */
export async function unreadableInPool(path: string): Promise<InputProblem | undefined> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return readProblem(Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
    const special = specialKind(s);
    return special === undefined ? undefined : skipped(special);
  } catch (error) {
    return statProblem(path, error);
  }
}
