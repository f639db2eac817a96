/**
 * The HTML report in a real browser: Chromium from the system's packages (/usr/bin/chromium,
 * Debian's `chromium`), driven by playwright-core. The crawl of the fixture site is written with
 * `--format html`, opened from disk, and the test reads what a person sees: the counts, the
 * highlighted text, the live links, and what the filters leave. It saves a screenshot.
 *
 * Without Chromium this test FAILS with the command that installs it, on every machine: a skipped
 * browser test would let a broken report pass unseen, and the install is one apt-get line
 * (.ci/run does it in CI).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { fixture } from '../helpers.js';
import { KNOWN_FINDINGS, startFixtureSite, type FixtureSite } from './fixture-site.js';

const CHROMIUM = process.env.TIFA_CHROMIUM ?? '/usr/bin/chromium';

async function launch(profile: string): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get update && apt-get install -y chromium" (or set TIFA_CHROMIUM to its path)`);
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const text = async (page: Page, selector: string): Promise<string> => ((await page.locator(selector).first().textContent()) ?? '').trim();
const visibleFindings = (page: Page): Promise<number> => page.locator('li.finding:visible').count();

describe('the HTML report in headless Chromium', () => {
  let site: FixtureSite;
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  const requested: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tifa-report-'));
    site = await startFixtureSite();
    const report = join(dir, 'report.html');
    const r = await run(['crawl', site.url, '--no-config', '--delay', '0', '--format', 'html', '-o', report]);
    expect(r.code).toBe(1);
    context = await launch(join(dir, 'profile'));
    page = await context.newPage();
    page.on('request', (req) => requested.push(req.url()));
    await page.goto(`file://${report}`);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the counts of the crawl', async () => {
    expect(await text(page, '[data-testid="total-findings"]')).toBe(String(KNOWN_FINDINGS.length));
    expect(await text(page, '[data-testid="count-error"]')).toBe(String(KNOWN_FINDINGS.filter((k) => k.severity === 'error').length));
    expect(await text(page, '[data-testid="count-warning"]')).toBe(String(KNOWN_FINDINGS.filter((k) => k.severity === 'warning').length));
    expect(await text(page, '[data-testid="count-pages"]')).toBe('6');
    expect(await text(page, '[data-testid="count-documents"]')).toBe('3');
    expect(await text(page, '[data-testid="count-failed"]')).toBe('1');
    expect(await text(page, '[data-testid="count-unreadable"]')).toBe('1');
    const row = page.locator(`[data-testid="site-summary"] tr[data-site="${site.url.slice(0, -1)}"]`);
    expect(await row.locator('[data-col="error"]').textContent()).toBe('5');
    expect(await row.locator('[data-col="skipped"]').textContent()).toBe('2');
    expect(await text(page, '[data-rule-count="wrong-formulation"]')).toBe('3');
    expect(await text(page, '[data-rule-count="misspelling"]')).toBe('2');
    expect(await text(page, '[data-rule-count="outdated-name"]')).toBe('2');
    expect(await page.locator('svg.chart g[data-chart-rule]').count()).toBe(3);
    expect(await page.locator('[data-testid="top-pages"] tbody tr').count()).toBe(7);
    expect(await visibleFindings(page)).toBe(KNOWN_FINDINGS.length);
    expect(await text(page, '[data-testid="failed"]')).toContain('HTTP 404 Not Found');
  });

  it('highlights the wrong text and links to the live page at it', async () => {
    const home = page.locator(`section.page[data-file="${site.url}"]`);
    expect(await home.locator('mark').textContent()).toBe('脱贫功坚');
    expect(await home.locator('.expected').textContent()).toBe('脱贫攻坚');
    expect(await home.locator('a.open').getAttribute('href')).toBe(`${site.url}#:~:text=${encodeURIComponent('脱贫功坚')}`);
    const pdf = page.locator(`section.page[data-file="${site.url}files/report.pdf"]`);
    expect(await pdf.locator('.where').textContent()).toBe('第 2 页');
    expect(await pdf.locator('a.open').getAttribute('href')).toBe(`${site.url}files/report.pdf#page=2`);
    const docx = page.locator(`section.page[data-file="${site.url}files/notice.docx"]`);
    expect(await docx.locator('.where').textContent()).toBe('第 2 段');
  });

  it('filters by severity and rule in the page', async () => {
    await page.locator('input[data-filter="severity"][value="warning"]').uncheck();
    expect(await text(page, '[data-testid="shown-findings"]')).toBe('5');
    expect(await visibleFindings(page)).toBe(5);
    expect(await page.locator(`section.page[data-file="${site.url}gbk-meta.html"]`).isHidden()).toBe(true);
    await page.locator('input[data-filter="rule"][value="misspelling"]').uncheck();
    expect(await text(page, '[data-testid="shown-findings"]')).toBe('3');
    expect(await page.locator('li.finding:visible[data-rule="misspelling"]').count()).toBe(0);
    await page.locator('[data-action="all"]').click();
    expect(await text(page, '[data-testid="shown-findings"]')).toBe(String(KNOWN_FINDINGS.length));
    expect(await visibleFindings(page)).toBe(KNOWN_FINDINGS.length);
  });

  it('loads nothing from the network, and makes a screenshot', async () => {
    expect(requested.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    const shot = join(dir, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    // TIFA_UPDATE_SCREENSHOT=1 refreshes the README's picture (the top of the report).
    if (process.env.TIFA_UPDATE_SCREENSHOT) {
      const target = fixture('report/report.png');
      mkdirSync(join(target, '..'), { recursive: true });
      await page.screenshot({ path: join(dir, 'top.png'), clip: { x: 0, y: 0, width: 1280, height: 1700 }, fullPage: true });
      copyFileSync(join(dir, 'top.png'), target);
      copyFileSync(shot, join(tmpdir(), 'tifa-report-full.png'));
    }
  });
});
