/**
 * A page of a queue: its id, the job that carries it, and the result stored for it.
 *
 * PAGE ID: sha256 of the page's name (the path as given to `queue add`, or the URL) and of its
 * content's sha256 (files), in hex, 40 characters. The same file with the same content is the same
 * page (enqueued once, one result); edited content is a new page. A URL's content is not known
 * when it is enqueued, so its id is the URL's alone. The id is also the BullMQ job id (no colon).
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../types.js';

export function pageIdOfFile(file: string, content: Uint8Array): string {
  const contentHash = createHash('sha256').update(content).digest('hex');
  return createHash('sha256').update(`file\u0000${file}\u0000${contentHash}`).digest('hex').slice(0, 40);
}

export function pageIdOfUrl(url: string): string {
  return createHash('sha256').update(`url\u0000${url}`).digest('hex').slice(0, 40);
}

/** The data of one job. Exactly one of `content`, `path` and `url`. */
export interface PageJob {
  /** The page as it appears in the results (the path as given, with `/`; or the URL). */
  file: string;
  pageId: string;
  /** The page's bytes, base64 (the default: any worker on any machine can check it). */
  content?: string;
  /** An absolute path the worker reads (`--by-path`: storage every worker sees). */
  path?: string;
  /** A URL the worker fetches. */
  url?: string;
  /** HTML or text; default: by extension (files) or by Content-Type (URLs). */
  kind?: 'html' | 'text';
}

/** The stored result of one page: what `tifa check` reports for a file, plus the page id. */
export interface PageResult {
  file: string;
  pageId: string;
  kind: 'html' | 'text';
  encoding?: string;
  replacements?: number;
  suppressed: number;
  findings: Finding[];
}

/** Redis keys besides BullMQ's own (which live under `${prefix}:${queue}:`). */
export const QUEUE_PREFIX = 'tifa';
export const resultsKey = (queue: string): string => `${QUEUE_PREFIX}:${queue}:page-results`;
export const DEFAULT_QUEUE = 'tifa';
