/** Which URLs belong to the crawl of a seed. */
import { lazyModule } from '../util/require.js';

// The public suffix list is loaded on first use (tifa crawl --scope domain), not at import.
const tldts = lazyModule<typeof import('tldts')>('tldts');
import type { CrawlScope } from './types.js';

/** The registrable domain of a host (`www.beijing.gov.cn` -> `beijing.gov.cn`); an IP or a single label stands for itself. */
export function siteDomain(hostname: string): string {
  return tldts().getDomain(hostname, { allowPrivateDomains: true }) ?? hostname;
}

/** The folder of a URL: up to and including the last `/` of its path. */
export function folderOf(url: URL): string {
  return `${url.origin}${url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1)}`;
}

/** Whether `url` is within `scope` of `seed`. Only http and https are ever in scope. */
export function inScope(url: URL, seed: URL, scope: CrawlScope): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (scope === 'host') return url.hostname === seed.hostname;
  if (scope === 'domain') return url.hostname === seed.hostname || siteDomain(url.hostname) === siteDomain(seed.hostname);
  return `${url.origin}${url.pathname}`.startsWith(folderOf(seed));
}

/** The URL as a queue key: no fragment; `http://h/` and `http://h` are one. */
export function normalizeUrl(url: URL): string {
  const u = new URL(url.href);
  u.hash = '';
  return u.href;
}
