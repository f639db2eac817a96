/**
 * A pool of worker threads that check one input per task (piscina): the HTTP service and the queue
 * worker hand every check to it, so a large page occupies one thread while the others (and the
 * event loop: HTTP, Redis lock renewals) go on. src/pool checks lists of files; this pool checks
 * texts or bytes already in memory, one request at a time, in any order.
 *
 * The worker program is dist/check-worker.js beside the bundle (a separate build entry); when
 * running from source (tests, tsx) it is src/serve/check-worker.ts loaded through tsx.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckerOptions } from '../checker.js';
import type { CheckTask, CheckTaskJson, CheckTaskResult, CheckWorkerData, WorkerMessage } from './check-task.js';

export interface CheckPoolOptions {
  /** Worker threads. Default: os.availableParallelism(). */
  jobs?: number;
  /** Checker options as plain data (a custom segmenter object cannot cross threads). Default: {}. */
  checker?: CheckerOptions;
  /** Tasks allowed to wait for a thread; beyond, `check` rejects with PoolBusyError. Default: 256 per thread. */
  maxQueue?: number;
  /** The worker module (URL or path). Default: dist/check-worker.js, or the .ts source via tsx. */
  worker?: string | URL;
}

/** Every thread is busy and the waiting line is full: the caller should retry later (HTTP 503). */
export class PoolBusyError extends Error {
  override name = 'PoolBusyError';
}

/** What a task comes back as: the serialized answer for `respond: 'json'`, else the result objects. */
export type CheckAnswer<T extends CheckTask> = T extends { respond: 'json' } ? CheckTaskJson : CheckTaskResult;

/** How a task goes to its thread. */
export interface CheckSendOptions {
  /**
   * Hand the memory of `task.bytes` over to the thread instead of copying it: the caller's view is
   * empty afterwards (a view of a larger buffer is copied once, then handed over). Default: false.
   */
  transfer?: boolean;
}

export interface CheckPool {
  /** Checks one input on a free thread. Rejects with the checker's error, or PoolBusyError. */
  check<T extends CheckTask>(task: T, send?: CheckSendOptions): Promise<CheckAnswer<T>>;
  /** Resolves once every thread has built its checker; rejects with the first setup error (bad lexicon ...). */
  ready(): Promise<void>;
  /** Tasks waiting for a thread now. */
  readonly queued: number;
  readonly threads: number;
  /** Stops the threads (tasks still running are rejected). */
  close(): Promise<void>;
}

// This module's URL: the bundle's once built (the CJS build defines import.meta.url as its own
// file's URL, see src/build/build.ts). Never a `__filename` in scope: `node -e` sets one globally.
const here: string = import.meta.url;

/** The worker module and the Node options it needs (tsx's loader when it is TypeScript source). */
export function workerModule(override?: string | URL): { filename: string; execArgv: string[] } {
  const filename = override === undefined ? defaultWorker() : override instanceof URL ? override.href : /^[a-z]+:/i.test(override) ? override : pathToFileURL(override).href;
  if (!/\.[cm]?ts$/.test(filename)) return { filename, execArgv: [] };
  const tsxDir = dirname(createRequire(here).resolve('tsx/package.json'));
  return { filename, execArgv: ['--import', pathToFileURL(join(tsxDir, 'dist', 'loader.mjs')).href] };
}

/** The task with its bytes in an ArrayBuffer of their own, and that buffer to transfer. */
function transferable(task: CheckTask): { task: CheckTask; transferList: ArrayBuffer[] } {
  const bytes = task.bytes;
  if (bytes === undefined) return { task, transferList: [] };
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  // slice() copies into a new ArrayBuffer of exactly these bytes (Node's pooled small buffers cannot be transferred).
  const own = whole ? bytes : bytes.slice();
  return { task: { ...task, bytes: own }, transferList: [own.buffer as ArrayBuffer] };
}

function defaultWorker(): string {
  if (/\/src\/serve\/[^/]+\.[cm]?ts$/.test(here)) return new URL('./check-worker.ts', here).href;
  const bundled = new URL('./check-worker.js', here);
  if (!existsSync(bundled)) throw new Error(`tifa: ${bundled.pathname} is missing; run \`npm run build\``);
  return bundled.href;
}

export async function createCheckPool(options: CheckPoolOptions = {}): Promise<CheckPool> {
  const jobs = options.jobs ?? availableParallelism();
  if (!(Number.isInteger(jobs) && jobs >= 1)) throw new RangeError('check pool jobs must be a positive integer');
  const { Piscina } = await import('piscina');
  const { filename, execArgv } = workerModule(options.worker);
  const workerData: CheckWorkerData = { checker: options.checker ?? {} };
  const pool = new Piscina({
    filename,
    execArgv,
    workerData,
    minThreads: jobs,
    maxThreads: jobs,
    // Threads are kept for the life of the pool: each one holds a checker that took time to build.
    idleTimeout: Number.POSITIVE_INFINITY,
    maxQueue: options.maxQueue ?? jobs * 256,
    concurrentTasksPerWorker: 1,
  });
  let readiness: Promise<void> | undefined;
  const check = async (task: CheckTask, send: CheckSendOptions = {}): Promise<CheckTaskResult | CheckTaskJson> => {
    const sent = send.transfer === true ? transferable(task) : { task, transferList: [] };
    try {
      return (await pool.run({ task: sent.task } satisfies WorkerMessage, { transferList: sent.transferList })) as CheckTaskResult | CheckTaskJson;
    } catch (error) {
      if (error instanceof Error && /queue is at limit/i.test(error.message)) throw new PoolBusyError('every worker thread is busy and the queue is full');
      throw error;
    }
  };
  return {
    check: check as CheckPool['check'],
    ready() {
      // One warm-up task per thread, all at once: a thread takes one task at a time, so each gets one.
      readiness ??= Promise.all(Array.from({ length: jobs }, () => pool.run({ warm: true } satisfies WorkerMessage))).then(() => undefined);
      return readiness;
    },
    get queued() {
      return pool.queueSize;
    },
    threads: jobs,
    async close() {
      await pool.destroy();
    },
  };
}
