/**
 * The options of `tifa check`, `tifa crawl` and `tifa lexicon list`, declared once. From this table
 * come the command-line parser's configuration (node:util parseArgs), the help text, the config
 * file's keys, their checks and their type (`TifaConfig`), and the list of crawl-only flags that
 * other commands reject. What a value *means* (merging defaults < config file < command line) is
 * applied in src/cli/index.ts (runOptions) and, for the checker's own options, by checkerScope().
 *
 * A row is keyed by its long flag (as parseArgs names it). `config` ties it to a config-file key
 * (which often differs: `--rule` is `rules`, `--no-fuzzy` is `fuzzy`, `--allow FILE` is `allow`
 * strings); `scope` says who reads the value: the checker (createChecker's options), the run (the
 * CLI's reading, filtering and reporting), or the command line itself (help, config lookup).
 */
import { CRAWL_DEFAULTS } from '../crawl/defaults.js';
import { RULE_IDS } from '../cli/formatters/rules.js';
import type { Severity } from '../types.js';
import { DEFAULT_EXTENSIONS } from './extensions.js';
import { isBoolean, isDate, isFraction, isString, isStrings, isWholeNumber, oneOf, type ValueCheck } from './values.js';

/** With `--jobs auto`, below this many MB of input a pool's start-up costs more than it saves. */
export const POOL_AUTO_MB = 8;

/** The segmenters a name can choose (the API also takes an object). */
export const SEGMENTER_NAMES = ['jieba', 'table', 'nodejieba', 'none'] as const;

/** A config-file key, its check and (as a type only) the type of its value. */
export interface ConfigKey<K extends string, T> {
  key: K;
  check: ValueCheck;
  /** Never set: carries the value's type to TifaConfig. */
  readonly type?: T;
}

/** A config-file key whose values have type T. */
const key =
  <T>() =>
  <K extends string>(name: K, check: ValueCheck): ConfigKey<K, T> => ({ key: name, check });

/** Help sections of this table; the tables of tifa serve and tifa queue name their own. */
export type HelpGroup = 'Output' | 'Input' | 'Fixing' | 'Lexicons' | 'Configuration' | 'Crawl';

export interface OptionRow {
  /** parseArgs' type: a switch, or a flag taking a value. */
  type: 'string' | 'boolean';
  short?: string;
  /** Repeatable (values collect into an array). */
  multiple?: boolean;
  /** The value's name in the help (`--format NAME`). */
  arg?: string;
  /** Who reads it: the checker (createChecker options), the run, or the command line itself. */
  scope: 'checker' | 'run' | 'command';
  /** Help section (a HelpGroup here); without it the flag is shown in another row's label (`--html, --text`). */
  group?: string;
  /** Help label when it is not `--flag ARG`. */
  label?: string;
  /** Help text; a line break continues it, indented under the first line. */
  help?: string;
  /** Taken by `tifa crawl` only: `tifa check` and `tifa lexicon list` reject it. */
  crawlOnly?: true;
  /** The config-file key the flag overrides. */
  config?: ConfigKey<string, unknown>;
}

