/**
 * `--format html`: one self-contained HTML file (inline CSS and script, no network) that an editor
 * can open and work through: a summary per site, findings by rule and severity with a bar chart
 * (inline SVG), the pages with the most errors, then every page with each finding in its context,
 * the wrong text highlighted, the expected form, the message, and a link that opens the live page
 * at that text (a text fragment, `#:~:text=`; a PDF opens at its page). Checkboxes filter the
 * findings by rule and severity in the page. Works for `tifa check` (files) and `tifa crawl`
 * (URLs; failed and skipped URLs listed with their reasons).
 */
import type { Severity } from '../../types.js';
import { RULE_IDS } from './rules.js';
import type { FileResult, FormatOptions, Formatter } from './types.js';

/** Chinese names of the rules, for the people who read the report. */
export const RULE_NAMES: Readonly<Record<string, string>> = {
  'wrong-formulation': '错误表述',
  misspelling: '错别字',
  'banned-term': '禁用词',
  'outdated-name': '过时名称',
  'common-typo': '常见错字',
  'lookalike-char': '形近字符',
  'leader-name': '领导人姓名',
  'leader-title': '领导人职务',
  'leader-order': '排名顺序',
  'former-official': '已免职人员',
};
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const SEVERITY_NAMES: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };
const RULE_COLORS: Readonly<Record<string, string>> = {
  'wrong-formulation': '#c62828',
  misspelling: '#d84315',
  'banned-term': '#6a1b9a',
  'outdated-name': '#1565c0',
  'common-typo': '#ef6c00',
  'lookalike-char': '#00838f',
  'leader-name': '#ad1457',
  'leader-title': '#4e342e',
  'leader-order': '#37474f',
  'former-official': '#558b2f',
};
/** Characters of context shown on each side of a finding. */
const CONTEXT = 40;
/** Pages listed under "most errors". */
const TOP_PAGES = 10;

/** Escapes text for HTML content and attribute values; drops NUL and lone surrogates. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'\u0000]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : c === "'" ? '&#39;' : '',
  );
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Visible text of an HTML fragment, roughly: tags and comments out, common entities decoded, space collapsed. */
export function roughText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    // A block boundary reads as a space (首页</title>…<h1>工作 is not 首页工作); inline tags join.
    .replace(/<\/?(?:p|div|h[1-6]|li|ul|ol|tr|td|th|table|title|br|hr|section|article|header|footer|nav|blockquote|pre|dd|dt|dl)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ');
}

/** The text before and after a finding (for HTML: visible text, without the tags around). */
export function findingContext(r: Pick<FileResult, 'text' | 'kind'>, start: number, end: number): { before: string; after: string } {
  if (r.kind === 'html') {
    // A window wide enough for some markup; a tag cut at the window's edge is dropped.
    let rawBefore = r.text.slice(Math.max(0, start - 12 * CONTEXT), start);
    const cut = rawBefore.indexOf('>');
    if (start - 12 * CONTEXT > 0 && cut >= 0 && (rawBefore.indexOf('<') < 0 || rawBefore.indexOf('<') > cut)) rawBefore = rawBefore.slice(cut + 1);
    const rawAfter = r.text.slice(end, end + 12 * CONTEXT).replace(/<[^>]*$/, '');
    const before = roughText(rawBefore);
    const after = roughText(rawAfter);
    return { before: before.slice(-CONTEXT).trimStart(), after: after.slice(0, CONTEXT).trimEnd() };
  }
  const lineStart = Math.max(r.text.lastIndexOf('\n', start - 1) + 1, start - CONTEXT);
  let lineEnd = r.text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = r.text.length;
  return { before: r.text.slice(lineStart, start), after: r.text.slice(end, Math.min(lineEnd, end + CONTEXT)) };
}

/** A text fragment directive for a piece of text (`-`, `,` and `&` must be percent-encoded too). */
export function textFragment(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `:~:text=${encodeURIComponent(t).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26')}`;
}

type PlacedFinding = FileResult['findings'][number] & { page?: number; paragraph?: number; part?: string };

