/**
 * A worker-thread pool that checks many files with N workers (node:worker_threads directly: one
 * message per file costs microseconds next to a check, so a pool library buys nothing here).
 *
 * - Each worker creates its own checker once, from checker options passed as plain data (a custom
 *   `segmenter` object cannot cross a thread; use 'jieba', 'nodejieba' or 'none').
 * - Workers read the files themselves, so reading overlaps checking.
 * - Results come back in input order whatever order workers finish in (deterministic output).
 * - A file that cannot be read or checked gives a result with `error`; the run goes on.
 * - A worker that dies (process.exit in native code, an out-of-memory abort, terminate) is
 *   reported on the file it was checking (the oldest unanswered one: a worker checks its files in
 *   order); its other queued files go to a fresh worker.
 * - A checker that cannot be created (bad options, a lexicon error) fails the whole run with the
 *   original error message, as `createChecker` would in the main thread.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CheckerOptions } from '../checker.js';
import type { Finding } from '../types.js';
import type { StopAfter, WorkerData } from './protocol.js';
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
  /** Files handed to one worker ahead of its answers (keeps workers busy between messages). Default: 4. */
  prefetch?: number;
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
 * Starts one worker. From dist/: the real file dist/worker.js (built from ./worker.ts). From source:
 * a one-line eval'd bootstrap that loads ./worker.ts through tsx, as nothing else can run it.
 */
function startWorker(workerData: WorkerData): Worker {
  if (!fromSource) return new Worker(new URL('./worker.js', here), { workerData });
  const bootstrap = `import(${JSON.stringify(tsxApiUrl())}).then((api) => api.tsImport(${JSON.stringify(new URL('./worker.ts', here).href)}, ${JSON.stringify(here)}));`;
  return new Worker(bootstrap, { eval: true, workerData });
}

function checkPoolOptions(options: PoolOptions): void {
  if (options.jobs !== undefined && !(Number.isInteger(options.jobs) && options.jobs >= 1)) throw new RangeError('pool options.jobs must be a positive integer');
  if (options.prefetch !== undefined && !(Number.isInteger(options.prefetch) && options.prefetch >= 1)) throw new RangeError('pool options.prefetch must be a positive integer');
  if (options.html !== undefined && !(Array.isArray(options.html) && options.html.every((e) => typeof e === 'string' && e !== ''))) throw new TypeError('pool options.html must be an array of non-empty strings');
  const stop = options.source?.stopAfter;
  if (stop !== undefined && !(Number.isInteger(stop.count) && stop.count >= 0)) throw new RangeError('pool options.source.stopAfter.count must be a whole number');
  const seg = options.checker?.segmenter;
  if (seg !== undefined && typeof seg !== 'string') throw new TypeError("pool options.checker.segmenter must be 'jieba', 'nodejieba' or 'none' (a segmenter object cannot cross threads)");
}

interface Slot {
  worker: Worker;
  /** Task ids sent and not yet answered, oldest first. */
  inFlight: number[];
  dead: boolean;
  /** The worker created its checker. */
  ready: boolean;
}

/** What a worker sends: ready, a setup error, or one file's result. */
interface WorkerMessage {
  ready?: boolean;
  id?: number;
  findings?: Finding[];
  text?: string;
  source?: PoolFileResult['source'];
  error?: PoolFileResult['error'];
  setupError?: { message: string; name: string };
}

/** The data every worker starts from: the entry module, its checker options, how to read files. */
function workerDataOf(options: PoolOptions): WorkerData {
  const entry = options.entry === undefined ? defaultEntry() : options.entry instanceof URL ? options.entry.href : /^[a-z]+:/i.test(options.entry) ? options.entry : pathToFileURL(options.entry).href;
  const tsxApi = /\.[cm]?ts$/.test(entry) ? tsxApiUrl() : undefined;
  const source = options.source ? { ...options.source, htmlExtensions: (options.source.htmlExtensions ?? HTML_EXTENSIONS).map((e) => e.toLowerCase()) } : undefined;
  return { entry, tsxApi, source, options: options.checker ?? {}, includeText: options.includeText === true, html: (options.html ?? []).map((e) => e.toLowerCase()) };
}

