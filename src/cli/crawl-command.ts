/**
 * `tifa crawl <url>...`: the crawl's own options, its progress line, its summary on stderr and its
 * report through the same formatters as `tifa check` (a page is a result whose `file` is its URL;
 * a URL that could not be fetched is a result with `error`, one left out on purpose one with
 * `skipped`). Exit codes as `tifa check`: 0 no error reported, 1 errors reported (or more warnings
 * than --max-warnings), 2 usage or I/O error, or nothing could be checked (every URL failed or
 * was forbidden).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Checker } from '../checker.js';
import type { CrawlOptions, CrawlReport, CrawlScope, CrawlStats } from '../crawl/index.js';
import { helpLines } from '../options/table.js';
import type { Finding } from '../types.js';
import { FORMATTERS } from './formatters/index.js';
import type { FileResult } from './formatters/types.js';

export const CRAWL_HELP = `Crawl (tifa crawl <url>...):
${helpLines('Crawl')}  Every URL that could not be fetched is listed with its reason. Exit codes as check; 2 also when
  nothing could be checked; Ctrl-C stops, reports what was done and exits 130.
`;

/** What the crawl takes from the CLI's merged options. */
export interface CrawlRun {
  format: string;
  keep: (f: Finding) => boolean;
  directives: boolean;
  outputFile?: string;
  maxWarnings?: number;
  /** --encoding: decode every page with it, as `tifa check --encoding` does. */
  encoding?: string;
  color: boolean;
  version: string;
}

export interface CrawlIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  cwd: string;
}

class CrawlUsageError extends Error {}

function whole(values: Record<string, unknown>, name: string, min: number): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || v.trim() === '' || !Number.isInteger(n) || n < min) throw new CrawlUsageError(`--${name} must be a whole number of at least ${min}, not "${String(v)}"`);
  return n;
}

/** Crawl options from the parsed command line. Throws CrawlUsageError. */
export function crawlOptionsOf(urls: readonly string[], values: Record<string, unknown>, cwd: string): CrawlOptions {
  const options: CrawlOptions = { seeds: urls };
  const scope = values.scope;
  if (scope !== undefined) {
    if (scope !== 'host' && scope !== 'domain' && scope !== 'prefix') throw new CrawlUsageError(`--scope must be host, domain or prefix, not "${String(scope)}"`);
    options.scope = scope as CrawlScope;
  }
  const set = <K extends keyof CrawlOptions>(key: K, value: CrawlOptions[K] | undefined): void => {
    if (value !== undefined) options[key] = value;
  };
  set('maxPages', whole(values, 'max-pages', 1));
  set('maxDepth', whole(values, 'max-depth', 0));
  set('concurrency', whole(values, 'concurrency', 1));
  set('delayMs', whole(values, 'delay', 0));
  set('retries', whole(values, 'retries', 0));
  set('maxBytes', whole(values, 'max-bytes', 1));
  const timeout = values.timeout;
  if (timeout !== undefined) {
    const s = Number(timeout);
    if (typeof timeout !== 'string' || timeout.trim() === '' || !(s > 0)) throw new CrawlUsageError(`--timeout must be a number of seconds above 0, not "${String(timeout)}"`);
    options.timeoutMs = Math.round(s * 1000);
  }
  if (typeof values.state === 'string') options.stateDir = resolve(cwd, values.state);
  if (typeof values['user-agent'] === 'string') options.userAgent = values['user-agent'];
  if (values['no-sitemap']) options.sitemap = false;
  if (values['no-robots']) options.robots = false;
  if (values['no-attachments']) options.attachments = false;
  return options;
}

export function crawlProgressLine(s: CrawlStats): string {
  const done = s.pages + s.attachments;
  const rate = s.elapsedMs > 0 ? done / (s.elapsedMs / 1000) : 0;
  return `tifa: ${done} done (${s.pages} pages, ${s.attachments} attachments), ${s.queued} queued, ${s.failed} failed, ${s.findings} ${s.findings === 1 ? 'finding' : 'findings'}, ${rate.toFixed(1)} pages/s`;
}

/** The crawl's outcome as formatter input: pages first (in queue order), then failed, then skipped URLs. */
export function crawlResults(report: CrawlReport, keep: (f: Finding) => boolean): FileResult[] {
  const out: FileResult[] = [];
  for (const p of report.pages) {
    const r: FileResult = { file: p.url, url: p.url, findings: p.findings.filter(keep), text: p.text, kind: p.kind === 'html' ? 'html' : 'text', replacements: p.replacements, suppressed: p.suppressed };
    if (p.encoding !== undefined) r.encoding = p.encoding;
    if (p.document !== undefined) r.document = p.document;
    out.push(r);
  }
  for (const f of report.failed) out.push({ file: f.url, url: f.url, findings: [], text: '', error: { message: `${f.reason}${f.linkedFrom !== undefined ? ` (linked from ${f.linkedFrom})` : ''}`, code: f.status !== undefined ? `HTTP_${f.status}` : 'FETCH' } });
  for (const s of report.skipped) out.push({ file: s.url, url: s.url, findings: [], text: '', skipped: { message: s.reason, code: s.reason.includes('robots.txt') ? 'ROBOTS' : 'SKIPPED' } });
  return out;
}

