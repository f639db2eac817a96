import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));

describe('types', () => {
  it('the sources type-check under the strict configuration', () => {
    const r = spawnSync(process.execPath, [tsc, '--noEmit', '-p', `${root}tsconfig.json`], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);

  it('the tests and benchmarks type-check too (tsconfig.test.json)', () => {
    const r = spawnSync(process.execPath, [tsc, '-p', `${root}tsconfig.test.json`], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 180_000);

  it('the public API accepts what it documents and rejects misuse at compile time', () => {
    const r = spawnSync(
      process.execPath,
      [tsc, '--noEmit', '--strict', '--exactOptionalPropertyTypes', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--skipLibCheck', `${root}test/types/api-usage.ts`],
      { encoding: 'utf8' },
    );
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);
});
