/**
 * A git pre-commit hook for a static site: checks the *staged* version of every added, copied,
 * modified or renamed page (not the working copy, which may differ), prints the stylish report and
 * returns the exit code: 0 commit, 1 errors found (the commit is refused), 2 git failed.
 *
 *   #!/bin/sh
 *   # .git/hooks/pre-commit
 *   exec node --input-type=module -e "import { runPreCommit } from 'tifa'; process.exitCode = await runPreCommit();"
 */
import { execFileSync } from 'node:child_process';
import { createChecker, type Checker, type CheckerOptions } from '../checker.js';
import { checkBytes, kindOfPath } from '../cli/check-file.js';
import { DEFAULT_EXTENSIONS } from '../options/extensions.js';
import { stylish } from '../cli/formatters/stylish.js';
import type { FileResult } from '../cli/formatters/types.js';

export interface PreCommitOptions {
  /** The repository (any directory inside it). Default: process.cwd(). */
  cwd?: string;
  /** The checker; default: createChecker(checkerOptions). */
  checker?: Pick<Checker, 'check' | 'checkHtml'>;
  checkerOptions?: CheckerOptions;
  /** Extensions checked. Default: DEFAULT_EXTENSIONS (.html .htm .shtml .xhtml .txt .md). */
  ext?: readonly string[];
  /** Where the report goes. Default: process.stdout / process.stderr. */
  stdout?: { write(s: string): unknown };
  stderr?: { write(s: string): unknown };
}

const git = (cwd: string, args: string[]): Buffer => execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });

/** Paths (relative to the top level) of staged pages with one of the extensions. */
export function stagedFiles(cwd: string, ext: readonly string[]): string[] {
  const out = git(cwd, ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR']).toString('utf8');
  return out.split('\0').filter((p) => p !== '' && ext.some((e) => p.toLowerCase().endsWith(e)));
}

export async function runPreCommit(options: PreCommitOptions = {}): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const ext = options.ext ?? DEFAULT_EXTENSIONS;
  let top: string;
  let files: string[];
  try {
    top = git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
    files = stagedFiles(top, ext);
  } catch (error) {
    stderr.write(`tifa pre-commit: git failed: ${((error as { stderr?: Buffer }).stderr?.toString() || (error as Error).message).trim().split('\n')[0]}\n`);
    return 2;
  }
  if (files.length === 0) return 0;
  const checker = options.checker ?? createChecker(options.checkerOptions ?? {});
  const results: FileResult[] = [];
  for (const file of files) {
    const bytes = git(top, ['show', `:${file}`]); // the staged blob
    const r = checkBytes(checker, bytes, { kind: kindOfPath(file) });
    results.push({ file, findings: r.findings, text: r.text, kind: r.kind, encoding: r.encoding, replacements: r.replacements, suppressed: r.suppressed });
  }
  const errors = results.some((r) => r.findings.some((f) => f.severity === 'error'));
  if (results.some((r) => r.findings.length > 0)) stdout.write(stylish(results, { color: false }));
  if (errors) stderr.write('tifa pre-commit: fix the errors above, or mark an intended use with <!-- tifa-disable-next-line --> (git commit --no-verify skips the check)\n');
  return errors ? 1 : 0;
}
