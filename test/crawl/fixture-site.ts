/**
 * A small site served on 127.0.0.1 (port 0) by the test itself, with known errors:
 *
 *   /                       UTF-8: 脱贫功坚 (wrong-formulation, error)
 *   /gbk-meta.html          GBK, declared by <meta>: 国家工商行政管理总局 (outdated-name, warning)
 *   /gbk-plain.html         GBK, declared nowhere (no charset in the header either): 社会主意思想 (misspelling, error)
 *   /news/a.html            clean
 *   /news/b.html            reached through /old.html (301): 脱贫功坚 (error)
 *   /sitemap-only.html      linked from nowhere, listed in sitemap.xml: 坚持⼈民至上 with a Kangxi radical (a mandated phrase as a whole) (misspelling, error)
 *   /private/secret.html    forbidden by robots.txt, full of errors: must never be requested
 *   /missing.html           404 (a broken link from /)
 *   /files/report.pdf       2 pages, page 2: 脱贫功坚 (error)
 *   /files/notice.docx      paragraph 2: 国家工商行政管理总局 (warning)
 *   /files/scan.pdf         one page, no text layer: reported as unreadable
 *   /files/old.doc          an attachment tifa does not read: listed as skipped
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeGbk } from '../encoding/gbk-encoder.js';
import { makeDocx, makePdf } from '../documents/make-documents.js';

export interface FixtureSite {
  url: string;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** The known findings of the site: [path, rule, severity, actual, page or paragraph]. */
export const KNOWN_FINDINGS: ReadonlyArray<{ path: string; rule: string; severity: string; actual: string; page?: number; paragraph?: number }> = [
  { path: '/', rule: 'wrong-formulation', severity: 'error', actual: '脱贫功坚' },
  { path: '/gbk-meta.html', rule: 'outdated-name', severity: 'warning', actual: '国家工商行政管理总局' },
  { path: '/gbk-plain.html', rule: 'misspelling', severity: 'error', actual: '习近平新时代中国特色社会主意思想' },
  { path: '/old.html', rule: 'wrong-formulation', severity: 'error', actual: '脱贫功坚战' },
  { path: '/sitemap-only.html', rule: 'misspelling', severity: 'error', actual: '坚持⼈民至上' },
  { path: '/files/report.pdf', rule: 'wrong-formulation', severity: 'error', actual: '脱贫功坚战', page: 2 },
  { path: '/files/notice.docx', rule: 'outdated-name', severity: 'warning', actual: '国家工商行政管理总局', paragraph: 2 },
];

const page = (title: string, body: string, head = '<meta charset="utf-8">'): string => `<!doctype html><html><head>${head}<title>${title}</title></head><body>${body}</body></html>`;

function routes(): Map<string, { type: string; body: Uint8Array | string; status?: number; location?: string }> {
  const html = 'text/html';
  const r = new Map<string, { type: string; body: Uint8Array | string; status?: number; location?: string }>();
  r.set('/', {
    type: `${html}; charset=utf-8`,
    body: page(
      '首页',
      `<h1>工作动态</h1><p>深入推进脱贫功坚工作。</p>
       <ul>
         <li><a href="/gbk-meta.html">旧栏目</a></li><li><a href="gbk-plain.html">另一个旧栏目</a></li>
         <li><a href="/news/a.html#top">新闻</a></li><li><a href="/private/secret.html">内部</a></li>
         <li><a href="/missing.html">坏链接</a></li><li><a href="/old.html">旧地址</a></li>
         <li><a href="/files/report.pdf">报告</a></li><li><a href="/files/notice.docx">通知</a></li>
         <li><a href="/files/scan.pdf">扫描件</a></li><li><a href="/files/old.doc">旧文档</a></li>
         <li><a href="/logo.png"><img src="/logo.png"></a></li><li><a href="mailto:office@example.org">信箱</a></li>
         <li><a href="http://other.invalid/">外站</a></li>
       </ul>`,
    ),
  });
  r.set('/gbk-meta.html', { type: html, body: encodeGbk(page('通知', '<p>国家工商行政管理总局发布通知。</p><a href="/">首页</a>', '<meta http-equiv="Content-Type" content="text/html; charset=gbk">')) });
  r.set('/gbk-plain.html', { type: html, body: encodeGbk(page('学习', '<p>深入学习贯彻落实习近平新时代中国特色社会主意思想，坚持以人民为中心的发展思想。</p>', '')) });
  r.set('/news/a.html', { type: `${html}; charset=utf-8`, body: page('新闻', '<p>全面建成小康社会。</p><a href="../">首页</a>') });
  r.set('/news/b.html', { type: `${html}; charset=utf-8`, body: page('新地址', '<p>打赢脱贫功坚战。</p>') });
  r.set('/old.html', { type: html, status: 301, location: '/news/b.html', body: '' });
  r.set('/sitemap-only.html', { type: `${html}; charset=utf-8`, body: page('专题', '<p>坚持⼈民至上。</p>') });
  r.set('/private/secret.html', { type: `${html}; charset=utf-8`, body: page('内部', '<p>脱贫功坚，国家工商行政管理总局。</p>') });
  r.set('/robots.txt', { type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\n' });
  r.set('/sitemap.xml', {
    type: 'application/xml',
    body: '', // filled in with the port when served
  });
  r.set('/files/report.pdf', { type: 'application/pdf', body: makePdf([[{ text: '年度工作报告', y: 760 }, { text: '全面建成小康社会。', y: 730 }], [{ text: '打赢脱贫功坚战。', y: 760 }]]) });
  r.set('/files/notice.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', body: makeDocx({ body: ['关于开展检查的通知', '国家工商行政管理总局有关规定废止。', { table: [['单位', '联系人']] }], header: ['办公室'] }) });
  r.set('/files/scan.pdf', { type: 'application/pdf', body: makePdf([null]) });
  r.set('/files/old.doc', { type: 'application/msword', body: 'not read' });
  r.set('/logo.png', { type: 'image/png', body: 'png' });
  return r;
}

export async function startFixtureSite(): Promise<FixtureSite> {
  const table = routes();
  const requests: string[] = [];
  let origin = '';
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const route = table.get(path);
    if (path === '/sitemap.xml') {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${origin}/</loc></url><url><loc>${origin}/sitemap-only.html</loc></url><url><loc>${origin}/news/a.html</loc></url></urlset>`);
      return;
    }
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('404', '<p>页面不存在</p>'));
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': route.type, ...(route.location !== undefined ? { location: route.location } : {}) });
    res.end(typeof route.body === 'string' ? route.body : Buffer.from(route.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
