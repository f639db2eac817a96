/**
 * The configuration file: `tifa.config.json`, or a `tifa` key in `package.json`, found from the
 * working directory upwards (the first directory holding either wins; in one directory
 * `tifa.config.json` comes first). Plain fs: two fixed names per directory need no loader.
 * Paths inside (lexicons) are relative to the file's directory. Command-line options override it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Severity } from '../types.js';
import { toIsoDate } from '../lexicon/parse.js';

/** Everything the config may hold; each key has the meaning (and default) of the CLI option. */
export interface TifaConfig {
  /** Output format (stylish, json, jsonl, sarif, github, checkstyle). Default: stylish. */
  format?: string;
  /** Extra lexicon files (YAML), relative to the config file. Default: none. */
  lexicons?: string[];
  /** Load the built-in lexicons. Default: true. */
  builtins?: boolean;
  /** Strings inside which nothing is reported. Default: none. */
  allow?: string[];
  /** Check as of this date (YYYY, YYYY-MM or YYYY-MM-DD). Default: today. */
  asOf?: string;
  /** Fuzzy search for unlisted misspellings. Default: true. */
  fuzzy?: boolean;
  /** jieba, nodejieba or none. Default: jieba. */
  segmenter?: 'jieba' | 'nodejieba' | 'none';
  /** Drop findings below this confidence (0..1). Default: 0. */
  minConfidence?: number;
  /** Minimum severity reported. Default: info (everything). */
  severity?: Severity;
  /** Report only these rule ids. Default: all. */
  rules?: string[];
  /** File extensions read from directories. Default: .html .htm .shtml .xhtml .txt .md. */
  ext?: string[];
  /** Stop after this many findings. Default: no limit. */
  maxFindings?: number;
  /** Force an encoding (WHATWG label). Default: detect. */
  encoding?: string;
  /** Apply inline tifa-disable directives. Default: true. */
  directives?: boolean;
  /** Exit 1 when more warnings than this are reported. Default: no limit. */
  maxWarnings?: number;
  /** Files to leave out (gitignore syntax, relative to the config file). Default: none. */
  ignorePatterns?: string[];
}

/** A config file that cannot be read or is invalid; the message names the file and the key. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface LoadedConfig {
  /** The file it came from. */
  path: string;
  /** Its directory (paths in the config are relative to it). */
  dir: string;
  config: TifaConfig;
}

type Check = (value: unknown) => string | undefined;
const isString: Check = (v) => (typeof v === 'string' && v !== '' ? undefined : 'must be a non-empty string');
const isBoolean: Check = (v) => (typeof v === 'boolean' ? undefined : 'must be true or false');
const isStrings: Check = (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '') ? undefined : 'must be an array of non-empty strings');
const oneOf = (...values: string[]): Check => (v) => (typeof v === 'string' && values.includes(v) ? undefined : `must be one of ${values.join(', ')}`);

const SCHEMA: Record<keyof TifaConfig, Check> = {
  format: isString,
  lexicons: isStrings,
  builtins: isBoolean,
  allow: isStrings,
  asOf: (v) => (typeof v === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v) && toIsoDate(v) !== undefined ? undefined : 'must be a calendar date YYYY, YYYY-MM or YYYY-MM-DD'),
  fuzzy: isBoolean,
  segmenter: oneOf('jieba', 'nodejieba', 'none'),
  minConfidence: (v) => (typeof v === 'number' && v >= 0 && v <= 1 ? undefined : 'must be a number from 0 to 1'),
  severity: oneOf('error', 'warning', 'info'),
  rules: isStrings,
  ext: isStrings,
  maxFindings: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? undefined : 'must be a whole number ≥ 0'),
  encoding: isString,
  directives: isBoolean,
  maxWarnings: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? undefined : 'must be a whole number ≥ 0'),
  ignorePatterns: isStrings,
};

/** Validates a parsed config; throws ConfigError naming `name` and the key. */
export function validateConfig(raw: unknown, name: string): TifaConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${name}: the configuration must be a JSON object`);
  for (const [key, value] of Object.entries(raw)) {
    const check = Object.hasOwn(SCHEMA, key) ? SCHEMA[key as keyof TifaConfig] : undefined;
    if (!check) throw new ConfigError(`${name}: unknown key "${key}" (known: ${Object.keys(SCHEMA).join(', ')})`);
    const problem = check(value);
    if (problem) throw new ConfigError(`${name}: "${key}" ${problem}`);
  }
  return raw as TifaConfig;
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(`${path}: invalid JSON (${(error as Error).message})`);
  }
}

/** Loads and validates one config file (`tifa.config.json`-style, or a package.json with a `tifa` key). */
export function loadConfig(path: string): LoadedConfig {
  const raw = readJson(path);
  const isPackage = path.endsWith('package.json');
  const config = validateConfig(isPackage ? (raw as { tifa?: unknown }).tifa : raw, isPackage ? `${path} (key "tifa")` : path);
  return { path, dir: dirname(path), config };
}

/** Finds the nearest config from `cwd` upwards, or undefined when there is none. */
export function findConfig(cwd: string): LoadedConfig | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const own = join(dir, 'tifa.config.json');
    if (existsSync(own)) return loadConfig(own);
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const raw = readJson(pkg);
      if (typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'tifa')) return loadConfig(pkg);
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
