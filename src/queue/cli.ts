/**
 * `tifa queue add|work|status|results`: parses its own options (dispatched from src/cli/index.ts).
 * Exit codes: 0 done, 1 `results` holds error findings (as `tifa check`), 2 a usage, connection,
 * input or lexicon problem, or `results` with pages that failed for good.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_EXTENSIONS } from '../options/extensions.js';
import { InputError, normalizeExtensions } from '../cli/inputs.js';
import { checkerOptionsOf, CommandError, positiveInt } from '../serve/checker-options.js';
import { helpLines, OPTIONS, parseConfigOf, type OptionRow } from '../options/table.js';
import { describeError, stopSignal } from '../serve/cli.js';
import { addPages } from './add.js';
import { parseRedisUrl } from './connection.js';
import { DEFAULT_QUEUE } from './page.js';
import { formatCounts, formatResults, queueCounts, queueResults, RESULT_FORMATS } from './status.js';
import { runWorker } from './work.js';

export interface QueueIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
  readStdin(): Promise<Uint8Array | string>;
  /** Resolves when `work` should stop. Default: the first SIGTERM or SIGINT. */
  stopSignal?: Promise<unknown>;
}

type QueueCommand = 'add' | 'work' | 'status' | 'results';

/**
 * The options of tifa queue: each row says which commands take it (`commands`, none: every
 * command); check's lexicon and config rows come from src/options/table.ts. The parser, the help
 * and the check that a command takes a flag are derived from it.
 */
const QUEUE_OPTIONS = {
  redis: { type: 'string', arg: 'URL', scope: 'command' },
  queue: { type: 'string', arg: 'NAME', scope: 'command', group: 'all', help: `queue name (default: ${DEFAULT_QUEUE})` },
  format: { type: 'string', short: 'f', arg: 'NAME', scope: 'run', commands: ['status', 'results'] },
  ext: { type: 'string', multiple: true, arg: 'LIST', scope: 'run', commands: ['add'], group: 'add', help: `extensions read from directories (default: ${DEFAULT_EXTENSIONS.join(',')})` },
  'by-path': { type: 'boolean', scope: 'run', commands: ['add'], group: 'add', help: 'put paths in the jobs, not the content (workers share the files)' },
  attempts: { type: 'string', arg: 'N', scope: 'run', commands: ['add'], group: 'add', help: 'tries per page before it is kept as failed (default: 3)' },
  'backoff-ms': { type: 'string', arg: 'N', scope: 'run', commands: ['add'], group: 'add', help: 'first retry delay, doubled each time (default: 1000)' },
  jobs: { type: 'string', short: 'j', arg: 'N', scope: 'run', commands: ['work'], group: 'work', help: 'worker threads (default: the cores)' },
  'exit-when-empty': { type: 'boolean', scope: 'run', commands: ['work'], group: 'work', help: 'stop once nothing is waiting or active' },
  'lock-ms': { type: 'string', arg: 'N', scope: 'run', commands: ['work'], group: 'work', help: "job lock time: a dead worker's pages come back after it (default: 30000)" },
  'stalled-ms': { type: 'string', arg: 'N', scope: 'run', commands: ['work'], group: 'work', help: 'how often to look for stalled pages (default: 15000)' },
  lexicon: { ...OPTIONS.lexicon, commands: ['work'], group: 'work', label: '--lexicon FILE, --allow FILE, --as-of DATE, --no-builtins, --config FILE, --no-config', help: '\nas for tifa check' },
  allow: { ...OPTIONS.allow, commands: ['work'] },
  'as-of': { ...OPTIONS['as-of'], commands: ['work'] },
  'no-builtins': { ...OPTIONS['no-builtins'], commands: ['work'] },
  config: { ...OPTIONS.config, commands: ['work'] },
  'no-config': { ...OPTIONS['no-config'], commands: ['work'] },
  help: { ...OPTIONS.help, group: 'all' },
} as const satisfies Record<string, OptionRow & { commands?: readonly QueueCommand[] }>;

