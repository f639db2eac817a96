/** Fresh processes for the measurements that must not share a heap (RSS, start-up, big lexicons). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './corpus.js';

/** Runs `bench/run.ts --child NAME ARGS` under tsx; returns the JSON it prints on its last line. */
export function runChild<T>(name: string, ...args: string[]): T {
  return runChildWithin<T>(10 * 60_000, name, ...args);
}

/** runChild, killed (and failed) after `timeoutMs`. */
export function runChildWithin<T>(timeoutMs: number, name: string, ...args: string[]): T {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'run.ts'), '--child', name, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, cwd: ROOT, timeout: timeoutMs });
  if (r.error) throw new Error(`bench child ${name} ${args.join(' ')}: Error: ${r.error.message}${r.signal ? ` (${r.signal} after ${timeoutMs / 1000} s)` : ''}`);
  if (r.status !== 0) throw new Error(`bench child ${name} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

/** The first `Error: ...` line of a failed child's message, for a table cell. */
export function failureReason(error: unknown, max = 200): string {
  const message = error instanceof Error ? error.message : String(error);
  return /(\w*Error: [^\n]+)/.exec(message)?.[1]?.slice(0, max) ?? message.slice(0, max);
}
