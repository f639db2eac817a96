/**
 * The CLI as a testable function: `cli(argv, io)` returns the exit code; `bin.ts` is a thin shell.
 * Exit codes: 0 nothing of severity error reported, 1 something was, 2 usage, config, lexicon or
 * I/O error (one line on stderr, no stack).
 *
 * Pipeline per run: options (defaults < config file < command line) -> checker -> inputs (files,
 * directories, globs, stdin) -> per input: decode, check as HTML or text, inline directives ->
 * filter (severity, rules) -> cap (max findings) -> one pure formatter -> exit code.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { createChecker, type Checker, type CheckerOptions, type LexiconSource } from '../checker.js';
import { dataFileFormat, DataFileError } from '../match/model-file.js';
import { lexiconCompile, LEXICON_COMPILE_USAGE } from './lexicon-compile.js';
import { ConfigError, findConfig, loadConfig, type LoadedConfig, type TifaConfig } from '../config/index.js';
import { LexiconError, OptionsError } from '../errors.js';
import type { Finding, Severity } from '../types.js';
import { checkBytes, checkSource, kindOfPath, type FileCheckResult, type SourceKind } from './check-file.js';
import { DEFAULT_EXTENSIONS, HTML_EXTENSIONS } from '../options/extensions.js';
import { foreignFlags, helpLines, parseConfig, POOL_AUTO_MB, SEGMENTER_NAMES } from '../options/table.js';
import { checkerScope } from '../options/checker.js';
import { checkDocumentBytes, DocumentError, documentKindOfPath } from './check-document.js';
import { CRAWL_HELP, crawlCommand } from './crawl-command.js';
import { checkFiles, POOL_RANGE_BYTES, PoolSetupError } from '../pool/index.js';
import { FORMATTERS, WRITERS } from './formatters/index.js';
import { RULE_IDS } from './formatters/rules.js';
import type { FileResult } from './formatters/types.js';
import { expandInputs, InputError, normalizeExtensions, readInputFile, readProblem, sizeOf, unreadableInPool, type InputProblem } from './inputs.js';
import { entryCounts, listEntries } from './lexicon-list.js';
import { createProgress } from './progress.js';
import { asOfDate } from '../checker.js';
import { useColor } from './color.js';
import { fixPass } from './fix-file.js';
import { createIgnoreTest, readIgnoreFile, type IgnoreSet } from './ignore-files.js';
import { openReport, ReportFileError } from './report.js';
import { findingFilter, SEVERITY_RANK } from '../findings/filter.js';

export interface CliIO {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  /** Reads all of standard input (bytes are decoded like a file; a string is taken as it is). */
  readStdin(): Promise<Uint8Array | string>;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Clock in milliseconds for the progress line. Default: performance.now. */
  now?: () => number;
}

/** A usage problem: printed as one line, exit code 2. */
export class UsageError extends Error {}

export { FORMATTERS };
export { DEFAULT_EXTENSIONS, POOL_AUTO_MB };

export const HELP = `Usage: tifa check [options] <file|dir|glob|->...
       tifa crawl [options] <url>...
       tifa lexicon list [--format jsonl|json|tsv] [lexicon options]
       tifa lexicon compile <lexicon.yaml>... -o FILE [--no-builtins]   (load it with --lexicon FILE)
       tifa serve [--host H] [--port N] [--jobs N] [lexicon options]   (tifa serve --help)
       tifa queue add|work|status|results --redis URL ...              (tifa queue --help)

Checks Chinese text and web pages for misspelled mandated phrases, wrong formulations, banned
terms, outdated names and common typos. Directories are walked recursively (${DEFAULT_EXTENSIONS.join(' ')});
quote globs ('site/**/*.html'); - reads standard input. HTML is read by extension (stdin: when it
starts with <); the encoding comes from a BOM, <meta charset>, or a UTF-8/GB18030/Big5 sniff
(a warning when the guess is uncertain).

Output:
${helpLines('Output')}Input:
${helpLines('Input')}Fixing:
${helpLines('Fixing')}Lexicons:
${helpLines('Lexicons')}Configuration:
${helpLines('Configuration')}
${CRAWL_HELP}
Inline directives (HTML comments; in text a line holding only the directive):
  <!-- tifa-disable-next-line -->   <!-- tifa-disable-line -->
  <!-- tifa-disable --> ... <!-- tifa-enable -->     optionally followed by rule ids

Exit codes: 0 no error reported, 1 errors reported, 2 usage, config, lexicon or I/O error.
An input that cannot be read is reported in its place and the others are still checked (exit 2).
`;

