import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPreCommit } from '../../src/integrations/pre-commit.js';
import { encodeGbk } from '../encoding/gbk-encoder.js';
import { fixture, seedChecker } from '../helpers.js';

const checker = seedChecker({ asOf: '2024-01-01' });

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-git-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'dev');
  git('config', 'commit.gpgsign', 'false');
  mkdirSync(join(dir, 'site', 'news'), { recursive: true });
  return dir;
}
const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' }).toString();

async function hook(dir: string, cwd = dir) {
  let stdout = '';
  let stderr = '';
  const code = await runPreCommit({ cwd, checker, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

describe('runPreCommit', () => {
  it('refuses staged pages with errors and reports them', async () => {
    const dir = repo();
    writeFileSync(join(dir, 'site', 'news', 'a.html'), '<p>坚决打赢<b>脱贫</b>攻艰战。</p>');
    writeFileSync(join(dir, 'site', 'news', 'b.gb.html'), encodeGbk('<meta charset="gbk"><p>中华明族</p>'));
    writeFileSync(join(dir, 'site', 'style.css'), '/* 中华明族 */');
    git(dir, 'add', '.');
    const r = await hook(dir, join(dir, 'site'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('site/news/a.html');
    expect(r.stdout).toContain('site/news/b.gb.html (gbk)');
    expect(r.stdout).not.toContain('style.css');
    expect(r.stdout).toContain('2 problems (2 errors, 0 warnings) in 2 files');
    expect(r.stderr).toContain('tifa-disable-next-line');
  });

  it('checks the staged version, not the working copy', async () => {
    const dir = repo();
    const page = join(dir, 'site', 'index.html');
    writeFileSync(page, '<p>脱贫攻坚</p>');
    git(dir, 'add', '.');
    writeFileSync(page, '<p>脱贫攻艰</p>'); // not staged
    expect((await hook(dir)).code).toBe(0);
    git(dir, 'add', '.');
    expect((await hook(dir)).code).toBe(1);
  });

  it('passes when nothing relevant is staged, and returns 2 outside a repository', async () => {
    const dir = repo();
    expect(await hook(dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    const outside = mkdtempSync(join(tmpdir(), 'tifa-nogit-'));
    const r = await hook(outside);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tifa pre-commit: git failed: /);
  });

  it('works as .git/hooks/pre-commit: git commit is refused, then accepted once fixed', () => {
    const dir = repo();
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
    const module = pathToFileURL(join(fixture('..'), '..', 'src', 'integrations', 'pre-commit.ts')).href;
    const seed = JSON.stringify(fixture('lexicons/seed.yaml'));
    // The hook of the README, with the seed lexicon and the sources instead of the package.
    const script = `import { readFileSync } from 'node:fs';
import { runPreCommit } from ${JSON.stringify(module)};
import { createChecker } from ${JSON.stringify(module.replace('integrations/pre-commit.ts', 'checker.ts'))};
const checker = createChecker({ builtins: false, lexicons: [{ name: 'seed.yaml', text: readFileSync(${seed}, 'utf8') }], asOf: '2024-01-01' });
process.exitCode = await runPreCommit({ checker });
`;
    writeFileSync(join(dir, '.git', 'hooks', 'pre-commit-check.mjs'), script);
    writeFileSync(join(dir, '.git', 'hooks', 'pre-commit'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} --import ${tsx} .git/hooks/pre-commit-check.mjs\n`);
    chmodSync(join(dir, '.git', 'hooks', 'pre-commit'), 0o755);
    writeFileSync(join(dir, 'site', 'index.html'), '<p>时刻把袓国安全放在首位。</p>');
    git(dir, 'add', '.');
    const refused = spawnSync('git', ['commit', '-q', '-m', 'news'], { cwd: dir, encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stdout + refused.stderr).toContain('“袓国安全”为不规范表述');
    writeFileSync(join(dir, 'site', 'index.html'), '<p>时刻把祖国安全放在首位。</p>');
    git(dir, 'add', '.');
    const accepted = spawnSync('git', ['commit', '-q', '-m', 'news'], { cwd: dir, encoding: 'utf8' });
    expect(accepted.stderr).toBe('');
    expect(accepted.status).toBe(0);
    expect(git(dir, 'log', '--oneline')).toContain('news');
  });
});
