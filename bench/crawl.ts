/**
 * `npx tsx bench/crawl.ts [pages]`: how fast `tifa crawl` goes through a site served on 127.0.0.1
 * (pages of about 20 KB of Chinese text, every fourth one in GBK without a declaration, each
 * linking to five others, one PDF and one DOCX per 20 pages), with no politeness delay, at
 * concurrency 1, 4 and 8; and how fast the document readers are alone. Prints a markdown table.
 * About a minute on 2 cores. Numbers depend on the machine's load: compare runs on one machine.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCrawl } from '../src/crawl/index.js';
import { extractDocx, extractPdf } from '../src/documents/index.js';
import { createChecker } from '../src/index.js';
import { encodeGbk } from '../test/encoding/gbk-encoder.js';
import { makeDocx, makePdf } from '../test/documents/make-documents.js';

const PAGES = Number(process.argv[2] ?? 200);
const PARAGRAPH = '各级政府要坚持以人民为中心的发展思想，全面建成小康社会，深入推进脱贫攻坚工作，推动高质量发展。';
const body = (i: number): string => {
  let text = '';
  while (text.length < 6500) text += `<p>${PARAGRAPH}</p>`;
  if (i % 10 === 0) text += '<p>打赢脱贫功坚战。</p>';
  const links = [1, 2, 3, 5, 8].map((k) => `<a href="/p${(i * 7 + k) % PAGES}.html">第${k}篇</a>`).join('');
  const docs = i % 20 === 0 ? `<a href="/d${i}.pdf">报告</a><a href="/d${i}.docx">通知</a>` : '';
  return `<!doctype html><html><head><title>第${i}页</title></head><body>${text}${links}${docs}</body></html>`;
};
const pdf = makePdf(Array.from({ length: 5 }, () => Array.from({ length: 30 }, (_, l) => ({ text: PARAGRAPH.slice(0, 40), y: 800 - l * 24 }))));
const docx = makeDocx({ body: Array.from({ length: 200 }, () => PARAGRAPH) });

const server = createServer((req, res) => {
  const path = req.url ?? '/';
  let m: RegExpExecArray | null;
  if (path === '/' || (m = /^\/p(\d+)\.html$/.exec(path)) !== null) {
    const i = path === '/' ? 0 : Number(m![1]);
    res.writeHead(200, { 'content-type': 'text/html' });
    return void res.end(i % 4 === 3 ? Buffer.from(encodeGbk(body(i))) : body(i));
  }
  if (path.endsWith('.pdf')) return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(pdf));
  if (path.endsWith('.docx')) return void res.writeHead(200, { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }).end(Buffer.from(docx));
  res.writeHead(404).end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const checker = createChecker();
checker.checkHtml(body(1)); // warm the checker and the segmenter

console.log(`| concurrency | pages | attachments | findings | seconds | pages/s |\n| --- | --- | --- | --- | --- | --- |`);
for (const concurrency of [1, 4, 8]) {
  const t0 = performance.now();
  const r = await runCrawl(checker, { seeds: [url], concurrency, delayMs: 0, sitemap: false, robots: false, maxPages: 10_000 });
  const s = (performance.now() - t0) / 1000;
  console.log(`| ${concurrency} | ${r.stats.pages} | ${r.stats.attachments} | ${r.stats.findings} | ${s.toFixed(1)} | ${((r.stats.pages + r.stats.attachments) / s).toFixed(1)} |`);
}
server.closeAllConnections();
server.close();

const time = async (label: string, n: number, f: () => unknown): Promise<void> => {
  await f();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await f();
  console.log(`${label}: ${((performance.now() - t0) / n).toFixed(1)} ms each`);
};
await time(`PDF text, ${pdf.length} bytes, 5 pages`, 10, () => extractPdf(pdf));
await time(`DOCX text, ${docx.length} bytes, 200 paragraphs`, 20, () => extractDocx(docx));
