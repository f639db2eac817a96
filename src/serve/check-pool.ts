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
import type { CheckTask, CheckTaskResult, CheckWorkerData, WorkerMessage } from './check-task.js';

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

export interface CheckPool {
  /** Checks one input on a free thread. Rejects with the checker's error, or PoolBusyError. */
  check(task: CheckTask): Promise<CheckTaskResult>;
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
  return {
    async check(task) {
      try {
        return (await pool.run({ task } satisfies WorkerMessage)) as CheckTaskResult;
      } catch (error) {
        if (error instanceof Error && /queue is at limit/i.test(error.message)) throw new PoolBusyError('every worker thread is busy and the queue is full');
        throw error;
      }
    },
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
