/**
 * A child process run with its CPU time per thread (Linux: /proc/PID/task/TID/stat, sampled every
 * 50 ms while it runs; the last sample of each thread counts, so a thread's last < 50 ms may be
 * missed). It tells the main thread, the worker threads and V8's own threads (optimizing compiler,
 * garbage collector helpers) apart, which the process total of /usr/bin/time cannot. Where there is
 * no /proc, `threads` is undefined.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface ThreadCpu {
  /** The process's main thread. */
  mainMs: number;
  /** Every other thread that used any CPU, busiest first. */
  othersMs: number[];
}

export interface TimedRun {
  status: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  threads?: ThreadCpu;
}

let tickMs: number | undefined;
/** Milliseconds per clock tick of /proc's stat (USER_HZ). */
function clockTickMs(): number {
  if (tickMs === undefined) {
    try {
      tickMs = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      tickMs = 10;
    }
  }
  return tickMs;
}

/** The process to sample: `pid` itself, or its first child when it is /usr/bin/time. */
function measuredPid(pid: number): number | undefined {
  try {
    if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'time') return pid;
    const child = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ')[0];
    return child ? Number(child) : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) of every thread of `pid` into `seen`, by thread id. */
function sample(pid: number, seen: Map<number, number>): void {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seen.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * clockTickMs());
    } catch {
      // the thread ended between the listing and the read
    }
  }
}

function threadsOf(pid: number | undefined, seen: Map<number, number>): ThreadCpu | undefined {
  if (pid === undefined || !seen.has(pid)) return undefined;
  const othersMs = [...seen].filter(([tid, ms]) => tid !== pid && ms > 0).map(([, ms]) => ms);
  return { mainMs: seen.get(pid)!, othersMs: othersMs.sort((a, b) => b - a) };
}

/** Runs `command args` to its end: status, output, wall time and, on Linux, CPU time per thread. */
export function runTimed(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const seen = new Map<number, number>();
    let pid: number | undefined;
    const proc = existsSync('/proc/self/task');
    const timer = setInterval(() => {
      if (!proc || child.pid === undefined) return;
      pid ??= measuredPid(child.pid);
      if (pid !== undefined) sample(pid, seen);
    }, 50);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (status) => {
      clearInterval(timer);
      const run: TimedRun = { status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), wallMs: performance.now() - t0 };
      const threads = threadsOf(pid, seen);
      if (threads) run.threads = threads;
      resolve(run);
    });
  });
}
