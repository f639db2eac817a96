/**
 * The configuration file: `tifa.config.json`, or a `tifa` key in `package.json`, found from the
 * working directory upwards (the first directory holding either wins; in one directory
 * `tifa.config.json` comes first). Plain fs: two fixed names per directory need no loader.
 * Paths inside (lexicons) are relative to the file's directory. Command-line options override it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_CHECKS, type TifaConfig } from '../options/table.js';

/** Everything the config may hold: derived from the options table (src/options/table.ts). */
export type { TifaConfig };

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

/** Validates a parsed config; throws ConfigError naming `name` and the key. */
export function validateConfig(raw: unknown, name: string): TifaConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${name}: the configuration must be a JSON object`);
  for (const [key, value] of Object.entries(raw)) {
    const check = CONFIG_CHECKS.get(key);
    if (!check) throw new ConfigError(`${name}: unknown key "${key}" (known: ${[...CONFIG_CHECKS.keys()].join(', ')})`);
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
