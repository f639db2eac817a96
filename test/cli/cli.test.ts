import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../encoding/gbk-encoder.js';
import { fixture } from '../helpers.js';
import { run, SEED } from './run.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'tifa-cli-'));

describe('exit codes', () => {
  it('0 for a clean page, 1 for a page with errors', async () => {
    expect((await run(['check', ...SEED, 'pages/correct.html'])).code).toBe(0);
    const bad = await run(['check', ...SEED, 'pages/notice.html']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('pages/notice.html');
    expect(bad.stdout).toMatch(/✖ 5 problems \(5 errors, 0 warnings\) in 1 file/);
  });

  it.each([
    ['an unknown option', ['check', '--frobnicate', 'x'], /^tifa: Unknown option '--frobnicate'/],
    ['an unknown format', ['check', '-f', 'xml', 'pages/notice.txt'], /^tifa: unknown format "xml"/],
    ['an unknown rule', ['check', '--rule', 'spelling', 'pages/notice.txt'], /^tifa: unknown rule "spelling"/],
    ['a bad severity', ['check', '--severity', 'fatal', 'pages/notice.txt'], /^tifa: --severity must be/],
    ['a bad --max-findings', ['check', '--max-findings', 'many', 'pages/notice.txt'], /^tifa: --max-findings must be a whole number/],
    ['an unknown encoding', ['check', '--encoding', 'ebcdic-zh', 'pages/notice.txt'], /^tifa: unknown encoding "ebcdic-zh"/],
    ['no command', [], /^tifa: missing command/],
    ['no path', ['check'], /^tifa: check needs at least one/],
    ['a missing lexicon', ['check', '--lexicon', 'missing.yaml', 'pages/notice.txt'], /^tifa: cannot read lexicon .*missing\.yaml: ENOENT\n$/],
  ])('2 for %s, one line on stderr', async (_name, argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it.each([
    ['a missing file', ['check', 'nope.html'], 'nope.html: cannot read: ENOENT (no such file or directory)'],
    ['a glob without match', ['check', 'pages/**/*.nothing'], 'pages/**/*.nothing: no files match this pattern'],
  ])('2 for %s, reported in the output and on stderr', async (_name, argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`tifa: error: ${message}\n`);
    expect(r.stdout).toContain(message.slice(message.indexOf(': ') + 2));
  });

  it('2 for an invalid lexicon, with the file and line', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.yaml'), 'kind: mandated\nsource: test\nentries:\n  - id: x\n');
    const r = await run(['check', '--no-builtins', '--lexicon', 'bad.yaml', '-'], { cwd: dir, stdin: '中华民族' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.yaml');
  });

  it('documents them in --help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Exit codes: 0 no error reported, 1 errors reported, 2 usage, config, lexicon or I/O error.');
    for (const format of ['stylish', 'json', 'jsonl', 'sarif', 'github', 'checkstyle']) expect(r.stdout).toContain(format);
  });
});

describe('stdin', () => {
  it('reads text', async () => {
    const r = await run(['check', ...SEED, '-f', 'jsonl', '-'], { stdin: '坚决打赢脱贫攻艰战。' });
    expect(r.code).toBe(1);
    const [f] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect([f.file, f.start, f.end, f.actual]).toEqual(['<stdin>', 4, 8, '脱贫攻艰']);
  });

  it('sniffs HTML and decodes GBK bytes from the meta declaration', async () => {
    const page = '<meta charset="gb2312"><p>坚决打赢<b>脱贫</b>攻艰战。</p><script>中华明族</script>';
    const r = await run(['check', ...SEED, '-f', 'json', '-'], { stdin: encodeGbk(page) });
    expect(r.code).toBe(1);
    const [result] = JSON.parse(r.stdout);
    expect([result.file, result.kind, result.encoding, result.replacements]).toEqual(['<stdin>', 'html', 'gbk', 0]);
    expect(result.findings.map((f: { start: number; end: number; actual: string; text: string }) => [f.start, f.end, f.actual, f.text])).toEqual([
      [page.indexOf('脱贫'), page.indexOf('攻艰') + 2, '脱贫</b>攻艰', '脱贫攻艰'],
    ]);
  });

  it('can be forced to text or HTML', async () => {
    const html = '<p title="中华明族">正文</p>';
    expect((await run(['check', ...SEED, '--text', '-'], { stdin: html })).code).toBe(1); // the attribute is text now
    expect((await run(['check', ...SEED, '--html', '-'], { stdin: '<!-- 中华明族 -->' })).code).toBe(0);
    expect((await run(['check', ...SEED, '-'], { stdin: '<!-- 中华明族 -->' })).code).toBe(0);
  });

  it('warns about bad bytes but still checks', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('<meta charset="utf-8"><p>脱贫攻艰'), 0xff, 0xfe]);
    const r = await run(['check', ...SEED, '-'], { stdin: bytes });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('tifa: warning: <stdin>: 2 byte sequences not valid utf-8, replaced with U+FFFD\n');
  });
});

