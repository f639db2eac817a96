/** A problem with the crawl's options or state (exit code 2). */
export class CrawlSetupError extends Error {
  override name = 'CrawlSetupError';
}
