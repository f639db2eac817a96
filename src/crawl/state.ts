/**
 * The crawl's journal in `--state DIR`: one JSON line per event (a URL queued, a page checked, a
 * URL failed or skipped), appended as it happens, so a crawl stopped at any point can go on: the
 * URLs queued and not yet settled are queued again, the settled ones are kept. Crawlee's own
 * queue is rebuilt in memory from it. A torn last line (a kill mid-write) is ignored.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CrawledPage, FailedUrl, SkippedUrl } from './types.js';

export interface QueuedUrl {
  url: string;
  site: string;
  depth: number;
  /** `page` is crawled for links; `document` is a PDF or DOCX attachment. */
  label: 'page' | 'document';
  linkedFrom?: string;
}

export type JournalEntry =
  | { t: 'start'; seeds: string[]; scope: string }
  | ({ t: 'queued' } & QueuedUrl)
  /** A link left over by --max-pages. */
  | ({ t: 'deferred' } & QueuedUrl)
  | ({ t: 'page' } & CrawledPage)
  | ({ t: 'failed' } & FailedUrl)
  | ({ t: 'skipped' } & SkippedUrl);

export interface Journal {
  append(entry: JournalEntry): void;
}

export const JOURNAL_FILE = 'journal.jsonl';

/** Reads the journal of a state folder (empty when there is none). Throws on an unreadable file. */
export function readJournal(dir: string): JournalEntry[] {
  const path = join(dir, JOURNAL_FILE);
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n');
  const out: JournalEntry[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      out.push(JSON.parse(line) as JournalEntry);
    } catch {
      if (i < lines.length - 2) throw new Error(`${path}:${i + 1}: not a JSON line (the state folder is damaged; remove it to start again)`);
    }
  });
  return out;
}

export function openJournal(dir: string | undefined): Journal {
  if (dir === undefined) return { append: () => undefined };
  mkdirSync(dir, { recursive: true });
  const path = join(dir, JOURNAL_FILE);
  return { append: (entry) => appendFileSync(path, `${JSON.stringify(entry)}\n`) };
}
