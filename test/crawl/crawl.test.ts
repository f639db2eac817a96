/**
 * tifa crawl against a real site served on 127.0.0.1 by the test (fixture-site.ts): the crawl
 * finds exactly the known errors (pages in GBK with and without a declaration, a page reached by
 * a redirect, a page only the sitemap names, a PDF and a DOCX attachment), never requests the
 * folder robots.txt forbids, lists the broken link with its reason, and resumes from --state.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawl, type CrawlReport } from '../../src/crawl/index.js';
import { createChecker } from '../../src/index.js';
import { run } from '../cli/run.js';
import { KNOWN_FINDINGS, startFixtureSite, type FixtureSite } from './fixture-site.js';

const checker = createChecker();
/** Fast and deterministic for a loopback site: no politeness delay, one retry. */
const FAST = { delayMs: 0, retries: 1, timeoutMs: 10_000 };

const found = (report: CrawlReport, origin: string) =>
  report.pages.flatMap((p) => p.findings.map((f) => ({ path: p.url.slice(origin.length), rule: f.rule, severity: f.severity, actual: f.text ?? f.actual, ...(f.page !== undefined ? { page: f.page } : {}), ...(f.paragraph !== undefined ? { paragraph: f.paragraph } : {}) })));
const sortKey = (f: { path: string; actual: string }) => `${f.path} ${f.actual}`;

