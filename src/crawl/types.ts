/** The data of a crawl: what was asked, what each URL gave. */
import type { DocumentInfo } from '../cli/formatters/types.js';
import type { DocumentPlace } from '../documents/types.js';
import type { Finding } from '../types.js';

/**
 * Which links are followed: `host` the seed's host name only (default); `domain` every host of
 * the seed's registrable domain (`www.example.gov.cn` -> `*.example.gov.cn`); `prefix` URLs
 * under the seed's folder (`https://host/news/` -> `https://host/news/...`).
 */
export type CrawlScope = 'host' | 'domain' | 'prefix';

export interface CrawlOptions {
  /** Start URLs (http or https). Each one's origin is a site of the report. */
  seeds: readonly string[];
  /** Default: `host`. */
  scope?: CrawlScope;
  /** Most URLs fetched (pages and attachments), counting those of a resumed crawl. Default: 1000. */
  maxPages?: number;
  /** Most link steps from a seed (a seed is depth 0; sitemap URLs are depth 1). Default: 20. */
  maxDepth?: number;
  /** Requests at once, over all hosts. Default: 4. */
  concurrency?: number;
  /**
   * Least time between two requests to one host, in ms; a robots.txt `Crawl-delay` that asks for
   * more wins. Default: 250 (4 requests per second per host at most).
   */
  delayMs?: number;
  /** Retries of a request that failed for a reason that may pass (network, timeout, 5xx, 429). Default: 2. */
  retries?: number;
  /** Time for one request (connect to last byte), in ms. Default: 30000. */
  timeoutMs?: number;
  /** Largest response read, by its Content-Length, in bytes; a larger one is listed as failed. Default: 100 MiB. */
  maxBytes?: number;
  /** Read `/sitemap.xml` and the sitemaps robots.txt names. Default: true. */
  sitemap?: boolean;
  /** Honour robots.txt. Default: true. */
  robots?: boolean;
  /** Check linked PDF and DOCX files. Default: true. */
  attachments?: boolean;
  /** Decode every page with this encoding (a WHATWG label such as `gbk`), whatever it declares. Default: detect, as `checkFile` does. */
  encoding?: string;
  /** Apply inline `tifa-disable` directives. Default: true. */
  directives?: boolean;
  /** Keep the request queue and the results here, and resume from them. Default: none (in memory). */
  stateDir?: string;
  /** The User-Agent header, and the name matched against robots.txt groups. Default: `tifa`. */
  userAgent?: string;
  /** Stops the crawl gracefully (requests under way finish; the report says it was interrupted). */
  signal?: AbortSignal;
  /** Called after each URL is settled (for progress). */
  onProgress?: (stats: CrawlStats) => void;
}

export type CrawledKind = 'html' | 'text' | 'pdf' | 'docx';

/** A fetched and checked page or attachment. */
export interface CrawledPage {
  /** The URL as linked (or given). */
  url: string;
  /** Where redirects ended, when elsewhere. */
  finalUrl?: string;
  /** Origin of the seed whose crawl found it. */
  site: string;
  depth: number;
  kind: CrawledKind;
  /** The page that linked it first (absent for seeds and sitemap URLs). */
  linkedFrom?: string;
  /** WHATWG encoding the page was decoded with (pages only). */
  encoding?: string;
  replacements: number;
  findings: Array<Finding & DocumentPlace>;
  suppressed: number;
  /** The checked text (kept only when it has findings, for their context). */
  text: string;
  bytes: number;
  document?: DocumentInfo;
}

/** A URL that could not be fetched or read, and why. */
export interface FailedUrl {
  url: string;
  site: string;
  reason: string;
  /** HTTP status, when the server answered. */
  status?: number;
  linkedFrom?: string;
}

/** A URL not fetched on purpose (robots.txt, redirected out of scope, unsupported attachment ...). */
export interface SkippedUrl {
  url: string;
  site: string;
  reason: string;
  linkedFrom?: string;
}

export interface CrawlStats {
  pages: number;
  attachments: number;
  failed: number;
  skipped: number;
  queued: number;
  findings: number;
  elapsedMs: number;
}

export interface CrawlReport {
  /** The sites (origins of the seeds), in seed order. */
  sites: string[];
  pages: CrawledPage[];
  failed: FailedUrl[];
  skipped: SkippedUrl[];
  /** Links left unfetched because --max-pages was reached. */
  leftOver: number;
  /** The crawl was stopped (SIGINT) before its queue was empty. */
  interrupted: boolean;
  /** URLs fetched in earlier runs of a resumed crawl. */
  resumed: number;
  stats: CrawlStats;
}
