import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const markdown = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

/** The ```js blocks preceded by `<!-- run -->`. */
const snippets = [...markdown.matchAll(/<!-- run -->\n```js\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** `tifa` for the snippets: the sources, with createChecker() defaulting to the seed lexicon. */
const dir = mkdtempSync(join(tmpdir(), 'tifa-readme-'));
const shim = join(dir, 'tifa.mts');
writeFileSync(
  shim,
  `export * from ${JSON.stringify(pathToFileURL(join(root, 'src/index.ts')).href)};
import { createChecker as create } from ${JSON.stringify(pathToFileURL(join(root, 'src/index.ts')).href)};
import { readFileSync } from 'node:fs';
const seed = readFileSync(${JSON.stringify(fixture('lexicons/seed.yaml'))}, 'utf8');
export const createChecker = (options = {}) => create({ builtins: false, lexicons: [{ name: 'seed.yaml', text: seed }], asOf: '2024-01-01', ...options });
`,
);
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;

describe('README snippets run and print what they say', () => {
  it('has runnable snippets', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(4);
  });

  it.each(snippets.map((s, i) => [i + 1, s]))('snippet %i', (i, source) => {
    const expected = [...(source as string).matchAll(/^\/\/ → (.*)$/gm)].map((m) => m[1]);
    expect(expected.length).toBeGreaterThan(0);
    const file = join(dir, `snippet-${i}.mts`);
    writeFileSync(file, (source as string).replace(/from 'tifa'/g, `from ${JSON.stringify(pathToFileURL(shim).href)}`));
    const r = spawnSync(process.execPath, ['--import', tsx, file], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual(expected);
  });
});
