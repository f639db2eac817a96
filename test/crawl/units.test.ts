import { describe, expect, it } from 'vitest';
import { backoffMs, extractLinks, failureReason, inScope, linkKind, parseRobots, siteDomain } from '../../src/crawl/index.js';

describe('crawl scope', () => {
  const seed = new URL('https://www.beijing.gov.cn/zhengce/index.html');
  it.each([
    ['https://www.beijing.gov.cn/a.html', 'host', true],
    ['https://fgw.beijing.gov.cn/a.html', 'host', false],
    ['https://fgw.beijing.gov.cn/a.html', 'domain', true],
    ['https://www.shanghai.gov.cn/', 'domain', false], // gov.cn is a public suffix: beijing.gov.cn is the domain
    ['https://www.beijing.gov.cn/zhengce/2024/a.html', 'prefix', true],
    ['https://www.beijing.gov.cn/news/a.html', 'prefix', false],
    ['ftp://www.beijing.gov.cn/a', 'host', false],
  ] as const)('%s in %s scope: %s', (url, scope, expected) => {
    expect(inScope(new URL(url), seed, scope)).toBe(expected);
  });
  it('an IP address is its own domain', () => {
    expect(siteDomain('127.0.0.1')).toBe('127.0.0.1');
    expect(siteDomain('www.beijing.gov.cn')).toBe('beijing.gov.cn');
  });
});

describe('links', () => {
  it('resolves against <base>, drops fragments, other schemes and duplicates, keeps page order', () => {
    const html = '<base href="http://h.test/dir/"><a href="a.html#x">a</a><a href="a.html">again</a><a href="mailto:x@y">m</a><a href="javascript:void 0">j</a><area href="/b.pdf"><iframe src="c.htm"></iframe><a href="http://[bad">bad</a>';
    expect(extractLinks(html, 'http://h.test/page.html')).toEqual(['http://h.test/dir/a.html', 'http://h.test/b.pdf', 'http://h.test/dir/c.htm']);
  });
  it('kinds by path', () => {
    expect(linkKind('http://h/a/report.PDF?x=1')).toBe('document');
    expect(linkKind('http://h/a/notice.docx')).toBe('document');
    expect(linkKind('http://h/a/old.doc')).toBe('unsupported-document');
    expect(linkKind('http://h/a/logo.png')).toBe('file');
    expect(linkKind('http://h/a/list.jsp?id=3')).toBe('page');
    expect(linkKind('http://h/a/')).toBe('page');
  });
});

describe('robots.txt and failures', () => {
  it('reads groups, Crawl-delay and sitemaps for our user agent', () => {
    const rules = parseRobots('http://h.test/robots.txt', 'User-agent: *\nDisallow: /private/\n\nUser-agent: tifa\nDisallow: /drafts/\nCrawl-delay: 2\n\nSitemap: http://h.test/map.xml\n', 'tifa');
    expect(rules.disallows('http://h.test/drafts/a.html')).toMatch(/robots\.txt/);
    expect(rules.disallows('http://h.test/private/a.html')).toBeUndefined(); // our own group wins over *
    expect(rules.crawlDelayMs).toBe(2000);
    expect(rules.sitemaps).toEqual(['http://h.test/map.xml']);
  });
  it('back-off doubles up to 30 s; reasons are one short line', () => {
    expect([1, 2, 3, 4, 10].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 30_000]);
    expect(failureReason({ code: 'ECONNRESET', message: 'socket hang up' })).toBe('ECONNRESET');
    expect(failureReason(new Error('Detected a session error, rotating session... \nconnect ECONNREFUSED 127.0.0.1:9'))).toBe('ECONNREFUSED');
    expect(failureReason(new Error('request timed out after 30 seconds.'))).toBe('request timed out after 30 seconds.');
  });
});