/** One run of the pool: the files, the workers, the results as they come, and what failed. */
class PoolRun {
  readonly results: Array<PoolFileResult | undefined>;
  /** Ids waiting for a worker; pop() takes the lowest. */
  private readonly queue: number[];
  readonly slots: Slot[] = [];
  failure: Error | undefined;
  stopped = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly list: readonly string[],
    private readonly workerData: WorkerData,
    private readonly prefetch: number,
  ) {
    this.results = new Array(list.length);
    this.queue = list.map((_, i) => i).reverse();
  }

  /** Resolves on the next result, failure or death. */
  changed(): Promise<void> {
    return new Promise<void>((resolve) => (this.wake = resolve));
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  feed(slot: Slot): void {
    while (!slot.dead && slot.inFlight.length < this.prefetch && this.queue.length > 0) {
      const id = this.queue.pop()!;
      slot.inFlight.push(id);
      slot.worker.postMessage({ id, file: this.list[id]! });
    }
  }

  spawn(): void {
    const worker = startWorker(this.workerData);
    const slot: Slot = { worker, inFlight: [], dead: false, ready: false };
    this.slots.push(slot);
    worker.on('message', (msg: WorkerMessage) => this.received(slot, msg));
    worker.on('error', (e) => this.died(slot, e instanceof Error ? e.message : String(e)));
    worker.on('exit', (code) => this.died(slot, `exit code ${code}`));
  }

  private received(slot: Slot, msg: WorkerMessage): void {
    if (msg.ready) {
      slot.ready = true;
      return;
    }
    if (msg.setupError) {
      this.failure ??= new PoolSetupError(msg.setupError.message, msg.setupError.name);
      this.notify();
      return;
    }
    const id = msg.id!;
    const at = slot.inFlight.indexOf(id);
    if (at >= 0) slot.inFlight.splice(at, 1);
    const result: PoolFileResult = { file: this.list[id]!, findings: msg.findings ?? [] };
    if (msg.text !== undefined) result.text = msg.text;
    if (msg.source) result.source = msg.source;
    if (msg.error) result.error = msg.error;
    this.results[id] = result;
    this.feed(slot);
    this.notify();
  }

  /** A worker is gone: its oldest file is the culprit, the others go to a fresh worker. */
  private died(slot: Slot, reason: string): void {
    if (slot.dead) return;
    slot.dead = true;
    if (!slot.ready && !this.stopped) {
      this.failure ??= new PoolSetupError(`a worker died before its checker was ready: ${reason}`, 'Error');
      this.notify();
      return;
    }
    const [culprit, ...rest] = slot.inFlight;
    slot.inFlight = [];
    if (culprit !== undefined) this.results[culprit] = { file: this.list[culprit]!, findings: [], error: { message: `worker crashed while checking ${this.list[culprit]}: ${reason}`, code: 'WORKER_CRASH' } };
    this.queue.push(...rest.reverse());
    if (this.queue.length > 0 && this.failure === undefined && !this.stopped) {
      this.spawn();
      this.feed(this.slots[this.slots.length - 1]!);
    }
    this.notify();
  }

  /** Stops every worker still running. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.slots.map((s) => (s.dead ? undefined : ((s.dead = true), s.worker.terminate()))));
  }
}

/**
 * Checks `files` with a pool of worker threads; yields one result per file, in input order.
 * Stopping early (break out of `for await`) terminates the workers.
 */
export async function* checkFiles(files: Iterable<string>, options: PoolOptions = {}): AsyncGenerator<PoolFileResult, void, undefined> {
  checkPoolOptions(options);
  const list = [...files];
  if (list.length === 0) return;
  const jobs = Math.min(options.jobs ?? availableParallelism(), list.length);
  const run = new PoolRun(list, workerDataOf(options), options.prefetch ?? 4);
  try {
    for (let j = 0; j < jobs; j++) run.spawn();
    for (const slot of run.slots) run.feed(slot);
    for (let next = 0; next < list.length; next++) {
      while (run.results[next] === undefined) {
        if (run.failure) throw run.failure;
        await run.changed();
      }
      const r = run.results[next]!;
      run.results[next] = undefined;
      yield r;
    }
  } finally {
    await run.stop();
  }
}
