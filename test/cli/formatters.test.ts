import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parseDocument, DomUtils } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { checkstyle, github, sarif, stylish } from '../../src/cli/formatters/index.js';
import { pathToUri } from '../../src/cli/formatters/sarif.js';
import type { FileResult } from '../../src/cli/formatters/types.js';
import { fixture } from '../helpers.js';
import { run, SEED } from './run.js';

const GB = 'pages/notice-gb2312.html';
const gbText = new TextDecoder('gbk').decode(readFileSync(fixture(GB)));

describe('json and jsonl', () => {
  it('json: one document per run, per-file encoding and findings with source offsets', async () => {
    const r = await run(['check', ...SEED, '-f', 'json', GB, 'pages/correct.html']);
    const out = JSON.parse(r.stdout);
    expect(out.map((x: Record<string, unknown>) => [x.file, x.kind, x.encoding, x.replacements, x.suppressed])).toEqual([
      [GB, 'html', 'gbk', 0, 0],
      ['pages/correct.html', 'html', 'utf-8', 0, 0],
    ]);
    for (const f of out[0].findings) expect(gbText.slice(f.start, f.end)).toBe(f.actual);
    expect(out[0].findings).toHaveLength(4);
  });

  it('jsonl: one finding per line, file first', async () => {
    const r = await run(['check', ...SEED, '-f', 'jsonl', GB]);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      const f = JSON.parse(line);
      expect(Object.keys(f)[0]).toBe('file');
      expect(gbText.slice(f.start, f.end)).toBe(f.actual);
    }
  });
});

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(fixture('cli/sarif-2.1.0-subset.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);

  it('is valid SARIF 2.1.0 against the schema', async () => {
    const r = await run(['check', ...SEED, '-f', 'sarif', GB, 'pages/notice.txt', 'pages/correct.html']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    const results = log.runs[0].results;
    expect(results).toHaveLength(8);
    expect(log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(['misspelling', 'wrong-formulation']);
    for (const res of results) expect(log.runs[0].tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
  });

  it('has regions in UTF-16 columns with an exclusive end, and char offsets', async () => {
    const r = await run(['check', ...SEED, '-f', 'sarif', 'pages/notice.txt']);
    const [first] = JSON.parse(r.stdout).runs[0].results;
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'pages/notice.txt' },
      region: { startLine: 1, startColumn: 9, endLine: 1, endColumn: 13, charOffset: 8, charLength: 4, snippet: { text: '中华明族' } },
    });
    expect(first.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('中华民族');
  });

  it('offers no text replacement where the finding spans markup', async () => {
    const r = await run(['check', ...SEED, '-f', 'sarif', GB]);
    const results = JSON.parse(r.stdout).runs[0].results;
    const acrossTags = results.find((x: { locations: Array<{ physicalLocation: { region: { snippet: { text: string } } } }> }) => x.locations[0]!.physicalLocation.region.snippet.text.includes('</b>'));
    expect(acrossTags.fixes).toBeUndefined();
  });

  it('would catch an invalid log (the schema is not vacuous)', () => {
    const log = JSON.parse(sarif([], { color: false }));
    expect(validate(log)).toBe(true);
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    expect(validate({ ...log, runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ ...log, runs: [{ tool: { driver: { name: 't' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
    expect(validate({ ...log, runs: [{ tool: { driver: { name: 't' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 0 } } }] }] }] })).toBe(false);
  });

  it('percent-encodes paths into URIs', () => {
    expect(pathToUri('站点/新闻 1.html')).toBe('%E7%AB%99%E7%82%B9/%E6%96%B0%E9%97%BB%201.html');
    expect(pathToUri('<stdin>')).toBe('stdin');
  });
});

describe('github', () => {
  it('prints one workflow command per finding', async () => {
    const r = await run(['check', ...SEED, '-f', 'github', 'pages/notice.txt']);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('::error file=pages/notice.txt,line=1,col=9,endLine=1,endColumn=13,title=tifa misspelling::“中华明族”疑为“中华民族”的错误写法（错字：“明”应为“民”），应为“中华民族”');
    for (const line of lines) expect(line).toMatch(/^::error file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::.+$/);
  });

  it('escapes properties and data', () => {
    const result: FileResult = {
      file: 'a,b:c%.txt',
      text: 'x',
      findings: [{ rule: 'banned-term', severity: 'info', start: 0, end: 1, line: 1, column: 1, actual: 'x', expected: [], message: '50%\nnext', entry: 'e', detail: 'listed', confidence: 1 }],
    };
    expect(github([result], { color: false })).toBe('::notice file=a%2Cb%3Ac%25.txt,line=1,col=1,endLine=1,endColumn=2,title=tifa banned-term::50%25%0Anext\n');
  });
});

describe('checkstyle', () => {
  it('is well-formed XML with one <file> per file with findings', async () => {
    const r = await run(['check', ...SEED, '-f', 'checkstyle', GB, 'pages/correct.html', 'pages/notice.txt']);
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">')).toBe(true);
    const doc = parseDocument(r.stdout, { xmlMode: true });
    const files = DomUtils.getElementsByTagName('file', doc);
    expect(files.map((f) => f.attribs.name)).toEqual([GB, 'pages/notice.txt']);
    const errors = DomUtils.getElementsByTagName('error', files[0]!);
    expect(errors.map((e) => [e.attribs.line, e.attribs.column, e.attribs.severity, e.attribs.source])).toEqual([
      ['5', '10', 'error', 'tifa.misspelling'],
      ['12', '11', 'error', 'tifa.misspelling'],
      ['13', '7', 'error', 'tifa.wrong-formulation'],
      ['15', '7', 'error', 'tifa.wrong-formulation'],
    ]);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const result: FileResult = {
      file: 'a&b<c>.html',
      text: 'x',
      findings: [{ rule: 'banned-term', severity: 'warning', start: 0, end: 1, line: 1, column: 1, actual: 'x', expected: [], message: '"<b>"\u0001\ud800 & ok', entry: 'e', detail: 'listed', confidence: 1 }],
    };
    const out = checkstyle([result], { color: false });
    expect(out).toContain('<file name="a&amp;b&lt;c&gt;.html">');
    expect(out).toContain('message="&quot;&lt;b&gt;&quot; &amp; ok"');
    const error = DomUtils.getElementsByTagName('error', parseDocument(out, { xmlMode: true }))[0]!;
    expect(error.attribs.message).toBe('"<b>" & ok');
  });
});

describe('stylish', () => {
  it('names the encoding, counts bad bytes and suppressed findings', () => {
    const finding = { rule: 'misspelling', severity: 'error', start: 0, end: 4, line: 1, column: 1, actual: '中华明族', expected: ['中华民族'], message: 'm', entry: 'e', detail: 'substitution', confidence: 1 } as const;
    const out = stylish([{ file: 'a.html', text: '中华明族', findings: [{ ...finding, expected: ['中华民族'] }], encoding: 'gbk', replacements: 2, suppressed: 3 }], { color: false });
    expect(out).toContain('a.html (gbk, 2 bad bytes)');
    expect(out).toContain('1 problem (1 error, 0 warnings) in 1 file, 3 suppressed by inline directives');
  });
});
