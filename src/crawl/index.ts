/** `tifa crawl`: a site's pages and attachments, fetched politely and checked. */
export { runCrawl, CrawlSetupError, CRAWL_DEFAULTS, backoffMs, failureReason } from './crawl.js';
export { extractLinks, linkKind, type LinkKind } from './links.js';
export { inScope, siteDomain, folderOf, normalizeUrl } from './scope.js';
export { parseRobots, loadRobots, type RobotsRules } from './robots.js';
export type { CrawlOptions, CrawlReport, CrawledPage, CrawledKind, CrawlScope, CrawlStats, FailedUrl, SkippedUrl } from './types.js';