/** The table. Order is the help's order. */
export const OPTIONS = {
  // Output
  format: { type: 'string', short: 'f', arg: 'NAME', scope: 'run', group: 'Output', config: key<string>()('format', isString), help: 'stylish (default), json, jsonl, sarif, github, checkstyle, html' },
  severity: { type: 'string', arg: 'LEVEL', scope: 'run', group: 'Output', config: key<Severity>()('severity', oneOf('error', 'warning', 'info')), help: 'report only this severity and above: error, warning, info (default)' },
  rule: { type: 'string', multiple: true, arg: 'ID', scope: 'run', group: 'Output', config: key<string[]>()('rules', isStrings), help: `report only this rule (repeatable): ${RULE_IDS.join(', ')}` },
  'max-findings': { type: 'string', arg: 'N', scope: 'run', group: 'Output', config: key<number>()('maxFindings', isWholeNumber), help: 'stop after N findings' },
  'max-warnings': { type: 'string', arg: 'N', scope: 'run', group: 'Output', config: key<number>()('maxWarnings', isWholeNumber), help: 'exit 1 when more than N warnings are reported (as for errors)' },
  'output-file': { type: 'string', short: 'o', arg: 'FILE', scope: 'run', group: 'Output', help: 'write the report to FILE (created or replaced; its folder must exist)' },
  color: { type: 'boolean', scope: 'run', group: 'Output', label: '--color, --no-color', help: 'colour the stylish report or not (default: when it goes to a terminal;\nthe FORCE_COLOR and NO_COLOR environment variables are obeyed)' },
  'no-color': { type: 'boolean', scope: 'run' },
  // Input
  html: { type: 'boolean', scope: 'run', group: 'Input', label: '--html, --text', help: 'read every input as HTML / as plain text' },
  text: { type: 'boolean', scope: 'run' },
  ext: { type: 'string', multiple: true, arg: 'LIST', scope: 'run', group: 'Input', config: key<string[]>()('ext', isStrings), help: 'extensions read from directories (comma-separated; default above)' },
  encoding: { type: 'string', arg: 'NAME', scope: 'run', group: 'Input', config: key<string>()('encoding', isString), help: 'decode with this encoding (utf-8, gbk, gb18030, big5 ...)' },
  'no-directives': { type: 'boolean', scope: 'run', group: 'Input', config: key<boolean>()('directives', isBoolean), help: 'ignore inline tifa-disable / tifa-enable comments' },
  'ignore-pattern': { type: 'string', multiple: true, arg: 'P', scope: 'run', group: 'Input', config: key<string[]>()('ignorePatterns', isStrings), help: 'leave out files matching P (gitignore syntax, repeatable); a .tifaignore\nfile in the working directory is read the same way' },
  'no-ignore': { type: 'boolean', scope: 'run', group: 'Input', help: 'check ignored files too (no .tifaignore, --ignore-pattern, ignorePatterns)' },
  jobs: { type: 'string', short: 'j', arg: 'N|auto', scope: 'run', group: 'Input', help: `worker threads for many files, output order unchanged (default: auto =\nthe cores, once the inputs reach ${POOL_AUTO_MB} MB: each worker first\nspends about half a second building its checker)` },
  // Fixing
  fix: { type: 'boolean', scope: 'run', group: 'Fixing', help: "rewrite files where a finding has exactly one expected form and its text\nis plain (no tag or entity inside), in the file's own encoding (BOM kept);\nwhat remains is reported; for - the fixed text goes to standard output\nand the report to standard error" },
  'fix-dry-run': { type: 'boolean', scope: 'run', group: 'Fixing', help: 'print those fixes as a unified diff and write nothing (the report goes\nto standard error)' },
  // Lexicons: the checker's options
  lexicon: { type: 'string', multiple: true, arg: 'FILE', scope: 'checker', group: 'Lexicons', config: key<string[]>()('lexicons', isStrings), help: 'add a lexicon file (YAML, see dictionaries/FORMAT.md, or a file written\nby tifa lexicon compile); repeatable' },
  'no-builtins': { type: 'boolean', scope: 'checker', group: 'Lexicons', config: key<boolean>()('builtins', isBoolean), help: 'do not load the built-in lexicons' },
  allow: { type: 'string', arg: 'FILE', scope: 'checker', group: 'Lexicons', config: key<string[]>()('allow', isStrings), help: 'a file of strings (one per line) inside which nothing is reported' },
  'as-of': { type: 'string', arg: 'DATE', scope: 'checker', group: 'Lexicons', config: key<string>()('asOf', isDate), help: "check as of a date (YYYY-MM-DD), e.g. a page's publication date" },
  'no-fuzzy': { type: 'boolean', scope: 'checker', group: 'Lexicons', config: key<boolean>()('fuzzy', isBoolean), help: 'report listed forms only, no fuzzy search for unlisted misspellings' },
  segmenter: { type: 'string', arg: 'NAME', scope: 'checker', group: 'Lexicons', config: key<(typeof SEGMENTER_NAMES)[number]>()('segmenter', oneOf(...SEGMENTER_NAMES)), help: 'jieba (default: @node-rs/jieba), table (the same cut computed by tifa over its compact table, without the native module), nodejieba, none' },
  'min-confidence': { type: 'string', arg: 'N', scope: 'checker', group: 'Lexicons', config: key<number>()('minConfidence', isFraction), help: 'drop findings below this confidence (0..1)' },
  explain: { type: 'boolean', scope: 'checker', group: 'Lexicons', help: "add to each finding the judge's trace: the rules that let it pass (json, jsonl; stylish shows the rule ids)" },
  // Configuration and the command line itself
  config: { type: 'string', arg: 'FILE', scope: 'command', group: 'Configuration', help: 'read options from this JSON file' },
  'no-config': { type: 'boolean', scope: 'command', group: 'Configuration', help: 'do not look for tifa.config.json / package.json "tifa"\n(by default the nearest one from the working directory up is used;\ncommand-line options override it)' },
  'print-config': { type: 'string', arg: 'FILE', scope: 'command', group: 'Configuration', help: 'print the options in effect for FILE as JSON and exit' },
  help: { type: 'boolean', short: 'h', scope: 'command', group: 'Configuration', help: 'show this help' },
  version: { type: 'boolean', short: 'v', scope: 'command', group: 'Configuration', help: 'show the version' },
  // Crawl (tifa crawl only)
  scope: { type: 'string', arg: 'S', scope: 'run', crawlOnly: true, group: 'Crawl', help: "links followed: host (default: the seed's host), domain (every host of\nits registrable domain), prefix (URLs under the seed's folder)" },
  'max-pages': { type: 'string', arg: 'N', scope: 'run', crawlOnly: true, group: 'Crawl', help: `most URLs fetched, pages and attachments (default ${CRAWL_DEFAULTS.maxPages})` },
  'max-depth': { type: 'string', arg: 'N', scope: 'run', crawlOnly: true, group: 'Crawl', help: `most link steps from a seed (default ${CRAWL_DEFAULTS.maxDepth})` },
  concurrency: { type: 'string', arg: 'N', scope: 'run', crawlOnly: true, group: 'Crawl', help: `requests at once (default ${CRAWL_DEFAULTS.concurrency})` },
  delay: { type: 'string', arg: 'MS', scope: 'run', crawlOnly: true, group: 'Crawl', help: `least time between two requests to one host (default ${CRAWL_DEFAULTS.delayMs};\na longer robots.txt Crawl-delay wins)` },
  retries: { type: 'string', arg: 'N', scope: 'run', crawlOnly: true, group: 'Crawl', help: `retries of a failed request, with back-off 1 s, 2 s, 4 s ... (default ${CRAWL_DEFAULTS.retries})` },
  timeout: { type: 'string', arg: 'S', scope: 'run', crawlOnly: true, group: 'Crawl', help: `seconds for one request (default ${CRAWL_DEFAULTS.timeoutMs / 1000})` },
  'max-bytes': { type: 'string', arg: 'N', scope: 'run', crawlOnly: true, group: 'Crawl', help: `refuse a response whose Content-Length is larger (default ${CRAWL_DEFAULTS.maxBytes}, 100 MiB)` },
  state: { type: 'string', arg: 'DIR', scope: 'run', crawlOnly: true, group: 'Crawl', help: 'keep the queue and the results in DIR; run again to resume' },
  'user-agent': { type: 'string', arg: 'NAME', scope: 'run', crawlOnly: true, group: 'Crawl', help: `User-Agent header and robots.txt name (default ${CRAWL_DEFAULTS.userAgent})` },
  'no-sitemap': { type: 'boolean', scope: 'run', crawlOnly: true, group: 'Crawl', help: 'do not read sitemap.xml' },
  'no-robots': { type: 'boolean', scope: 'run', crawlOnly: true, group: 'Crawl', help: 'do not honour robots.txt (your own site only)' },
  'no-attachments': { type: 'boolean', scope: 'run', crawlOnly: true, group: 'Crawl', help: 'do not check linked PDF and DOCX files' },
} as const satisfies Record<string, OptionRow>;

