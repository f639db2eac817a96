/** Timing, statistics and markdown helpers for the bench (our own harness). */
import { cpus, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';

export interface Timing {
  /** Median wall time of the measured runs, ms. */
  median: number;
  min: number;
  max: number;
  runs: number;
}

/**
 * Runs `fn` `warmup` times unmeasured, then `runs` times measured (fewer when one run exceeds
 * `slowMs`, never fewer than 3); returns the median. `fn` returns a value that must be the same on
 * every run (a match count): a change fails the bench.
 */
export function measure<T>(fn: () => T, options: { warmup?: number; runs?: number; slowMs?: number } = {}): Timing & { value: T } {
  const warmup = options.warmup ?? 1;
  let runs = options.runs ?? 5;
  let value: T | undefined;
  for (let i = 0; i < warmup; i++) {
    const t0 = performance.now();
    value = fn();
    // Very slow engines: the warm-up already ran the JIT; one measured run keeps the bench short.
    if (performance.now() - t0 > (options.slowMs ?? 4000) * 2.5) runs = 1;
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const v = fn();
    const t = performance.now() - t0;
    times.push(t);
    if (value !== undefined && v !== value) throw new Error(`bench: result changed between runs (${String(value)} then ${String(v)})`);
    value = v;
    if (i === 0 && t > (options.slowMs ?? 4000)) runs = Math.min(runs, 3);
  }
  return { ...summarize(times), value: value as T };
}

export async function measureAsync<T>(fn: () => Promise<T>, options: { warmup?: number; runs?: number } = {}): Promise<Timing & { value: T }> {
  let value: T | undefined;
  for (let i = 0; i < (options.warmup ?? 1); i++) value = await fn();
  const times: number[] = [];
  for (let i = 0; i < (options.runs ?? 3); i++) {
    const t0 = performance.now();
    const v = await fn();
    times.push(performance.now() - t0);
    if (value !== undefined && JSON.stringify(v) !== JSON.stringify(value)) throw new Error('bench: result changed between runs');
    value = v;
  }
  return { ...summarize(times), value: value as T };
}

export function summarize(times: number[]): Timing {
  const s = [...times].sort((a, b) => a - b);
  const m = s.length >> 1;
  const median = s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, runs: s.length };
}

export const mbps = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);
export const fmt = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a');
export const int = (x: number): string => Math.round(x).toLocaleString('en-US');

export function table(head: string[], rows: Array<Array<string | number>>, align?: string): string {
  const a = align ?? head.map((_, i) => (i === 0 ? 'l' : 'r')).join('');
  const sep = head.map((_, i) => (a[i] === 'l' ? '---' : '---:'));
  return [head, sep, ...rows.map((r) => r.map(String))].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

export function machine(): string {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) model = m[1]!.trim();
  } catch {
    // not Linux: os.cpus() is all we have
  }
  const [l1] = loadavg();
  return `${model}, ${cpus().length} cores (load average ${fmt(l1!, 2)} at start), Node ${process.version}, ${process.platform}-${process.arch}`;
}

/**
 * Peak resident set size of this process so far, MB: VmHWM of /proc/self/status (reset by exec).
 * getrusage's maxRSS is not used on Linux: it survives execve, so a child would report its
 * parent's peak when that was larger.
 */
export function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** Idle cores over `ms` (from /proc/stat), or undefined off Linux. */
export async function idleCores(ms = 1000): Promise<number | undefined> {
  const read = (): [number, number] | undefined => {
    try {
      const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
      return [f[3]! + (f[4] ?? 0), f.reduce((a, b) => a + b, 0)];
    } catch {
      return undefined;
    }
  };
  const a = read();
  await new Promise((r) => setTimeout(r, ms));
  const b = read();
  if (!a || !b || b[1] === a[1]) return undefined;
  return ((b[0] - a[0]) / (b[1] - a[1])) * cpus().length;
}

/** Waits (up to `maxMs`) until at least `want` cores are idle; returns the idle cores last seen. */
export async function waitForIdle(want: number, maxMs: number): Promise<number | undefined> {
  const until = Date.now() + maxMs;
  let idle = await idleCores();
  while (idle !== undefined && idle < want && Date.now() < until) {
    process.stderr.write(`  waiting for idle cores (${fmt(idle, 2)} idle)...\n`);
    await new Promise((r) => setTimeout(r, 4000));
    idle = await idleCores();
  }
  return idle;
}