/** Everything a run needs, after defaults, config and command line are merged. */
interface RunOptions {
  command: 'check' | 'lexicon-list' | 'crawl';
  paths: string[];
  format: string;
  checker: CheckerOptions;
  /** Lexicon files: the name shown in messages (as written) and the absolute path. */
  lexiconFiles: Array<{ name: string; path: string }>;
  /** Allow-list file, absolute. */
  allowFile?: string;
  severity: Severity;
  rules: string[];
  ext: string[];
  maxFindings?: number;
  encoding?: string;
  kind?: SourceKind;
  directives: boolean;
  /** Worker threads for many files; `auto`: the cores, for large inputs only. */
  jobs: number | 'auto';
  /** `--fix` (write) or `--fix-dry-run`. Default: report only. */
  fix?: 'write' | 'dry-run';
  /** Exit 1 when more warnings than this are reported. Default: no limit. */
  maxWarnings?: number;
  /** Report file, absolute. Default: standard output. */
  outputFile?: string;
  /** `--color` / `--no-color`. Default: by terminal and environment (see color.ts). */
  color?: boolean;
  /** Ignore rules: .tifaignore, --ignore-pattern, the config's ignorePatterns. None with --no-ignore. */
  ignore?: IgnoreSet[];
}

type Values = ReturnType<typeof parseCommandLine>['values'];

function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: parseConfig(), // every flag of src/options/table.ts
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
}

function number(value: string, name: string, check: (n: number) => boolean, what: string): number {
  const n = Number(value);
  if (value.trim() === '' || !check(n)) throw new UsageError(`${name} must be ${what}, not "${value}"`);
  return n;
}