/** Which flags each command takes (those without `commands` are taken by all, and not listed). */
const ONLY: Record<QueueCommand, string[]> = { add: [], work: [], status: [], results: [] };
for (const [flag, row] of Object.entries(QUEUE_OPTIONS) as Array<[string, { commands?: readonly QueueCommand[] }]>) for (const c of row.commands ?? []) ONLY[c].push(flag);

export const QUEUE_HELP = `Usage: tifa queue add --redis URL [--queue NAME] <file|dir|glob|->...
       tifa queue work --redis URL [--queue NAME] [--jobs N] [lexicon options]
       tifa queue status --redis URL [--queue NAME] [--format text|json]
       tifa queue results --redis URL [--queue NAME] [--format jsonl|json|sarif]

Spreads checks over any number of workers on any number of machines through one Redis (BullMQ).
A page's id is a hash of its path (or URL) and content: adding it again queues nothing, and its
result is stored once, whatever retries or dead workers happen. The URL can also come from
TIFA_REDIS_URL.

add:     one job per page (its content, or with --by-path its path); - reads a URL list from
         standard input, one per line, that the workers fetch. Prints how many were queued.
${helpLines('add', QUEUE_OPTIONS)}work:    checks pages as they come until SIGTERM or SIGINT (finishes the pages in hand).
${helpLines('work', QUEUE_OPTIONS)}status:  waiting, active, completed, failed (--format json: one object with those four counts).
results: the findings, as tifa check --format prints them, each with its pageId; pages that
         failed for good are listed on standard error (exit code 2).
${helpLines('all', QUEUE_OPTIONS)}`;

type Values = Record<string, string | boolean | string[] | undefined>;

function parse(argv: readonly string[]): { values: Values; positionals: string[] } {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: parseConfigOf(QUEUE_OPTIONS),
    });
  } catch (error) {
    throw new CommandError(`queue: ${(error as Error).message.split('\n')[0]}`);
  }
}


/** What every queue command is given, once the command line is read. */
interface QueueRun {
  values: Values;
  /** Positionals after the command (files, for add). */
  rest: string[];
  io: QueueIO;
  connection: ReturnType<typeof parseRedisUrl>;
  queue: string;
  /** A positive whole-number option, or undefined when not given. */
  int(name: string): number | undefined;
}

async function addCommand({ values, rest, io, connection, queue, int }: QueueRun): Promise<number> {
  if (rest.length === 0) throw new CommandError('queue add needs at least one file, directory, glob or - (a URL list on standard input)');
  const attempts = int('attempts');
  const backoffMs = int('backoff-ms');
  const summary = await addPages({
    connection,
    queue,
    inputs: rest,
    cwd: io.cwd,
    extensions: normalizeExtensions((values.ext as string[] | undefined) ?? DEFAULT_EXTENSIONS),
    readStdin: io.readStdin,
    byPath: values['by-path'] === true,
    ...(attempts !== undefined ? { attempts } : {}),
    ...(backoffMs !== undefined ? { backoffMs } : {}),
    warn: (line) => io.stderr.write(`${line}\n`),
  });
  io.stdout.write(`tifa: queued ${summary.added} ${summary.added === 1 ? 'page' : 'pages'} on ${queue} (${summary.skipped} already queued or checked)\n`);
  return 0;
}

