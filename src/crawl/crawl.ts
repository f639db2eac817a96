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
import { linkKind } from './links.js';
import { loadRobots, type RobotsRules } from './robots.js';
import { inScope, normalizeUrl } from './scope.js';
import type { QueuedUrl } from './state.js';
import { CRAWL_DEFAULTS } from './defaults.js';
import { CrawlSetupError } from './errors.js';
import { handleFetched, type Crawl, type CrawlSettings } from './handle.js';
import { openRecord, type CrawlRecord } from './record.js';
import type { CrawlOptions, CrawlReport } from './types.js';

export { CRAWL_DEFAULTS, CrawlSetupError };

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

/** The seeds as URLs; a seed that is no http(s) URL is a CrawlSetupError. */
function parseSeeds(seeds: readonly string[]): URL[] {
  const out: URL[] = [];
  for (const s of seeds) {
    let url: URL;
    try {
      url = new URL(s);
    } catch {
      throw new CrawlSetupError(`not a URL: "${s}" (write it in full, e.g. https://www.example.gov.cn/)`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CrawlSetupError(`not an http(s) URL: "${s}"`);
    out.push(url);
  }
  if (out.length === 0) throw new CrawlSetupError('crawl needs at least one URL');
  return out;
}

/** robots.txt per origin, fetched once; none with --no-robots. */
function robotsCache(o: CrawlSettings): (url: URL) => Promise<RobotsRules> | undefined {
  const robots = new Map<string, Promise<RobotsRules>>();
  return (url) => {
    if (!o.robots) return undefined;
    let r = robots.get(url.origin);
    if (r === undefined) {
      r = loadRobots(url.origin, { userAgent: o.userAgent, timeoutMs: o.timeoutMs });
      robots.set(url.origin, r);
    }
    return r;
  };
}

/** The parts one crawl shares: scope, robots.txt, the record and the offer of a URL. */
function crawlOf(checker: Crawl['checker'], o: CrawlSettings, seeds: readonly URL[], record: CrawlRecord): Crawl {
  const siteOf = (url: URL): string | undefined => seeds.find((s) => inScope(url, s, o.scope))?.origin;
  const crawl: Crawl = {
    checker,
    o,
    record,
    siteOf,
    // Attachments may sit on another host of the same domain (a file server): checked if the domain matches.
    attachmentSite: (url) => siteOf(url) ?? seeds.find((s) => inScope(url, s, 'domain'))?.origin,
    robotsOf: robotsCache(o),
    toAdd: [],
    offer: async (item) => {
      if (record.queued.has(item.url)) return;
      // Kept in the journal, so that a resumed crawl with a larger --max-pages goes on with it.
      if (record.queued.size >= o.maxPages) return record.defer(item);
      record.queue(item);
      const from = item.linkedFrom !== undefined ? { linkedFrom: item.linkedFrom } : {};
      if (linkKind(item.url) === 'unsupported-document') {
        // Listed, so that the editor knows these attachments were not read; never fetched.
        return record.skip({ url: item.url, site: item.site, reason: `attachment of a kind tifa does not read (${/\.[a-z0-9]+$/i.exec(new URL(item.url).pathname)?.[0] ?? ''})`, ...from });
      }
      const reason = (await crawl.robotsOf(new URL(item.url)))?.disallows(item.url);
      if (reason !== undefined) return record.skip({ url: item.url, site: item.site, reason, ...from });
      crawl.toAdd.push(item);
    },
  };
  return crawl;
}

/** Per-host politeness: waits until a request to the URL's host may start (--delay, Crawl-delay). */
function hostGate(crawl: Crawl): (url: URL) => Promise<void> {
  const nextSlot = new Map<string, number>();
  return async (url) => {
    const rules = await crawl.robotsOf(url);
    const gap = Math.max(crawl.o.delayMs, rules?.crawlDelayMs ?? 0);
    if (gap <= 0) return;
    const now = Date.now();
    const at = Math.max(now, nextSlot.get(url.host) ?? 0);
    nextSlot.set(url.host, at + gap);
    if (at > now) await sleep(at - now);
  };
}

const request = (q: QueuedUrl) => ({ url: q.url, uniqueKey: q.url, label: q.label, userData: { ...q } });

type CrawlerOptions = ConstructorParameters<HttpModule['HttpCrawler']>[0];

/** Crawlee's crawler options: limits, politeness, raw bytes, and tifa's handlers. */
function crawlerOptions(crawl: Crawl, addRequests: (items: QueuedUrl[]) => Promise<unknown>): CrawlerOptions {
  const { o, record } = crawl;
  const waitForHost = hostGate(crawl);
  return {
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
      record.fail({ url: q.url, site: q.site, reason: status ? `HTTP ${status[1]} ${STATUS_CODES[Number(status[1])] ?? ''}`.trim() : failureReason(error), ...(status ? { status: Number(status[1]) } : {}), ...(q.linkedFrom !== undefined ? { linkedFrom: q.linkedFrom } : {}) });
    },
    requestHandler: async ({ request: r, response, body, contentType }) => {
      const q = r.userData as QueuedUrl;
      const links = await handleFetched(crawl, { q, status: response.statusCode ?? 0, responseUrl: response.url ?? r.loadedUrl ?? q.url, body: new Uint8Array(body as Buffer), type: contentType.type.toLowerCase() });
      if (links.length > 0) await addRequests(links);
    },
  };
}

/** The sitemaps' URLs of each site (sitemap.xml and those robots.txt names), offered at depth 1. */
async function offerSitemaps(crawl: Crawl, sites: readonly string[]): Promise<void> {
  const { Sitemap } = await import('@crawlee/utils');
  for (const site of sites) {
    const named = (await crawl.robotsOf(new URL(site)))?.sitemaps ?? [];
    const sitemap = await Sitemap.load([...new Set([`${site}/sitemap.xml`, ...named])], undefined, { timeoutMillis: crawl.o.timeoutMs, maxDepth: 3 } as never);
    for (const u of sitemap.urls) {
      let url: URL;
      try {
        url = new URL(u);
      } catch {
        continue;
      }
      const inSite = crawl.siteOf(url);
      if (inSite === undefined) continue;
      const kind = linkKind(url.href);
      if (kind === 'page') await crawl.offer({ url: normalizeUrl(url), site: inSite, depth: 1, label: 'page' });
      else if (kind === 'document' && crawl.o.attachments) await crawl.offer({ url: normalizeUrl(url), site: inSite, depth: 1, label: 'document' });
    }
  }
}

/** The first requests: seeds (depth 0), the sitemaps' URLs (depth 1), and what a resumed crawl left. */
async function firstRequests(crawl: Crawl, seeds: readonly URL[], sites: readonly string[]): Promise<QueuedUrl[]> {
  const { record } = crawl;
  for (const seed of seeds) await crawl.offer({ url: normalizeUrl(seed), site: seed.origin, depth: 0, label: 'page' });
  if (crawl.o.sitemap && !record.resuming) await offerSitemaps(crawl, sites);
  // A resumed crawl offers again the links a smaller --max-pages left over, and queues again
  // whatever was queued and not settled (Crawlee skips those its own queue already holds).
  for (const q of [...record.deferred.values()]) {
    record.deferred.delete(q.url);
    await crawl.offer(q);
  }
  for (const q of record.queued.values()) if (!record.settled(q.url) && !crawl.toAdd.includes(q)) crawl.toAdd.push(q);
  return crawl.toAdd.splice(0);
}

/** The outcome, each list in queue order. */
function reportOf(record: CrawlRecord, sites: string[], interrupted: boolean): CrawlReport {
  const rank = new Map([...record.queued.keys()].map((u, i) => [u, i]));
  const byQueue = <T extends { url: string }>(m: Map<string, T>): T[] => [...m.values()].sort((a, b) => (rank.get(a.url) ?? 0) - (rank.get(b.url) ?? 0));
  return { sites, pages: byQueue(record.pages), failed: byQueue(record.failed), skipped: byQueue(record.skipped), leftOver: record.leftOver, interrupted, resumed: record.resumed, stats: record.stats() };
}

export async function runCrawl(checker: Pick<Checker, 'check' | 'checkHtml'>, options: CrawlOptions): Promise<CrawlReport> {
  const o = { ...CRAWL_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as CrawlSettings;
  const seeds = parseSeeds(options.seeds);
  const sites = [...new Set(seeds.map((s) => s.origin))];
  // State: what a resumed crawl already knows.
  const record = openRecord({ seeds, scope: o.scope, ...(options.stateDir !== undefined ? { stateDir: options.stateDir } : {}), ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}) });
  const crawl = crawlOf(checker, o, seeds, record);
  const { HttpCrawler, Configuration, log } = await loadCrawlee();
  const logLevel = process.env.TIFA_CRAWL_DEBUG ? log.LEVELS.DEBUG : log.LEVELS.OFF;
  log.setLevel(logLevel);
  // Crawlee's queue lives in memory: a resumed crawl rebuilds it from tifa's journal. (Crawlee can
  // keep its queue on disk, but requests in flight when a crawl is killed stay locked there for a
  // minute, so a resumed crawl would stall on them.)
  const config = new Configuration({ persistStorage: false, purgeOnStart: true, logLevel });
  const crawler: InstanceType<HttpModule['HttpCrawler']> = new HttpCrawler(
    crawlerOptions(crawl, (items) => crawler.addRequests(items.map(request))),
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
    await crawler.run((await firstRequests(crawl, seeds, sites)).map(request));
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
  return reportOf(record, sites, interrupted);
}
