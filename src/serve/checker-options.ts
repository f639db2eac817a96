/**
 * Checker options for the long-running commands (`tifa serve`, `tifa queue work`): the config file
 * (`--config FILE`, else the nearest tifa.config.json / package.json "tifa" unless `--no-config`),
 * then `--lexicon` and `--allow` files, read once here so that worker threads get plain data.
 * The same precedence as `tifa check`: defaults < config file < command line.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CheckerOptions, LexiconSource } from '../checker.js';
import { findConfig, loadConfig, type LoadedConfig } from '../config/index.js';
import { checkerScope } from '../options/checker.js';
import { dataFileFormat } from '../match/model-file.js';

/** A problem with the command line or the files it names: printed as one line, exit code 2. */
export class CommandError extends Error {
  override name = 'CommandError';
}

export interface CheckerArgs {
  /** `--config FILE` (relative to cwd). */
  config?: string;
  /** `--no-config`. */
  noConfig?: boolean;
  /** `--lexicon FILE`, repeatable (relative to cwd). */
  lexicon?: readonly string[];
  /** `--allow FILE`: strings inside which nothing is reported, one per line (# comments). */
  allow?: string;
  /** `--as-of DATE`: the server's or worker's default date. */
  asOf?: string;
  /** `--no-builtins`. */
  noBuiltins?: boolean;
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CommandError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** A lexicon file as a checker source: compiled (a tifa data file) or YAML text. */
async function readLexicon(path: string, name: string): Promise<LexiconSource> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CommandError(`cannot read lexicon ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return dataFileFormat(bytes) !== undefined ? { name, compiled: bytes } : { name, text: bytes.toString('utf8') };
}

/** The config file in force, or undefined. ConfigError (naming the file and key) when it is invalid. */
export function configOf(args: CheckerArgs, cwd: string): LoadedConfig | undefined {
  if (args.config !== undefined && args.noConfig) throw new CommandError('--config and --no-config exclude each other');
  if (args.config !== undefined) return loadConfig(resolve(cwd, args.config));
  return args.noConfig ? undefined : findConfig(cwd);
}

/** Plain-data checker options (structured-cloneable, for worker threads). */
export async function checkerOptionsOf(args: CheckerArgs, cwd: string): Promise<CheckerOptions> {
  const loaded = configOf(args, cwd);
  const config = loaded?.config ?? {};
  if (args.asOf !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(args.asOf)) throw new CommandError(`--as-of must be a date YYYY, YYYY-MM or YYYY-MM-DD, not "${args.asOf}"`);
  // The same reading of flags and config keys as tifa check (src/options/checker.ts).
  const { allow: configAllow, ...scoped } = checkerScope({ ...(args.noBuiltins === true ? { 'no-builtins': true } : {}), ...(args.asOf !== undefined ? { 'as-of': args.asOf } : {}) }, config);
  const options: CheckerOptions = scoped;
  const files = [...(config.lexicons ?? []).map((f) => resolve(loaded!.dir, f)), ...(args.lexicon ?? []).map((f) => resolve(cwd, f))];
  const names = [...(config.lexicons ?? []), ...(args.lexicon ?? [])];
  // A compiled lexicon file (tifa lexicon compile) is recognized by its header and passed as bytes.
  if (files.length > 0) options.lexicons = await Promise.all(files.map((path, i) => readLexicon(path, names[i]!)));
  const allow = [...(configAllow ?? [])];
  if (args.allow !== undefined) {
    const text = await readText(resolve(cwd, args.allow), 'allow list');
    allow.push(...text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')));
  }
  if (allow.length > 0) options.allow = allow;
  return options;
}

/** A positive whole number from the command line. */
export function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 1) throw new CommandError(`${name} must be a positive whole number, not "${value}"`);
  return n;
}