/** Merges defaults, the config file and the command line; validates what the config did not. */
function runOptions(command: RunOptions['command'], paths: string[], values: Values, loaded: LoadedConfig | undefined, cwd: string): RunOptions {
  const config: TifaConfig = loaded?.config ?? {};
  const fromConfig = (p: string): string => resolve(loaded?.dir ?? cwd, p);
  const segmenter = values.segmenter;
  if (segmenter !== undefined && !(SEGMENTER_NAMES as readonly string[]).includes(segmenter)) throw new UsageError(`--segmenter must be jieba, nodejieba or none, not "${segmenter}"`);
  const minConfidence = values['min-confidence'] !== undefined ? number(values['min-confidence'], '--min-confidence', (n) => n >= 0 && n <= 1, 'a number from 0 to 1') : undefined;
  const checker = checkerScope({ ...values, ...(minConfidence !== undefined ? { minConfidence } : {}) }, config);

  const severity = values.severity ?? config.severity ?? 'info';
  if (!(severity in SEVERITY_RANK)) throw new UsageError(`--severity must be error, warning or info, not "${severity}"`);
  const rules = values.rule ?? config.rules ?? [];
  for (const r of rules) if (!(RULE_IDS as string[]).includes(r)) throw new UsageError(`unknown rule "${r}" (${RULE_IDS.join(', ')})`);
  if (values.html && values.text) throw new UsageError('--html and --text exclude each other');

  const options: RunOptions = {
    command,
    paths,
    format: values.format ?? config.format ?? 'stylish',
    checker,
    lexiconFiles: [
      ...(config.lexicons ?? []).map((f) => ({ name: displayPath(fromConfig(f), cwd), path: fromConfig(f) })),
      ...(values.lexicon ?? []).map((f) => ({ name: f, path: resolve(cwd, f) })),
    ],
    severity: severity as Severity,
    rules,
    ext: normalizeExtensions(values.ext ?? config.ext ?? DEFAULT_EXTENSIONS),
    directives: values['no-directives'] ? false : config.directives ?? true,
    jobs: values.jobs === undefined || values.jobs === 'auto' ? 'auto' : number(values.jobs, '--jobs', (n) => Number.isInteger(n) && n >= 1, 'a positive whole number or auto'),
  };
  if (values.allow !== undefined) options.allowFile = resolve(cwd, values.allow);
  const maxFindings = values['max-findings'] !== undefined ? number(values['max-findings'], '--max-findings', (n) => Number.isInteger(n) && n >= 0, 'a whole number') : config.maxFindings;
  if (maxFindings !== undefined) options.maxFindings = maxFindings;
  const encoding = values.encoding ?? config.encoding;
  if (encoding !== undefined) {
    try {
      new TextDecoder(encoding);
    } catch {
      throw new UsageError(`unknown encoding "${encoding}"`);
    }
    options.encoding = encoding;
  }
  if (values.html) options.kind = 'html';
  if (values.text) options.kind = 'text';
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run exclude each other');
  if (values.fix) options.fix = 'write';
  if (values['fix-dry-run']) options.fix = 'dry-run';
  const maxWarnings = values['max-warnings'] !== undefined ? number(values['max-warnings'], '--max-warnings', (n) => Number.isInteger(n) && n >= 0, 'a whole number') : config.maxWarnings;
  if (maxWarnings !== undefined) options.maxWarnings = maxWarnings;
  if (values['output-file'] !== undefined) options.outputFile = resolve(cwd, values['output-file']);
  if (values.color && values['no-color']) throw new UsageError('--color and --no-color exclude each other');
  if (values.color || values['no-color']) options.color = values.color === true;
  if (!values['no-ignore']) options.ignore = ignoreSets(values, loaded, cwd);
  return options;
}

