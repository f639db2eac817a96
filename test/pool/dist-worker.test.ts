import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The built bundles (npm ci builds them through `prepare`), run under `node -e` from a directory
// that is not the repository: `node -e` defines a global __dirname of '.', which the data lookup
// once trusted. test/package/installed-tarball.test.ts does the same from an installed tarball.
const root = fileURLToPath(new URL('../..', import.meta.url));
const elsewhere = mkdtempSync(join(tmpdir(), 'tifa-elsewhere-'));
const page = join(root, 'test/fixtures/pages/notice.txt');
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

const nodeE = (script: string) => spawnSync(process.execPath, ['-e', script], { cwd: elsewhere, encoding: 'utf8' });

describe('the bundles in dist/, used from another directory under node -e', () => {
  it('start pool workers from the real file dist/worker.js and trust no __dirname or __filename in scope', () => {
    expect(existsSync(join(root, 'dist/worker.js'))).toBe(true);
    for (const f of ['dist/index.js', 'dist/index.cjs', 'dist/bin.js']) {
      const code = readFileSync(join(root, f), 'utf8');
      expect(code, f).not.toMatch(/typeof __(dirname|filename)/);
      expect(code, f).toContain('new URL("./worker.js"');
    }
  });

  it.each([
    ['ESM', `import(${JSON.stringify(pathToFileURL(join(root, 'dist/index.js')).href)})`],
    ['CommonJS', `Promise.resolve(require(${JSON.stringify(join(root, 'dist/index.cjs'))}))`],
  ])('%s: createChecker and checkFiles({ jobs: 2 }) find the data', (_kind, load) => {
    const r = nodeE(`${load}.then(async (m) => {
      const direct = m.createChecker().check(require('node:fs').readFileSync(${JSON.stringify(page)}, 'utf8')).length;
      const pooled = [];
      for await (const res of m.checkFiles([${JSON.stringify(page)}, ${JSON.stringify(page)}], { jobs: 2 })) pooled.push(res.error ? res.error.message : res.findings.length);
      console.log(JSON.stringify({ direct, pooled }));
    })`);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { direct: number; pooled: Array<number | string> };
    expect(out.direct).toBeGreaterThan(0);
    expect(out.pooled).toEqual([out.direct, out.direct]);
  }, 60_000);
});