function placeLabel(f: PlacedFinding): string {
  if (f.page !== undefined) return `第 ${f.page} 页`;
  if (f.paragraph !== undefined) {
    const part = f.part === undefined ? '' : f.part.startsWith('header') ? '页眉 ' : f.part.startsWith('footer') ? '页脚 ' : f.part === 'footnotes' ? '脚注 ' : f.part === 'endnotes' ? '尾注 ' : `${f.part} `;
    return `${part}第 ${f.paragraph} 段`;
  }
  return `${f.line}:${f.column}`;
}

/** The link that opens the live page at the finding, or undefined for a local file. */
function liveLink(r: FileResult, f: PlacedFinding): string | undefined {
  if (r.url === undefined) return undefined;
  const base = r.url.replace(/#.*$/, '');
  if (r.document?.kind === 'pdf') return f.page !== undefined ? `${base}#page=${f.page}` : base;
  if (r.document !== undefined) return base;
  return `${base}#${textFragment(f.text ?? f.actual)}`;
}

function siteOf(r: FileResult): string {
  if (r.url === undefined) return '本地文件';
  try {
    return new URL(r.url).origin;
  } catch {
    return r.url;
  }
}

interface Tally {
  pages: number;
  documents: number;
  error: number;
  warning: number;
  info: number;
  failed: number;
  skipped: number;
  unreadable: number;
}

const emptyTally = (): Tally => ({ pages: 0, documents: 0, error: 0, warning: 0, info: 0, failed: 0, skipped: 0, unreadable: 0 });

function tallyOf(results: readonly FileResult[]): Tally {
  const t = emptyTally();
  for (const r of results) {
    if (r.error !== undefined) t.failed++;
    else if (r.skipped !== undefined) t.skipped++;
    else if (r.document !== undefined) t.documents++;
    else t.pages++;
    if (r.document?.unreadable !== undefined) t.unreadable++;
    for (const f of r.findings) t[f.severity]++;
  }
  return t;
}

/** Bar chart of findings by rule, inline SVG. */
function chart(byRule: ReadonlyMap<string, number>): string {
  // Only the rules with findings: a bar of nothing says nothing.
  const rows = RULE_IDS.map((id) => ({ id, n: byRule.get(id) ?? 0 })).filter((r) => r.n > 0);
  if (rows.length === 0) return '<p class="empty">没有发现问题。</p>';
  const max = Math.max(1, ...rows.map((r) => r.n));
  const rowHeight = 28;
  const labelWidth = 150;
  const barWidth = 420;
  const height = rows.length * rowHeight + 10;
  let bars = '';
  rows.forEach((r, i) => {
    const y = 5 + i * rowHeight;
    const w = r.n === 0 ? 0 : Math.max(3, Math.round((r.n / max) * barWidth));
    bars += `<g data-chart-rule="${r.id}"><text x="${labelWidth - 8}" y="${y + 18}" text-anchor="end">${escapeHtml(RULE_NAMES[r.id] ?? r.id)}</text>`;
    bars += `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${rowHeight - 10}" rx="3" fill="${RULE_COLORS[r.id] ?? '#555'}"><title>${escapeHtml(`${RULE_NAMES[r.id] ?? r.id} (${r.id}): ${r.n}`)}</title></rect>`;
    bars += `<text x="${labelWidth + w + 6}" y="${y + 18}" class="bar-count">${r.n}</text></g>`;
  });
  return `<svg class="chart" role="img" aria-label="按规则统计的问题数" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}" width="100%" style="max-width:${labelWidth + barWidth + 60}px" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

const STYLE = `
:root{--fg:#1d232a;--muted:#5f6b76;--line:#dde3e8;--bg:#f6f8fa;--error:#c62828;--warning:#b26a00;--info:#1565c0}
*{box-sizing:border-box}body{margin:0;font:15px/1.6 -apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:var(--fg);background:var(--bg)}
header{background:#263238;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#cfd8dc;font-size:13px}
main{max-width:1180px;margin:0 auto;padding:20px 28px 60px}
h2{font-size:18px;margin:28px 0 10px;border-bottom:2px solid var(--line);padding-bottom:4px}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:120px}.card b{display:block;font-size:24px}.card span{color:var(--muted);font-size:13px}
.card.error b{color:var(--error)}.card.warning b{color:var(--warning)}
table{border-collapse:collapse;background:#fff;border:1px solid var(--line);width:100%}th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}th{background:#eef2f5;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:20px}@media(max-width:900px){.grid{grid-template-columns:1fr}}
.chart text{font-size:13px;fill:var(--fg)}.chart .bar-count{fill:var(--muted)}
.filters{position:sticky;top:0;z-index:2;background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 14px;margin:18px 0;display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;box-shadow:0 1px 3px rgba(0,0,0,.06)}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 12px}.filters legend{font-weight:600;float:left;margin-right:8px}.filters label{white-space:nowrap;cursor:pointer}.shown{margin-left:auto;color:var(--muted)}
.sev{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;color:#fff;font-weight:600}.sev.error{background:var(--error)}.sev.warning{background:var(--warning)}.sev.info{background:var(--info)}
.rule{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;border:1px solid currentColor}
section.page{background:#fff;border:1px solid var(--line);border-radius:8px;margin:14px 0;padding:12px 16px}
section.page h3{margin:0 0 6px;font-size:15px;word-break:break-all}section.page h3 a{color:#0b57d0}.meta{color:var(--muted);font-size:12px}
ol.findings{list-style:none;margin:8px 0 0;padding:0}li.finding{border-top:1px dashed var(--line);padding:8px 0}
.where{color:var(--muted);font-size:12px;margin-left:6px;font-variant-numeric:tabular-nums}
.context{margin:4px 0;padding:6px 10px;background:#fafbfc;border-left:3px solid var(--line);word-break:break-all}
mark{background:#ffe0e0;color:#b71c1c;font-weight:700;padding:0 1px;border-radius:2px;text-decoration:underline wavy #c62828}
.expected{color:#1b5e20;font-weight:600}.message{color:var(--fg)}.open{font-size:13px;margin-left:8px}
ul.plain{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 28px;word-break:break-all}.reason{color:var(--error)}.skipreason{color:var(--muted)}
details summary{cursor:pointer;font-weight:600;margin:12px 0}
.empty{color:var(--muted)}
`;

const SCRIPT = `
(function(){
  var boxes=[].slice.call(document.querySelectorAll('input[data-filter]'));
  function apply(){
    var on={rule:{},severity:{}};
    boxes.forEach(function(b){if(b.checked)on[b.getAttribute('data-filter')][b.value]=true;});
    var shown=0;
    [].forEach.call(document.querySelectorAll('li.finding'),function(li){
      var ok=!!on.rule[li.getAttribute('data-rule')]&&!!on.severity[li.getAttribute('data-severity')];
      li.hidden=!ok;if(ok)shown++;
    });
    [].forEach.call(document.querySelectorAll('section.page'),function(s){
      var n=s.querySelectorAll('li.finding:not([hidden])').length;
      s.hidden=n===0;var c=s.querySelector('.page-count');if(c)c.textContent=String(n);
    });
    [].forEach.call(document.querySelectorAll('tr[data-top-page]'),function(tr){
      var s=document.getElementById(tr.getAttribute('data-top-page'));tr.hidden=!!(s&&s.hidden);
    });
    document.querySelector('[data-testid="shown-findings"]').textContent=String(shown);
  }
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  var all=document.querySelector('[data-action="all"]');
  if(all)all.addEventListener('click',function(){boxes.forEach(function(b){b.checked=true;});apply();});
  apply();
})();
`;

/** What the report's sections count: findings per rule and per rule and severity, page anchors. */
interface Sections {
  total: ReturnType<typeof tallyOf>;
  totalFindings: number;
  byRule: Map<string, number>;
  byRuleSeverity: Map<string, number>;
  /** The rules that found something (a table of zeros hides the few lines that matter). */
  present: string[];
  /** Inputs that were checked (not failed, not skipped), and each one's anchor. */
  checked: FileResult[];
  pageIds: Map<FileResult, string>;
}

function tally(results: readonly FileResult[]): Sections {
  const checked = results.filter((r) => r.error === undefined && r.skipped === undefined);
  const total = tallyOf(results);
  const byRule = new Map<string, number>();
  const byRuleSeverity = new Map<string, number>();
  for (const r of results) {
    for (const f of r.findings) {
      byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
      byRuleSeverity.set(`${f.rule} ${f.severity}`, (byRuleSeverity.get(`${f.rule} ${f.severity}`) ?? 0) + 1);
    }
  }
  const pageIds = new Map<FileResult, string>();
  checked.forEach((r, i) => pageIds.set(r, `page-${i + 1}`));
  const present = RULE_IDS.filter((id) => (byRule.get(id) ?? 0) > 0);
  return { total, totalFindings: total.error + total.warning + total.info, byRule, byRuleSeverity, present, checked, pageIds };
}

function titleOf(options: FormatOptions): string {
  return options.crawl ? `tifa 网站检查报告：${options.crawl.sites.join('、')}` : 'tifa 检查报告';
}

function headerOf(options: FormatOptions): string {
  return `<header><h1>${escapeHtml(titleOf(options))}</h1><p>tifa ${escapeHtml(options.toolVersion ?? '')}${options.generatedAt ? ` · 生成于 ${escapeHtml(options.generatedAt.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))}` : ''}${options.crawl ? ` · 用时 ${(options.crawl.elapsedMs / 1000).toFixed(1)} 秒` : ''}</p></header>`;
}

/** The cards of totals, and a line when the crawl was cut short. */
function totalsOf({ total, totalFindings }: Sections, options: FormatOptions): string {
  let body = `<div class="cards" data-testid="totals">`;
  body += `<div class="card"><b data-testid="count-pages">${total.pages}</b><span>页面</span></div>`;
  body += `<div class="card"><b data-testid="count-documents">${total.documents}</b><span>附件（PDF、DOCX）</span></div>`;
  body += `<div class="card"><b data-testid="total-findings">${totalFindings}</b><span>问题</span></div>`;
  for (const s of SEVERITIES) body += `<div class="card ${s}"><b data-testid="count-${s}">${total[s]}</b><span>${SEVERITY_NAMES[s]}</span></div>`;
  if (total.failed > 0 || options.crawl) body += `<div class="card"><b data-testid="count-failed">${total.failed}</b><span>无法访问</span></div>`;
  if (total.unreadable > 0) body += `<div class="card"><b data-testid="count-unreadable">${total.unreadable}</b><span>无文字层（未能检查）</span></div>`;
  body += `</div>`;
  if (options.crawl?.interrupted) body += `<p class="reason">检查被中断，以下结果不完整（可用 --state 继续）。</p>`;
  if (options.crawl && options.crawl.leftOver > 0) body += `<p class="reason">已达到 --max-pages 上限，另有 ${options.crawl.leftOver} 个链接未检查。</p>`;
  return body;
}

function sitesTable(results: readonly FileResult[], options: FormatOptions): string {
  const sites = options.crawl?.sites.length ? [...options.crawl.sites] : [];
  for (const r of results) if (!sites.includes(siteOf(r))) sites.push(siteOf(r));
  let body = `<h2>各站点汇总</h2><table data-testid="site-summary"><thead><tr><th>站点</th><th class="n">页面</th><th class="n">附件</th><th class="n">错误</th><th class="n">警告</th><th class="n">提示</th><th class="n">无法访问</th><th class="n">跳过</th></tr></thead><tbody>`;
  for (const site of sites) {
    const t = tallyOf(results.filter((r) => siteOf(r) === site));
    body += `<tr data-site="${escapeHtml(site)}"><td>${escapeHtml(site)}</td><td class="n" data-col="pages">${t.pages}</td><td class="n" data-col="documents">${t.documents}</td><td class="n" data-col="error">${t.error}</td><td class="n" data-col="warning">${t.warning}</td><td class="n" data-col="info">${t.info}</td><td class="n" data-col="failed">${t.failed}</td><td class="n" data-col="skipped">${t.skipped}</td></tr>`;
  }
  return `${body}</tbody></table>`;
}

/** By rule and severity, with the chart. */
function rulesTable({ byRule, byRuleSeverity, present }: Sections): string {
  let body = `<div class="grid"><div><h2>按规则和严重程度</h2><table data-testid="by-rule"><thead><tr><th>规则</th>${SEVERITIES.map((s) => `<th class="n">${SEVERITY_NAMES[s]}</th>`).join('')}<th class="n">合计</th></tr></thead><tbody>`;
  if (present.length === 0) body += `<tr><td colspan="${SEVERITIES.length + 2}" class="empty">没有发现问题。</td></tr>`;
  for (const id of present) {
    body += `<tr><td><span class="rule" style="color:${RULE_COLORS[id] ?? '#555'}">${escapeHtml(RULE_NAMES[id] ?? id)}</span> <span class="meta">${id}</span></td>`;
    for (const s of SEVERITIES) body += `<td class="n" data-rule-severity="${id} ${s}">${byRuleSeverity.get(`${id} ${s}`) ?? 0}</td>`;
    body += `<td class="n" data-rule-count="${id}">${byRule.get(id) ?? 0}</td></tr>`;
  }
  return `${body}</tbody></table></div><div><h2>问题分布</h2>${chart(byRule)}</div></div>`;
}

/** Pages with the most errors. */
function topPagesTable({ checked, pageIds }: Sections): string {
  const ranked = checked
    .filter((r) => r.findings.length > 0)
    .map((r) => ({ r, errors: r.findings.filter((f) => f.severity === 'error').length }))
    .sort((a, b) => b.errors - a.errors || b.r.findings.length - a.r.findings.length)
    .slice(0, TOP_PAGES);
  let body = `<h2>问题最多的页面</h2>`;
  if (ranked.length === 0) return `${body}<p class="empty">没有发现问题。</p>`;
  body += `<table data-testid="top-pages"><thead><tr><th>页面</th><th class="n">错误</th><th class="n">问题</th></tr></thead><tbody>`;
  for (const { r, errors } of ranked) body += `<tr data-top-page="${pageIds.get(r)}"><td><a href="#${pageIds.get(r)}">${escapeHtml(r.file)}</a></td><td class="n">${errors}</td><td class="n">${r.findings.length}</td></tr>`;
  return `${body}</tbody></table>`;
}

function filtersForm({ present, byRule, total, totalFindings }: Sections): string {
  let body = `<form class="filters" data-testid="filters" onsubmit="return false"><fieldset><legend>规则</legend>`;
  for (const id of present) body += `<label><input type="checkbox" data-filter="rule" value="${id}" checked> ${escapeHtml(RULE_NAMES[id] ?? id)} (${byRule.get(id) ?? 0})</label>`;
  body += `</fieldset><fieldset><legend>严重程度</legend>`;
  for (const s of SEVERITIES) body += `<label><input type="checkbox" data-filter="severity" value="${s}" checked> ${SEVERITY_NAMES[s]} (${total[s]})</label>`;
  return `${body}</fieldset><button type="button" data-action="all">全部显示</button><span class="shown">显示 <b data-testid="shown-findings">${totalFindings}</b> / ${totalFindings} 个问题</span></form>`;
}

function findingItem(r: FileResult, f: PlacedFinding): string {
  const { before, after } = findingContext(r, f.start, f.end);
  const shown = r.kind === 'html' ? roughText(f.text ?? f.actual) : f.actual;
  const link = liveLink(r, f);
  let body = `<li class="finding" data-rule="${f.rule}" data-severity="${f.severity}">`;
  body += `<span class="sev ${f.severity}">${SEVERITY_NAMES[f.severity]}</span> <span class="rule" style="color:${RULE_COLORS[f.rule] ?? '#555'}" title="${f.rule}">${escapeHtml(RULE_NAMES[f.rule] ?? f.rule)}</span><span class="where">${escapeHtml(placeLabel(f))}</span>`;
  if (link !== undefined) body += `<a class="open" href="${escapeHtml(link)}" target="_blank" rel="noopener">在页面中查看 ↗</a>`;
  body += `<div class="context">${escapeHtml(before)}<mark>${escapeHtml(shown)}</mark>${escapeHtml(after)}</div>`;
  if (f.expected.length > 0) body += `<div>应为：<span class="expected">${escapeHtml(f.expected.join(' / '))}</span></div>`;
  return `${body}<div class="message">${escapeHtml(f.message)}</div></li>`;
}

/** Every page with findings. */
function pageSections({ checked, pageIds }: Sections): string {
  let body = `<h2>逐页问题</h2>`;
  const withFindings = checked.filter((r) => r.findings.length > 0);
  if (withFindings.length === 0) body += `<p class="empty">没有发现问题。</p>`;
  for (const r of withFindings) {
    const id = pageIds.get(r)!;
    const meta = [r.document ? `${r.document.kind.toUpperCase()}${r.document.pages ? `，${r.document.pages} 页` : ''}` : r.kind === 'html' ? 'HTML' : '文本', r.encoding && r.encoding !== 'utf-8' ? r.encoding.toUpperCase() : '', r.replacements ? `${r.replacements} 处无效字节` : ''].filter((m) => m !== '');
    const heading = r.url !== undefined ? `<a href="${escapeHtml(r.url)}" target="_blank" rel="noopener">${escapeHtml(r.url)}</a>` : escapeHtml(r.file);
    body += `<section class="page" id="${id}" data-file="${escapeHtml(r.file)}"><h3>${heading}</h3><div class="meta">${escapeHtml(meta.join(' · '))} · <span class="page-count">${r.findings.length}</span> 个问题</div><ol class="findings">`;
    for (const f of r.findings as PlacedFinding[]) body += findingItem(r, f);
    body += `</ol></section>`;
  }
  return body;
}

const linkOrName = (r: FileResult): string => (r.url !== undefined ? `<a href="${escapeHtml(r.url)}">${escapeHtml(r.url)}</a>` : escapeHtml(r.file));

/** Unread documents, failed and skipped URLs, clean pages. */
function otherLists(results: readonly FileResult[], { checked }: Sections): string {
  let body = '';
  const unreadable = checked.filter((r) => r.document?.unreadable !== undefined);
  if (unreadable.length > 0) {
    body += `<h2>未能检查的附件（${unreadable.length}）</h2><ul class="plain" data-testid="unreadable">`;
    for (const r of unreadable) body += `<li>${linkOrName(r)} — <span class="reason">${escapeHtml(r.document!.unreadable!)}</span></li>`;
    body += `</ul>`;
  }
  const failed = results.filter((r) => r.error !== undefined);
  if (failed.length > 0) {
    body += `<h2>无法访问（${failed.length}）</h2><ul class="plain" data-testid="failed">`;
    for (const r of failed) body += `<li>${escapeHtml(r.file)} — <span class="reason">${escapeHtml(r.error!.message)}</span></li>`;
    body += `</ul>`;
  }
  const skipped = results.filter((r) => r.skipped !== undefined);
  if (skipped.length > 0) {
    body += `<details data-testid="skipped"><summary>跳过（${skipped.length}）</summary><ul class="plain">`;
    for (const r of skipped) body += `<li>${escapeHtml(r.file)} — <span class="skipreason">${escapeHtml(r.skipped!.message)}</span></li>`;
    body += `</ul></details>`;
  }
  const clean = checked.filter((r) => r.findings.length === 0 && r.document?.unreadable === undefined);
  if (clean.length > 0) {
    body += `<details data-testid="clean"><summary>未发现问题的页面（${clean.length}）</summary><ul class="plain">`;
    for (const r of clean) body += `<li>${linkOrName(r)}</li>`;
    body += `</ul></details>`;
  }
  return body;
}

export const html: Formatter = (results, options) => {
  const t = tally(results);
  const title = titleOf(options);
  const main = [totalsOf(t, options), sitesTable(results, options), rulesTable(t), topPagesTable(t), filtersForm(t), pageSections(t), otherLists(results, t)].join('');
  const body = `${headerOf(options)}<main>${main}</main>`;
  return `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="tifa"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}<script>${SCRIPT}</script></body></html>\n`;
};
