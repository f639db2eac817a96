/**
 * createChecker's options at the API boundary: one check per option, keyed by the option's name.
 * The keys are tied to `CheckerOptions` at compile time (a new option without a check, or a check
 * for an option that is gone, does not compile), and the "known options" list is their keys.
 * checkerScope() maps the table's checker-scoped flags and config keys (src/options/table.ts)
 * onto these options for the CLI, `tifa serve` and `tifa queue work`.
 */
import type { CheckerOptions } from '../checker.js';
import { OptionsError } from '../errors.js';
import { SEGMENTER_NAMES, type TifaConfig } from './table.js';

type Check = (value: unknown, name: string) => void;

const boolean: Check = (v, name) => {
  if (typeof v !== 'boolean') throw new OptionsError(name, 'must be a boolean');
};

/** Every option of createChecker and how its value is checked (undefined is always fine). */
const CHECKER_OPTION_CHECKS: { readonly [K in keyof Required<CheckerOptions>]: Check } = {
  builtins: boolean,
  lexicons: (v, name) => {
    if (!Array.isArray(v)) throw new OptionsError(name, 'must be an array of { name, text } or { name, compiled }');
    v.forEach((l: unknown, i) => {
      const s = l as { name?: unknown; text?: unknown; compiled?: unknown } | null;
      const ok = typeof s === 'object' && s !== null && typeof s.name === 'string' && (typeof s.text === 'string' || (s.text === undefined && s.compiled instanceof Uint8Array));
      if (!ok) throw new OptionsError(`${name}[${i}]`, 'must be { name: string, text: string } (YAML) or { name: string, compiled: Uint8Array } (a compiled lexicon file)');
    });
  },
  allow: (v, name) => {
    if (!Array.isArray(v)) throw new OptionsError(name, 'must be an array of strings');
    v.forEach((a: unknown, i) => {
      if (typeof a !== 'string' || a.trim() === '') throw new OptionsError(`${name}[${i}]`, 'must be a non-empty string');
    });
  },
  // Checked when the date is read (asOfDate), which names the problem exactly.
  asOf: () => undefined,
  fuzzy: boolean,
  nonword: boolean,
  nonwordMargin: (v, name) => {
    if (!(typeof v === 'number' && Number.isFinite(v))) throw new OptionsError(name, 'must be a finite number (nats of evidence)');
  },
  segmenter: (v, name) => {
    const named = (SEGMENTER_NAMES as readonly unknown[]).includes(v);
    if (!named && (typeof v !== 'object' || v === null || typeof (v as { cut?: unknown }).cut !== 'function')) {
      throw new OptionsError(name, "must be 'jieba', 'nodejieba', 'none' or an object with cut(text)");
    }
  },
  minConfidence: (v, name) => {
    if (!(typeof v === 'number' && v >= 0 && v <= 1)) throw new OptionsError(name, 'must be a number in [0, 1]');
  },
  explain: boolean,
};

/** The names createChecker knows. */
export const CHECKER_OPTION_NAMES: readonly string[] = Object.keys(CHECKER_OPTION_CHECKS);

/** Validates createChecker's options; throws OptionsError naming the offending option. */
export function validateCheckerOptions(options: CheckerOptions): void {
  if (typeof options !== 'object' || options === null) throw new OptionsError('options', 'must be an object');
  for (const key of Object.keys(options)) if (!CHECKER_OPTION_NAMES.includes(key)) throw new OptionsError(`options.${key}`, `is not a known option (${CHECKER_OPTION_NAMES.join(', ')})`);
  for (const [key, check] of Object.entries(CHECKER_OPTION_CHECKS) as Array<[string, Check]>) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) check(value, `options.${key}`);
  }
}

/** The checker-scoped command-line values (as parseArgs gives them) that checkerScope reads. */
export interface CheckerFlags {
  'no-builtins'?: boolean;
  'no-fuzzy'?: boolean;
  'as-of'?: string;
  segmenter?: string;
  /** Already read as a number by the caller (whose message names the flag). */
  minConfidence?: number;
  explain?: boolean;
}

/**
 * The checker options the command line and the config file give, command line first; the files
 * (`--lexicon`, `--allow FILE`, config `lexicons`) are read by the caller, which knows their base
 * directories. Values are not checked here: the config's were, flags are by the caller or createChecker.
 */
export function checkerScope(flags: CheckerFlags, config: TifaConfig): CheckerOptions {
  const options: CheckerOptions = {};
  const builtins = flags['no-builtins'] === true ? false : config.builtins;
  if (builtins !== undefined) options.builtins = builtins;
  const fuzzy = flags['no-fuzzy'] === true ? false : config.fuzzy;
  if (fuzzy !== undefined) options.fuzzy = fuzzy;
  const asOf = flags['as-of'] ?? config.asOf;
  if (asOf !== undefined) options.asOf = asOf;
  const segmenter = flags.segmenter ?? config.segmenter;
  if (segmenter !== undefined) options.segmenter = segmenter as CheckerOptions['segmenter'] & string;
  const minConfidence = flags.minConfidence ?? config.minConfidence;
  if (minConfidence !== undefined) options.minConfidence = minConfidence;
  if (flags.explain === true) options.explain = true;
  if (config.allow !== undefined) options.allow = config.allow;
  return options;
}