type Table = typeof OPTIONS;
export type OptionFlag = keyof Table;

/** The parseArgs configuration of some rows of a table (only the keys parseArgs reads). */
export type ParseConfig<T extends Record<string, OptionRow>, F extends keyof T = keyof T> = { [K in F]: Pick<T[K], Extract<keyof T[K], 'type' | 'short' | 'multiple'>> };

/** The parseArgs options of a table's rows (default: all of them). */
export function parseConfigOf<T extends Record<string, OptionRow>, F extends keyof T & string = keyof T & string>(table: T, flags: readonly F[] = Object.keys(table) as F[]): ParseConfig<T, F> {
  const out: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const flag of flags) {
    const row = table[flag] as OptionRow;
    out[flag] = { type: row.type, ...(row.short !== undefined ? { short: row.short } : {}), ...(row.multiple === true ? { multiple: true } : {}) };
  }
  return out as ParseConfig<T, F>;
}

/** The parseArgs options for the given flags of this table (default: every flag). */
export function parseConfig<F extends OptionFlag = OptionFlag>(flags?: readonly F[]): ParseConfig<Table, F> {
  return parseConfigOf(OPTIONS, flags);
}

/** Flags only `tifa crawl` takes. */
export const CRAWL_FLAGS: readonly OptionFlag[] = (Object.keys(OPTIONS) as OptionFlag[]).filter((f) => (OPTIONS[f] as OptionRow).crawlOnly === true);

