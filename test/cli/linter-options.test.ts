import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useColor } from '../../src/cli/color.js';
import { run } from './run.js';

/** A working directory with a lexicon giving one error (中化民族) and one warning (脱贫功坚). */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-opts-'));
  writeFileSync(join(dir, 'lex.yaml'), 'kind: mandated\nsource: test\nentries:\n  - id: m-zhmz\n    text: 中华民族\n    variants: [中化民族]\n  - id: m-tpgj\n    text: 脱贫攻坚\n    variants: [脱贫功坚]\n    severity: warning\n');
  return dir;
}
const lex = (dir: string): string[] => ['--no-builtins', '--no-fuzzy', '--lexicon', join(dir, 'lex.yaml'), '--as-of', '2024-01-01'];
const lines = (s: string): string[] => s.trim().split('\n').filter((l) => l !== '');

describe('--max-warnings', () => {
  it('exits 1 when more warnings than N are reported, 0 at N', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'w.txt'), '脱贫功坚，脱贫功坚');
    expect((await run(['check', ...lex(dir), 'w.txt'], { cwd: dir })).code).toBe(0);
    expect((await run(['check', ...lex(dir), '--max-warnings', '2', 'w.txt'], { cwd: dir })).code).toBe(0);
    const over = await run(['check', ...lex(dir), '--max-warnings', '1', 'w.txt'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('tifa: too many warnings (2, at most 1 allowed by --max-warnings)\n');
    expect((await run(['check', ...lex(dir), '--max-warnings', 'many', 'w.txt'], { cwd: dir })).stderr).toMatch(/^tifa: --max-warnings must be a whole number/);
  });

  it('counts only what is reported, and is read from the config', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'w.txt'), '脱贫功坚');
    writeFileSync(join(dir, 'tifa.config.json'), JSON.stringify({ maxWarnings: 0 }));
    expect((await run(['check', ...lex(dir), 'w.txt'], { cwd: dir })).code).toBe(1);
    expect((await run(['check', ...lex(dir), '--severity', 'error', 'w.txt'], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, 'tifa.config.json'), JSON.stringify({ maxWarnings: 'few' }));
    expect((await run(['check', ...lex(dir), 'w.txt'], { cwd: dir })).stderr).toMatch(/"maxWarnings" must be a whole number/);
  });
});

