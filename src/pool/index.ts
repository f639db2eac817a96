/**
 * A worker-thread pool that checks many files with N workers (piscina: one queue, a free thread
 * takes the next task, a thread that dies is replaced).
 *
 * - Each worker creates its own checker once, when it starts, from checker options passed as plain
 *   data (a custom `segmenter` object cannot cross a thread; use 'jieba', 'nodejieba' or 'none').
 * - Work is split by bytes, not by files: a text file much larger than the rest is cut into ranges
 *   (./ranges.ts: the windows of src/stream, at line starts) that several workers check at once, and
 *   the findings are merged back: the same findings, offsets, lines and columns as one check of the
 *   whole file. Tasks go out in input order, as many ahead as keep every worker busy.
 * - Workers read the files themselves, so reading overlaps checking.
 * - Results come back in input order whatever order workers finish in (deterministic output).
 * - A file that cannot be read or checked gives a result with `error`; the run goes on.
 * - Small files travel in batches (up to 256 KB or 64 files a message; smaller towards the end of
 *   the run), so a worker does not wait for the main thread between two of them.
 * - With `mainThread`, the calling thread is one of the `jobs`: one worker start-up less.
 * - A worker that dies (process.exit in native code, an out-of-memory abort) is reported on the
 *   file it was checking: the files of its tasks are checked again one at a time on a thread of
 *   their own, and the file that kills that thread is the one reported; the pool starts a fresh
 *   worker each time.
 * - A checker that cannot be created (bad options, a lexicon error) fails the whole run with the
 *   original error message, as `createChecker` would in the main thread.
 */
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckerOptions } from '../checker.js';
import type { Finding } from '../types.js';
import type { StopAfter, WorkerData, WorkerReply, WorkerTask } from './protocol.js';
import { mergeRanges, type RangeFindings } from './ranges.js';
import { runTask, setUp, type EntryModule } from './tasks.js';
import type { Checker } from '../checker.js';
import { HTML_EXTENSIONS } from '../options/extensions.js';

export interface PoolOptions {
  /** Number of worker threads. Default: os.availableParallelism(). Never more than the number of files. */
  jobs?: number;
  /** Checker options, as plain (structured-cloneable) data. Default: {}. */
  checker?: CheckerOptions;
  /**
   * File name endings (lower case, e.g. ['.html', '.htm']) checked with `checkHtml` instead of
   * `check`, as the CLI does for markup. Default: none.
   */
  html?: readonly string[];
  /**
   * Read each file as bytes and check it as the CLI does (`checkBytes` of the entry module: encoding
   * detection, HTML or text by `htmlExtensions`, inline directives). Results then carry `text` and
   * `source`. Default: off (files are read as UTF-8 and passed to `check`, or `checkHtml` per `html`).
   */
  source?: {
    /** Force a kind for every file. Default: by `htmlExtensions`. */
    kind?: 'html' | 'text';
    /** Apply inline directives. Default: true. */
    directives?: boolean;
    /** Force an encoding (WHATWG label). Default: detected. */
    encoding?: string;
    /** File endings read as HTML. Default: HTML_EXTENSIONS (.html .htm .shtml .xhtml). */
    htmlExtensions?: readonly string[];
    /**
     * Stop checking a file once `count` findings that `severity` (the least one counted) and
     * `rules` keep, and no directive suppresses, are found (the CLI's --max-findings: no file needs
     * more); the result's `source.stopped` then says so. Stopping the whole run is the caller's:
     * break out of `for await`. Default: every file is checked whole.
     */
    stopAfter?: StopAfter;
  };
  /** Send each file's text back with its findings (formatters that quote lines need it). Default: false. */
  includeText?: boolean;
  /** Tasks sent ahead per worker, at least (keeps workers busy while earlier results wait their turn). Default: 4. */
  prefetch?: number;
  /**
   * A text file larger than this many bytes is cut into ranges checked by several workers at once
   * (at most two per worker; never with `source.stopAfter`, never an HTML file). 0: never cut.
   * Default: 1 MiB.
   */
  rangeBytes?: number;
  /**
   * The calling thread checks too: `jobs` counts it, so `jobs - 1` worker threads are started (one
   * thread start-up, with its own load of tifa's data and its own warm-up, less: on two cores that
   * is most of what the second job costs). It checks one batch at a time between its other work.
   * A crash in native code then ends the process (as a check in the calling thread always does);
   * the workers' crashes are still isolated. Default: false.
   */
  mainThread?: boolean;
  /**
   * URL or path of the module whose `createChecker` (and, with `source`, `checkBytes`) the workers
   * call. Default: tifa's own entry (dist/index.js beside the bundle; src/index.ts, loaded through
   * tsx, when running from source).
   */
  entry?: string | URL;
}

