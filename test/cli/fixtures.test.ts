/**
 * CLI behaviour as fixture directories: test/fixtures/cli/<case>/case.json holds the arguments
 * (run from test/fixtures with the seed lexicon, as of 2024-01-01) and optionally a file for
 * stdin; expected.txt holds the exit code, stdout and stderr. Reviewers read diffs of output.
 * UPDATE_SNAPSHOT=1 rewrites expected.txt.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers.js';
import { run, SEED } from './run.js';

const root = fixture('cli');
const cases = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe('CLI fixtures', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  it.each(cases)('%s', async (name) => {
    const dir = join(root, name);
    const spec = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { args: string[]; stdin?: string };
    const [command, ...rest] = spec.args;
    const stdin = spec.stdin !== undefined ? readFileSync(join(dir, spec.stdin)) : undefined;
    const r = await run([command!, ...SEED, ...rest], stdin !== undefined ? { stdin } : {});
    const actual = `exit ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
    const file = join(dir, 'expected.txt');
    if (process.env.UPDATE_SNAPSHOT === '1' || !existsSync(file)) writeFileSync(file, actual);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});