function summaryLines(report: CrawlReport, results: readonly FileResult[]): string {
  let out = '';
  for (const f of report.failed) out += `tifa: failed: ${f.url}: ${f.reason}${f.linkedFrom !== undefined ? ` (linked from ${f.linkedFrom})` : ''}\n`;
  for (const p of report.pages) if (p.document?.unreadable !== undefined) out += `tifa: warning: ${p.url}: ${p.document.unreadable}\n`;
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) for (const f of r.findings) f.severity === 'error' ? errors++ : f.severity === 'warning' ? warnings++ : infos++;
  const s = report.stats;
  const seconds = s.elapsedMs / 1000;
  const robots = report.skipped.filter((k) => k.reason.includes('robots.txt')).length;
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  out += `tifa: crawled ${plural(s.pages, 'page', 'pages')} and ${plural(s.attachments, 'attachment', 'attachments')} of ${plural(report.sites.length, 'site', 'sites')} in ${seconds.toFixed(1)} s (${seconds > 0 ? ((s.pages + s.attachments) / seconds).toFixed(1) : '0.0'} pages/s)`;
  out += `: ${plural(errors + warnings + infos, 'finding', 'findings')} (${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}, ${infos} info)`;
  out += `; ${s.failed} failed; ${s.skipped} skipped${robots > 0 ? ` (${robots} by robots.txt)` : ''}`;
  if (report.resumed > 0) out += `; ${report.resumed} from the earlier run`;
  out += '\n';
  if (report.leftOver > 0) out += `tifa: --max-pages reached: ${plural(report.leftOver, 'link was', 'links were')} not followed\n`;
  if (report.interrupted) out += 'tifa: interrupted; run again with the same --state to go on\n';
  return out;
}

/** Runs `tifa crawl`; returns the exit code. Errors of its own are printed here. */
export async function crawlCommand(urls: readonly string[], values: Record<string, unknown>, run: CrawlRun, checker: Pick<Checker, 'check' | 'checkHtml'>, io: CrawlIO): Promise<number> {
  try {
    const formatter = FORMATTERS[run.format];
    if (!formatter) throw new CrawlUsageError(`unknown format "${run.format}" (${Object.keys(FORMATTERS).join(', ')})`);
    const options = crawlOptionsOf(urls, values, io.cwd);
    if (run.encoding !== undefined) options.encoding = run.encoding;
    options.directives = run.directives;
    const tty = io.stderr.isTTY === true;
    // the first progress line is drawn at once (a small site is crawled in under the 100 ms between draws)
    let lastDraw = -Infinity;
    let drawn = false;
    options.onProgress = (s) => {
      if (!tty || s.elapsedMs - lastDraw < 100) return;
      lastDraw = s.elapsedMs;
      drawn = true;
      io.stderr.write(`\r\u001b[2K${crawlProgressLine(s)}`);
    };
    // Ctrl-C stops the crawl gracefully: the pages done are reported (and kept, with --state).
    const abort = new AbortController();
    const onSigint = (): void => abort.abort();
    process.once('SIGINT', onSigint);
    options.signal = abort.signal;
    let report: CrawlReport;
    try {
      const { runCrawl } = await import('../crawl/index.js');
      report = await runCrawl(checker, options);
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
    if (drawn) io.stderr.write('\r\u001b[2K');
    const results = crawlResults(report, run.keep);
    const output = formatter(results, { color: run.color, toolVersion: run.version, crawl: { sites: report.sites, leftOver: report.leftOver, interrupted: report.interrupted, elapsedMs: report.stats.elapsedMs }, generatedAt: new Date() });
    if (run.outputFile !== undefined) writeFileSync(run.outputFile, output);
    else io.stdout.write(output);
    io.stderr.write(summaryLines(report, results));
    // A crawl that checked nothing is no clean bill: every URL failed or was forbidden.
    if (report.pages.length === 0 && !report.interrupted) {
      io.stderr.write('tifa: nothing could be checked (see the reasons above)\n');
      return 2;
    }
    let errors = 0;
    let warnings = 0;
    for (const r of results) for (const f of r.findings) f.severity === 'error' ? errors++ : f.severity === 'warning' ? warnings++ : 0;
    if (run.maxWarnings !== undefined && warnings > run.maxWarnings) return 1;
    return report.interrupted ? 130 : errors > 0 ? 1 : 0;
  } catch (error) {
    const known = error instanceof CrawlUsageError || (error as Error).name === 'CrawlSetupError';
    io.stderr.write(`tifa: ${known ? (error as Error).message : `${(error as NodeJS.ErrnoException).code !== undefined ? '' : 'internal error: '}${(error as Error).message}`}\n`);
    return 2;
  }
}