describe('inputs', () => {
  it('walks directories with the default extensions, or --ext', async () => {
    const r = await run(['check', ...SEED, '-f', 'json', 'pages']);
    expect(JSON.parse(r.stdout).map((x: { file: string }) => x.file)).toEqual(['pages/correct.html', 'pages/notice-gb2312.html', 'pages/notice.html', 'pages/notice.txt']);
    const txt = await run(['check', ...SEED, '-f', 'json', '--ext', 'txt', 'pages']);
    expect(JSON.parse(txt.stdout).map((x: { file: string }) => x.file)).toEqual(['pages/notice.txt']);
  });

  it('expands globs, without duplicates', async () => {
    const r = await run(['check', ...SEED, '-f', 'json', 'pages/*.html', 'pages/notice.html']);
    expect(JSON.parse(r.stdout).map((x: { file: string }) => x.file)).toEqual(['pages/correct.html', 'pages/notice-gb2312.html', 'pages/notice.html']);
  });

  it('reads a file by extension: .txt as text even when it looks like HTML', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), '<!-- 中华明族 -->');
    writeFileSync(join(dir, 'a.htm'), '<!-- 中华明族 -->');
    const r = await run(['check', ...SEED, '-f', 'json', '.'], { cwd: dir });
    expect(JSON.parse(r.stdout).map((x: { file: string; findings: unknown[] }) => [x.file, x.findings.length])).toEqual([['a.htm', 0], ['a.txt', 1]]);
  });
});

describe('filters', () => {
  it('--severity drops findings below it, and the exit code follows what is reported', async () => {
    const text = '时刻把袓国安全放在首位。⺠';
    const all = await run(['check', ...SEED, '-f', 'jsonl', '-'], { stdin: text });
    expect(all.stdout.trim().split('\n').map((l) => JSON.parse(l).severity)).toEqual(['error', 'warning']);
    const warnings = await run(['check', ...SEED, '-f', 'jsonl', '--severity', 'warning', '--rule', 'lookalike-char', '-'], { stdin: text });
    expect(warnings.code).toBe(0);
    expect(warnings.stdout.trim().split('\n')).toHaveLength(1);
    const errors = await run(['check', ...SEED, '-f', 'jsonl', '--severity', 'error', '-'], { stdin: text });
    expect(errors.stdout.trim().split('\n').map((l) => JSON.parse(l).rule)).toEqual(['wrong-formulation']);
  });

  it('--rule keeps only the named rules (repeatable)', async () => {
    const r = await run(['check', ...SEED, '-f', 'jsonl', '--rule', 'wrong-formulation', 'pages/notice.txt']);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).actual)).toEqual(['袓国安全', '以习近平总书记为核心的党中央']);
    const two = await run(['check', ...SEED, '-f', 'jsonl', '--rule', 'wrong-formulation', '--rule', 'misspelling', 'pages/notice.txt']);
    expect(two.stdout.trim().split('\n')).toHaveLength(4);
  });

  it('--max-findings stops early and says so', async () => {
    const r = await run(['check', ...SEED, '-f', 'jsonl', '--max-findings', '3', 'pages/notice.txt', 'pages/notice.html']);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect(r.stderr).toBe('tifa: stopped after 3 findings (--max-findings)\n');
    expect(r.code).toBe(1);
  });
});

