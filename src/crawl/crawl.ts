/**
 * `runCrawl`: seeds -> robots.txt and sitemaps -> Crawlee's HTTP crawler over the site -> every
 * page decoded as `checkFile` decodes a file (`checkBytes`: BOM, <meta>, then a UTF-8/GB18030
 * sniff) and checked, every linked PDF and DOCX extracted and checked, every URL that could not
 * be fetched kept with its reason.
 *
 * Crawlee does the fetching, the queue, the concurrency and the retries; tifa keeps its own
 * journal of what was queued and settled (see state.ts), its own per-host politeness gate (a
 * robots.txt Crawl-delay may differ per host) and a back-off between retries.
 */
import { STATUS_CODES } from 'node:http';
import type { Checker } from '../checker.js';
import { checkBytes, sniffKind } from '../cli/check-file.js';
import { checkDocument, documentKindOfMediaType, documentKindOfPath, sniffDocumentKind, type DocumentKind } from '../documents/index.js';
import { extractLinks, linkKind } from './links.js';
import { loadRobots, type RobotsRules } from './robots.js';
import { inScope, normalizeUrl } from './scope.js';
import { openJournal, readJournal, type QueuedUrl } from './state.js';
import { CRAWL_DEFAULTS } from './defaults.js';
import type { CrawledPage, CrawlOptions, CrawlReport, CrawlStats, FailedUrl, SkippedUrl } from './types.js';

/** A problem with the crawl's options or state (exit code 2). */
export class CrawlSetupError extends Error {
  override name = 'CrawlSetupError';
}

export { CRAWL_DEFAULTS };

/** Wait before retry n (1-based): 1 s, 2 s, 4 s ... at most 30 s. */
export function backoffMs(retry: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, retry - 1));
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One line for an error of a request: the network code, the timeout, or the message's first line. */
export function failureReason(error: unknown): string {
  const e = error as { code?: string; message?: string; name?: string };
  if (typeof e?.code === 'string' && /^E[A-Z_]+$/.test(e.code)) return e.code;
  // Crawlee wraps a refused or reset connection in a session error whose first line says only that.
  const full = String(e?.message ?? error).replace(/^Detected a session error, rotating session\.*\s*/, '');
  const message = full.split('\n').find((l) => l.trim() !== '') ?? full;
  const code = /\b(E[A-Z]{3,}[A-Z_]*)\b/.exec(full);
  if (code && !/timed out/i.test(message)) return code[1]!;
  return message.replace(/^(?:RequestError|HTTPError|Error): /, '');
}

type HttpModule = typeof import('@crawlee/http');
let crawlee: Promise<HttpModule> | undefined;
const loadCrawlee = (): Promise<HttpModule> => (crawlee ??= import('@crawlee/http'));

