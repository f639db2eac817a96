/**
 * The links of an HTML page: `<a href>`, `<area href>`, `<frame src>`, `<iframe src>`, resolved
 * against the page URL (or its `<base href>`), fragments dropped, http(s) only, in page order.
 */
import { documentKindOfPath } from '../documents/index.js';
import { normalizeUrl } from './scope.js';
import { htmlparser2 } from '../html/parser.js';

const LINK_ATTRIBUTE: Record<string, string> = { a: 'href', area: 'href', frame: 'src', iframe: 'src' };

export function extractLinks(html: string, pageUrl: string): string[] {
  let base = pageUrl;
  const raw: string[] = [];
  const parser = new (htmlparser2().Parser)(
    {
      onopentag(name, attribs) {
        if (name === 'base' && attribs.href !== undefined && raw.length === 0) {
          try {
            base = new URL(attribs.href.trim(), pageUrl).href;
          } catch {
            // A broken <base> is ignored, as browsers do.
          }
          return;
        }
        const attribute = LINK_ATTRIBUTE[name];
        const value = attribute === undefined ? undefined : attribs[attribute];
        if (value !== undefined && value.trim() !== '') raw.push(value.trim());
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const href of raw) {
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    const key = normalizeUrl(url);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(key);
    }
  }
  return out;
}

/** What a link is by its path: a page to crawl, a document to check, another file to leave, or an attachment tifa cannot read. */
export type LinkKind = 'page' | 'document' | 'unsupported-document' | 'file';

/** Office and archive attachments tifa does not read (listed in the report as skipped). */
const UNSUPPORTED_DOCUMENTS = new Set(['.doc', '.wps', '.rtf', '.odt', '.xls', '.xlsx', '.et', '.ppt', '.pptx', '.ofd', '.ceb']);
/** Files that are not text: never fetched. */
const NOT_TEXT = new Set(['.jpg', '.jpeg', '.png', '.gif', '.bmp', '.webp', '.svg', '.ico', '.tif', '.tiff', '.css', '.js', '.mjs', '.json', '.map', '.woff', '.woff2', '.ttf', '.otf', '.eot', '.mp3', '.mp4', '.avi', '.flv', '.mov', '.wmv', '.wav', '.m4a', '.webm', '.swf', '.zip', '.rar', '.7z', '.gz', '.tar', '.bz2', '.exe', '.msi', '.apk', '.dmg', '.iso', '.bin', '.xml', '.rss']);

export function linkKind(url: string): LinkKind {
  const path = new URL(url).pathname;
  const m = /\.[a-z0-9]+$/i.exec(path);
  const ext = m ? m[0].toLowerCase() : '';
  if (documentKindOfPath(path) !== undefined) return 'document';
  if (UNSUPPORTED_DOCUMENTS.has(ext)) return 'unsupported-document';
  if (NOT_TEXT.has(ext)) return 'file';
  return 'page';
}