describe('tifa crawl on a fixture site', () => {
  let site: FixtureSite;
  let origin: string;
  let report: CrawlReport;
  beforeAll(async () => {
    site = await startFixtureSite();
    origin = site.url.slice(0, -1);
    report = await runCrawl(checker, { seeds: [site.url], ...FAST });
  }, 120_000);
  afterAll(() => site.close());

  it('finds exactly the known errors, with page (PDF) and paragraph (DOCX)', () => {
    expect(found(report, origin).sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual([...KNOWN_FINDINGS].map((k) => ({ ...k, actual: k.actual })).sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
  });

  it('decodes GBK pages declared or not, as checkFile does', () => {
    const enc = Object.fromEntries(report.pages.map((p) => [p.url.slice(origin.length), p.encoding]));
    expect(enc['/gbk-meta.html']).toBe('gbk');
    expect(enc['/gbk-plain.html']).toBe('gb18030');
    expect(enc['/']).toBe('utf-8');
    expect(report.pages.every((p) => p.replacements === 0)).toBe(true);
  });

  it('honours robots.txt: the forbidden folder is listed as skipped and never requested', () => {
    expect(site.requests).toContain('/robots.txt');
    expect(site.requests.filter((p) => p.startsWith('/private/'))).toEqual([]);
    expect(report.skipped.find((s) => s.url === `${origin}/private/secret.html`)?.reason).toMatch(/robots\.txt/);
  });

  it('lists the broken link with its reason and the page that links it', () => {
    expect(report.failed).toEqual([{ url: `${origin}/missing.html`, site: origin, reason: 'HTTP 404 Not Found', status: 404, linkedFrom: `${origin}/` }]);
  });

  it('reads the sitemap, follows the redirect, reports the scan and the unreadable .doc, fetches no image', () => {
    expect(site.requests).toContain('/sitemap.xml');
    const old = report.pages.find((p) => p.url === `${origin}/old.html`);
    expect(old?.finalUrl).toBe(`${origin}/news/b.html`);
    const scan = report.pages.find((p) => p.url === `${origin}/files/scan.pdf`);
    expect(scan?.document?.unreadable).toMatch(/no text layer/);
    expect(report.skipped.find((s) => s.url.endsWith('/files/old.doc'))?.reason).toMatch(/does not read \(\.doc\)/);
    expect(site.requests).not.toContain('/logo.png');
    expect(site.requests).not.toContain('/files/old.doc');
    // Each URL once.
    expect(new Set(site.requests).size).toBe(site.requests.length);
    expect(report.stats).toMatchObject({ pages: 6, attachments: 3, failed: 1, skipped: 2, queued: 0, findings: KNOWN_FINDINGS.length });
  });
});

describe('tifa crawl bounds and state', () => {
  let site: FixtureSite;
  let state: string;
  beforeAll(async () => {
    site = await startFixtureSite();
    state = mkdtempSync(join(tmpdir(), 'tifa-crawl-state-'));
  });
  afterAll(async () => {
    await site.close();
    rmSync(state, { recursive: true, force: true });
  });

  it('--max-pages stops the crawl; the same --state goes on where it stopped, fetching nothing twice', async () => {
    const first = await runCrawl(checker, { seeds: [site.url], ...FAST, maxPages: 3, stateDir: state });
    expect(first.pages.length + first.failed.length + first.skipped.length).toBeLessThanOrEqual(3);
    expect(first.leftOver).toBeGreaterThan(0);
    const fetchedFirst = site.requests.filter((p) => p !== '/robots.txt' && p !== '/sitemap.xml');
    site.requests.length = 0;
    const second = await runCrawl(checker, { seeds: [site.url], ...FAST, maxPages: 100, stateDir: state });
    const fetchedSecond = site.requests.filter((p) => p !== '/robots.txt' && p !== '/sitemap.xml');
    expect(fetchedSecond.filter((p) => fetchedFirst.includes(p))).toEqual([]);
    expect(second.resumed).toBe(first.pages.length + first.failed.length + first.skipped.length);
    // Together, the two runs found what one crawl finds.
    expect(second.stats.findings).toBe(KNOWN_FINDINGS.length);
    expect(second.failed.map((f) => f.url)).toEqual([`${site.url}missing.html`]);
    // A third run has nothing left to do.
    site.requests.length = 0;
    const third = await runCrawl(checker, { seeds: [site.url], ...FAST, maxPages: 100, stateDir: state });
    expect(site.requests.filter((p) => p !== '/robots.txt')).toEqual([]);
    expect(third.stats.findings).toBe(KNOWN_FINDINGS.length);
  }, 120_000);

  it('a crawl stopped mid-way (Ctrl-C) goes on from --state: requests in flight are fetched again, nothing settled twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-crawl-stop-'));
    try {
      const abort = new AbortController();
      site.requests.length = 0;
      const first = await runCrawl(checker, { seeds: [site.url], ...FAST, concurrency: 2, stateDir: dir, signal: abort.signal, onProgress: (s) => s.pages >= 2 && abort.abort() });
      expect(first.interrupted).toBe(true);
      const settledFirst = [...first.pages, ...first.failed].map((p) => p.url.slice(site.url.length - 1));
      expect(settledFirst.length).toBeLessThan(10);
      site.requests.length = 0;
      const second = await runCrawl(checker, { seeds: [site.url], ...FAST, stateDir: dir });
      expect(second.interrupted).toBe(false);
      expect(site.requests.filter((p) => settledFirst.includes(p))).toEqual([]);
      expect(second.stats).toMatchObject({ pages: 6, attachments: 3, failed: 1, findings: KNOWN_FINDINGS.length });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('--encoding forces the decoding of pages, as for tifa check', async () => {
    const forced = await runCrawl(checker, { seeds: [`${site.url}gbk-plain.html`], ...FAST, maxDepth: 0, sitemap: false, encoding: 'utf-8' });
    expect(forced.pages.map((p) => [p.encoding, p.replacements > 0, p.findings.length])).toEqual([['utf-8', true, 0]]);
  });

  it('refuses a state folder of another crawl', async () => {
    await expect(runCrawl(checker, { seeds: ['http://127.0.0.1:1/'], ...FAST, stateDir: state })).rejects.toThrow(/holds a crawl of/);
  });

  it('--max-depth 0 checks the seed only; --scope prefix keeps to the seed folder', async () => {
    const seedOnly = await runCrawl(checker, { seeds: [site.url], ...FAST, maxDepth: 0, sitemap: false });
    expect(seedOnly.pages.filter((p) => p.kind === 'html').map((p) => p.url)).toEqual([site.url]);
    const news = await runCrawl(checker, { seeds: [`${site.url}news/a.html`], ...FAST, scope: 'prefix', sitemap: false });
    expect(news.pages.map((p) => p.url)).toEqual([`${site.url}news/a.html`]);
  }, 60_000);
});

describe('tifa crawl failures', () => {
  it('retries a failing request with back-off, and lists a URL that keeps failing or times out with its reason', async () => {
    let flaky = 0;
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/robots.txt') return void res.writeHead(404).end();
      if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<a href="/flaky">1</a><a href="/down">2</a><a href="/slow">3</a><a href="/big">4</a>');
      if (req.url === '/flaky') {
        flaky++;
        return void (flaky === 1 ? res.writeHead(503).end('busy') : res.writeHead(200, { 'content-type': 'text/html' }).end('<p>深入推进脱贫功坚工作。</p>'));
      }
      if (req.url === '/down') return void res.writeHead(500).end('broken');
      if (req.url === '/big') return void res.writeHead(200, { 'content-type': 'text/html', 'content-length': '50000' }).end('x'.repeat(50_000));
      // /slow never answers.
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const report = await runCrawl(checker, { seeds: [url], delayMs: 0, retries: 1, timeoutMs: 1500, sitemap: false, maxBytes: 10_000 });
      expect(report.pages.find((p) => p.url === `${url}flaky`)?.findings.map((f) => f.actual)).toEqual(['脱贫功坚']);
      expect(flaky).toBe(2);
      const reasons = Object.fromEntries(report.failed.map((f) => [f.url.slice(url.length), f.reason]));
      expect(reasons.down).toMatch(/^HTTP 500/);
      expect(reasons.slow).toMatch(/timed out/i);
      expect(reasons.big).toBe('larger than --max-bytes: 50000 bytes (limit 10000)');
      expect(requests.filter((r) => r === '/down')).toHaveLength(2); // the request and one retry
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  }, 60_000);

  it('a site that cannot be reached at all: exit code 2, the reason listed', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((r) => server.close(r)); // nothing listens there now
    const r = await run(['crawl', `http://127.0.0.1:${port}/`, '--no-config', '--delay', '0', '--retries', '0', '--no-sitemap', '--no-robots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/failed: http:\/\/127\.0\.0\.1:\d+\/: ECONNREFUSED/);
  }, 60_000);

  it('a robots.txt that answers 5xx allows nothing (RFC 9309): every URL listed with that reason, exit code 2', async () => {
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/robots.txt') return void res.writeHead(503).end();
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>深入推进脱贫功坚工作。</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const r = await run(['crawl', url, '--no-config', '--delay', '0', '--no-sitemap', '--format', 'json']);
      expect(r.code).toBe(2);
      expect(requests).toEqual(['/robots.txt']);
      const [seed] = JSON.parse(r.stdout) as Array<{ file: string; skipped?: { message: string } }>;
      expect(seed!.skipped?.message).toMatch(/robots\.txt could not be read \(HTTP 503\).*RFC 9309/);
      expect(r.stderr).toContain('tifa: nothing could be checked');
    } finally {
      server.closeAllConnections();
      await new Promise((res) => server.close(res));
    }
  }, 60_000);

  it('usage errors: exit code 2 with one line', async () => {
    expect((await run(['crawl', 'not a url', '--no-config'])).stderr).toMatch(/not a URL/);
    const bad = await run(['crawl', 'http://127.0.0.1:1/', '--scope', 'planet', '--no-config']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('tifa: --scope must be host, domain or prefix, not "planet"\n');
    expect((await run(['crawl', '--no-config'])).code).toBe(2);
  });
});

describe('tifa crawl (CLI)', () => {
  it('prints a report, lists the broken link and the summary on stderr, exits 1 for errors', async () => {
    const site = await startFixtureSite();
    try {
      const r = await run(['crawl', site.url, '--no-config', '--delay', '0', '--format', 'json']);
      expect(r.code).toBe(1);
      const results = JSON.parse(r.stdout) as Array<{ file: string; findings: unknown[]; error?: { message: string } }>;
      expect(results.reduce((n, x) => n + x.findings.length, 0)).toBe(KNOWN_FINDINGS.length);
      expect(results.find((x) => x.file.endsWith('/missing.html'))?.error?.message).toMatch(/HTTP 404/);
      expect(r.stderr).toMatch(/tifa: failed: http:\/\/127\.0\.0\.1:\d+\/missing\.html: HTTP 404 Not Found \(linked from/);
      expect(r.stderr).toMatch(/crawled 6 pages and 3 attachments of 1 site in [\d.]+ s \([\d.]+ pages\/s\): 7 findings \(5 errors, 2 warnings, 0 info\); 1 failed; 2 skipped \(1 by robots\.txt\)/);
      // On a terminal, a progress line is drawn on stderr and cleared before the summary.
      const errorsOnly = await run(['crawl', site.url, '--no-config', '--delay', '0', '--format', 'json', '--severity', 'error', '--no-attachments'], { stderrTty: true });
      const severities = (JSON.parse(errorsOnly.stdout) as Array<{ findings: Array<{ severity: string }> }>).flatMap((x) => x.findings.map((f) => f.severity));
      expect(severities).toEqual(['error', 'error', 'error', 'error']);
      expect(errorsOnly.stderr).toMatch(/\r\u001b\[2Ktifa: \d+ done \(\d+ pages, 0 attachments\), \d+ queued, \d+ failed, \d+ findings?, [\d.]+ pages\/s/);
      expect(errorsOnly.stderr).toMatch(/\r\u001b\[2Ktifa: failed: /);
    } finally {
      await site.close();
    }
  }, 120_000);
});
