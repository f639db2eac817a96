/**
 * One bad path costs that path only: every input that cannot be read is reported with its reason
 * in every format, the others are checked as usual, and the exit code is 2 at the end. Special
 * files are skipped with a warning and never opened for a blocking read.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/cli/check-file.js';
import { fixture, seedChecker } from '../helpers.js';
import { run, SEED } from './run.js';

const GOOD = '我们是中华明族的子孙。\n';

/** A folder with one good file, and next to it every kind of bad path. */
function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-bad-'));
  writeFileSync(join(dir, 'good.txt'), GOOD);
  writeFileSync(join(dir, 'plain.txt'), '一段干净的文字。\n');
  symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'folder', 'inner.txt'), GOOD);
  symlinkSync(join(dir, 'folder'), join(dir, 'x.txt')); // a directory link named like a file
  execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
  return dir;
}

const ARGS = ['good.txt', 'missing.txt', 'dangling.txt', 'good.txt/inside.txt', 'pipe.txt', 'plain.txt'];

describe('bad inputs among good ones', () => {
  it('stylish: each bad path in its place with the reason, the good files checked, exit 2', async () => {
    const dir = site();
    const r = await run(['check', ...SEED, ...ARGS], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('good.txt\n  1:4');
    expect(r.stdout).toContain('missing.txt\n  error  cannot read: ENOENT (no such file or directory)');
    expect(r.stdout).toContain('dangling.txt\n  error  cannot read: ENOENT (a symbolic link to a file that does not exist)');
    expect(r.stdout).toContain('good.txt/inside.txt\n  error  cannot read: ENOTDIR');
    expect(r.stdout).toContain('pipe.txt\n  warning  skipped: a FIFO (named pipe), not a regular file');
    expect(r.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\) in 2 files, 1 skipped, 3 files could not be read\n$/);
    expect(r.stderr).toContain('tifa: error: missing.txt: cannot read: ENOENT');
    expect(r.stderr).toContain('tifa: warning: pipe.txt: skipped: a FIFO');
    expect(r.stderr).toContain('tifa: 3 inputs could not be read (see above); the others were checked\n');
    expect(r.stderr).not.toContain('internal error');
  });

  it('json and jsonl: an error entry per bad path, findings for the good ones', async () => {
    const dir = site();
    const json = await run(['check', ...SEED, '-f', 'json', ...ARGS], { cwd: dir });
    expect(json.code).toBe(2);
    const files = JSON.parse(json.stdout) as Array<{ file: string; error?: { code: string }; skipped?: { code: string }; findings: Array<{ actual: string }> }>;
    expect(files.map((f) => [f.file, f.error?.code ?? f.skipped?.code ?? f.findings.map((x) => x.actual).join()])).toEqual([
      ['good.txt', '中华明族'],
      ['missing.txt', 'ENOENT'],
      ['dangling.txt', 'ENOENT'],
      ['good.txt/inside.txt', 'ENOTDIR'],
      ['pipe.txt', 'SPECIAL'],
      ['plain.txt', ''],
    ]);
    const jsonl = await run(['check', ...SEED, '-f', 'jsonl', ...ARGS], { cwd: dir });
    expect(jsonl.code).toBe(2);
    const lines = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.file, l.error?.code ?? l.actual])).toEqual([
      ['good.txt', '中华明族'],
      ['missing.txt', 'ENOENT'],
      ['dangling.txt', 'ENOENT'],
      ['good.txt/inside.txt', 'ENOTDIR'],
    ]);
  });

  it('sarif: tool execution notifications, a failed invocation, valid against the schema', async () => {
    const dir = site();
    const r = await run(['check', ...SEED, '-f', 'sarif', ...ARGS], { cwd: dir });
    expect(r.code).toBe(2);
    const log = JSON.parse(r.stdout);
    const schema = JSON.parse(readFileSync(fixture('cli/sarif-2.1.0-subset.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    const [invocation] = log.runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications.map((n: { level: string; descriptor: { id: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => [n.level, n.descriptor.id, n.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([
      ['error', 'ENOENT', 'missing.txt'],
      ['error', 'ENOENT', 'dangling.txt'],
      ['error', 'ENOTDIR', 'good.txt/inside.txt'],
      ['warning', 'SPECIAL', 'pipe.txt'],
    ]);
    expect(log.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['misspelling']);
  });

  it('github and checkstyle: an error annotation per bad path', async () => {
    const dir = site();
    const gh = await run(['check', ...SEED, '-f', 'github', ...ARGS], { cwd: dir });
    expect(gh.code).toBe(2);
    expect(gh.stdout).toContain('::error file=missing.txt,title=tifa input::cannot read: ENOENT (no such file or directory)\n');
    expect(gh.stdout).toContain('::warning file=pipe.txt,title=tifa input::skipped: a FIFO');
    expect(gh.stdout).toMatch(/::error file=good\.txt,line=1,col=4/);
    const cs = await run(['check', ...SEED, '-f', 'checkstyle', ...ARGS], { cwd: dir });
    expect(cs.code).toBe(2);
    expect(cs.stdout).toContain('<file name="missing.txt">\n    <error line="0" column="0" severity="error" message="cannot read: ENOENT (no such file or directory)" source="tifa.input"/>');
    expect(cs.stdout).toContain('<file name="good.txt">');
  });

  it('a directory link named like a file, found in a walk, is reported (EISDIR) and the walk goes on', async () => {
    const dir = site();
    const r = await run(['check', ...SEED, '-f', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    const files = JSON.parse(r.stdout) as Array<{ file: string; error?: { code: string }; skipped?: { code: string }; findings: unknown[] }>;
    expect(files.map((f) => [f.file, f.error?.code ?? f.skipped?.code ?? f.findings.length])).toEqual([
      ['dangling.txt', 'ENOENT'],
      ['folder/inner.txt', 1],
      ['good.txt', 1],
      ['pipe.txt', 'SPECIAL'],
      ['plain.txt', 0],
      ['x.txt', 'EISDIR'],
    ]);
  });

  it('a FIFO named alone is skipped at once with a warning (no hang), exit 0', async () => {
    const dir = site();
    const r = await run(['check', ...SEED, 'pipe.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('tifa: warning: pipe.txt: skipped: a FIFO (named pipe), not a regular file (read it with - from standard input)\n');
    expect(r.stdout).toContain('✔ 0 files checked, no problems, 1 skipped');
  });

  it('-j auto (stats every input) and -j 2 (the worker pool) report bad paths the same way', async () => {
    const dir = site();
    const here = await run(['check', ...SEED, '-f', 'json', '-j', 'auto', ...ARGS], { cwd: dir });
    const pooled = await run(['check', ...SEED, '-f', 'json', '-j', '2', ...ARGS], { cwd: dir });
    expect(here.stderr).not.toContain('internal error');
    expect(pooled.stderr).not.toContain('internal error');
    expect(pooled.code).toBe(2);
    expect(JSON.parse(pooled.stdout)).toEqual(JSON.parse(here.stdout));
  }, 60_000);

  it('checkFile (the API) rejects with the code, and never blocks on a FIFO', async () => {
    const dir = site();
    const checker = seedChecker();
    await expect(checkFile(checker, join(dir, 'pipe.txt'))).rejects.toMatchObject({ code: 'SPECIAL' });
    await expect(checkFile(checker, join(dir, 'missing.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(checkFile(checker, join(dir, 'x.txt'))).rejects.toMatchObject({ code: 'EISDIR' });
    expect((await checkFile(checker, join(dir, 'good.txt'))).findings).toHaveLength(1);
  });

  it.runIf(process.getuid?.() !== 0)('a file without read permission (chmod 000)', async () => {
    const dir = site();
    writeFileSync(join(dir, 'secret.txt'), GOOD);
    chmodSync(join(dir, 'secret.txt'), 0o000);
    const r = await run(['check', ...SEED, 'secret.txt', 'good.txt'], { cwd: dir });
    expect(r.stderr).toContain('tifa: error: secret.txt: cannot read: EACCES (permission denied)');
    expect(r.stdout).toContain('good.txt\n  1:4');
    expect(r.code).toBe(2);
  });

  it.runIf(process.getuid?.() === 0)('a file without read permission (checked by an unprivileged child, as root reads everything)', (ctx) => {
    const root = fixture('../..');
    const nobody = { uid: 65534, gid: 65534 };
    // The child must be able to read the sources (a checkout under a private home may not allow it).
    const probe = spawnSync(process.execPath, ['-e', `require('fs').readFileSync(${JSON.stringify(join(root, 'src/bin.ts'))})`], { ...nobody, cwd: tmpdir() });
    if (probe.status !== 0) ctx.skip();
    const dir = site();
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'good.txt'), 0o644);
    writeFileSync(join(dir, 'secret.txt'), GOOD);
    chmodSync(join(dir, 'secret.txt'), 0o000);
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const r = spawnSync(process.execPath, ['--import', tsx, join(root, 'src/bin.ts'), 'check', ...SEED, 'secret.txt', 'good.txt'], { ...nobody, cwd: dir, encoding: 'utf8', env: { ...process.env, HOME: dir } });
    expect(r.stderr).toContain('tifa: error: secret.txt: cannot read: EACCES (permission denied)');
    expect(r.stdout).toContain('good.txt\n  1:4');
    expect(r.status).toBe(2);
  }, 60_000);
});
