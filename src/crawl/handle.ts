/**
 * What the crawl does with one fetched URL: a failure status is kept as failed; a redirect out of
 * scope, to a forbidden URL or to a page already checked is skipped; a PDF or DOCX is extracted
 * and checked; a page is decoded as a file is (checkBytes) and checked, and its links offered.
 */
import { STATUS_CODES } from 'node:http';
import type { Checker } from '../checker.js';
import { checkBytes, sniffKind } from '../cli/check-file.js';
import { checkDocument, documentKindOfMediaType, documentKindOfPath, sniffDocumentKind, type DocumentKind } from '../documents/index.js';
import { extractLinks, linkKind } from './links.js';
import type { CrawlRecord } from './record.js';
import type { RobotsRules } from './robots.js';
import { normalizeUrl } from './scope.js';
import type { QueuedUrl } from './state.js';
import type { CrawlOptions } from './types.js';

/** The crawl's options with the defaults filled in. */
export type CrawlSettings = Required<Omit<CrawlOptions, 'stateDir' | 'onProgress' | 'signal'>> & CrawlOptions;

/** What the parts of one crawl share. */
export interface Crawl {
  checker: Pick<Checker, 'check' | 'checkHtml'>;
  o: CrawlSettings;
  record: CrawlRecord;
  /** The site (a seed's origin) a page URL belongs to, if it is in scope. */
  siteOf(url: URL): string | undefined;
  /** The same for an attachment, which may sit on another host of the seed's domain. */
  attachmentSite(url: URL): string | undefined;
  /** robots.txt of a URL's origin (fetched once), or undefined with --no-robots. */
  robotsOf(url: URL): Promise<RobotsRules> | undefined;
  /** Queues a URL unless known, past --max-pages, of an unread kind or forbidden. */
  offer(item: QueuedUrl): Promise<void>;
  /** URLs offered and not yet handed to Crawlee. */
  toAdd: QueuedUrl[];
}

/** One response, as the handler reads it. */
export interface Fetched {
  q: QueuedUrl;
  status: number;
  /** Where the request ended (after redirects). */
  responseUrl: string;
  body: Uint8Array;
  /** The media type, lower case. */
  type: string;
}

type Common = { url: string; finalUrl?: string; site: string; depth: number; linkedFrom?: string };

/** Why a redirect is not followed (a skip reason), or undefined. */
async function redirectProblem(crawl: Crawl, q: QueuedUrl, finalUrl: string): Promise<string | undefined> {
  const target = new URL(finalUrl);
  const site = q.label === 'document' ? crawl.attachmentSite(target) : crawl.siteOf(target);
  if (site === undefined) return `redirects out of the crawl's scope, to ${finalUrl}`;
  const forbidden = (await crawl.robotsOf(target))?.disallows(finalUrl);
  if (forbidden !== undefined) return `redirects to ${finalUrl}, ${forbidden}`;
  const checkedAs = [...crawl.record.pages.values()].find((p) => p.url === finalUrl || p.finalUrl === finalUrl);
  if (checkedAs !== undefined) return `redirects to ${finalUrl}, checked as ${checkedAs.url}`;
  return undefined;
}

/** The document kind of a response: by media type, else (untyped) by path or content. */
function documentKindOf(f: Fetched, path: string): DocumentKind | undefined {
  const kind = documentKindOfMediaType(f.type) ?? (f.type === 'application/octet-stream' || f.type === '' ? documentKindOfPath(path) ?? sniffDocumentKind(f.body) : undefined);
  return kind === undefined && f.q.label === 'document' ? sniffDocumentKind(f.body) : kind;
}

async function checkAttachment(crawl: Crawl, bytes: Uint8Array, kind: DocumentKind, common: Common): Promise<void> {
  if (!crawl.o.attachments) return crawl.record.skip({ ...common, reason: `a ${kind.toUpperCase()} attachment (--no-attachments)` });
  try {
    const d = await checkDocument(crawl.checker, bytes, kind, { directives: crawl.o.directives });
    crawl.record.done({ ...common, kind, replacements: 0, findings: d.findings, suppressed: d.suppressed, text: d.text, bytes: d.bytes, document: { kind: d.kind, pages: d.pages, pagesWithoutText: d.pagesWithoutText, ...(d.unreadable !== undefined ? { unreadable: d.unreadable } : {}) } });
  } catch (error) {
    crawl.record.fail({ ...common, reason: `${kind.toUpperCase()}: ${(error as Error).message}` });
  }
}

/** Offers a page's links: pages in scope within --max-depth, attachments of the seed's domain. */
async function offerLinks(crawl: Crawl, q: QueuedUrl, html: string, finalUrl: string): Promise<void> {
  for (const link of extractLinks(html, finalUrl)) {
    const url = new URL(link);
    const kind = linkKind(link);
    if (kind === 'file') continue;
    if (kind === 'document' || kind === 'unsupported-document') {
      const site = crawl.attachmentSite(url);
      if (site !== undefined && crawl.o.attachments) await crawl.offer({ url: link, site, depth: q.depth + 1, label: 'document', linkedFrom: q.url });
      continue;
    }
    const site = crawl.siteOf(url);
    if (site === undefined || q.depth + 1 > crawl.o.maxDepth) continue;
    await crawl.offer({ url: link, site, depth: q.depth + 1, label: 'page', linkedFrom: q.url });
  }
}

/** Settles one fetched URL; returns the URLs its page links to that are to be queued. */
export async function handleFetched(crawl: Crawl, f: Fetched): Promise<QueuedUrl[]> {
  const { q, status } = f;
  const from = q.linkedFrom !== undefined ? { linkedFrom: q.linkedFrom } : {};
  if (status >= 400) {
    crawl.record.fail({ url: q.url, site: q.site, reason: `HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trim(), status, ...from });
    return [];
  }
  const finalUrl = normalizeUrl(new URL(f.responseUrl));
  const redirect = finalUrl !== q.url ? await redirectProblem(crawl, q, finalUrl) : undefined;
  if (redirect !== undefined) {
    crawl.record.skip({ url: q.url, site: q.site, reason: redirect, ...from });
    return [];
  }
  const common: Common = { url: q.url, ...(finalUrl !== q.url ? { finalUrl } : {}), site: q.site, depth: q.depth, ...from };
  const documentKind = documentKindOf(f, new URL(finalUrl).pathname);
  if (documentKind !== undefined) {
    await checkAttachment(crawl, f.body, documentKind, common);
    return [];
  }
  const isHtml = f.type === 'text/html' || f.type === 'application/xhtml+xml';
  const isText = f.type.startsWith('text/') && !isHtml;
  if (!isHtml && !isText && !(f.type === 'application/octet-stream' || f.type === '')) {
    crawl.record.skip({ ...common, reason: `not a page or a document (${f.type})` });
    return [];
  }
  const kind = isHtml ? 'html' : isText ? 'text' : sniffKind(new TextDecoder('latin1').decode(f.body.subarray(0, 512)));
  const checked = checkBytes(crawl.checker, f.body, { kind, directives: crawl.o.directives, ...(crawl.o.encoding !== undefined ? { encoding: crawl.o.encoding } : {}) });
  crawl.record.done({ ...common, kind: checked.kind, encoding: checked.encoding, replacements: checked.replacements, findings: checked.findings, suppressed: checked.suppressed, text: checked.text, bytes: checked.bytes });
  if (checked.kind !== 'html' || q.label !== 'page') return [];
  await offerLinks(crawl, q, checked.text, finalUrl);
  return crawl.toAdd.splice(0);
}
