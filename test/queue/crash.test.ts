/**
 * The test: two worker processes on 2,000 pages against one real redis-server; one is
 * killed with SIGKILL mid-run and restarted. Its pages in hand come back as stalled; at the end
 * the results equal `tifa check --format jsonl` on the same pages, each page exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run, SEED } from '../cli/run.js';
import { fixture } from '../helpers.js';
import { startRedis, type TestRedis } from './redis.js';
import { queue } from './run.js';

const PAGES = 2000;
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
const bin = fixture('../../src/bin.ts');
// Short locks so that a dead worker's pages come back within seconds (the defaults are 30 s / 15 s).
const WORK = ['--jobs', '1', '--exit-when-empty', '--lock-ms', '1500', '--stalled-ms', '500', '--no-config', ...SEED];

let redis: TestRedis;
let dir: string;
const children: ChildProcess[] = [];

/** Small pages with known errors: a few kinds, HTML and text, some clean. */
function page(i: number): { name: string; body: string } {
  const n = String(i).padStart(4, '0');
  switch (i % 4) {
    case 0:
      return { name: `html/${n}.html`, body: `<html><body><h1>第${i}号通知</h1><p>实现中华明族伟大复兴。</p></body></html>` };
    case 1:
      return { name: `text/${n}.txt`, body: `第${i}段：维护袓国安全，打赢脱贫攻艰战。\n` };
    case 2:
      return { name: `html/${n}.html`, body: `<p>第${i}页：今天天气很好。</p>` };
    default:
      return { name: `text/${n}.txt`, body: `第${i}段\n中华民族，<!-- x -->中华明族，中 华 民 族\n` };
  }
}

beforeAll(async () => {
  redis = await startRedis();
  dir = mkdtempSync(join(tmpdir(), 'tifa-crash-'));
  mkdirSync(join(dir, 'site', 'html'), { recursive: true });
  mkdirSync(join(dir, 'site', 'text'), { recursive: true });
  for (let i = 0; i < PAGES; i++) {
    const p = page(i);
    writeFileSync(join(dir, 'site', p.name), p.body);
  }
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await redis?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Worker {
  child: ChildProcess;
  stderr: () => string;
  exit: Promise<number | null>;
}

function startWorker(): Worker {
  const child = spawn(process.execPath, ['--import', tsx, bin, 'queue', 'work', '--redis', redis.url, '--queue', 'crash', ...WORK], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return { child, stderr: () => stderr, exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

const completed = async (): Promise<number> => (JSON.parse((await queue(['status', '--redis', redis.url, '--queue', 'crash', '--format', 'json'], { cwd: dir })).stdout) as { completed: number }).completed;

it('two workers, one killed with SIGKILL mid-run and restarted: results equal tifa check, each page once', async () => {
  const added = await queue(['add', '--redis', redis.url, '--queue', 'crash', 'site'], { cwd: dir });
  expect(added.stdout).toBe(`tifa: queued ${PAGES} pages on crash (0 already queued or checked)\n`);

  const a = startWorker();
  const b = startWorker();
  // Kill A once the run is well under way (bounded wait: 60 s).
  for (let i = 0; i < 600 && (await completed()) < PAGES / 5; i++) await new Promise((r) => setTimeout(r, 100));
  const before = await completed();
  expect(before).toBeLessThan(PAGES);
  a.child.kill('SIGKILL');
  expect(await a.exit).toBe(null);
  const again = startWorker();
  expect(await b.exit).toBe(0);
  expect(await again.exit).toBe(0);

  // A's pages in hand were put back by a live worker's stalled-job check.
  expect(b.stderr() + again.stderr()).toMatch(/tifa: page [0-9a-f]{40} stalled/);
  expect(JSON.parse((await queue(['status', '--redis', redis.url, '--queue', 'crash', '--format', 'json'], { cwd: dir })).stdout)).toEqual({ waiting: 0, active: 0, completed: PAGES, failed: 0 });

  const results = await queue(['results', '--redis', redis.url, '--queue', 'crash'], { cwd: dir });
  const check = await run(['check', '--format', 'jsonl', '--no-config', ...SEED, 'site'], { cwd: dir });
  expect(check.code).toBe(1);
  const lines = results.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines.length).toBe(check.stdout.trimEnd().split('\n').length);
  expect(lines.map(({ pageId: _, ...rest }) => JSON.stringify(rest)).join('\n') + '\n').toBe(check.stdout);
  // Each page exactly once: one page id per file, PAGES of them.
  const ids = new Map<string, string>();
  for (const l of lines) {
    const seen = ids.get(l.file as string);
    if (seen !== undefined) expect(l.pageId).toBe(seen);
    ids.set(l.file as string, l.pageId as string);
  }
  const json = JSON.parse((await queue(['results', '--redis', redis.url, '--queue', 'crash', '--format', 'json'], { cwd: dir })).stdout) as Array<{ file: string }>;
  expect(json.length).toBe(PAGES);
  expect(new Set(json.map((p) => p.file)).size).toBe(PAGES);
}, 120_000);

it('a worker stops on SIGTERM, after the pages in hand, and exits 0 with its summary', async () => {
  const child = spawn(process.execPath, ['--import', tsx, bin, 'queue', 'work', '--redis', redis.url, '--queue', 'idle', '--jobs', '1', '--no-config', ...SEED], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('tifa: working on queue idle')) resolve();
    });
    child.once('exit', () => reject(new Error(`worker exited early: ${stderr}`)));
  });
  child.kill('SIGTERM');
  expect(await exit).toBe(0);
  expect(stdout).toBe('tifa: worker stopped: 0 pages checked, 0 failed attempts\n');
}, 60_000);