export interface PoolFileResult {
  /** The path as given. */
  file: string;
  /** Findings of the file (empty when `error` is set). */
  findings: Finding[];
  /** The file's text, when `includeText` was set and the file was read. */
  text?: string;
  /** With the `source` option: what `checkBytes` reports besides findings and text. */
  source?: { kind: 'html' | 'text'; suppressed: number; encoding: string; encodingSource: string; replacements: number; bytes: number; encodingWarning?: string; stopped?: boolean };
  /** Why the file could not be checked (unreadable, the checker threw, the worker died). */
  error?: { message: string; code?: string };
}

/** Thrown when the workers cannot create a checker (the options or a lexicon are wrong). */
export class PoolSetupError extends Error {
  constructor(message: string, readonly originalName: string) {
    super(message);
    this.name = 'PoolSetupError';
  }
}

/**
 * This module's URL (of the bundle it is part of, once built: dist/index.js, dist/index.cjs or
 * dist/bin.js; the CommonJS build defines `import.meta.url` as its own file's URL). Never taken from a
 * `__filename` in scope, which `node -e` and eval'd code set globally.
 */
const here: string = import.meta.url;
/** Running from TypeScript source (tsx, vitest) rather than from the bundles in dist/. */
const fromSource = /\/src\/pool\/index\.[cm]?ts$/.test(here);

/** Default `rangeBytes`: a text file larger than this is cut into ranges. */
export const POOL_RANGE_BYTES = 1 << 20;
/** A batch of small files sent to a worker as one task: at most this many bytes (a file more ends it) ... */
const BATCH_BYTES = 256 << 10;
/**
 * ... and, towards the end of the run, at most this share of the bytes not yet sent per worker, down
 * to MIN_BATCH_BYTES: the last batches are small, so no worker checks a long last batch (and holds
 * the next one) while the others have nothing left (0.6 s of 5.9 idle on one of two workers before).
 */
const TAIL_SHARE = 8;
const MIN_BATCH_BYTES = 16 << 10;
/** ... and this many files. */
const BATCH_FILES = 64;
/** Input bytes sent ahead per worker besides `prefetch` tasks: small files come many to a worker's wait. */
const AHEAD_BYTES = 8 << 20;

/** The module the workers import createChecker from. */
export function defaultEntry(): string {
  if (fromSource) return new URL('../index.ts', here).href;
  return new URL('./index.js', here).href; // the bundles in dist/ sit beside dist/index.js (ESM, exports createChecker)
}

/** URL of tsx's API (loads TypeScript source in a worker; development and tests only). */
function tsxApiUrl(): string {
  return new URL('dist/esm/api/index.mjs', pathToFileURL(createRequire(here).resolve('tsx/package.json'))).href;
}

/**
 * The worker module and the Node options it needs. From dist/: the real file dist/worker.js (built
 * from ./worker.ts). From source: ./worker.ts through tsx's loader.
 */
function workerModule(): { filename: string; execArgv: string[] } {
  if (!fromSource) return { filename: new URL('./worker.js', here).href, execArgv: [] };
  const tsxDir = dirname(createRequire(here).resolve('tsx/package.json'));
  return { filename: new URL('./worker.ts', here).href, execArgv: ['--import', pathToFileURL(join(tsxDir, 'dist', 'loader.mjs')).href] };
}

function checkPoolOptions(options: PoolOptions): void {
  if (options.jobs !== undefined && !(Number.isInteger(options.jobs) && options.jobs >= 1)) throw new RangeError('pool options.jobs must be a positive integer');
  if (options.prefetch !== undefined && !(Number.isInteger(options.prefetch) && options.prefetch >= 1)) throw new RangeError('pool options.prefetch must be a positive integer');
  if (options.rangeBytes !== undefined && !(Number.isInteger(options.rangeBytes) && options.rangeBytes >= 0)) throw new RangeError('pool options.rangeBytes must be a whole number');
  if (options.mainThread !== undefined && typeof options.mainThread !== 'boolean') throw new TypeError('pool options.mainThread must be a boolean');
  if (options.html !== undefined && !(Array.isArray(options.html) && options.html.every((e) => typeof e === 'string' && e !== ''))) throw new TypeError('pool options.html must be an array of non-empty strings');
  const stop = options.source?.stopAfter;
  if (stop !== undefined && !(Number.isInteger(stop.count) && stop.count >= 0)) throw new RangeError('pool options.source.stopAfter.count must be a whole number');
  const seg = options.checker?.segmenter;
  if (seg !== undefined && typeof seg !== 'string') throw new TypeError("pool options.checker.segmenter must be 'jieba', 'nodejieba' or 'none' (a segmenter object cannot cross threads)");
}

