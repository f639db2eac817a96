/**
 * Issue 11, problem 3 as a property: over any mix of good, missing and unreadable files, in any
 * order, `checkFiles` (the worker pool) and the CLI (in one thread and with a pool) return every
 * good file's findings, equal to checking that file alone, and an error entry for each bad one.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFiles, type PoolFileResult } from '../../src/pool/index.js';
import { readFixture, seedChecker } from '../helpers.js';
import { run, SEED } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'tifa-prop-bad-'));
const GOOD_TEXTS = ['我们是中华明族的子孙。', '坚决打赢脱贫攻艰战，中华人民共合国万岁。', '一段干净的文字。', '会议强调，要坚持稳中求进。中华明族', '袓国安全'];

interface Entry {
  name: string;
  /** The text of a good file; undefined for a bad path. */
  text?: string;
  /** The error code a bad path gives. */
  code?: string;
}

const entries: Entry[] = GOOD_TEXTS.map((text, i) => ({ name: `good-${i}.txt`, text }));
for (const e of entries) writeFileSync(join(dir, e.name), e.text!);
symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
mkdirSync(join(dir, 'folder.txt'));
entries.push(
  { name: 'missing.txt', code: 'ENOENT' },
  { name: 'also-missing.txt', code: 'ENOENT' },
  { name: 'dangling.txt', code: 'ENOENT' },
  { name: 'good-0.txt/inside.txt', code: 'ENOTDIR' },
);
/** A directory where a file is expected: the pool's blocking read fails with EISDIR (the CLI walks a named folder). */
const FOLDER: Entry = { name: 'folder.txt', code: 'EISDIR' };

const checker = seedChecker({ asOf: '2024-01-01' });
const alone = new Map(entries.filter((e) => e.text !== undefined).map((e) => [e.name, checker.check(e.text!)]));
const mixes = (pool: Entry[]) => fc.shuffledSubarray(pool, { minLength: 1, maxLength: pool.length });

describe('a random mix of good and bad paths', () => {
  it('checkFiles: every good file gets its own findings, every bad one an error, in input order', async () => {
    await fc.assert(
      fc.asyncProperty(mixes([...entries, FOLDER]), fc.integer({ min: 1, max: 2 }), async (mix, jobs) => {
        const files = mix.map((e) => join(dir, e.name));
        const got: PoolFileResult[] = [];
        for await (const r of checkFiles(files, { jobs, checker: { builtins: false, asOf: '2024-01-01', lexicons: [{ name: 'seed.yaml', text: readFixture('lexicons/seed.yaml') }] } })) got.push(r);
        expect(got.map((r) => r.file)).toEqual(files);
        mix.forEach((e, i) => {
          if (e.text !== undefined) {
            expect(got[i]!.error).toBeUndefined();
            expect(got[i]!.findings).toEqual(alone.get(e.name));
          } else {
            expect(got[i]!.error?.code).toBe(e.code);
            expect(got[i]!.findings).toEqual([]);
          }
        });
      }),
      { numRuns: 4 },
    );
  }, 180_000);

  it('the CLI (one thread, or a pool of 2): the same, as json entries, exit 2 when a path is bad', async () => {
    const cliAlone = new Map<string, unknown>();
    for (const e of entries.filter((x) => x.text !== undefined)) cliAlone.set(e.name, JSON.parse((await run(['check', ...SEED, '-f', 'json', e.name], { cwd: dir })).stdout)[0].findings);
    await fc.assert(
      fc.asyncProperty(mixes(entries), fc.constantFrom('1', '1', '1', '2'), async (mix, jobs) => {
        const r = await run(['check', ...SEED, '-f', 'json', '-j', jobs, ...mix.map((e) => e.name)], { cwd: dir });
        const out = JSON.parse(r.stdout) as Array<{ file: string; error?: { code: string }; findings: unknown[] }>;
        expect(out.map((x) => x.file)).toEqual(mix.map((e) => e.name));
        mix.forEach((e, i) => {
          if (e.text !== undefined) {
            expect(out[i]!.error).toBeUndefined();
            expect(out[i]!.findings).toEqual(cliAlone.get(e.name));
          } else expect(out[i]!.error?.code).toBe(e.code);
        });
        const bad = mix.some((e) => e.text === undefined);
        const errors = mix.some((e) => (cliAlone.get(e.name) as Array<{ severity: string }> | undefined)?.some((f) => f.severity === 'error'));
        expect(r.code).toBe(bad ? 2 : errors ? 1 : 0);
        expect(r.stderr).not.toContain('internal error');
      }),
      { numRuns: 12 },
    );
  }, 300_000);
});

