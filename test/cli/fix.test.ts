import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encoderFor, fixInput, fixPass } from '../../src/cli/fix-file.js';
import { checkSource } from '../../src/cli/check-file.js';
import { createChecker, type Finding } from '../../src/index.js';
import { run } from './run.js';

/** A working directory with three small lexicons: certain fixes, a warning, and terms with no single fix. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-fix-'));
  writeFileSync(join(dir, 'mandated.yaml'), 'kind: mandated\nsource: test\nentries:\n  - id: m-zhmz\n    text: 中华民族\n    variants: [中化民族, 中华明族]\n  - id: m-tpgj\n    text: 脱贫攻坚\n    variants: [脱贫功坚]\n    severity: warning\n');
  writeFileSync(join(dir, 'banned.yaml'), 'kind: banned\nsource: test\nentries:\n  - id: b-zaimin\n    text: 灾民\n    replacement: 受灾群众\n  - id: b-canfei\n    text: 残废人\n    replacement: [残疾人, 残障人士]\n');
  writeFileSync(join(dir, 'typo.yaml'), 'kind: typo\nsource: test\nentries:\n  - id: t-abjb\n    text: 按步就班\n    correct: 按部就班\n');
  return dir;
}
const lines = (s: string): string[] => s.trim().split('\n').filter((l) => l !== '');
const fixFindings: Finding[] = [{ rule: 'wrong-formulation', severity: 'error', start: 0, end: 4, line: 1, column: 1, actual: '中化民族', expected: ['中华民族'], message: 'm', entry: 'm-zhmz', detail: 'listed', confidence: 1 }];
const LEX = ['--no-builtins', '--no-fuzzy', '--lexicon', 'mandated.yaml', '--lexicon', 'banned.yaml', '--lexicon', 'typo.yaml', '--as-of', '2024-01-01'];

/** `after` is `before` with the bytes of `old` at byte offset `at` replaced by `now`, and no other change. */
function expectOnlyReplaced(before: Uint8Array, after: Uint8Array, at: number, old: Uint8Array, now: Uint8Array): void {
  expect(Buffer.from(before.subarray(at, at + old.length))).toEqual(Buffer.from(old));
  expect(Buffer.from(after)).toEqual(Buffer.concat([before.subarray(0, at), now, before.subarray(at + old.length)]));
}