describe('-o / --output-file', () => {
  it('writes the report to the file, nothing on stdout, no colours', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'a.txt'), '中化民族');
    const r = await run(['check', ...lex(dir), '-o', 'report.txt', 'a.txt'], { cwd: dir, tty: true });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const report = readFileSync(join(dir, 'report.txt'), 'utf8');
    expect(report).toContain('a.txt');
    expect(report).toContain('1 problem');
    expect(report).not.toContain('\u001b[');
    await run(['check', ...lex(dir), '--output-file', 'report.txt', '-f', 'json', 'a.txt'], { cwd: dir });
    expect((JSON.parse(readFileSync(join(dir, 'report.txt'), 'utf8')) as unknown[]).length).toBe(1);
  });

  it('a folder that does not exist is a clear error before any check (exit 2), and creates nothing', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'a.txt'), '中化民族');
    const r = await run(['check', ...lex(dir), '-o', 'out/report.txt', 'a.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`tifa: cannot write the report to ${join(dir, 'out/report.txt')}: directory ${join(dir, 'out')} does not exist\n`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('.tifaignore, --ignore-pattern, --no-ignore', () => {
  function site(): string {
    const dir = workspace();
    mkdirSync(join(dir, 'site/vendor'), { recursive: true });
    mkdirSync(join(dir, 'site/news'), { recursive: true });
    writeFileSync(join(dir, 'site/vendor/lib.txt'), '中化民族');
    writeFileSync(join(dir, 'site/news/a.txt'), '中化民族');
    writeFileSync(join(dir, 'site/news/b.txt'), '中化民族');
    writeFileSync(join(dir, 'site/news/keep.txt'), '中化民族');
    return dir;
  }
  /** The files reported by a run in `cwd` (default: the workspace `dir`). */
  const files = async (dir: string, argv: string[], cwd = dir): Promise<string[]> => {
    const r = await run(['check', ...lex(dir), '-f', 'jsonl', ...argv], { cwd });
    return [...new Set(lines(r.stdout).map((l) => (JSON.parse(l) as { file: string }).file))];
  };

  it('.tifaignore in the working directory, gitignore syntax (folders, globs, negation, comments)', async () => {
    const dir = site();
    writeFileSync(join(dir, '.tifaignore'), '# third-party code\nvendor/\nsite/news/*.txt\n!site/news/keep.txt\n');
    expect(await files(dir, ['site'])).toEqual(['site/news/keep.txt']);
    expect(await files(dir, ['--no-ignore', 'site'])).toEqual(['site/news/a.txt', 'site/news/b.txt', 'site/news/keep.txt', 'site/vendor/lib.txt']);
  });

  it('--ignore-pattern (repeatable) and the config ignorePatterns; a named file that is ignored gets a warning', async () => {
    const dir = site();
    expect(await files(dir, ['--ignore-pattern', 'vendor', '--ignore-pattern', 'a.txt', 'site'])).toEqual(['site/news/b.txt', 'site/news/keep.txt']);
    const r = await run(['check', ...lex(dir), '--ignore-pattern', 'vendor/', 'site/vendor/lib.txt'], { cwd: dir });
    expect(r.stderr).toBe('tifa: warning: site/vendor/lib.txt: ignored by an ignore pattern (--no-ignore checks it)\n');
    expect(r.code).toBe(0);
    writeFileSync(join(dir, 'site/tifa.config.json'), JSON.stringify({ ignorePatterns: ['news/b.txt'] }));
    // The config's patterns are relative to its folder.
    expect(await files(dir, ['.'], join(dir, 'site'))).toEqual(['news/a.txt', 'news/keep.txt', 'vendor/lib.txt']);
    expect(await files(dir, ['--no-ignore', '.'], join(dir, 'site'))).toHaveLength(4);
  });

  it('a .tifaignore that cannot be read is a clear error (exit 2)', async () => {
    const dir = workspace();
    mkdirSync(join(dir, '.tifaignore'));
    writeFileSync(join(dir, 'a.txt'), '中化民族');
    const r = await run(['check', ...lex(dir), 'a.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`tifa: cannot read ${join(dir, '.tifaignore')}: EISDIR\n`);
    expect((await run(['check', ...lex(dir), '--no-ignore', 'a.txt'], { cwd: dir })).code).toBe(1);
  });

  it('files outside the working directory and stdin are never ignored by it', async () => {
    const dir = site();
    const cwd = join(dir, 'site/news');
    writeFileSync(join(cwd, '.tifaignore'), '*\n');
    const r = await run(['check', ...lex(dir), '-f', 'jsonl', 'a.txt', '../vendor/lib.txt', '-'], { cwd, stdin: '中化民族' });
    expect([...new Set(lines(r.stdout).map((l) => (JSON.parse(l) as { file: string }).file))]).toEqual([join(dir, 'site/vendor/lib.txt'), '<stdin>']);
    expect(r.stderr).toBe('tifa: warning: a.txt: ignored by an ignore pattern (--no-ignore checks it)\n');
  });
});

describe('colours', () => {
  it('follow --color / --no-color, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
    expect(useColor({ flag: true, env: { NO_COLOR: '1' }, isTTY: false })).toBe(true);
    expect(useColor({ flag: false, env: { FORCE_COLOR: '1' }, isTTY: true })).toBe(false);
    expect(useColor({ flag: undefined, env: { FORCE_COLOR: '1', NO_COLOR: '1' }, isTTY: false })).toBe(true);
    expect(useColor({ flag: undefined, env: { FORCE_COLOR: '0' }, isTTY: true })).toBe(false);
    expect(useColor({ flag: undefined, env: { NO_COLOR: '1' }, isTTY: true })).toBe(false);
    expect(useColor({ flag: undefined, env: { NO_COLOR: '' }, isTTY: true })).toBe(true);
    expect(useColor({ flag: undefined, env: {}, isTTY: false })).toBe(false);
  });

  it('in the CLI, for the stylish format only', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'a.txt'), '中化民族');
    const esc = '\u001b[';
    expect((await run(['check', ...lex(dir), '--color', 'a.txt'], { cwd: dir })).stdout).toContain(esc);
    expect((await run(['check', ...lex(dir), 'a.txt'], { cwd: dir, env: { FORCE_COLOR: '1' } })).stdout).toContain(esc);
    expect((await run(['check', ...lex(dir), '--no-color', 'a.txt'], { cwd: dir, tty: true })).stdout).not.toContain(esc);
    expect((await run(['check', ...lex(dir), 'a.txt'], { cwd: dir, tty: true })).stdout).toContain(esc);
    expect((await run(['check', ...lex(dir), '--color', '-f', 'jsonl', 'a.txt'], { cwd: dir })).stdout).not.toContain(esc);
    expect((await run(['check', ...lex(dir), '--color', '--no-color', 'a.txt'], { cwd: dir })).stderr).toBe('tifa: --color and --no-color exclude each other\n');
  });
});

describe('--print-config', () => {
  it('prints the merged options for a file as JSON and exits 0 (defaults < config < command line)', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'site'));
    writeFileSync(join(dir, 'tifa.config.json'), JSON.stringify({ severity: 'warning', maxWarnings: 3, fuzzy: false, ignorePatterns: ['vendor/'] }));
    writeFileSync(join(dir, '.tifaignore'), 'drafts/\n');
    const r = await run(['--print-config', 'site/index.html', '--severity', 'error', '--lexicon', 'lex.yaml', '--as-of', '2024-05-01'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const c = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(c).toMatchObject({
      file: 'site/index.html', configFile: 'tifa.config.json', kind: 'html', ignored: false, format: 'stylish', severity: 'error',
      maxWarnings: 3, fuzzy: false, builtins: true, lexicons: ['lex.yaml'], asOf: '2024-05-01', segmenter: 'jieba', minConfidence: 0,
      directives: true, encoding: 'detect', fix: false, color: 'auto',
      ignorePatterns: [{ base: '.', pattern: 'drafts/' }, { base: '.', pattern: 'vendor/' }],
    });
    expect((JSON.parse((await run(['check', '--print-config', 'drafts/a.txt'], { cwd: dir })).stdout) as { ignored: boolean; kind: string })).toMatchObject({ ignored: true, kind: 'text' });
    expect((await run(['--print-config', 'a.txt', 'b.txt'], { cwd: dir })).code).toBe(2);
    expect((await run(['--print-config', 'a.txt', '--severity', 'fatal'], { cwd: dir })).stderr).toMatch(/^tifa: --severity must be/);
  });
});

describe('--help', () => {
  it('names every new option', async () => {
    const r = await run(['--help']);
    for (const option of ['--fix ', '--fix-dry-run', '--max-warnings', '--output-file', '--ignore-pattern', '--no-ignore', '.tifaignore', '--color', '--no-color', 'FORCE_COLOR', '--print-config']) expect(r.stdout).toContain(option);
  });
});
