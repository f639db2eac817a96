import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The built package as consumers load it (npm ci runs the build through `prepare`).
const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

const PUBLIC_API = [
  'DataFileError', 'DocumentError', 'LexiconError', 'OptionsError', 'PoolSetupError', 'SegmenterError', 'applyDirectives', 'checkBytes', 'checkDocument', 'checkFile', 'checkFiles',
  'checkSavedPages', 'checkSource', 'cli', 'compileLexicons', 'createChecker', 'createJiebaSegmenter', 'createNodejiebaSegmenter',
  'decodeBytes', 'extractDocument', 'extractHtml', 'fix', 'formatters', 'highlightHtml', 'htmlDirectives', 'prePublishCheck', 'runCrawl', 'runPreCommit',
  'textDirectives',
];

describe('the built package', () => {
  it('exports exactly the public API from CommonJS', () => {
    const cjs = require(`${root}dist/index.cjs`) as Record<string, unknown>;
    expect(Object.keys(cjs).sort()).toEqual(PUBLIC_API);
    const checker = (cjs.createChecker as () => { check(t: string): unknown[] })();
    expect(checker.check('坚决打赢脱贫攻艰战。')).toHaveLength(1);
  });

  it('exports exactly the public API from ESM', async () => {
    const esm = (await import(`${root}dist/index.js`)) as Record<string, unknown>;
    expect(Object.keys(esm).sort()).toEqual(PUBLIC_API);
  });

  it('the ESM build loads the segmenter (the real-word guard is on)', async () => {
    const esm = (await import(`${root}dist/index.js`)) as { createChecker(): { check(t: string): unknown[] } };
    // Without the guard, 各 would be reported as an extra character in 中华民族.
    expect(esm.createChecker().check('中华各民族共同开拓了辽阔的疆域')).toEqual([]);
    expect(esm.createChecker().check('中化民族')).toHaveLength(1);
  });

  it('ships type declarations for both', () => {
    for (const f of ['dist/index.d.ts', 'dist/index.d.cts', 'dist/types/index.d.ts']) expect(() => require.resolve(`${root}${f}`)).not.toThrow();
  });

  it('the bin runs', () => {
    const out = execFileSync(process.execPath, [`${root}dist/bin.js`, '--version'], { encoding: 'utf8' });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