/** The data every worker starts from: the entry module, its checker options, how to read files. */
function workerDataOf(options: PoolOptions): WorkerData {
  const entry = options.entry === undefined ? defaultEntry() : options.entry instanceof URL ? options.entry.href : /^[a-z]+:/i.test(options.entry) ? options.entry : pathToFileURL(options.entry).href;
  const tsxApi = /\.[cm]?ts$/.test(entry) ? tsxApiUrl() : undefined;
  const source = options.source ? { ...options.source, htmlExtensions: (options.source.htmlExtensions ?? HTML_EXTENSIONS).map((e) => e.toLowerCase()) } : undefined;
  return { entry, tsxApi, source, options: options.checker ?? {}, includeText: options.includeText === true, html: (options.html ?? []).map((e) => e.toLowerCase()) };
}

/** Size of a file in bytes; 0 when it cannot be looked at (the worker reports it when it reads). */
async function sizeOf(file: string): Promise<number> {
  try {
    const s = await stat(file);
    return s.isFile() ? s.size : 0;
  } catch {
    return 0;
  }
}

/** Whether a file may be cut into ranges: text (not HTML), checked whole (no early stop). */
function cuttable(file: string, data: WorkerData): boolean {
  const name = file.toLowerCase();
  if (data.source) return data.source.stopAfter === undefined && (data.source.kind ?? (data.source.htmlExtensions.some((e) => name.endsWith(e)) ? 'html' : 'text')) === 'text';
  return !data.html.some((e) => name.endsWith(e));
}

/** One file's tasks: one, or one per range. */
interface Unit {
  tasks: WorkerTask[];
  bytes: number;
}

/** The tasks of every file, in input order: files above `rangeBytes` in ranges (at most two per worker). */
async function unitsOf(list: readonly string[], data: WorkerData, jobs: number, rangeBytes: number): Promise<Unit[]> {
  const sizes = await Promise.all(list.map(sizeOf));
  return list.map((file, id) => {
    const bytes = sizes[id]!;
    const count = rangeBytes > 0 && jobs > 1 && bytes > rangeBytes && cuttable(file, data) ? Math.min(Math.ceil(bytes / rangeBytes), 2 * jobs) : 1;
    const tasks = count === 1 ? [{ id, file }] : Array.from({ length: count }, (_, index) => ({ id, file, part: { index, count } }));
    return { tasks, bytes };
  });
}

/** How a worker that died shows in the rejection of its task. */
const crashReason = (e: unknown): string | undefined => {
  const m = /exited with code:? ?(-?\d+)/i.exec(e instanceof Error ? e.message : String(e));
  return m ? `exit code ${m[1]}` : undefined;
};

/** One file's result from its tasks' replies: the ranges merged, the first error kept. */
function resultOf(file: string, replies: readonly WorkerReply[]): PoolFileResult {
  const failed = replies.find((r) => r.error !== undefined);
  if (failed) return { file, findings: [], error: failed.error! };
  const first = replies[0]!;
  const findings = replies.length === 1 && first.range === undefined ? (first.findings as Finding[]) ?? [] : mergeRanges(replies.map((r): RangeFindings => ({ range: r.range!, findings: (r.findings ?? []) as Finding[] })));
  const result: PoolFileResult = { file, findings };
  if (first.text !== undefined) result.text = first.text;
  if (first.source) result.source = { ...first.source, suppressed: replies.reduce((n, r) => n + (r.source?.suppressed ?? 0), 0) };
  return result;
}

type PiscinaClass = typeof import('piscina').Piscina;
type PiscinaPool = InstanceType<PiscinaClass>;

/**
 * The state of one pool run: the threads, the replies of each file's tasks, and how far ahead of
 * the output tasks have been sent. The generator (checkFiles) waits on it, file by file.
 */
