import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixture } from '../helpers.js';

const bin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

describe('tifa check --jobs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-jobs-'));
  for (let i = 0; i < 12; i++) {
    copyFileSync(fixture('pages/notice.html'), join(dir, `page-${String(i).padStart(2, '0')}.html`));
    copyFileSync(fixture('pages/notice-gb2312.html'), join(dir, `gbk-${String(i).padStart(2, '0')}.html`));
  }
  const run = (jobs: string) => spawnSync(process.execPath, [bin, 'check', '--no-config', '--jobs', jobs, '--format', 'jsonl', dir], { encoding: 'utf8' });

  it('gives the same output, in the same order, with a pool of 2 as in one thread', () => {
    const one = run('1');
    const two = run('2');
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    expect(two.stderr).toBe('');
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.trim().split('\n')).toHaveLength(24 * 5 - 12); // 5 findings per UTF-8 page, 4 per GBK page
  });

  it('reports a bad lexicon from the pool (its workers or this thread, whichever fails first) as one thread does', () => {
    const lexicon = join(dir, 'bad.yaml');
    writeFileSync(lexicon, 'kind: mandated\nsource: test\nentries:\n  - id: x\n');
    const args = (jobs: string) => [bin, 'check', '--no-config', '--no-builtins', '--lexicon', lexicon, '--jobs', jobs, join(dir, 'page-00.html'), join(dir, 'page-01.html')];
    const one = spawnSync(process.execPath, args('1'), { encoding: 'utf8' });
    const two = spawnSync(process.execPath, args('2'), { encoding: 'utf8' });
    expect(one.status).toBe(2);
    expect(one.stderr).toContain('bad.yaml');
    expect(two.status).toBe(2);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stdout).toBe(one.stdout);
  });

  it('cuts one large text file into ranges for the workers: the same output as one thread', () => {
    const big = join(dir, 'big', 'news.txt');
    mkdirSync(join(dir, 'big'));
    const lines: string[] = [];
    for (let i = 0; i < 12_000; i++) lines.push(i % 9 === 0 ? `第${i}条：坚决打赢脱贫攻艰战，铸牢中华明族共同体意识。` : i % 13 === 0 ? '中华明族'.repeat(1 + (i % 4)) : '会议强调，要坚持稳中求进工作总基调，推动各项工作取得新成效，各地区各部门认真落实。');
    writeFileSync(big, lines.join('\n'));
    const args = (jobs: string) => [bin, 'check', '--no-config', '--jobs', jobs, '--format', 'jsonl', big];
    const one = spawnSync(process.execPath, args('1'), { encoding: 'utf8', maxBuffer: 1 << 28 });
    const two = spawnSync(process.execPath, args('2'), { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    expect(two.stderr).toBe('');
    expect(two.stdout).toBe(one.stdout);
  }, 120_000);

  it('rejects a bad value', () => {
    const r = run('0');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--jobs must be a positive whole number or auto/);
  });
});
