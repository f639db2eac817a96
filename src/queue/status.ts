/**
 * `tifa queue status` and `tifa queue results`: read back what the workers did.
 * Counts: waiting (incl. delayed retries), active, completed (pages with a stored result),
 * failed (pages whose attempts are used up, kept with their error).
 */
import { FORMATTERS } from '../cli/formatters/index.js';
import type { FileResult } from '../cli/formatters/types.js';
import { CommandError } from '../serve/checker-options.js';
import { redisClient, type RedisConnection } from './connection.js';
import { QUEUE_PREFIX, resultsKey, type PageResult } from './page.js';

export interface QueueCounts {
  waiting: number;
  active: number;
  completed: number;
  failed: number;
}

export async function queueCounts(connection: RedisConnection, queueName: string): Promise<QueueCounts> {
  const { Queue } = await import('bullmq');
  const client = await redisClient(connection);
  const queue = new Queue(queueName, { connection, prefix: QUEUE_PREFIX });
  try {
    const c = await queue.getJobCounts('wait', 'delayed', 'prioritized', 'waiting-children', 'active', 'failed');
    const completed = await client.hlen(resultsKey(queueName));
    return { waiting: (c.wait ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0), active: c.active ?? 0, completed, failed: c.failed ?? 0 };
  } finally {
    await queue.close();
    client.disconnect();
  }
}

export function formatCounts(counts: QueueCounts, format: string): string {
  if (format === 'json') return `${JSON.stringify(counts)}\n`;
  if (format !== 'text') throw new CommandError(`queue status --format must be text or json, not "${format}"`);
  const width = String(Math.max(...Object.values(counts))).length;
  return `${Object.entries(counts).map(([k, v]) => `${k.padEnd(9)} ${String(v).padStart(width)}`).join('\n')}\n`;
}

export interface FailedPage {
  file: string;
  pageId: string;
  attempts: number;
  error: string;
}

export interface QueueResults {
  /** Sorted by file, then page id. */
  pages: PageResult[];
  failed: FailedPage[];
}

/** Every stored result (HSCAN, in pages of 1000) and every failed page. */
export async function queueResults(connection: RedisConnection, queueName: string): Promise<QueueResults> {
  const { Queue } = await import('bullmq');
  const client = await redisClient(connection);
  const queue = new Queue(queueName, { connection, prefix: QUEUE_PREFIX });
  try {
    const pages: PageResult[] = [];
    let cursor = '0';
    do {
      const [next, flat] = await client.hscan(resultsKey(queueName), cursor, 'COUNT', 1000);
      for (let i = 1; i < flat.length; i += 2) pages.push(JSON.parse(flat[i]!) as PageResult);
      cursor = next;
    } while (cursor !== '0');
    pages.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.pageId < b.pageId ? -1 : a.pageId > b.pageId ? 1 : 0));
    const failed: FailedPage[] = [];
    for (let start = 0; ; start += 1000) {
      const jobs = await queue.getFailed(start, start + 999);
      for (const job of jobs) if (job) failed.push({ file: job.data.file, pageId: job.data.pageId, attempts: job.attemptsMade, error: job.failedReason });
      if (jobs.length < 1000) break;
    }
    return { pages, failed };
  } finally {
    await queue.close();
    client.disconnect();
  }
}

export const RESULT_FORMATS = ['jsonl', 'json', 'sarif'];

/** The results as `tifa check --format` prints them, with the page id added (jsonl: to each line; json: to each file). */
export function formatResults(pages: readonly PageResult[], format: string, toolVersion: string): string {
  if (format === 'jsonl') {
    let out = '';
    for (const p of pages) for (const f of p.findings) out += `${JSON.stringify({ file: p.file, ...f, pageId: p.pageId })}\n`;
    return out;
  }
  if (format === 'json') return `${JSON.stringify(pages.map((p) => ({ file: p.file, pageId: p.pageId, kind: p.kind, ...(p.encoding !== undefined ? { encoding: p.encoding } : {}), ...(p.replacements !== undefined ? { replacements: p.replacements } : {}), suppressed: p.suppressed, findings: p.findings })), null, 2)}\n`;
  if (format === 'sarif') {
    // No text is stored: SARIF end positions fall back to the finding's own line.
    const results: FileResult[] = pages.map((p) => ({ file: p.file, findings: p.findings, text: '', kind: p.kind }));
    return FORMATTERS.sarif!(results, { color: false, toolVersion });
  }
  throw new CommandError(`queue results --format must be ${RESULT_FORMATS.join(', ')}, not "${format}"`);
}