/** The ignore rules of a run: .tifaignore and --ignore-pattern (working directory), ignorePatterns (config). */
function ignoreSets(values: Values, loaded: LoadedConfig | undefined, cwd: string): IgnoreSet[] {
  const sets: IgnoreSet[] = [];
  let file;
  try {
    file = readIgnoreFile(cwd);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (file) sets.push({ base: cwd, patterns: file.patterns });
  if (values['ignore-pattern']) sets.push({ base: cwd, patterns: values['ignore-pattern'] });
  if (loaded?.config.ignorePatterns) sets.push({ base: loaded.dir, patterns: loaded.config.ignorePatterns });
  return sets;
}

/** Leaves out ignored files; a file named on the command line is mentioned when it is left out. */
function dropIgnored(files: string[], options: RunOptions, io: CliIO): string[] {
  if (!options.ignore || options.ignore.length === 0) return files;
  const ignored = createIgnoreTest(options.ignore);
  const named = new Set(options.paths.map((p) => (p === '-' ? p : resolve(io.cwd, p))));
  return files.filter((f) => {
    if (!ignored(f)) return true;
    if (named.has(f)) io.stderr.write(`tifa: warning: ${displayPath(f, io.cwd)}: ignored by an ignore pattern (--no-ignore checks it)\n`);
    return false;
  });
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

async function readBytes(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** A lexicon file's bytes as a checker source: compiled (a tifa data file) or YAML text. */
function lexiconSourceOf(name: string, bytes: Buffer): LexiconSource {
  return dataFileFormat(bytes) !== undefined ? { name, compiled: bytes } : { name, text: bytes.toString('utf8') };
}

function displayPath(path: string, cwd: string): string {
  if (path === '-') return '<stdin>';
  const rel = relative(cwd, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}

/** The checker options as plain data (what pool workers build their own checker from). */
async function checkerOptionsOf(options: RunOptions): Promise<CheckerOptions> {
  const checkerOptions: CheckerOptions = { ...options.checker };
  if (options.lexiconFiles.length > 0) {
    // A compiled lexicon file (tifa lexicon compile) is recognized by its header and passed as bytes.
    checkerOptions.lexicons = await Promise.all(options.lexiconFiles.map(async (f) => lexiconSourceOf(f.name, await readBytes(f.path, 'lexicon'))));
  }
  if (options.allowFile !== undefined) {
    const text = await readText(options.allowFile, 'allow list');
    checkerOptions.allow = [...(checkerOptions.allow ?? []), ...text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'))];
  }
  return checkerOptions;
}

/**
 * A checker built on first use. With a pool the main thread checks nothing (the workers build
 * their own checkers), so building one here would only delay the workers; a lexicon error then
 * comes from the workers (PoolSetupError named LexiconError), reported the same way.
 */
function lazyChecker(checkerOptions: CheckerOptions): Checker {
  let built: Checker | undefined;
  return new Proxy({} as Checker, {
    get(_target, key) {
      built ??= createChecker(checkerOptions);
      const value: unknown = Reflect.get(built, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(built) : value;
    },
  });
}

/** The reporting filter: minimum severity and rule ids. */
function keep(options: RunOptions): (f: Finding) => boolean {
  return findingFilter({ severity: options.severity, rules: options.rules });
}

/** Reads one input: bytes, a string (stdin in tests and embeddings), or why it cannot be read. */
async function readInput(file: string, io: CliIO): Promise<Uint8Array | string | { problem: InputProblem }> {
  if (file === '-') {
    try {
      return await io.readStdin();
    } catch (error) {
      return { problem: readProblem(error) };
    }
  }
  const read = await readInputFile(file);
  return 'bytes' in read ? read.bytes : read;
}

/** A stand-in for an input that was not checked, carrying why (no findings, no text). */
function unchecked(problem: InputProblem): Checked {
  return { findings: [], text: '', kind: 'text', suppressed: 0, replacements: 0, bytes: 0, problem };
}

/** One checked input, from this thread or from a pool worker. */
type Checked = Omit<FileCheckResult, 'encoding' | 'encodingSource'> & { encoding?: string; document?: FileResult['document']; problem?: InputProblem };

/** Checks the files in this thread, one after the other. */
async function* checkHere(files: readonly string[], problems: ReadonlyMap<string, InputProblem>, options: RunOptions, checker: Checker, io: CliIO, findingsLeft: () => number | undefined = () => undefined): AsyncGenerator<Checked> {
  for (const file of files) {
    const known = problems.get(file);
    if (known !== undefined) {
      yield unchecked(known);
      continue;
    }
    const input = await readInput(file, io);
    if (typeof input === 'object' && 'problem' in input) {
      yield unchecked(input.problem);
      continue;
    }
    // A PDF or DOCX (by extension) is read as a document: its text extracted, then checked.
    const documentKind = typeof input === 'string' || file === '-' ? undefined : documentKindOfPath(file);
    if (documentKind !== undefined) {
      // A document that cannot be read costs that file only, like any unreadable input.
      yield await checkDocumentBytes(checker, input as Uint8Array, documentKind, { directives: options.directives }).catch((error: unknown): Checked => {
        if (error instanceof DocumentError) return unchecked({ level: 'error', code: 'DOCUMENT', message: error.message });
        throw error;
      });
      continue;
    }
    const kind = options.kind ?? (file === '-' ? undefined : kindOfPath(file));
    // With --max-findings, text is checked window by window and the check stops at the cap.
    const left = options.fix === undefined ? findingsLeft() : undefined;
    const sourceOptions = { ...(kind !== undefined ? { kind } : {}), directives: options.directives, ...(left !== undefined ? { stopAfter: { count: left, keep: keep(options) } } : {}) };
    // Bytes are decoded like a file; a string (from a test or an embedding) is already text.
    yield typeof input === 'string'
      ? { ...checkSource(checker, input, sourceOptions), text: input, replacements: 0, bytes: Buffer.byteLength(input) }
      : checkBytes(checker, input, { ...sourceOptions, ...(options.encoding !== undefined ? { encoding: options.encoding } : {}) });
  }
}

/**
 * Workers to use: as asked, or with `auto` the cores once the inputs are large; 1 means no pool.
 * One file takes a pool only when it is a large text file the pool cuts into ranges (`inRanges`:
 * no early stop, not forced to HTML).
 */
async function poolSize(jobs: number | 'auto', files: readonly string[], inRanges: boolean): Promise<number> {
  if (files.length === 0 || files.includes('-')) return 1;
  const units = files.length > 1 ? files.length : inRanges && kindOfPath(files[0]!) === 'text' && (await sizeOf(files[0]!)) > POOL_RANGE_BYTES ? Number.POSITIVE_INFINITY : 1;
  if (units === 1) return 1;
  if (jobs !== 'auto') return Math.min(jobs, units);
  let bytes = 0;
  for (const f of files) {
    bytes += await sizeOf(f); // a file that cannot be looked at counts 0 and is reported when read
    if (bytes >= POOL_AUTO_MB * 1024 * 1024) return Math.min(availableParallelism(), units);
  }
  return 1;
}

/** Checks the files with a worker pool; results come in input order. */
async function* checkPooled(files: readonly string[], problems: ReadonlyMap<string, InputProblem>, jobs: number, options: RunOptions, checkerOptions: CheckerOptions): AsyncGenerator<Checked> {
  // The workers read with a blocking read: special files, directories and paths that cannot be
  // looked at stay in this thread and are reported in their place.
  const screened = new Map(problems);
  for (const f of files) if (!screened.has(f)) {
    const problem = await unreadableInPool(f);
    if (problem !== undefined) screened.set(f, problem);
  }
  const pooled = checkFiles(files.filter((f) => !screened.has(f)), {
    jobs,
    // This thread checks too (jobs - 1 workers): one worker start-up less (see PoolOptions.mainThread).
    mainThread: true,
    checker: checkerOptions,
    includeText: true,
    source: {
      ...(options.kind !== undefined ? { kind: options.kind } : {}),
      directives: options.directives,
      ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
      htmlExtensions: HTML_EXTENSIONS,
      // With --max-findings no file needs more; the run stops when this generator is left.
      ...(options.maxFindings !== undefined && options.fix === undefined ? { stopAfter: { count: options.maxFindings, severity: options.severity, rules: options.rules } } : {}),
    },
  });
  const iterator = pooled[Symbol.asyncIterator]();
  try {
    for (const f of files) {
      const problem = screened.get(f);
      if (problem !== undefined) {
        yield unchecked(problem);
        continue;
      }
      const next = await iterator.next();
      if (next.done) return;
      const r = next.value;
      if (r.error) {
        // A read error has a system code (reworded like one read here); a crash or a failed check keeps its message.
        yield unchecked(r.error.code !== undefined && /^E[A-Z]+$/.test(r.error.code) ? readProblem(r.error) : { level: 'error', code: r.error.code ?? 'CHECK_FAILED', message: r.error.message });
        continue;
      }
      yield { findings: r.findings, text: r.text ?? '', ...r.source! };
    }
  } finally {
    await iterator.return?.();
  }
}

/** One checked input as the formatters take it; how it was read (bad bytes, a guess, no text layer) is said on stderr too. */
function resultOf(checked: Checked, name: string, findings: Finding[], say: (line: string) => void): FileResult {
  const replaced = checked.replacements > 0 ? `${checked.replacements} ${checked.replacements === 1 ? 'byte sequence' : 'byte sequences'} not valid ${checked.encoding}, replaced with U+FFFD` : undefined;
  if (replaced !== undefined) say(`tifa: warning: ${name}: ${replaced}\n`);
  const result: FileResult = { file: name, findings, text: checked.text, kind: checked.kind, replacements: checked.replacements, suppressed: checked.suppressed };
  if (checked.encoding !== undefined) result.encoding = checked.encoding;
  const warnings: string[] = [];
  if (checked.encodingWarning !== undefined) warnings.push(checked.encodingWarning);
  if (replaced !== undefined) warnings.push(replaced);
  if (checked.encodingWarning !== undefined) say(`tifa: warning: ${name}: ${checked.encodingWarning}\n`);
  if (warnings.length > 0) result.warnings = warnings;
  if (checked.document !== undefined) {
    result.document = checked.document;
    if (checked.document.unreadable !== undefined) say(`tifa: warning: ${name}: ${checked.document.unreadable}\n`);
  }
  return result;
}

/** Where results go: stylish and jsonl are written input by input (an input's text let go once written), the others at the end. */
function reportSink(format: string, formatOptions: { color: boolean; toolVersion: string }, report: ReturnType<typeof openReport>, progress: ReturnType<typeof createProgress>) {
  const formatter = FORMATTERS[format]!;
  const writer = WRITERS[format]?.(formatOptions);
  const results: FileResult[] = [];
  return {
    results,
    add(result: FileResult): void {
      if (writer === undefined) {
        results.push(result);
        return;
      }
      writer.file(result, (piece) => {
        progress.done();
        report.write(piece);
      });
      results.push({ ...result, text: '' });
    },
    end(): void {
      report.write(writer !== undefined ? writer.end() : formatter(results, formatOptions));
    },
  };
}

async function check(options: RunOptions, checker: Checker, checkerOptions: CheckerOptions, io: CliIO): Promise<number> {
  if (!FORMATTERS[options.format]) throw new UsageError(`unknown format "${options.format}" (${Object.keys(FORMATTERS).join(', ')})`);
  if (options.jobs === 1) void checker.entries; // one thread: built first, as before any input is looked at
  // Fixes and diffs own standard output with --fix-dry-run and with --fix on stdin.
  const report = openReport(options.outputFile, options.fix === 'dry-run' || (options.fix === 'write' && options.paths.includes('-')) ? io.stderr : io.stdout);
  // Bad inputs stay in the list, in their place: each is reported, the others are checked (exit 2 at the end).
  const inputs = await expandInputs(options.paths, io.cwd, options.ext);
  const files = dropIgnored(inputs.files, options, io);
  const progress = createProgress({ stream: io.stderr, enabled: io.stderr.isTTY === true, now: io.now ?? (() => performance.now()) });
  const filter = keep(options);
  let bytes = 0;
  let total = 0;
  let capped = false;
  // Documents are extracted in this thread (the pool's workers read pages and text only).
  const jobs = files.some((f) => documentKindOfPath(f) !== undefined) ? 1 : await poolSize(options.jobs, files, options.maxFindings === undefined && options.kind !== 'html');
  if (jobs === 1 || options.fix !== undefined) void checker.entries; // built now: a lexicon error comes before any input is read
  const findingsLeft = (): number | undefined => (options.maxFindings === undefined ? undefined : options.maxFindings - total);
  const source = jobs > 1 ? checkPooled(files, inputs.problems, jobs, options, checkerOptions) : checkHere(files, inputs.problems, options, checker, io, findingsLeft);
  const say = (line: string): void => {
    progress.done();
    io.stderr.write(line);
  };
  let unfixable = 0; // files --fix could not read again or write: exit code 2 at the end
  const checkedInputs = options.fix === undefined ? source : fixPass(source, files, { mode: options.fix, checker, keep: filter, directives: options.directives, ...(options.encoding !== undefined ? { encoding: options.encoding } : {}), displayName: (f) => displayPath(f, io.cwd), out: (s) => void io.stdout.write(s), say, failed: () => void unfixable++, findingsLeft });
  const sink = reportSink(options.format, { color: options.format === 'stylish' && useColor({ flag: options.color, env: io.env, isTTY: report.isTTY }), toolVersion: VERSION }, report, progress);
  let i = -1;
  for await (const checked of checkedInputs) {
    i++;
    const name = displayPath(files[i]!, io.cwd);
    if (checked.problem !== undefined) {
      const { level, message, code } = checked.problem;
      say(`tifa: ${level === 'error' ? 'error' : 'warning'}: ${name}: ${message}\n`);
      sink.add({ file: name, findings: [], text: '', [level]: { message, code } });
      continue;
    }
    let findings = checked.findings.filter(filter);
    if (options.maxFindings !== undefined && total + findings.length >= options.maxFindings) {
      capped = total + findings.length > options.maxFindings || i < files.length - 1 || checked.stopped === true;
      findings = findings.slice(0, options.maxFindings - total);
    }
    total += findings.length;
    bytes += checked.bytes;
    sink.add(resultOf(checked, name, findings, say));
    progress.update(sink.results.length, bytes, total);
    if (capped) break;
  }
  progress.done();
  if (capped) io.stderr.write(`tifa: stopped after ${options.maxFindings} ${options.maxFindings === 1 ? 'finding' : 'findings'} (--max-findings)\n`);
  sink.end();
  const code = exitCode(sink.results, options, io);
  return unfixable > 0 ? 2 : code;
}

/** 2 when an input could not be read; 1 when an error is reported, or more warnings than --max-warnings; else 0. */
function exitCode(results: readonly FileResult[], options: RunOptions, io: CliIO): number {
  const unread = results.filter((r) => r.error !== undefined).length;
  if (unread > 0) {
    io.stderr.write(`tifa: ${unread} ${unread === 1 ? 'input' : 'inputs'} could not be read (see above); the others were checked\n`);
    return 2;
  }
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
  }
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`tifa: too many warnings (${warnings}, at most ${options.maxWarnings} allowed by --max-warnings)\n`);
    return 1;
  }
  return errors > 0 ? 1 : 0;
}

/** `--print-config FILE`: the options in effect for FILE (defaults, config file, command line), as JSON. */
function printConfig(file: string, positionals: readonly string[], values: Values, io: CliIO): number {
  if (positionals.length > 1 || (positionals.length === 1 && positionals[0] !== 'check')) throw new UsageError('--print-config takes one file and no other input');
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config exclude each other');
  const loaded = values.config !== undefined ? loadConfig(resolve(io.cwd, values.config)) : values['no-config'] ? undefined : findConfig(io.cwd);
  const options = runOptions('check', [file], values, loaded, io.cwd);
  const path = file === '-' ? file : resolve(io.cwd, file);
  const c = options.checker;
  const effective = {
    file: displayPath(path, io.cwd),
    configFile: loaded ? displayPath(loaded.path, io.cwd) : null,
    kind: options.kind ?? (file === '-' ? 'sniffed' : kindOfPath(file)),
    ignored: options.ignore ? createIgnoreTest(options.ignore)(path) : false,
    format: options.format,
    severity: options.severity,
    rules: options.rules,
    ext: options.ext,
    encoding: options.encoding ?? 'detect',
    directives: options.directives,
    maxFindings: options.maxFindings ?? null,
    maxWarnings: options.maxWarnings ?? null,
    jobs: options.jobs,
    fix: options.fix ?? false,
    outputFile: options.outputFile !== undefined ? displayPath(options.outputFile, io.cwd) : null,
    color: options.color ?? 'auto',
    ignorePatterns: (options.ignore ?? []).flatMap((s) => s.patterns.filter((p) => p.trim() !== '' && !p.startsWith('#')).map((p) => ({ base: displayPath(s.base, io.cwd) || '.', pattern: p }))),
    builtins: c.builtins ?? true,
    lexicons: options.lexiconFiles.map((f) => f.name),
    allow: c.allow ?? [],
    allowFile: options.allowFile !== undefined ? displayPath(options.allowFile, io.cwd) : null,
    asOf: asOfDate(c.asOf),
    fuzzy: c.fuzzy ?? true,
    segmenter: c.segmenter ?? 'jieba',
    minConfidence: c.minConfidence ?? 0,
  };
  io.stdout.write(`${JSON.stringify(effective, null, 2)}\n`);
  return 0;
}

export async function cli(argv: readonly string[], io: CliIO): Promise<number> {
  // The long-running commands parse their own options (src/serve, src/queue); loaded on use only.
  if (argv[0] === 'serve') return (await import('../serve/cli.js')).serveCli(argv.slice(1), io, VERSION);
  if (argv[0] === 'queue') return (await import('../queue/cli.js')).queueCli(argv.slice(1), io, VERSION);
  try {
    const { values, positionals } = parseCommandLine(argv);
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (values.version) {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (values['print-config'] !== undefined) return printConfig(values['print-config'], positionals, values, io);
    const [command, ...rest] = positionals;
    let kind: RunOptions['command'];
    if (command === 'check') {
      kind = 'check';
      if (rest.length === 0) throw new UsageError('check needs at least one file, directory, glob or - (stdin)');
    } else if (command === 'crawl') {
      kind = 'crawl';
      if (rest.length === 0) throw new UsageError('crawl needs at least one URL (tifa crawl https://www.example.gov.cn/)');
    } else if (command === 'lexicon' && rest[0] === 'compile') {
      const other = Object.keys(values).filter((k) => !['output-file', 'no-builtins'].includes(k) && values[k as keyof typeof values] !== undefined);
      if (other.length > 0) throw new UsageError(`--${other[0]} is not an option of tifa lexicon compile (${LEXICON_COMPILE_USAGE})`);
      io.stderr.write(await lexiconCompile({ files: rest.slice(1), output: values['output-file'], builtins: values['no-builtins'] !== true, cwd: io.cwd }, (m) => new UsageError(m)));
      return 0;
    } else if (command === 'lexicon' && rest[0] === 'list' && rest.length === 1) {
      kind = 'lexicon-list';
    } else if (command === undefined) {
      throw new UsageError('missing command (try: tifa check <file>, tifa --help)');
    } else {
      throw new UsageError(`unknown command "${positionals.join(' ')}" (try: tifa --help)`);
    }
    const foreign = foreignFlags(kind, values);
    if (foreign.length > 0) throw new UsageError(`--${foreign[0]} is an option of tifa crawl, not of ${kind === 'check' ? 'tifa check' : 'tifa lexicon list'}`);
    if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config exclude each other');
    const loaded = values.config !== undefined ? loadConfig(resolve(io.cwd, values.config)) : values['no-config'] ? undefined : findConfig(io.cwd);
    const options = runOptions(kind, kind === 'check' ? rest : [], values, loaded, io.cwd);
    const checkerOptions = await checkerOptionsOf(options);
    // tifa check builds its checker when it checks in this thread: a pool's workers build their own.
    const checker = options.command === 'check' ? lazyChecker(checkerOptions) : createChecker(checkerOptions);
    if (options.command === 'lexicon-list') {
      let listing: string;
      try {
        listing = listEntries(checker.entries, values.format === undefined ? 'jsonl' : values.format);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      io.stdout.write(listing);
      io.stderr.write(`${entryCounts(checker.entries)}\n`);
      return 0;
    }
    if (options.command === 'crawl') {
      const run = { format: options.format, keep: keep(options), directives: options.directives, color: options.format === 'stylish' && useColor({ flag: options.color, env: io.env, isTTY: options.outputFile === undefined && io.stdout.isTTY === true }), version: VERSION };
      return await crawlCommand(rest, values, { ...run, ...(options.outputFile !== undefined ? { outputFile: options.outputFile } : {}), ...(options.maxWarnings !== undefined ? { maxWarnings: options.maxWarnings } : {}), ...(options.encoding !== undefined ? { encoding: options.encoding } : {}) }, checker, io);
    }
    return await check(options, checker, checkerOptions, io);
  } catch (error) {
    if (error instanceof LexiconError || (error instanceof PoolSetupError && error.originalName === 'LexiconError')) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    const known = error instanceof UsageError || error instanceof DataFileError || error instanceof OptionsError || error instanceof ConfigError || error instanceof InputError || error instanceof PoolSetupError || error instanceof ReportFileError;
    io.stderr.write(`tifa: ${known ? message : `internal error: ${message}`}\n`);
    return 2;
  }
}

declare const __TIFA_VERSION__: string | undefined;
/** Package version, injected by the build (falls back when running from source). */
export const VERSION: string = typeof __TIFA_VERSION__ === 'string' ? __TIFA_VERSION__ : '0.0.0-dev';
