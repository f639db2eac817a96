/**
 * `tifa queue add`: one job per page, id = page id (see page.ts), so adding the same pages again
 * (a restarted crawl, two crawlers) queues nothing twice: pages already queued or already checked
 * are counted and skipped, and BullMQ itself ignores a job id it holds.
 */
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { kindOfPath } from '../cli/check-file.js';
import { expandInputs, InputError } from '../cli/inputs.js';
import { CommandError } from '../serve/checker-options.js';
import type { RedisConnection } from './connection.js';
import { redisClient } from './connection.js';
import { pageIdOfFile, pageIdOfUrl, QUEUE_PREFIX, resultsKey, type PageJob } from './page.js';

export interface AddOptions {
  connection: RedisConnection;
  queue: string;
  /** Files, directories, globs; `-` reads a URL list (one per line) from `stdin`. */
  inputs: readonly string[];
  cwd: string;
  /** Extensions taken from directories. */
  extensions: readonly string[];
  /** Standard input, when an input is `-`. */
  readStdin?: () => Promise<Uint8Array | string>;
  /** Put paths in the jobs instead of the content (every worker must see the same files). Default: false. */
  byPath?: boolean;
  /** Tries per page before it is kept as failed. Default: 3. */
  attempts?: number;
  /** First retry delay in ms, doubled each time. Default: 1000. */
  backoffMs?: number;
  /** Warnings (a special file skipped). Default: none. */
  warn?: (line: string) => void;
}

export interface AddSummary {
  /** Jobs added now. */
  added: number;
  /** Pages already queued or already checked. */
  skipped: number;
}

/** Pages per round trip (keeps memory bounded for big directories). */
const BATCH = 500;

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}

/** The URL list of standard input: one http(s) URL a line; blank lines and # comments skipped. */
export function parseUrlList(text: string): string[] {
  const urls: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    let url: URL | undefined;
    try {
      url = new URL(line);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new InputError(`standard input, line ${i + 1}: "${line}" is not an http(s) URL (queue add - reads a URL list)`);
    urls.push(url.href);
  });
  return urls;
}

/**
 * The files named, expanded. Any input that cannot be read ends the command before anything is
 * queued (naming it); special files are skipped with a warning, as `tifa check` does.
 */
async function inputFiles(options: AddOptions): Promise<string[]> {
  // expandInputs gives a list of files, or (newer) the files with the problems found on the way.
  const expanded: unknown = await expandInputs(options.inputs, options.cwd, options.extensions);
  if (Array.isArray(expanded)) return expanded as string[];
  const { files, problems } = expanded as { files: string[]; problems: Map<string, { level: string; message: string }> };
  const kept: string[] = [];
  for (const file of files) {
    const problem = problems.get(file);
    if (problem === undefined) kept.push(file);
    else if (problem.level === 'skipped') options.warn?.(`tifa: warning: ${displayPath(file, options.cwd)}: ${problem.message}`);
    else throw new InputError(`${file === '-' ? file : displayPath(file, options.cwd)}: ${problem.message}`);
  }
  return kept;
}

export async function addPages(options: AddOptions): Promise<AddSummary> {
  const files = await inputFiles(options);
  const { Queue } = await import('bullmq');
  const client = await redisClient(options.connection);
  const queue = new Queue<PageJob>(options.queue, { connection: options.connection, prefix: QUEUE_PREFIX });
  const jobOptions = { attempts: options.attempts ?? 3, backoff: { type: 'exponential', delay: options.backoffMs ?? 1000 }, removeOnComplete: true, removeOnFail: false };
  const summary: AddSummary = { added: 0, skipped: 0 };

  const flush = async (batch: PageJob[]): Promise<void> => {
    if (batch.length === 0) return;
    // Skip pages with a result, and job ids the queue still holds (waiting, active, delayed, failed).
    const done = await client.hmget(resultsKey(options.queue), ...batch.map((p) => p.pageId));
    const exists = await client.pipeline(batch.map((p) => ['exists', `${QUEUE_PREFIX}:${options.queue}:${p.pageId}`])).exec();
    const fresh = batch.filter((_, i) => done[i] === null && exists?.[i]?.[1] === 0);
    const unique = [...new Map(fresh.map((p) => [p.pageId, p])).values()];
    summary.skipped += batch.length - unique.length;
    summary.added += unique.length;
    if (unique.length > 0) await queue.addBulk(unique.map((p) => ({ name: 'page', data: p, opts: { ...jobOptions, jobId: p.pageId } })));
  };

  try {
    let batch: PageJob[] = [];
    for (const file of files) {
      if (file === '-') {
        if (!options.readStdin) throw new CommandError('queue add -: no standard input');
        const input = await options.readStdin();
        for (const url of parseUrlList(typeof input === 'string' ? input : new TextDecoder().decode(input))) {
          batch.push({ file: url, pageId: pageIdOfUrl(url), url });
          if (batch.length >= BATCH) await flush(batch.splice(0));
        }
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
      const name = displayPath(file, options.cwd);
      const page: PageJob = { file: name, pageId: pageIdOfFile(name, bytes), kind: kindOfPath(file) };
      if (options.byPath) page.path = file;
      else page.content = bytes.toString('base64');
      batch.push(page);
      if (batch.length >= BATCH) await flush(batch.splice(0));
    }
    await flush(batch);
  } finally {
    await queue.close();
    client.disconnect();
  }
  return summary;
}