class PoolRun {
  readonly replies: Array<Array<WorkerReply | undefined> | undefined>;
  readonly pending: number[];
  failure: Error | undefined;
  stopped = false;
  private wake: (() => void) | undefined;
  private readonly pool: PiscinaPool | undefined;
  // Batches not yet handed to a worker: with `mainThread`, the workers hold two each at most and
  // this thread takes the next one when it is free; without, every batch goes to piscina's queue.
  private readonly queue: WorkerTask[][] = [];
  private poolOut = 0;
  private readonly poolLimit: number;
  private local: { ready?: { entry: EntryModule; checker: Checker }; setup?: Promise<void>; scheduled: boolean } | undefined;
  // The files of tasks whose worker died are checked again one at a time on a thread of their own,
  // so that a crash is reported on the one file that causes it.
  private isolation: PiscinaPool | undefined;
  // Tasks go out in input order, far enough ahead that no worker waits: `prefetch` per worker, and
  // more while they are small (AHEAD_BYTES of input per worker).
  private readonly aheadTasks: number;
  private readonly aheadBytes: number;
  sent = 0; // units sent
  private tasksOut = 0; // tasks of units sent and not yet yielded
  private bytesOut = 0;
  private bytesUnsent: number;
  private readonly jobs: number;

  constructor(
    private readonly Piscina: PiscinaClass,
    private readonly data: WorkerData,
    private readonly units: readonly Unit[],
    jobs: number,
    prefetch: number,
    mainThread: boolean,
  ) {
    this.replies = new Array(units.length);
    this.pending = new Array(units.length).fill(0);
    this.aheadTasks = jobs * prefetch;
    this.aheadBytes = jobs * AHEAD_BYTES;
    this.jobs = jobs;
    this.bytesUnsent = units.reduce((n, u) => n + u.bytes, 0);
    // Each worker holds its next task while it checks one, so it never waits for the main thread
    // (busy writing the report, or off the CPU on a loaded machine) to be handed more work.
    const workers = mainThread ? jobs - 1 : jobs;
    this.pool = workers > 0 ? this.threads(workers, 2) : undefined;
    this.poolLimit = mainThread ? 2 * workers : Number.POSITIVE_INFINITY;
    if (mainThread) this.local = { scheduled: false };
  }

  private threads(count: number, tasksPerThread: number): PiscinaPool {
    const { filename, execArgv } = workerModule();
    const p = new this.Piscina({
      filename,
      execArgv,
      workerData: this.data,
      minThreads: count,
      maxThreads: count,
      idleTimeout: Number.POSITIVE_INFINITY,
      concurrentTasksPerWorker: tasksPerThread,
      // Tasks in the order sent: without it a task no worker could take goes to the back of the
      // queue, and the first files (which the output waits for) came back last.
      stricterFIFO: true,
    });
    // A worker's answer to a task the pool gave up on (stopping after a setup error) comes as an 'error' event.
    p.on('error', (e: unknown) => this.fail(e));
    return p;
  }

