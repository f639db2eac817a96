import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { makeDocx, makePdf } from './make-documents.js';

describe('tifa check on PDF and DOCX files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tifa-docs-'));
    writeFileSync(join(dir, 'report.pdf'), makePdf([[{ text: '年度工作报告', y: 760 }], [{ text: '打赢脱贫功坚战。', y: 760 }]]));
    writeFileSync(join(dir, 'notice.docx'), makeDocx({ body: ['关于开展检查的通知', '国家工商行政管理总局有关规定废止。'] }));
    writeFileSync(join(dir, 'scan.pdf'), makePdf([null]));
    writeFileSync(join(dir, 'broken.pdf'), 'not a pdf at all');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports findings with their page and paragraph (json)', async () => {
    const r = await run(['check', 'report.pdf', 'notice.docx', '--no-config', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as Array<{ file: string; findings: Array<{ rule: string; actual: string; page?: number; paragraph?: number }> }>;
    expect(results.map((x) => [x.file, x.findings.map((f) => [f.rule, f.actual, f.page ?? f.paragraph])])).toEqual([
      ['report.pdf', [['wrong-formulation', '脱贫功坚战', 2]]],
      ['notice.docx', [['outdated-name', '国家工商行政管理总局', 2]]],
    ]);
  });

  it('json carries the document details; stylish shows the page or paragraph of each finding', async () => {
    const json = await run(['check', 'report.pdf', 'notice.docx', 'scan.pdf', '--no-config', '--format', 'json'], { cwd: dir });
    const results = JSON.parse(json.stdout) as Array<{ file: string; document?: unknown }>;
    expect(results.map((x) => [x.file, x.document])).toEqual([
      ['report.pdf', { kind: 'pdf', pages: 2, pagesWithoutText: [] }],
      ['notice.docx', { kind: 'docx', pages: 0, pagesWithoutText: [] }],
      ['scan.pdf', { kind: 'pdf', pages: 1, pagesWithoutText: [1], unreadable: expect.stringMatching(/no text layer/) as unknown }],
    ]);
    const stylish = await run(['check', 'report.pdf', 'notice.docx', '--no-config'], { cwd: dir });
    const lines = stylish.stdout.split('\n');
    expect(lines).toContain('report.pdf (PDF, 2 pages)');
    expect(lines).toContain('notice.docx (DOCX)');
    expect(lines.filter((l) => /^  \d+:\d+ /.test(l)).map((l) => l.replace(/^.*  (\S+)  /, '$1  '))).toEqual(['wrong-formulation  page 2', 'outdated-name  paragraph 2']);
  });

  it('says a scan has no text layer instead of calling it clean; a broken PDF costs that file only', async () => {
    const scan = await run(['check', 'scan.pdf', '--no-config'], { cwd: dir });
    expect(scan.stderr).toMatch(/scan\.pdf: no text layer/);
    const broken = await run(['check', 'broken.pdf', 'notice.docx', '--no-config', '--format', 'json'], { cwd: dir });
    expect(broken.code).toBe(2);
    const results = JSON.parse(broken.stdout) as Array<{ file: string; error?: { message: string }; findings: unknown[] }>;
    expect(results[0]!.error?.message).toMatch(/not a readable PDF/);
    expect(results[1]!.findings).toHaveLength(1);
  });

  it('--format html: one self-contained page with the findings of the files', async () => {
    const r = await run(['check', 'report.pdf', 'notice.docx', 'scan.pdf', '--no-config', '--format', 'html'], { cwd: dir });
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout).toContain('data-testid="total-findings">2<');
    expect(r.stdout).toContain('第 2 页');
    expect(r.stdout).toContain('第 2 段');
    expect(r.stdout).toContain('data-testid="count-unreadable">1<');
    // Nothing to fetch: no external scripts, styles, images or fonts.
    expect(r.stdout).not.toMatch(/<(?:script|link|img)\b[^>]*\b(?:src|href)=/i);
  });
});
