/**
 * The CLI as a testable function: `cli(argv, io)` returns the exit code; `bin.ts` is a thin shell.
 * Exit codes: 0 nothing of severity error found, 1 something was, 2 usage, lexicon or I/O error.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { createChecker, type Checker, type CheckerOptions } from '../checker.js';
import { LexiconError, OptionsError } from '../errors.js';
import type { Finding } from '../types.js';
import { json, jsonl } from './formatters/json.js';
import { stylish } from './formatters/stylish.js';
import type { FileResult, Formatter } from './formatters/types.js';
import { entryCounts, listEntries } from './lexicon-list.js';

export interface CliIO {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  /** Reads all of standard input. */
  readStdin(): Promise<string>;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** A usage problem: printed as one line, exit code 2. */
export class UsageError extends Error {}

export const FORMATTERS: Record<string, Formatter> = { stylish, json, jsonl };
export const DEFAULT_EXTENSIONS = ['.html', '.htm', '.shtml', '.xhtml', '.txt', '.md'];

export const HELP = `Usage: tifa check [options] <file|dir|->...
       tifa lexicon list [--format jsonl|json|tsv] [lexicon options]

Checks Chinese text for misspelled mandated phrases, wrong formulations, banned terms,
outdated names and common typos. Directories are walked recursively (${DEFAULT_EXTENSIONS.join(' ')}).

Options:
  -f, --format NAME     stylish (default), json, jsonl
      --lexicon FILE    add a lexicon file (YAML, see dictionaries/FORMAT.md); repeatable
      --no-builtins     do not load the built-in lexicons
      --allow FILE      a file of strings (one per line) inside which nothing is reported
      --as-of DATE      check as of a date (YYYY-MM-DD), e.g. a page's publication date
      --no-fuzzy        report listed forms only, no fuzzy search for unlisted misspellings
      --segmenter NAME  jieba (default), nodejieba, none
      --min-confidence N  drop findings below this confidence (0..1)
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 no error found, 1 errors found, 2 usage, lexicon or I/O error.
`;

interface ParsedArgs {
  command: 'check' | 'lexicon-list' | 'help' | 'version';
  paths: string[];
  format: string;
  checker: CheckerOptions;
  lexiconFiles: string[];
  allowFile?: string;
}

function parse(argv: readonly string[]): ParsedArgs {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        lexicon: { type: 'string', multiple: true },
        'no-builtins': { type: 'boolean' },
        allow: { type: 'string' },
        'as-of': { type: 'string' },
        'no-fuzzy': { type: 'boolean' },
        segmenter: { type: 'string' },
        'min-confidence': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const base = { paths: [], format: values.format ?? 'stylish', checker: {}, lexiconFiles: values.lexicon ?? [] };
  if (values.help) return { ...base, command: 'help' };
  if (values.version) return { ...base, command: 'version' };
  const [command, ...rest] = positionals;
  let kind: ParsedArgs['command'];
  let paths: string[] = [];
  if (command === 'check') {
    kind = 'check';
    paths = rest;
    if (paths.length === 0) throw new UsageError('check needs at least one file, directory or - (stdin)');
  } else if (command === 'lexicon' && rest[0] === 'list' && rest.length === 1) {
    kind = 'lexicon-list';
  } else if (command === undefined) {
    throw new UsageError('missing command (try: tifa check <file>, tifa --help)');
  } else {
    throw new UsageError(`unknown command "${positionals.join(' ')}" (try: tifa --help)`);
  }
  const checker: CheckerOptions = {};
  if (values['no-builtins']) checker.builtins = false;
  if (values['no-fuzzy']) checker.fuzzy = false;
  if (values['as-of'] !== undefined) checker.asOf = values['as-of'];
  if (values.segmenter !== undefined) {
    if (!['jieba', 'nodejieba', 'none'].includes(values.segmenter)) throw new UsageError(`--segmenter must be jieba, nodejieba or none, not "${values.segmenter}"`);
    checker.segmenter = values.segmenter as 'jieba' | 'nodejieba' | 'none';
  }
  if (values['min-confidence'] !== undefined) {
    const n = Number(values['min-confidence']);
    if (!(n >= 0 && n <= 1)) throw new UsageError('--min-confidence must be a number from 0 to 1');
    checker.minConfidence = n;
  }
  const parsed: ParsedArgs = { ...base, command: kind, paths, checker };
  if (values.allow !== undefined) parsed.allowFile = values.allow;
  return parsed;
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Expands paths: files as given, directories walked (sorted, skipping dot folders and node_modules). */
export async function expandPaths(paths: readonly string[], cwd: string, extensions: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const names = (await readdir(dir)).sort();
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(dir, name);
      const s = await stat(full);
      if (s.isDirectory()) await walk(full);
      else if (extensions.some((e) => name.toLowerCase().endsWith(e))) out.push(full);
    }
  };
  for (const p of paths) {
    if (p === '-') {
      out.push('-');
      continue;
    }
    const full = resolve(cwd, p);
    let s;
    try {
      s = await stat(full);
    } catch (error) {
      throw new UsageError(`cannot read ${p}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    if (s.isDirectory()) await walk(full);
    else out.push(full);
  }
  return out;
}

function displayPath(path: string, cwd: string): string {
  if (path === '-') return '<stdin>';
  const rel = relative(cwd, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}

async function buildChecker(args: ParsedArgs, io: CliIO): Promise<Checker> {
  const options: CheckerOptions = { ...args.checker };
  if (args.lexiconFiles.length > 0) {
    options.lexicons = await Promise.all(args.lexiconFiles.map(async (f) => ({ name: f, text: await readText(resolve(io.cwd, f), 'lexicon') })));
  }
  if (args.allowFile !== undefined) {
    const text = await readText(resolve(io.cwd, args.allowFile), 'allow list');
    options.allow = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  }
  return createChecker(options);
}

export async function cli(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const args = parse(argv);
    if (args.command === 'help') {
      io.stdout.write(HELP);
      return 0;
    }
    if (args.command === 'version') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const checker = await buildChecker(args, io);
    if (args.command === 'lexicon-list') {
      let listing: string;
      try {
        listing = listEntries(checker.entries, args.format === 'stylish' ? 'jsonl' : args.format);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      io.stdout.write(listing);
      io.stderr.write(`${entryCounts(checker.entries)}\n`);
      return 0;
    }
    const formatter = FORMATTERS[args.format];
    if (!formatter) throw new UsageError(`unknown format "${args.format}" (${Object.keys(FORMATTERS).join(', ')})`);
    const files = await expandPaths(args.paths, io.cwd, DEFAULT_EXTENSIONS);
    const results: FileResult[] = [];
    for (const file of files) {
      const text = file === '-' ? await io.readStdin() : await readText(file, 'file');
      const findings: Finding[] = checker.check(text);
      results.push({ file: displayPath(file, io.cwd), findings, text });
    }
    const color = io.stdout.isTTY === true && io.env.NO_COLOR === undefined && args.format === 'stylish';
    io.stdout.write(formatter(results, { color }));
    return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  } catch (error) {
    if (error instanceof LexiconError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError || error instanceof OptionsError) {
      io.stderr.write(`tifa: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`tifa: ${(error as Error).message ?? String(error)}\n`);
    return 2;
  }
}

declare const __TIFA_VERSION__: string | undefined;
/** Package version, injected by the build (falls back when running from source). */
export const VERSION: string = typeof __TIFA_VERSION__ === 'string' ? __TIFA_VERSION__ : '0.0.0-dev';