  private fail(e: unknown): void {
    if (this.stopped) return;
    this.failure ??= new PoolSetupError(`a worker failed: ${e instanceof Error ? e.message : String(e)}`, 'Error');
    this.notify();
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /** Resolves when a reply comes in or the run fails. */
  changed(): Promise<void> {
    return new Promise<void>((resolve) => (this.wake = resolve));
  }

  private settle(task: WorkerTask, reply: WorkerReply): void {
    if (reply.setupError) this.failure ??= new PoolSetupError(reply.setupError.message, reply.setupError.name);
    this.replies[task.id]![task.part?.index ?? 0] = reply;
    this.pending[task.id]!--;
    this.notify();
  }

  /** Queues a batch for the next free worker (or this thread), in input order. */
  private send(batch: WorkerTask[]): void {
    this.queue.push(batch);
    this.dispatch();
  }

  /** Hands queued batches to the workers (up to `poolLimit` out), and wakes this thread's lane. */
  private dispatch(): void {
    if (this.stopped) return;
    while (this.pool && this.queue.length > 0 && this.poolOut < this.poolLimit) this.runOn(this.queue.shift()!, false);
    this.scheduleLocal();
  }

  private scheduleLocal(): void {
    const local = this.local;
    if (!local || local.scheduled || this.stopped || this.queue.length === 0) return;
    local.scheduled = true;
    setImmediate(() => {
      local.scheduled = false;
      this.runLocal();
    });
  }

  /** This thread's lane: the first queued batch, checked here (its checker made on first use). */
  private runLocal(): void {
    const local = this.local!;
    if (this.stopped || this.failure !== undefined) return;
    if (!local.ready) {
      local.setup ??= setUp(this.data).then((s) => {
        if ('setupError' in s) {
          this.failure ??= new PoolSetupError(s.setupError.message, s.setupError.name);
          this.notify();
        } else {
          local.ready = s;
          this.scheduleLocal();
        }
      });
      return;
    }
    const batch = this.queue.shift();
    if (!batch) return;
    for (const task of batch) this.settle(task, runTask(task, local.ready, this.data));
    this.scheduleLocal();
  }

  // Small files go to a worker in batches (one message per batch, not per file). The files of a
  // batch whose worker dies are sent again one by one to the isolation thread.
  private runOn(batch: WorkerTask[], suspect: boolean): void {
    const on = suspect ? (this.isolation ??= this.threads(1, 1)) : this.pool!;
    if (!suspect) this.poolOut++;
    const done = (): void => {
      if (suspect) return;
      this.poolOut--;
      this.dispatch();
    };
    (on.run(batch) as Promise<WorkerReply[]>).then(
      (got) => {
        batch.forEach((task, k) => this.settle(task, got[k]!));
        done();
      },
      (e: unknown) => {
        done();
        if (this.stopped) return;
        const crash = crashReason(e);
        if (crash === undefined) return this.fail(e);
        if (!suspect) for (const task of batch) this.runOn([task], true);
        else this.settle(batch[0]!, { id: batch[0]!.id, error: { message: `worker crashed while checking ${batch[0]!.file}: ${crash}`, code: 'WORKER_CRASH' } });
      },
    );
  }

  /** Sends units in input order until enough work is out. */
  fill(): void {
    let batch: WorkerTask[] = [];
    let batchBytes = 0;
    let batchLimit = this.batchLimit();
    while (this.sent < this.units.length && !this.stopped && this.failure === undefined && (this.tasksOut < this.aheadTasks || this.bytesOut < this.aheadBytes)) {
      const u = this.units[this.sent]!;
      this.replies[this.sent] = new Array(u.tasks.length);
      this.pending[this.sent] = u.tasks.length;
      this.tasksOut += u.tasks.length;
      this.bytesOut += u.bytes;
      this.bytesUnsent -= u.bytes;
      this.sent++;
      if (u.tasks.length > 1) {
        for (const t of u.tasks) this.send([t]); // the ranges of a large file, one task each
        continue;
      }
      batch.push(u.tasks[0]!);
      batchBytes += u.bytes;
      if (batchBytes >= batchLimit || batch.length >= BATCH_FILES) {
        this.send(batch);
        batch = [];
        batchBytes = 0;
        batchLimit = this.batchLimit();
      }
    }
    if (batch.length > 0) this.send(batch);
  }

  /** The most bytes of the next batch: BATCH_BYTES, less towards the end of the run (see TAIL_SHARE). */
  private batchLimit(): number {
    return Math.max(MIN_BATCH_BYTES, Math.min(BATCH_BYTES, Math.floor(this.bytesUnsent / (this.jobs * TAIL_SHARE))));
  }

  /** Takes the replies of unit `next` (all in) and sends more work, a batch at a time. */
  take(next: number): WorkerReply[] {
    const got = this.replies[next]! as WorkerReply[];
    this.replies[next] = undefined;
    this.tasksOut -= got.length;
    this.bytesOut -= this.units[next]!.bytes;
    if (this.tasksOut < this.aheadTasks || this.bytesOut <= this.aheadBytes - BATCH_BYTES) this.fill();
    return got;
  }

  async close(): Promise<void> {
    this.stopped = true;
    await Promise.all([this.pool?.destroy(), this.isolation?.destroy()]);
  }
}

/**
 * Checks `files` with a pool of worker threads; yields one result per file, in input order.
 * Stopping early (break out of `for await`) stops the workers.
 */
export async function* checkFiles(files: Iterable<string>, options: PoolOptions = {}): AsyncGenerator<PoolFileResult, void, undefined> {
  checkPoolOptions(options);
  const list = [...files];
  if (list.length === 0) return;
  const data = workerDataOf(options);
  const wanted = options.jobs ?? availableParallelism();
  const units = await unitsOf(list, data, wanted, options.rangeBytes ?? POOL_RANGE_BYTES);
  const jobs = Math.min(wanted, units.reduce((n, u) => n + u.tasks.length, 0));
  const { Piscina } = await import('piscina');
  const run = new PoolRun(Piscina, data, units, jobs, options.prefetch ?? 4, options.mainThread === true);
  try {
    run.fill();
    for (let next = 0; next < list.length; next++) {
      while (next >= run.sent || run.pending[next]! > 0) {
        if (run.failure) throw run.failure;
        await run.changed();
      }
      if (run.failure) throw run.failure;
      yield resultOf(list[next]!, run.take(next));
    }
  } finally {
    await run.close();
  }
}