/** The flags given (set in parseArgs' values) that `command` does not take; empty when all are fine. */
export function foreignFlags(command: 'check' | 'crawl' | 'lexicon-list', values: Readonly<Record<string, unknown>>): string[] {
  if (command === 'crawl') return [];
  return CRAWL_FLAGS.filter((f) => values[f] !== undefined);
}

const HELP_INDENT = 26;

/** One help entry: `  -f, --format NAME       text`, continuation lines under the text. */
function helpEntry(flag: string, row: OptionRow): string {
  const label = row.label ?? `--${flag}${row.arg !== undefined ? ` ${row.arg}` : ''}`;
  const head = `  ${row.short !== undefined ? `-${row.short}, ` : '    '}${label}`;
  const [first, ...rest] = (row.help ?? '').split('\n');
  // A label too long for the column puts all the text on the lines below.
  const lines = [first === '' ? head : `${head.padEnd(HELP_INDENT - 1)} ${first}`, ...rest.map((l) => `${' '.repeat(HELP_INDENT)}${l}`)];
  return `${lines.join('\n')}\n`;
}

/** The help lines of one group of a table (default: this one), in table order. */
export function helpLines(group: string, table: Readonly<Record<string, OptionRow>> = OPTIONS): string {
  let out = '';
  for (const [flag, row] of Object.entries(table)) if (row.group === group) out += helpEntry(flag, row);
  return out;
}

type ConfigRows = { [F in OptionFlag as Table[F] extends { config: ConfigKey<string, unknown> } ? F : never]: Table[F] };
type ConfigKeyOf<R> = R extends { config: ConfigKey<infer K, unknown> } ? K : never;
type ConfigValueOf<R> = R extends { config: ConfigKey<string, infer T> } ? T : never;

/**
 * Everything the config file may hold, derived from the table: each key has the meaning (and
 * default) of its command-line flag; paths (`lexicons`, `ignorePatterns`) are relative to the file.
 */
export type TifaConfig = { [R in ConfigRows[keyof ConfigRows] as ConfigKeyOf<R>]?: ConfigValueOf<R> };

/** Config key -> its check, in table order. */
export const CONFIG_CHECKS: ReadonlyMap<string, ValueCheck> = new Map(
  (Object.values(OPTIONS) as OptionRow[]).flatMap((row) => (row.config !== undefined ? [[row.config.key, row.config.check] as const] : [])),
);

export { DEFAULT_EXTENSIONS };
