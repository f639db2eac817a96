/**
 * robots.txt per origin (RFC 9309), parsed by robots-parser: fetched once per origin and kept.
 * A missing file (4xx) allows everything; a server or network error means, as the RFC says,
 * that nothing of that origin may be crawled, and every URL of it is listed with that reason.
 */
import { lazyModule } from '../util/require.js';

/** robots-parser (CommonJS: module.exports is the function), loaded on first use. */
const robotsParser = lazyModule<
  (url: string, text: string) => {
    isDisallowed(url: string, ua?: string): boolean | undefined;
    getCrawlDelay(ua?: string): number | undefined;
    getSitemaps(): string[];
  }
>('robots-parser');

export interface RobotsRules {
  /** undefined when allowed, else the reason to skip. */
  disallows(url: string): string | undefined;
  /** The Crawl-delay asked of us, in ms (0 when none). */
  crawlDelayMs: number;
  /** Sitemap URLs named in the file. */
  sitemaps: string[];
}

const ALLOW_ALL: RobotsRules = { disallows: () => undefined, crawlDelayMs: 0, sitemaps: [] };

export function parseRobots(robotsUrl: string, text: string, userAgent: string): RobotsRules {
  const robots = robotsParser()(robotsUrl, text);
  const delay = robots.getCrawlDelay(userAgent);
  return {
    disallows: (url) => (robots.isDisallowed(url, userAgent) === true ? 'disallowed by robots.txt' : undefined),
    crawlDelayMs: typeof delay === 'number' && Number.isFinite(delay) && delay > 0 ? Math.min(delay, 60) * 1000 : 0,
    sitemaps: robots.getSitemaps(),
  };
}

/** Fetches and parses robots.txt of an origin. Never throws. */
export async function loadRobots(origin: string, options: { userAgent: string; timeoutMs: number }): Promise<RobotsRules> {
  const robotsUrl = `${origin}/robots.txt`;
  let reason: string;
  try {
    const response = await fetch(robotsUrl, { headers: { 'user-agent': options.userAgent }, signal: AbortSignal.timeout(options.timeoutMs), redirect: 'follow' });
    if (response.ok) return parseRobots(response.url || robotsUrl, await response.text(), options.userAgent);
    if (response.status >= 400 && response.status < 500) {
      await response.body?.cancel();
      return ALLOW_ALL;
    }
    await response.body?.cancel();
    reason = `HTTP ${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code !== undefined) reason = cause.code;
    else if ((error as Error).name === 'TimeoutError') reason = `timed out after ${options.timeoutMs} ms`;
    else reason = (error as Error).message;
  }
  const why = `robots.txt could not be read (${reason}), and RFC 9309 then allows nothing (--no-robots crawls anyway)`;
  return { disallows: () => why, crawlDelayMs: 0, sitemaps: [] };
}
