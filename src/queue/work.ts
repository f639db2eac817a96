/**
 * `tifa queue work`: takes pages off the queue and checks them on a thread pool (the event loop
 * stays free to renew job locks), storing each result under its page id in one Redis hash, so a
 * job run twice (its worker died after storing, before completing) still leaves one result.
 *
 * A worker killed mid-job (SIGKILL, a lost machine) holds its jobs' locks until they expire
 * (`lockMs`); any live worker's stalled-job check (every `stalledMs`) then puts them back in the
 * queue. A page that fails (unreadable, fetch error) is retried with exponential back-off up to
 * the attempts given at `queue add`, then kept in BullMQ's failed set with its error.
 */
import { readFile } from 'node:fs/promises';
import type { CheckerOptions } from '../checker.js';
import { charsetOfContentType, canonicalEncoding } from '../encoding/index.js';
import { createCheckPool } from '../serve/check-pool.js';
import type { CheckTask } from '../serve/check-task.js';
import { describeRedis, redisClient, type RedisConnection } from './connection.js';
import { QUEUE_PREFIX, resultsKey, type PageJob, type PageResult } from './page.js';

export interface WorkOptions {
  connection: RedisConnection;
  queue: string;
  /** Worker threads checking pages. Default: os.availableParallelism(). */
  jobs?: number;
  /** Checker options as plain data. Default: {}. */
  checker?: CheckerOptions;
  /** How long a job's lock lasts without renewal (ms): a dead worker's jobs come back after it. Default: 30000. */
  lockMs?: number;
  /** How often this worker looks for stalled jobs (ms). Default: 15000. */
  stalledMs?: number;
  /** Times a job may stall (its worker died) before it counts as failed. Default: 3. */
  maxStalled?: number;
  /** Stop once nothing is waiting, delayed or active. Default: false (run until `stop`). */
  exitWhenEmpty?: boolean;
  /** Resolves when the worker should finish its current pages and stop. One of `stop` and `exitWhenEmpty` is needed. */
  stop?: Promise<unknown>;
  /** Largest page fetched from a URL, in bytes. Default: 50 MB. */
  maxFetchBytes?: number;
  /** Fetch timeout per URL (ms). Default: 30000. */
  fetchTimeoutMs?: number;
  /** One line per failed attempt and the start line. Default: none. */
  log?: (line: string) => void;
}

export interface WorkSummary {
  /** Pages checked and stored by this worker. */
  checked: number;
  /** Attempts that failed (each is retried until the page's attempts are used up). */
  failed: number;
}

async function fetchPage(url: string, options: WorkOptions): Promise<CheckTask> {
  const response = await fetch(url, { signal: AbortSignal.timeout(options.fetchTimeoutMs ?? 30_000), redirect: 'follow' });
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
  const limit = options.maxFetchBytes ?? 50 * 1024 * 1024;
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) throw new Error(`${url} is larger than ${limit} bytes`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > limit) throw new Error(`${url} is larger than ${limit} bytes`);
  const contentType = response.headers.get('content-type') ?? '';
  const charset = charsetOfContentType(contentType);
  const encoding = charset === undefined ? undefined : canonicalEncoding(charset);
  const task: CheckTask = { bytes };
  if (/^\s*(text\/html|application\/xhtml\+xml)/i.test(contentType)) task.kind = 'html';
  else if (/^\s*text\/plain/i.test(contentType)) task.kind = 'text';
  if (encoding !== undefined) task.encoding = encoding;
  return task;
}

/** The page's bytes as a task, as `tifa check` reads a file. */
async function taskOf(page: PageJob, options: WorkOptions): Promise<CheckTask> {
  if (page.url !== undefined) return fetchPage(page.url, options);
  let bytes: Uint8Array;
  if (page.content !== undefined) bytes = Buffer.from(page.content, 'base64');
  else if (page.path !== undefined) {
    try {
      bytes = await readFile(page.path);
    } catch (error) {
      throw new Error(`cannot read ${page.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  } else throw new Error(`job ${page.pageId} carries no content, path or URL`);
  return { bytes, ...(page.kind !== undefined ? { kind: page.kind } : {}) };
}

export async function runWorker(options: WorkOptions): Promise<WorkSummary> {
  if (!options.stop && !options.exitWhenEmpty) throw new RangeError('runWorker needs options.stop, options.exitWhenEmpty, or both');
  const { Queue, Worker } = await import('bullmq');
  const log = options.log ?? (() => undefined);
  const client = await redisClient(options.connection, { persistent: true });
  const pool = await createCheckPool({ ...(options.jobs !== undefined ? { jobs: options.jobs } : {}), checker: options.checker ?? {} });
  const summary: WorkSummary = { checked: 0, failed: 0 };
  let worker: InstanceType<typeof Worker<PageJob>> | undefined;
  let queue: InstanceType<typeof Queue> | undefined;
  try {
    await pool.ready();
    const key = resultsKey(options.queue);
    worker = new Worker<PageJob>(
      options.queue,
      async (job) => {
        const page = job.data;
        const result = await pool.check({ ...(await taskOf(page, options)), respond: 'objects' as const });
        const stored: PageResult = { file: page.file, pageId: page.pageId, kind: result.kind, suppressed: result.suppressed, findings: result.findings };
        if (result.encoding !== undefined) stored.encoding = result.encoding;
        if (result.replacements !== undefined) stored.replacements = result.replacements;
        // HSET overwrites: a page checked twice (after a crash) still has exactly one result.
        await client.hset(key, page.pageId, JSON.stringify(stored));
        summary.checked++;
        return { findings: result.findings.length };
      },
      {
        connection: options.connection,
        prefix: QUEUE_PREFIX,
        // Two pages per thread: one checking, one being read or fetched.
        concurrency: pool.threads * 2,
        lockDuration: options.lockMs ?? 30_000,
        stalledInterval: options.stalledMs ?? 15_000,
        maxStalledCount: options.maxStalled ?? 3,
        autorun: false,
      },
    );
    worker.on('failed', (job, error) => {
      summary.failed++;
      if (job) log(`tifa: ${job.data.file}: attempt ${job.attemptsMade} of ${job.opts.attempts ?? 1} failed: ${error.message}`);
    });
    worker.on('error', (error) => log(`tifa: worker: ${error.message}`));
    worker.on('stalled', (jobId) => log(`tifa: page ${jobId} stalled (its worker stopped answering); back in the queue`));
    log(`tifa: working on queue ${options.queue} at redis ${describeRedis(options.connection)} with ${pool.threads} ${pool.threads === 1 ? 'thread' : 'threads'}`);
    void worker.run();

    const stops: Array<Promise<unknown>> = [];
    if (options.stop) stops.push(options.stop);
    let polling = true;
    if (options.exitWhenEmpty) {
      queue = new Queue(options.queue, { connection: options.connection, prefix: QUEUE_PREFIX });
      const q = queue;
      stops.push(
        (async () => {
          // Empty twice in a row, half a second apart: a retry may be between delayed and waiting.
          for (let empty = 0; polling && empty < 2; ) {
            await new Promise((r) => setTimeout(r, 500));
            const counts = await q.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'waiting-children');
            empty = Object.values(counts).every((n) => n === 0) ? empty + 1 : 0;
          }
        })(),
      );
    }
    if (stops.length > 0) await Promise.race(stops);
    polling = false;
  } finally {
    // close() lets the pages in hand finish (their results stored) before the connections go.
    await worker?.close();
    await queue?.close();
    await pool.close();
    client.disconnect();
  }
  return summary;
}