async function workCommand({ values, io, connection, queue, int }: QueueRun): Promise<number> {
  const checker = await checkerOptionsOf(
    {
      ...(values.config !== undefined ? { config: values.config as string } : {}),
      ...(values['no-config'] ? { noConfig: true } : {}),
      ...(values.lexicon ? { lexicon: values.lexicon as string[] } : {}),
      ...(values.allow !== undefined ? { allow: values.allow as string } : {}),
      ...(values['as-of'] !== undefined ? { asOf: values['as-of'] as string } : {}),
      ...(values['no-builtins'] ? { noBuiltins: true } : {}),
    },
    io.cwd,
  );
  const jobs = int('jobs');
  const lockMs = int('lock-ms');
  const stalledMs = int('stalled-ms');
  const summary = await runWorker({
    connection,
    queue,
    checker,
    ...(jobs !== undefined ? { jobs } : {}),
    ...(lockMs !== undefined ? { lockMs } : {}),
    ...(stalledMs !== undefined ? { stalledMs } : {}),
    exitWhenEmpty: values['exit-when-empty'] === true,
    stop: io.stopSignal ?? stopSignal(),
    log: (line) => io.stderr.write(`${line}\n`),
  });
  io.stdout.write(`tifa: worker stopped: ${summary.checked} ${summary.checked === 1 ? 'page' : 'pages'} checked, ${summary.failed} failed ${summary.failed === 1 ? 'attempt' : 'attempts'}\n`);
  return 0;
}

async function statusCommand({ values, io, connection, queue }: QueueRun): Promise<number> {
  const format = (values.format as string | undefined) ?? 'text';
  formatCounts({ waiting: 0, active: 0, completed: 0, failed: 0 }, format); // rejects a bad format before connecting
  io.stdout.write(formatCounts(await queueCounts(connection, queue), format));
  return 0;
}

async function resultsCommand({ values, io, connection, queue }: QueueRun, version: string): Promise<number> {
  const format = (values.format as string | undefined) ?? 'jsonl';
  if (!RESULT_FORMATS.includes(format)) throw new CommandError(`queue results --format must be ${RESULT_FORMATS.join(', ')}, not "${format}"`);
  const { pages, failed } = await queueResults(connection, queue);
  io.stdout.write(formatResults(pages, format, version));
  for (const f of failed) io.stderr.write(`tifa: ${f.file} (page ${f.pageId}) failed after ${f.attempts} ${f.attempts === 1 ? 'attempt' : 'attempts'}: ${f.error}\n`);
  if (failed.length > 0) return 2;
  return pages.some((p) => p.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/** The command's context; a flag another command takes, files where none are taken, or no Redis URL is a CommandError. */
function queueRun(command: string, values: Values, rest: string[], io: QueueIO): QueueRun {
  if (!(command in ONLY)) throw new CommandError(`unknown queue command "${command}" (add, work, status, results)`);
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || (QUEUE_OPTIONS as Record<string, { commands?: unknown }>)[name]?.commands === undefined) continue;
    if (!ONLY[command as QueueCommand].includes(name)) throw new CommandError(`queue ${command} does not take --${name}`);
  }
  if (command !== 'add' && rest.length > 0) throw new CommandError(`queue ${command} takes no files ("${rest[0]}")`);
  const url = (values.redis as string | undefined) ?? io.env.TIFA_REDIS_URL;
  if (url === undefined) throw new CommandError(`queue ${command} needs --redis URL (e.g. redis://127.0.0.1:6379) or TIFA_REDIS_URL`);
  const connection = parseRedisUrl(url);
  const queue = (values.queue as string | undefined) ?? DEFAULT_QUEUE;
  if (!/^[A-Za-z0-9_.-]+$/.test(queue)) throw new CommandError(`--queue must be letters, digits, _ . or -, not "${queue}"`);
  const int = (name: string): number | undefined => (values[name] === undefined ? undefined : positiveInt(values[name] as string, `--${name}`));
  return { values, rest, io, connection, queue, int };
}

export async function queueCli(argv: readonly string[], io: QueueIO, version = '0.0.0'): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    const [command, ...rest] = positionals;
    if (values.help || command === undefined) {
      io.stdout.write(QUEUE_HELP);
      return values.help ? 0 : 2;
    }
    const run = queueRun(command, values, rest, io);
    if (command === 'add') return await addCommand(run);
    if (command === 'work') return await workCommand(run);
    if (command === 'status') return await statusCommand(run);
    return await resultsCommand(run, version);
  } catch (error) {
    io.stderr.write(`${error instanceof InputError ? `tifa: ${error.message}` : describeError(error)}\n`);
    return 2;
  }
}
