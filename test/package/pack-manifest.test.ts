import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PREPARE, restorePrepare, stripPrepare } from '../../src/build/pack-manifest.js';

const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { scripts: Record<string, string> };

describe('the packed package.json (prepack strips the install-time build, postpack puts it back)', () => {
  it('the repository builds on npm ci (prepare), and packs through prepack/postpack', () => {
    expect(manifest.scripts.prepare).toBe(PREPARE);
    expect(manifest.scripts.prepack).toMatch(/^npm run build && tsx src\/build\/pack-manifest\.ts strip$/);
    expect(manifest.scripts.postpack).toBe('tsx src/build/pack-manifest.ts restore');
  });

  it('strip removes prepare alone; restore puts it back in its place; both are idempotent', () => {
    const scripts = { build: 'b', prepare: PREPARE, prepack: 'p', test: 't' };
    const stripped = stripPrepare(scripts);
    expect(stripped).toEqual({ build: 'b', prepack: 'p', test: 't' });
    expect(stripPrepare(stripped)).toEqual(stripped);
    const restored = restorePrepare(stripped);
    expect(Object.entries(restored)).toEqual(Object.entries(scripts));
    expect(restorePrepare(restored)).toBe(restored);
    expect(Object.keys(restorePrepare({ test: 't' }))).toEqual(['prepare', 'test']);
  });
});
