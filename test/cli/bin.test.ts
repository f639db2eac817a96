import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../encoding/gbk-encoder.js';
import { fixture } from '../helpers.js';
import { SEED } from './run.js';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
const bin = fixture('../../src/bin.ts');
const tifa = (args: string[], input?: Uint8Array | string) =>
  spawnSync(process.execPath, ['--import', tsx, bin, ...args], { cwd: fixture('.'), input: input ?? '', env: { ...process.env, NO_COLOR: '1' } });

describe('the tifa executable', () => {
  it('reads stdin bytes and sets the exit code: 1 with errors', () => {
    const r = tifa(['check', ...SEED, '-f', 'github', '-'], encodeGbk('<meta charset="gbk"><p>中华明族</p>'));
    expect(r.status).toBe(1);
    expect(r.stdout.toString()).toBe(`::error file=<stdin>,line=1,col=24,endLine=1,endColumn=28,title=tifa misspelling::“中华明族”疑为“中华民族”的错误写法（错字：“明”应为“民”），应为“中华民族”\n`);
  });

  it('0 when clean, 2 with the unreadable input named on stderr and no stack', () => {
    expect(tifa(['check', ...SEED, 'pages/correct.html']).status).toBe(0);
    const r = tifa(['check', 'missing/page.html']);
    expect(r.status).toBe(2);
    expect(r.stderr.toString()).toBe('tifa: error: missing/page.html: cannot read: ENOENT (no such file or directory)\ntifa: 1 input could not be read (see above); the others were checked\n');
  });
});
