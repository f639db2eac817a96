/**
 * What a crawl knows about its URLs: queued, deferred (past --max-pages), and settled as a page,
 * a failure or a skip; rebuilt from the journal of an earlier run (state.ts) and written to it as
 * it changes. Counts are kept as URLs settle, so a progress call per URL walks nothing.
 */
import { openJournal, readJournal, type QueuedUrl } from './state.js';
import type { CrawledPage, CrawlScope, CrawlStats, FailedUrl, SkippedUrl } from './types.js';
import { CrawlSetupError } from './errors.js';

export interface CrawlRecord {
  readonly pages: Map<string, CrawledPage>;
  readonly failed: Map<string, FailedUrl>;
  readonly skipped: Map<string, SkippedUrl>;
  readonly queued: Map<string, QueuedUrl>;
  readonly deferred: Map<string, QueuedUrl>;
  /** Whether the journal held an earlier run. */
  readonly resuming: boolean;
  /** URLs the earlier run had settled. */
  readonly resumed: number;
  /** Links not followed because --max-pages was reached. */
  readonly leftOver: number;
  settled(url: string): boolean;
  fail(f: FailedUrl): void;
  skip(s: SkippedUrl): void;
  done(p: CrawledPage): void;
  /** Queues a URL in the journal (not in Crawlee's queue: the caller does that). */
  queue(item: QueuedUrl): void;
  /** Keeps a URL past --max-pages, so that a resumed crawl with a larger limit goes on with it. */
  defer(item: QueuedUrl): void;
  stats(): CrawlStats;
}

/** Reads the state folder's journal (if any) into the maps; a journal of another crawl is an error. */
function replay(record: Pick<CrawlRecord, 'pages' | 'failed' | 'skipped' | 'queued' | 'deferred'>, stateDir: string | undefined, seeds: readonly URL[], scope: CrawlScope): number {
  const previous = stateDir !== undefined ? readJournal(stateDir) : [];
  for (const e of previous) {
    if (e.t === 'start') {
      const same = e.seeds.join(' ') === seeds.map((s) => s.href).join(' ') && e.scope === scope;
      if (!same) throw new CrawlSetupError(`the state folder ${stateDir} holds a crawl of ${e.seeds.join(' ')} (scope ${e.scope}); use another folder, or remove it to start again`);
      continue;
    }
    // The entry without its tag: it is written again under another tag (a deferred URL queued).
    const { t, ...entry } = e;
    if (t === 'queued') record.queued.set(entry.url, entry as QueuedUrl);
    else if (t === 'page') record.pages.set(entry.url, entry as CrawledPage);
    else if (t === 'failed') record.failed.set(entry.url, entry as FailedUrl);
    else if (t === 'skipped') record.skipped.set(entry.url, entry as SkippedUrl);
    else if (t === 'deferred') record.deferred.set(entry.url, entry as QueuedUrl);
  }
  return previous.length;
}

const isAttachment = (p: CrawledPage): boolean => p.kind === 'pdf' || p.kind === 'docx';

export function openRecord(options: { stateDir?: string; seeds: readonly URL[]; scope: CrawlScope; onProgress?: (s: CrawlStats) => void }): CrawlRecord {
  const started = performance.now();
  const maps = { pages: new Map<string, CrawledPage>(), failed: new Map<string, FailedUrl>(), skipped: new Map<string, SkippedUrl>(), queued: new Map<string, QueuedUrl>(), deferred: new Map<string, QueuedUrl>() };
  const { pages, failed, skipped, queued, deferred } = maps;
  const previous = replay(maps, options.stateDir, options.seeds, options.scope);
  const settled = (url: string): boolean => pages.has(url) || failed.has(url) || skipped.has(url);
  const resumed = [...queued.keys()].filter(settled).length;
  const journal = openJournal(options.stateDir);
  if (previous === 0) journal.append({ t: 'start', seeds: options.seeds.map((s) => s.href), scope: options.scope });
  let leftOver = 0;
  let findings = [...pages.values()].reduce((n, p) => n + p.findings.length, 0);
  let attachments = [...pages.values()].filter(isAttachment).length;
  const stats = (): CrawlStats => {
    // Every settled URL was queued first, so the ones waiting are the difference.
    const waiting = queued.size - pages.size - failed.size - skipped.size;
    return { pages: pages.size - attachments, attachments, failed: failed.size, skipped: skipped.size, queued: Math.max(0, waiting), findings, elapsedMs: performance.now() - started };
  };
  const progress = (): void => options.onProgress?.(stats());
  return {
    ...maps,
    resuming: previous > 0,
    resumed,
    get leftOver() {
      return leftOver;
    },
    settled,
    stats,
    fail(f) {
      if (settled(f.url)) return;
      failed.set(f.url, f);
      journal.append({ t: 'failed', ...f });
      progress();
    },
    skip(s) {
      if (settled(s.url)) return;
      skipped.set(s.url, s);
      journal.append({ t: 'skipped', ...s });
      progress();
    },
    done(p) {
      if (settled(p.url)) return; // a handler retried after its page was recorded
      if (p.findings.length === 0) p.text = '';
      pages.set(p.url, p);
      if (isAttachment(p)) attachments++;
      findings += p.findings.length;
      journal.append({ t: 'page', ...p });
      progress();
    },
    queue(item) {
      deferred.delete(item.url);
      queued.set(item.url, item);
      journal.append({ t: 'queued', ...item });
    },
    defer(item) {
      if (deferred.has(item.url)) return;
      deferred.set(item.url, item);
      journal.append({ t: 'deferred', ...item });
      leftOver++;
    },
  };
}
