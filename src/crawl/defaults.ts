/** The defaults of `tifa crawl` (apart, so that the CLI's help can show them without loading the crawler). */
export const CRAWL_DEFAULTS = { scope: 'host', maxPages: 1000, maxDepth: 20, concurrency: 4, delayMs: 250, retries: 2, timeoutMs: 30_000, maxBytes: 100 * 1024 * 1024, userAgent: 'tifa', sitemap: true, robots: true, attachments: true, directives: true } as const;