describe('tifa check --fix', () => {
  it('rewrites a UTF-8 file in place (BOM kept), reports what remains, and exits by it', async () => {
    const dir = workspace();
    const file = join(dir, 'page.txt');
    const before = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('第一行\r\n中化民族，灾民。\n残废人\n按步就班\n', 'utf8')]);
    writeFileSync(file, before);
    const r = await run(['check', ...LEX, '--fix', '-f', 'jsonl', 'page.txt'], { cwd: dir });
    const after = readFileSync(file);
    expect(after.toString('utf8')).toBe('\ufeff第一行\r\n中华民族，受灾群众。\n残废人\n按部就班\n');
    expect(r.stderr).toBe('tifa: page.txt: fixed 3 problems\n');
    const remaining = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { entry: string; line: number; column: number });
    expect(remaining.map((f) => [f.entry, f.line, f.column])).toEqual([['b-canfei', 3, 1]]);
    expect(r.code).toBe(1);
    // Nothing left to fix: a second run writes nothing and reports the same.
    const again = await run(['check', ...LEX, '--fix', '-f', 'jsonl', 'page.txt'], { cwd: dir });
    expect(again.stderr).toBe('');
    expect(readFileSync(file)).toEqual(after);
  });

  it('exit code 0 when all errors are fixed', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'a.txt'), '中华明族\n');
    const r = await run(['check', ...LEX, '--fix', 'a.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('中华民族\n');
    expect(r.stdout).toContain('no problems');
  });

  it('works the same with the worker pool (--jobs 2)', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'a.txt'), '中化民族\n');
    writeFileSync(join(dir, 'b.txt'), '按步就班，残废人\n');
    const r = await run(['check', ...LEX, '--fix', '--jobs', '2', '-f', 'jsonl', 'a.txt', 'b.txt'], { cwd: dir });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('中华民族\n');
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('按部就班，残废人\n');
    expect(r.stderr).toBe('tifa: a.txt: fixed 1 problem\ntifa: b.txt: fixed 1 problem\n');
    expect(lines(r.stdout).map((l) => (JSON.parse(l) as { file: string; column: number }))).toMatchObject([{ file: 'b.txt', column: 6 }]);
  });

  it('rewrites a GBK page in GBK: the bytes outside the fixed span are unchanged', async () => {
    const dir = workspace();
    const file = join(dir, 'gbk.html');
    const html = '<html><head><meta charset="gbk"><title>通知</title></head><body><p>全面建成小康社会，实现中化民族伟大复兴。</p><p>脱贫<b>功</b>坚</p></body></html>\n';
    const before = iconv.encode(html, 'gbk');
    writeFileSync(file, before);
    const r = await run(['check', ...LEX, '--fix', '-f', 'jsonl', 'gbk.html'], { cwd: dir });
    const at = iconv.encode(html.slice(0, html.indexOf('中化民族')), 'gbk').length;
    expectOnlyReplaced(before, readFileSync(file), at, iconv.encode('中化民族', 'gbk'), iconv.encode('中华民族', 'gbk'));
    // The span with a tag inside is left, and reported.
    expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { actual: string }).actual)).toEqual(['脱贫<b>功</b>坚']);
    expect(r.code).toBe(0);
  });

  it('rewrites a Big5 page in Big5; a replacement Big5 cannot write is left and reported', async () => {
    const dir = workspace();
    const file = join(dir, 'big5.html');
    const html = '<meta charset="big5"><p>按步就班，中化民族</p>\n';
    const before = iconv.encode(html, 'big5');
    writeFileSync(file, before);
    const r = await run(['check', ...LEX, '--fix', '-f', 'jsonl', 'big5.html'], { cwd: dir });
    const after = readFileSync(file);
    expect(new TextDecoder('big5').decode(after)).toBe('<meta charset="big5"><p>按部就班，中化民族</p>\n');
    const at = iconv.encode(html.slice(0, html.indexOf('按步就班')), 'big5').length;
    expectOnlyReplaced(before, after, at, iconv.encode('按步就班', 'big5'), iconv.encode('按部就班', 'big5'));
    expect(r.stdout).toContain('"entry":"m-zhmz"');
  });

  it('leaves a file whose encoding is an uncertain guess as it is, until the encoding is given', async () => {
    const dir = workspace();
    const before = iconv.encode('中化民族\n', 'gbk');
    writeFileSync(join(dir, 'short.txt'), before);
    const guessed = await run(['check', ...LEX, '--fix', 'short.txt'], { cwd: dir });
    expect(readFileSync(join(dir, 'short.txt'))).toEqual(before);
    expect(guessed.stderr).toContain('tifa: warning: short.txt: not fixed: its encoding (gb18030) is a guess; declare it or pass --encoding\n');
    expect(guessed.code).toBe(1);
    writeFileSync(join(dir, 'other.txt'), '');
    const pooled = await run(['check', ...LEX, '--fix', '--jobs', '2', 'short.txt', 'other.txt'], { cwd: dir });
    expect(readFileSync(join(dir, 'short.txt'))).toEqual(before);
    expect(pooled.stderr).toContain('tifa: warning: short.txt: not fixed: its encoding (gb18030) is a guess');
    const given = await run(['check', ...LEX, '--fix', '--encoding', 'gbk', 'short.txt'], { cwd: dir });
    expect(readFileSync(join(dir, 'short.txt'))).toEqual(iconv.encode('中华民族\n', 'gbk'));
    expect(given.code).toBe(0);
  });

  it('a file it cannot write costs that file only: an error line, its findings reported unfixed, exit code 2', async (context) => {
    const dir = workspace();
    const ro = join(dir, 'ro.txt');
    writeFileSync(ro, '中化民族\n');
    writeFileSync(join(dir, 'rw.txt'), '中化民族\n');
    // Root writes read-only files: there, the file is made immutable (where the file system allows it).
    const root = process.getuid?.() === 0;
    if (root && spawnSync('chattr', ['+i', ro]).status !== 0) return context.skip();
    if (!root) chmodSync(ro, 0o444);
    try {
      const r = await run(['check', ...LEX, '--fix', '-f', 'jsonl', 'ro.txt', 'rw.txt'], { cwd: dir });
      expect(r.stderr).toMatch(/^tifa: error: ro\.txt: not fixed: cannot write it \((EACCES|EPERM)\)\ntifa: rw\.txt: fixed 1 problem\n$/);
      expect(readFileSync(join(dir, 'rw.txt'), 'utf8')).toBe('中华民族\n');
      expect(readFileSync(ro, 'utf8')).toBe('中化民族\n');
      expect(lines(r.stdout).map((l) => (JSON.parse(l) as { file: string }).file)).toEqual(['ro.txt']);
      expect(r.code).toBe(2);
    } finally {
      if (root) spawnSync('chattr', ['-i', ro]);
    }
  });

  it('a file gone before it is fixed: an error line, its findings reported unfixed', async () => {
    const checked = { findings: fixFindings, text: '中化民族', kind: 'text' as const, suppressed: 0, encoding: 'utf-8', replacements: 0 };
    async function* one() {
      yield checked;
    }
    const said: string[] = [];
    const out: unknown[] = [];
    let failed = 0;
    const options = { mode: 'write' as const, checker: { check: () => [], checkHtml: () => [] }, keep: () => true, directives: true, displayName: (f: string) => f, out: () => undefined, say: (l: string) => void said.push(l), failed: () => void failed++ };
    for await (const c of fixPass(one(), ['/nonexistent/gone.txt'], options)) out.push(c);
    expect(out).toEqual([checked]);
    expect(said).toEqual(['tifa: error: /nonexistent/gone.txt: not fixed: cannot read it again (ENOENT)\n']);
    expect(failed).toBe(1);
  });

  it('leaves a file with bad bytes as it is, with a warning', async () => {
    const dir = workspace();
    const before = Buffer.concat([Buffer.from('中化民族', 'utf8'), Buffer.from([0xff]), Buffer.from('\n')]);
    writeFileSync(join(dir, 'bad.txt'), before);
    const r = await run(['check', ...LEX, '--fix', '--encoding', 'utf-8', 'bad.txt'], { cwd: dir });
    expect(readFileSync(join(dir, 'bad.txt'))).toEqual(before);
    expect(r.stderr).toContain('tifa: warning: bad.txt: not fixed: 1 byte sequence not valid utf-8 would be lost');
    expect(r.code).toBe(1);
  });

  it('fixes only what is reported (--rule, --severity)', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'a.txt'), '中化民族，脱贫功坚，灾民');
    await run(['check', ...LEX, '--fix', '--severity', 'error', '--rule', 'wrong-formulation', 'a.txt'], { cwd: dir });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('中华民族，脱贫功坚，灾民');
  });

  it('stdin: prints the fixed text on stdout, the report on stderr', async () => {
    const dir = workspace();
    const r = await run(['check', ...LEX, '--fix', '-f', 'jsonl', '-'], { cwd: dir, stdin: Buffer.from('中化民族，残废人\n', 'utf8') });
    expect(r.stdout).toBe('中华民族，残废人\n');
    expect(r.stderr).toContain('tifa: <stdin>: fixed 1 problem\n');
    expect(r.stderr).toContain('"entry":"b-canfei"');
    expect(r.code).toBe(1);
  });

  it('--fix-dry-run prints a unified diff and writes nothing', async () => {
    const dir = workspace();
    const text = '一\n二\n三\n中化民族\n五\n六\n七\n八\n九\n灾民\n';
    writeFileSync(join(dir, 'a.txt'), text);
    const r = await run(['check', ...LEX, '--fix-dry-run', 'a.txt'], { cwd: dir });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(text);
    expect(r.stdout).toBe(['--- a/a.txt', '+++ b/a.txt', '@@ -1,10 +1,10 @@', ' 一', ' 二', ' 三', '-中化民族', '+中华民族', ' 五', ' 六', ' 七', ' 八', ' 九', '-灾民', '+受灾群众', ''].join('\n'));
    expect(r.stderr).toContain('tifa: a.txt: would fix 2 problems\n');
    expect(r.stderr).toContain('no problems');
    expect(r.code).toBe(0);
    expect((await run(['check', ...LEX, '--fix', '--fix-dry-run', 'a.txt'], { cwd: dir })).stderr).toBe('tifa: --fix and --fix-dry-run exclude each other\n');
  });

  it.each(['1', '2'])('--max-findings: the file that reaches the cap is fixed whole, what remains is reported up to the cap, later files are left alone (--jobs %s)', async (jobs) => {
    const dir = workspace();
    writeFileSync(join(dir, 'a.txt'), '中化民族，残废人。\n'.repeat(20));
    writeFileSync(join(dir, 'b.txt'), '中化民族\n');
    writeFileSync(join(dir, 'c.txt'), '残废人\n');
    const r = await run(['check', ...LEX, '--fix', '-f', 'jsonl', '--jobs', jobs, '--max-findings', '5', 'a.txt', 'b.txt', 'c.txt'], { cwd: dir });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('中华民族，残废人。\n'.repeat(20));
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('中化民族\n');
    const reported = lines(r.stdout).map((l) => JSON.parse(l) as { file: string; entry: string; line: number });
    expect(reported.map((f) => [f.file, f.entry, f.line])).toEqual([1, 2, 3, 4, 5].map((line) => ['a.txt', 'b-canfei', line]));
    expect(r.stderr).toBe('tifa: a.txt: fixed 20 problems\ntifa: stopped after 5 findings (--max-findings)\n');
    expect(r.code).toBe(1);
  });

  it('fixPass checks a fixed text again only up to findingsLeft', async () => {
    const dir = workspace();
    const checker = createChecker({ builtins: false, fuzzy: false, asOf: '2024-01-01', lexicons: ['mandated.yaml', 'banned.yaml'].map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })) });
    const text = '中化民族，残废人。\n'.repeat(20);
    const checked = { ...checkSource(checker, text, { kind: 'text' }), text, replacements: 0 };
    expect(checked.findings).toHaveLength(40);
    async function* one(): AsyncGenerator<typeof checked> {
      yield checked;
    }
    const out: Array<typeof checked> = [];
    const options = { mode: 'write' as const, checker, keep: () => true, directives: true, displayName: (f: string) => f, out: () => undefined, say: () => undefined };
    for await (const c of fixPass(one(), ['-'], { ...options, findingsLeft: () => 5 })) out.push(c);
    expect(out[0]!.text).toBe('中华民族，残废人。\n'.repeat(20));
    expect(out[0]!.findings.map((f) => [f.entry, f.line])).toEqual([1, 2, 3, 4, 5].map((line) => ['b-canfei', line]));
    expect(out[0]!.stopped).toBe(true);
    for await (const c of fixPass(one(), ['-'], options)) expect(c.findings).toHaveLength(20);
  });
});