describe('configuration file', () => {
  it('is found from the working directory up; the command line overrides it', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'site', 'news'), { recursive: true });
    writeFileSync(join(dir, 'seed.yaml'), (await import('node:fs')).readFileSync(fixture('lexicons/seed.yaml')));
    writeFileSync(join(dir, 'tifa.config.json'), JSON.stringify({ builtins: false, lexicons: ['seed.yaml'], format: 'jsonl', rules: ['misspelling'], asOf: '2024-01-01' }));
    writeFileSync(join(dir, 'site', 'news', 'a.html'), '<p>中华明族 袓国安全</p>');
    const r = await run(['check', 'a.html'], { cwd: join(dir, 'site', 'news') });
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).rule)).toEqual(['misspelling']);
    const over = await run(['check', '-f', 'json', '--rule', 'wrong-formulation', 'a.html'], { cwd: join(dir, 'site', 'news') });
    expect(JSON.parse(over.stdout)[0].findings.map((f: { rule: string }) => f.rule)).toEqual(['wrong-formulation']);
    const none = await run(['check', '--no-config', ...SEED, '-f', 'jsonl', 'a.html'], { cwd: join(dir, 'site', 'news') });
    expect(none.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('may be a "tifa" key in package.json, or a file given with --config', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'site', tifa: { severity: 'error', format: 'github', builtins: false } }));
    writeFileSync(join(dir, 'a.txt'), '中华民族');
    const r = await run(['check', 'a.txt'], { cwd: dir });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ format: 'checkstyle', builtins: false }));
    expect((await run(['check', '--config', 'other.json', 'a.txt'], { cwd: dir })).stdout).toContain('<checkstyle');
  });

  it.each([
    [{ severity: 'fatal' }, '"severity" must be one of error, warning, info'],
    [{ colour: true }, 'unknown key "colour"'],
    [{ lexicons: 'a.yaml' }, '"lexicons" must be an array of non-empty strings'],
  ])('rejects %j with exit code 2', async (config, message) => {
    const dir = tmp();
    writeFileSync(join(dir, 'tifa.config.json'), JSON.stringify(config));
    const r = await run(['check', 'x.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('tifa.config.json');
  });

  it('rejects a config that is not JSON', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'tifa.config.json'), '{ format: json }');
    const r = await run(['check', 'x.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tifa: .*tifa\.config\.json: invalid JSON/);
  });
});

describe('terminal behaviour', () => {
  it('colours only on a TTY, and never with NO_COLOR', async () => {
    const argv = ['check', ...SEED, 'pages/notice.txt'];
    expect((await run(argv, { tty: true })).stdout).toContain('\u001b[31m');
    expect((await run(argv, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await run(argv)).stdout).not.toContain('\u001b[');
  });

  it('draws a progress line on a TTY stderr once the run is long, and clears it', async () => {
    let t = 0;
    const now = () => (t += 700);
    const r = await run(['check', ...SEED, '-f', 'json', 'pages'], { stderrTty: true, now });
    expect(r.stderr).toMatch(/tifa: \d+ files, 0\.0 MB, [\d.]+ MB\/s, \d+ findings/);
    expect(r.stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(r.stdout.startsWith('[')).toBe(true);
    const quick = await run(['check', ...SEED, '-f', 'json', 'pages'], { stderrTty: true, now: () => 0 });
    expect(quick.stderr).toBe('');
    const piped = await run(['check', ...SEED, '-f', 'json', 'pages'], { now });
    expect(piped.stderr).toBe('');
  });
});

describe('tifa lexicon list', () => {
  it('still lists the entries', async () => {
    const r = await run(['lexicon', 'list', ...SEED]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toContain('m-zhonghua-minzu');
    expect(r.stderr).toMatch(/entries/);
  });
});