export async function runCrawl(checker: Pick<Checker, 'check' | 'checkHtml'>, options: CrawlOptions): Promise<CrawlReport> {
  const o = { ...CRAWL_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as Required<Omit<CrawlOptions, 'stateDir' | 'onProgress' | 'signal'>> & CrawlOptions;
  const seeds: URL[] = [];
  for (const s of options.seeds) {
    let url: URL;
    try {
      url = new URL(s);
    } catch {
      throw new CrawlSetupError(`not a URL: "${s}" (write it in full, e.g. https://www.example.gov.cn/)`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CrawlSetupError(`not an http(s) URL: "${s}"`);
    seeds.push(url);
  }
  if (seeds.length === 0) throw new CrawlSetupError('crawl needs at least one URL');
  const started = performance.now();
  const sites = [...new Set(seeds.map((s) => s.origin))];
  const siteOf = (url: URL): string | undefined => {
    const seed = seeds.find((s) => inScope(url, s, o.scope));
    return seed?.origin;
  };
  /** Attachments may sit on another host of the same domain (a file server): they are checked if the domain matches. */
  const attachmentSite = (url: URL): string | undefined => siteOf(url) ?? seeds.find((s) => inScope(url, s, 'domain'))?.origin;

  // State: what a resumed crawl already knows.
  const pages = new Map<string, CrawledPage>();
  const failed = new Map<string, FailedUrl>();
  const skipped = new Map<string, SkippedUrl>();
  const queued = new Map<string, QueuedUrl>();
  const deferred = new Map<string, QueuedUrl>();
  const previous = options.stateDir !== undefined ? readJournal(options.stateDir) : [];
  for (const e of previous) {
    if (e.t === 'start') {
      const same = e.seeds.join(' ') === seeds.map((s) => s.href).join(' ') && e.scope === o.scope;
      if (!same) throw new CrawlSetupError(`the state folder ${options.stateDir} holds a crawl of ${e.seeds.join(' ')} (scope ${e.scope}); use another folder, or remove it to start again`);
      continue;
    }
    // The entry without its tag: it is written again under another tag (a deferred URL queued).
    const { t, ...entry } = e;
    if (t === 'queued') queued.set(entry.url, entry as QueuedUrl);
    else if (t === 'page') pages.set(entry.url, entry as CrawledPage);
    else if (t === 'failed') failed.set(entry.url, entry as FailedUrl);
    else if (t === 'skipped') skipped.set(entry.url, entry as SkippedUrl);
    else if (t === 'deferred') deferred.set(entry.url, entry as QueuedUrl);
  }
  const settled = (url: string): boolean => pages.has(url) || failed.has(url) || skipped.has(url);
  const resumed = [...queued.keys()].filter(settled).length;
  const journal = openJournal(options.stateDir);
  if (previous.length === 0) journal.append({ t: 'start', seeds: seeds.map((s) => s.href), scope: o.scope });

  let leftOver = 0;
  let findings = [...pages.values()].reduce((n, p) => n + p.findings.length, 0);
  // Counted as they come (a progress call per URL must not walk every URL).
  let attachments = [...pages.values()].filter((p) => p.kind === 'pdf' || p.kind === 'docx').length;
  const stats = (): CrawlStats => {
    // Every settled URL was queued first, so the ones waiting are the difference.
    const waiting = queued.size - pages.size - failed.size - skipped.size;
    return { pages: pages.size - attachments, attachments, failed: failed.size, skipped: skipped.size, queued: Math.max(0, waiting), findings, elapsedMs: performance.now() - started };
  };
  const progress = (): void => options.onProgress?.(stats());
  const fail = (f: FailedUrl): void => {
    if (settled(f.url)) return;
    failed.set(f.url, f);
    journal.append({ t: 'failed', ...f });
    progress();
  };
  const skip = (s: SkippedUrl): void => {
    if (settled(s.url)) return;
    skipped.set(s.url, s);
    journal.append({ t: 'skipped', ...s });
    progress();
  };
  const done = (p: CrawledPage): void => {
    if (settled(p.url)) return; // a handler retried after its page was recorded
    if (p.findings.length === 0) p.text = '';
    pages.set(p.url, p);
    if (p.kind === 'pdf' || p.kind === 'docx') attachments++;
    findings += p.findings.length;
    journal.append({ t: 'page', ...p });
    progress();
  };

  // robots.txt, per origin, fetched once.
  const robots = new Map<string, Promise<RobotsRules>>();
  const robotsOf = (url: URL): Promise<RobotsRules> | undefined => {
    if (!o.robots) return undefined;
    let r = robots.get(url.origin);
    if (r === undefined) {
      r = loadRobots(url.origin, { userAgent: o.userAgent, timeoutMs: o.timeoutMs });
      robots.set(url.origin, r);
    }
    return r;
  };

  const { HttpCrawler, Configuration, log } = await loadCrawlee();
  log.setLevel(process.env.TIFA_CRAWL_DEBUG ? log.LEVELS.DEBUG : log.LEVELS.OFF);

  /** Queues a URL unless known, out of bounds or forbidden; returns the request to add. */
  const toAdd: QueuedUrl[] = [];
  const offer = async (item: QueuedUrl): Promise<void> => {
    if (queued.has(item.url)) return;
    if (queued.size >= o.maxPages) {
      // Kept in the journal, so that a resumed crawl with a larger --max-pages goes on with it.
      if (!deferred.has(item.url)) {
        deferred.set(item.url, item);
        journal.append({ t: 'deferred', ...item });
        leftOver++;
      }
      return;
    }
    deferred.delete(item.url);
    queued.set(item.url, item);
    journal.append({ t: 'queued', ...item });
    const from = item.linkedFrom !== undefined ? { linkedFrom: item.linkedFrom } : {};
    if (linkKind(item.url) === 'unsupported-document') {
      // Listed, so that the editor knows these attachments were not read; never fetched.
      skip({ url: item.url, site: item.site, reason: `attachment of a kind tifa does not read (${/\.[a-z0-9]+$/i.exec(new URL(item.url).pathname)?.[0] ?? ''})`, ...from });
      return;
    }
    const rules = await robotsOf(new URL(item.url));
    const reason = rules?.disallows(item.url);
    if (reason !== undefined) {
      skip({ url: item.url, site: item.site, reason, ...from });
      return;
    }
    toAdd.push(item);
  };
  const request = (q: QueuedUrl) => ({ url: q.url, uniqueKey: q.url, label: q.label, userData: { ...q } });

  // Per-host politeness: the next time a request to a host may start.
  const nextSlot = new Map<string, number>();
  const waitForHost = async (url: URL): Promise<void> => {
    const rules = await robotsOf(url);
    const gap = Math.max(o.delayMs, rules?.crawlDelayMs ?? 0);
    if (gap <= 0) return;
    const now = Date.now();
    const at = Math.max(now, nextSlot.get(url.host) ?? 0);
    nextSlot.set(url.host, at + gap);
    if (at > now) await sleep(at - now);
  };

  // Crawlee's queue lives in memory: a resumed crawl rebuilds it from tifa's journal. (Crawlee can
  // keep its queue on disk, but requests in flight when a crawl is killed stay locked there for a
  // minute, so a resumed crawl would stall on them.)
  const config = new Configuration({
    persistStorage: false,
    purgeOnStart: true,
    logLevel: process.env.TIFA_CRAWL_DEBUG ? log.LEVELS.DEBUG : log.LEVELS.OFF,
  });
  const crawler = new HttpCrawler(
    {
      maxConcurrency: o.concurrency,
      minConcurrency: o.concurrency,
      maxRequestRetries: o.retries,
      // Crawlee takes a refused or reset connection for a bad proxy session and rotates sessions
      // up to 10 times, outside maxRequestRetries: held to the same number of retries here.
      maxSessionRotations: o.retries,
      navigationTimeoutSecs: o.timeoutMs / 1000,
      // Extracting a large PDF takes longer than fetching it.
      requestHandlerTimeoutSecs: Math.max(120, (o.timeoutMs / 1000) * 2),
      useSessionPool: false,
      persistCookiesPerSession: false,
      // Every type is fetched (links to images are never queued); the handler decides by type.
      additionalMimeTypes: ['*/*'],
      // Raw bytes, decoded later exactly as a file is: without this Crawlee would re-encode a
      // page served as GBK into UTF-8 before tifa sees it.
      forceResponseEncoding: 'latin1',
      // Too many requests: retried after the back-off.
      additionalHttpErrorStatusCodes: [429],
      preNavigationHooks: [
        async ({ request: r }, gotOptions) => {
          gotOptions.headers = { ...gotOptions.headers, 'user-agent': o.userAgent };
          await waitForHost(new URL(r.url));
        },
      ],
      // A declared size above the limit is refused before its body is read (a server that sends
      // no Content-Length is read whole).
      postNavigationHooks: [
        async ({ request: r, response }) => {
          const length = Number(response?.headers['content-length']);
          if (Number.isFinite(length) && length > o.maxBytes) {
            r.noRetry = true;
            response?.destroy();
            throw new Error(`larger than --max-bytes: ${length} bytes (limit ${o.maxBytes})`);
          }
        },
      ],
      errorHandler: async ({ request: r }) => {
        await sleep(backoffMs(r.retryCount));
      },
      failedRequestHandler: async ({ request: r }, error) => {
        const q = r.userData as QueuedUrl;
        const status = /^(\d{3}) - /.exec(error.message);
        fail({ url: q.url, site: q.site, reason: status ? `HTTP ${status[1]} ${STATUS_CODES[Number(status[1])] ?? ''}`.trim() : failureReason(error), ...(status ? { status: Number(status[1]) } : {}), ...(q.linkedFrom !== undefined ? { linkedFrom: q.linkedFrom } : {}) });
      },
      requestHandler: async ({ request: r, response, body, contentType }) => {
        const q = r.userData as QueuedUrl;
        const from = q.linkedFrom !== undefined ? { linkedFrom: q.linkedFrom } : {};
        const status = response.statusCode ?? 0;
        if (status >= 400) {
          fail({ url: q.url, site: q.site, reason: `HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trim(), status, ...from });
          return;
        }
        const finalUrl = normalizeUrl(new URL(response.url ?? r.loadedUrl ?? q.url));
        if (finalUrl !== q.url) {
          const target = new URL(finalUrl);
          const site = q.label === 'document' ? attachmentSite(target) : siteOf(target);
          if (site === undefined) return skip({ url: q.url, site: q.site, reason: `redirects out of the crawl's scope, to ${finalUrl}`, ...from });
          const forbidden = (await robotsOf(target))?.disallows(finalUrl);
          if (forbidden !== undefined) return skip({ url: q.url, site: q.site, reason: `redirects to ${finalUrl}, ${forbidden}`, ...from });
          const checkedAs = [...pages.values()].find((p) => p.url === finalUrl || p.finalUrl === finalUrl);
          if (checkedAs !== undefined) return skip({ url: q.url, site: q.site, reason: `redirects to ${finalUrl}, checked as ${checkedAs.url}`, ...from });
        }
        const bytes = new Uint8Array(body as Buffer);
        const type = contentType.type.toLowerCase();
        const path = new URL(finalUrl).pathname;
        const common = { url: q.url, ...(finalUrl !== q.url ? { finalUrl } : {}), site: q.site, depth: q.depth, ...from };
        let documentKind: DocumentKind | undefined = documentKindOfMediaType(type) ?? (type === 'application/octet-stream' || type === '' ? documentKindOfPath(path) ?? sniffDocumentKind(bytes) : undefined);
        if (documentKind === undefined && q.label === 'document') documentKind = sniffDocumentKind(bytes);
        if (documentKind !== undefined) {
          if (!o.attachments) return skip({ ...common, reason: `a ${documentKind.toUpperCase()} attachment (--no-attachments)` });
          try {
            const d = await checkDocument(checker, bytes, documentKind, { directives: o.directives });
            done({ ...common, kind: documentKind, replacements: 0, findings: d.findings, suppressed: d.suppressed, text: d.text, bytes: d.bytes, document: { kind: d.kind, pages: d.pages, pagesWithoutText: d.pagesWithoutText, ...(d.unreadable !== undefined ? { unreadable: d.unreadable } : {}) } });
          } catch (error) {
            fail({ ...common, reason: `${documentKind.toUpperCase()}: ${(error as Error).message}` });
          }
          return;
        }
        const isHtml = type === 'text/html' || type === 'application/xhtml+xml';
        const isText = type.startsWith('text/') && !isHtml;
        if (!isHtml && !isText && !(type === 'application/octet-stream' || type === '')) return skip({ ...common, reason: `not a page or a document (${type})` });
        const checked = checkBytes(checker, bytes, { kind: isHtml ? 'html' : isText ? 'text' : sniffKind(new TextDecoder('latin1').decode(bytes.subarray(0, 512))), directives: o.directives, ...(options.encoding !== undefined ? { encoding: options.encoding } : {}) });
        done({ ...common, kind: checked.kind, encoding: checked.encoding, replacements: checked.replacements, findings: checked.findings, suppressed: checked.suppressed, text: checked.text, bytes: checked.bytes });
        if (checked.kind !== 'html' || q.label !== 'page') return;
        for (const link of extractLinks(checked.text, finalUrl)) {
          const url = new URL(link);
          const kind = linkKind(link);
          if (kind === 'file') continue;
          if (kind === 'document' || kind === 'unsupported-document') {
            const site = attachmentSite(url);
            if (site !== undefined && o.attachments) await offer({ url: link, site, depth: q.depth + 1, label: 'document', linkedFrom: q.url });
            continue;
          }
          const site = siteOf(url);
          if (site === undefined || q.depth + 1 > o.maxDepth) continue;
          await offer({ url: link, site, depth: q.depth + 1, label: 'page', linkedFrom: q.url });
        }
        if (toAdd.length > 0) await crawler.addRequests(toAdd.splice(0).map(request));
      },
    },
    config,
  );

  let interrupted = false;
  const stop = (): void => {
    interrupted = true;
    crawler.stop('interrupted');
  };
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    // Seeds first (depth 0), then the sitemaps' URLs (depth 1).
    for (const seed of seeds) await offer({ url: normalizeUrl(seed), site: seed.origin, depth: 0, label: 'page' });
    if (o.sitemap && previous.length === 0) {
      const { Sitemap } = await import('@crawlee/utils');
      for (const site of sites) {
        const named = (await robotsOf(new URL(site)))?.sitemaps ?? [];
        const sitemap = await Sitemap.load([...new Set([`${site}/sitemap.xml`, ...named])], undefined, { timeoutMillis: o.timeoutMs, maxDepth: 3 } as never);
        for (const u of sitemap.urls) {
          let url: URL;
          try {
            url = new URL(u);
          } catch {
            continue;
          }
          const inSite = siteOf(url);
          if (inSite === undefined) continue;
          const kind = linkKind(url.href);
          if (kind === 'page') await offer({ url: normalizeUrl(url), site: inSite, depth: 1, label: 'page' });
          else if (kind === 'document' && o.attachments) await offer({ url: normalizeUrl(url), site: inSite, depth: 1, label: 'document' });
        }
      }
    }
    // A resumed crawl offers again the links a smaller --max-pages left over, and queues again
    // whatever was queued and not settled (Crawlee skips those its own queue already holds).
    for (const q of [...deferred.values()]) {
      deferred.delete(q.url);
      await offer(q);
    }
    for (const q of queued.values()) if (!settled(q.url) && !toAdd.includes(q)) toAdd.push(q);
    await crawler.run(toAdd.splice(0).map(request));
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
  const order = [...queued.keys()];
  const rank = new Map(order.map((u, i) => [u, i]));
  const byQueue = <T extends { url: string }>(m: Map<string, T>): T[] => [...m.values()].sort((a, b) => (rank.get(a.url) ?? 0) - (rank.get(b.url) ?? 0));
  return { sites, pages: byQueue(pages), failed: byQueue(failed), skipped: byQueue(skipped), leftOver, interrupted, resumed, stats: stats() };
}