describe('fixInput (bytes)', () => {
  it('refuses an encoding it cannot write back exactly', () => {
    // GBK 0x80 is the euro sign in the decoder; an encoder that writes it otherwise must not be trusted.
    const finding = { rule: 'misspelling', severity: 'error', start: 0, end: 4, line: 1, column: 1, actual: '中化民族', expected: ['中华民族'] as string[], message: 'm', entry: 'e', detail: 'listed', confidence: 1 } as const;
    const bytes = Buffer.concat([iconv.encode('中化民族', 'gbk'), Buffer.from([0x80])]);
    const result = fixInput([finding], '中化民族€', { bytes, encoding: 'gbk', replacements: 0 });
    expect(result.refused).toBe('writing gbk back would change bytes outside the fixes');
    expect(result.bytes).toBeUndefined();
    // A four-byte GB18030 sequence in a page read as GBK is written back as it was.
    const astral = Buffer.concat([iconv.encode('中化民族', 'gbk'), iconv.encode('𠀀', 'gb18030')]);
    const fixed = fixInput([finding], '中化民族𠀀', { bytes: astral, encoding: 'gbk', replacements: 0 });
    expect(Buffer.from(fixed.bytes!)).toEqual(Buffer.concat([iconv.encode('中华民族', 'gbk'), iconv.encode('𠀀', 'gb18030')]));
    expect(encoderFor('x-user-defined-nothing')).toBeUndefined();
  });
});
