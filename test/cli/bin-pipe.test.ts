import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers.js';

// A real pipe to a reader that leaves after one line: the listing (~600 kB) overflows the pipe
// buffer, so the writes after `head` exits fail with EPIPE.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
const bin = fixture('../../src/bin.ts');

describe('the tifa executable behind a pipe', () => {
  it('ends quietly, exit 0, when the reader goes away (tifa lexicon list | head -1)', () => {
    const script = `"$0" --import "$1" "$2" lexicon list | head -1; echo "status=\${PIPESTATUS[0]}" >&2`;
    const r = spawnSync('bash', ['-c', script, process.execPath, tsx, bin], { cwd: fixture('.'), encoding: 'utf8' });
    expect(r.stdout.split('\n')).toHaveLength(2); // one line and the final newline
    expect(JSON.parse(r.stdout)).toHaveProperty('id');
    expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(r.stderr).toMatch(/status=0\n$/);
  });
});
