/**
 * pool: `tifa check --jobs 2` against `--jobs 1` as a user runs it: the package packed with
 * `npm pack` (from a copy of the sources, which builds in prepack), installed into an empty project
 * in a temporary directory, the CLI run from there on ~20 MB of pages (the corpus cut into .txt and
 * .html files of 2-200 KB, sizes drawn log-uniformly with a fixed seed). Every run is a fresh
 * process (worker start-up included); --jobs 1 and --jobs 2 alternate, the load average is noted
 * before each run, the output of both must be byte for byte the same. Also: a worker's start-up
 * (import tifa, first result of checkFiles with one worker on a tiny file) against createChecker
 * in the main thread.
 *
 *   npx tsx bench/sections/pool.ts [--quick] [--mb 20] [--rounds 3] [--wait SECONDS] [--keep] [--ref COMMIT] [--tarball FILE] [--project DIR]
 *
 * Used by bench/run.ts (section `pool`) through runPoolBench. The machine may be shared: read the
 * load column (2 cores: a load above ~0.5 before a run means someone else is working).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCorpusSlice } from '../lib/corpus.js';
import { seededRandom as random } from '../lib/random.js';
import { runTimed } from '../lib/thread-cpu.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface PoolBenchOptions {
  /** Fewer megabytes (8) and one round. Default: false. */
  quick?: boolean;
  /** Megabytes of pages. Default: 20 (8 with quick). */
  mb?: number;
  /** Rounds of (--jobs 1, --jobs 2). Default: 3 (1 with quick). */
  rounds?: number;
  /** Before each run, wait (up to `waitSeconds`) for the 1-minute load average to fall below this. Default: 1. */
  quietLoad?: number;
  /** Longest wait for a quiet machine before a run, in seconds. Default: 60 (10 with quick). */
  waitSeconds?: number;
  /** Leave the temporary directory (tarball, project, pages) in place and say where. Default: false. */
  keep?: boolean;
  /** Pack this commit (git archive) instead of the working tree: a consistent tree while others edit. Default: the working tree. */
  ref?: string;
  /** Reuse a project left by `keep` (its installed tifa and its pages): no pack, no install. */
  project?: string;
  /** Use this tarball instead of packing the sources. */
  tarball?: string;
  /** Progress lines. Default: stderr. */
  log?: (line: string) => void;
  /** Where bench/run.ts wants the markdown. */
  emit?: (markdown: string) => void;
}

/** One measured run. */
export interface PoolRunRow {
  jobs: number;
  round: number;
  wallMs: number;
  /** 1-minute load average just before the run. */
  load: number;
  /** CPU time of the run, all threads (user + system; /usr/bin/time), when measurable. */
  cpuMs?: number;
  /** CPU time per thread (Linux): the main thread, the worker threads, V8's and libuv's threads. */
  threads?: { mainMs: number; workersMs: number; backgroundMs: number };
  outputSha: string;
}

export interface PoolBenchResult {
  rows: PoolRunRow[];
  pages: { files: number; bytes: number };
  /** Median wall time of --jobs 1 over that of --jobs 2. */
  speedUp: number;
  /** The best round's ratio (least disturbed by others). */
  bestSpeedUp: number;
  startup: { createCheckerMs: number[]; firstPoolResultMs: number[] };
  packedFrom: string;
  markdown: string;
}

const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_|^init_cwd$/i.test(k)));

function sh(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

function must(r: SpawnSyncReturns<string>, what: string): SpawnSyncReturns<string> {
  if (r.status !== 0) throw new Error(`${what} failed (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * A tarball of the sources: `npm pack` of a copy (prepack builds). When that build fails (the tree
 * is being edited), the copy is packed with the dist/ already built and scripts off, and says so.
 */
function pack(work: string, log: (l: string) => void, ref?: string): { tarball: string; how: string } {
  const source = join(work, 'source');
  if (ref !== undefined) {
    mkdirSync(source);
    must(sh('sh', ['-c', 'git -C "$0" archive "$1" src dictionaries package.json tsconfig.json README.md LICENSE | tar -x -C "$2"', ROOT, ref, source], ROOT), `git archive ${ref}`);
  } else for (const p of ['src', 'dictionaries', 'package.json', 'tsconfig.json', 'README.md', 'LICENSE']) cpSync(join(ROOT, p), join(source, p), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'), 'dir');
  log('  npm pack (builds in prepack) ...');
  const r = sh('npm', ['pack', '--pack-destination', work], source);
  let how = `npm pack of ${ref === undefined ? 'a copy of the working tree' : `commit ${ref}`} (built in prepack)`;
  if (r.status !== 0 && ref !== undefined) throw new Error(`npm pack of ${ref} failed:\n${r.stderr}`);
  if (r.status !== 0) {
    log(`  npm pack failed (${r.stderr.split('\n').find((l) => /error/i.test(l)) ?? 'see stderr'}); packing the dist/ of the working tree instead`);
    cpSync(join(ROOT, 'dist'), join(source, 'dist'), { recursive: true });
    const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    delete manifest.scripts.prepare;
    writeFileSync(join(source, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    must(sh('npm', ['pack', '--ignore-scripts', '--pack-destination', work], source), 'npm pack --ignore-scripts');
    how = "npm pack --ignore-scripts of the working tree's dist/ (the prepack build failed on files being edited)";
  }
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  return { tarball: join(work, tarball), how };
}


const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The corpus cut into pages of 2-200 KB (log-uniform), every other one an HTML page. */
function writePages(dir: string, mb: number): { files: number; bytes: number } {
  const slice = readCorpusSlice(mb * 1e6);
  if (!slice) throw new Error('corpus not found (../shared/corpus or TIFA_CORPUS)');
  const next = random(14);
  let files = 0;
  let bytes = 0;
  let i = 0;
  while (i < slice.lines.length) {
    const want = Math.exp(Math.log(2_000) + next() * (Math.log(200_000) - Math.log(2_000)));
    const lines: string[] = [];
    let size = 0;
    while (i < slice.lines.length && (size < want || lines.length === 0)) {
      lines.push(slice.lines[i]!);
      size += Buffer.byteLength(slice.lines[i]!) + 1;
      i++;
    }
    const html = files % 2 === 1;
    const body = html ? `<!doctype html>\n<html><head><meta charset="utf-8"><title>第${files}页</title></head><body>\n${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}\n</body></html>\n` : `${lines.join('\n')}\n`;
    const name = join(dir, `page-${String(files).padStart(5, '0')}.${html ? 'html' : 'txt'}`);
    writeFileSync(name, body);
    files++;
    bytes += Buffer.byteLength(body);
  }
  return { files, bytes };
}

/** Waits until the 1-minute load average is below `quiet` or `seconds` have passed. */
async function waitForQuiet(quiet: number, seconds: number, log: (l: string) => void): Promise<void> {
  const until = Date.now() + seconds * 1000;
  if (loadavg()[0]! >= quiet) log(`  waiting up to ${seconds} s for a load below ${quiet} (now ${f2(loadavg()[0]!)}) ...`);
  while (loadavg()[0]! >= quiet && Date.now() < until) await new Promise((r) => setTimeout(r, 2000));
}

const TIME = '/usr/bin/time';

/** One CLI run from the project directory: wall time, CPU time (all threads, and per thread), load before it, a hash of its output. */
async function runCli(project: string, pages: string, jobs: number): Promise<Omit<PoolRunRow, 'jobs' | 'round'>> {
  const load = loadavg()[0]!;
  const args = [join(project, 'node_modules', 'tifa', 'dist', 'bin.js'), 'check', '--no-config', '--jobs', String(jobs), '--format', 'jsonl', pages];
  const timeFile = join(project, 'time.txt');
  // CPU time (all threads) beside the wall time: on a shared machine the wall time says little alone.
  const timed = existsSync(TIME);
  const r = await (timed ? runTimed(TIME, ['-f', '%U %S', '-o', timeFile, process.execPath, ...args], { cwd: project, env }) : runTimed(process.execPath, args, { cwd: project, env }));
  if (r.status !== 0 && r.status !== 1) throw new Error(`tifa check --jobs ${jobs} failed (status ${r.status}): ${r.stderr.slice(0, 2000)}`);
  const out: Omit<PoolRunRow, 'jobs' | 'round'> = { wallMs: r.wallMs, load, outputSha: createHash('sha256').update(r.stdout).digest('hex') };
  if (timed) {
    const [user, system] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
    if (Number.isFinite(user) && Number.isFinite(system)) out.cpuMs = (user! + system!) * 1000;
  }
  // --jobs N runs N - 1 worker threads beside the main thread (the pool's mainThread): taken to be
  // the busiest other threads; the rest are V8's (compiler, GC helpers) and libuv's.
  if (r.threads) {
    const workers = r.threads.othersMs.slice(0, jobs - 1);
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    out.threads = { mainMs: r.threads.mainMs, workersMs: sum(workers), backgroundMs: sum(r.threads.othersMs.slice(jobs - 1)) };
  }
  return out;
}

const STARTUP_SCRIPT = String.raw`
const t0 = performance.now();
const m = await import('tifa');
const imported = performance.now();
if (process.argv[1] === 'main') {
  m.createChecker();
  process.stdout.write(JSON.stringify({ ms: performance.now() - imported }));
} else {
  for await (const r of m.checkFiles([process.argv[2]], { jobs: 1 })) if (r.error) throw new Error(r.error.message);
  process.stdout.write(JSON.stringify({ ms: performance.now() - imported }));
}
`;

/** createChecker in the main thread, and the first result of a one-worker pool on a tiny file (start-up + checker + one check), each in a fresh process. */
function startup(project: string, tiny: string, rounds: number): { createCheckerMs: number[]; firstPoolResultMs: number[] } {
  const one = (what: string): number => (JSON.parse(must(sh(process.execPath, ['--input-type=module', '-e', STARTUP_SCRIPT, what, tiny], project), `start-up (${what})`).stdout) as { ms: number }).ms;
  const createCheckerMs: number[] = [];
  const firstPoolResultMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    createCheckerMs.push(one('main'));
    firstPoolResultMs.push(one('pool'));
  }
  return { createCheckerMs, firstPoolResultMs };
}

const f1 = (x: number): string => x.toFixed(1);
const f2 = (x: number): string => x.toFixed(2);

/** The CPU seconds of a run's main thread, worker thread and V8's and libuv's threads (three cells). */
const threadCells = (r: PoolRunRow): string => (r.threads ? [r.threads.mainMs, r.threads.workersMs, r.threads.backgroundMs].map((ms) => f2(ms / 1000)).join(' | ') : ' |  | ');

/**
 * What the CPU times allow, whatever the load: on an idle machine with 2 cores, --jobs 1 cannot end
 * before its main thread has had its CPU time (V8's threads run beside it), and --jobs 2 not before
 * half of its CPU time of all threads; so the speed-up is at most 2 × main(jobs 1) / all(jobs 2).
 */
function ceilingLine(rows: readonly PoolRunRow[]): string {
  const one = rows.filter((r) => r.jobs === 1 && r.threads);
  const two = rows.filter((r) => r.jobs === 2 && r.cpuMs !== undefined);
  if (one.length === 0 || two.length === 0) return '';
  const main1 = median(one.map((r) => r.threads!.mainMs));
  const background1 = median(one.map((r) => r.threads!.backgroundMs));
  const all2 = median(two.map((r) => r.cpuMs!));
  return `CPU seconds (medians): --jobs 1 spends ${f2(main1 / 1000)} in its main thread and ${f2(background1 / 1000)} in V8's threads beside it (the optimizing compiler, GC helpers), so one process already keeps ${f2((main1 + background1) / main1)} cores busy; --jobs 2 spends ${f2(all2 / 1000)} in all. On 2 idle cores its speed-up is therefore at most 2 × ${f2(main1 / 1000)} / ${f2(all2 / 1000)} = **${f2((2 * main1) / all2)}×**.`;
}

export async function runPoolBench(options: PoolBenchOptions = {}): Promise<PoolBenchResult> {
  const log = options.log ?? ((l: string) => void process.stderr.write(`${l}\n`));
  const quick = options.quick === true;
  const mb = options.mb ?? (quick ? 8 : 20);
  const rounds = options.rounds ?? (quick ? 1 : 3);
  const work = mkdtempSync(join(tmpdir(), 'tifa-bench-pool-'));
  try {
    let packed: { how: string };
    let project: string;
    let pages: { files: number; bytes: number };
    if (options.project !== undefined) {
      project = resolve(options.project);
      packed = { how: `the package installed in ${project} (an earlier run)` };
      const names = readdirSync(join(project, 'pages'));
      pages = { files: names.length, bytes: names.reduce((n, f) => n + readFileSync(join(project, 'pages', f)).length, 0) };
    } else {
      const tarball = options.tarball ? { tarball: resolve(options.tarball), how: `the tarball ${options.tarball}` } : pack(work, log, options.ref);
      packed = tarball;
      project = join(work, 'project');
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2)}\n`);
      log('  npm install of the tarball into an empty project ...');
      must(sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball.tarball], project), 'npm install');
      const pagesDir = join(project, 'pages');
      mkdirSync(pagesDir);
      pages = writePages(pagesDir, mb);
    }
    const tiny = join(project, 'tiny.txt');
    writeFileSync(tiny, '坚决打赢脱贫攻艰战。\n');
    log(`  ${pages.files} pages, ${f1(pages.bytes / 1e6)} MB; warming the file cache ...`);
    await runCli(project, 'pages', 2);
    const rows: PoolRunRow[] = [];
    for (let round = 1; round <= rounds; round++) {
      for (const jobs of round % 2 === 1 ? [1, 2] : [2, 1]) {
        await waitForQuiet(options.quietLoad ?? 1, options.waitSeconds ?? (quick ? 10 : 60), log);
        const r = await runCli(project, 'pages', jobs);
        rows.push({ jobs, round, ...r });
        log(`  round ${round}, --jobs ${jobs}: ${f2(r.wallMs / 1000)} s wall, ${r.cpuMs === undefined ? '?' : f2(r.cpuMs / 1000)} s CPU (load ${f2(r.load)} before)`);
      }
    }
    const shas = new Set(rows.map((r) => r.outputSha));
    if (shas.size !== 1) throw new Error('tifa check printed different output with --jobs 1 and --jobs 2');
    const wall = (jobs: number): number[] => rows.filter((r) => r.jobs === jobs).map((r) => r.wallMs);
    const speedUp = median(wall(1)) / median(wall(2));
    const ratios = Array.from({ length: rounds }, (_, k) => {
      const of = (jobs: number): number => rows.find((r) => r.round === k + 1 && r.jobs === jobs)!.wallMs;
      return of(1) / of(2);
    });
    const bestSpeedUp = Math.max(...ratios);
    const start = startup(project, tiny, quick ? 1 : 3);
    const markdown = [
      `### Pool from an installed tarball: \`tifa check --jobs 2\` vs \`--jobs 1\` on ${f1(pages.bytes / 1e6)} MB of pages`,
      '',
      `${pages.files} pages of the corpus (.txt and .html, 2-200 KB), ${packed.how}, installed into an empty project and run from there; every run a fresh process (worker start-up included), output identical in every run. ${cpus().length} cores; the load average before each run is shown (the machine is shared).`,
      '',
      '| round | --jobs | wall s | MB/s | CPU s (all threads) | main thread | worker thread | V8 and libuv threads | 1-min load before |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows.map((r) => `| ${r.round} | ${r.jobs} | ${f2(r.wallMs / 1000)} | ${f1(pages.bytes / 1e3 / r.wallMs)} | ${r.cpuMs === undefined ? '' : f2(r.cpuMs / 1000)} | ${threadCells(r)} | ${f2(r.load)} |`),
      '',
      `--jobs 2 vs --jobs 1: **${f2(speedUp)}×** (medians; per round ${ratios.map(f2).join(', ')}; target ≥ 1.7×).`,
      '',
      ceilingLine(rows),
      '',
      `Start-up, each in a fresh process after \`import('tifa')\`: createChecker in the main thread ${start.createCheckerMs.map((x) => x.toFixed(0)).join(' / ')} ms; first result of a one-worker pool on a 30-byte file (piscina, the thread, its import of tifa and its checker, one check) ${start.firstPoolResultMs.map((x) => x.toFixed(0)).join(' / ')} ms.`,
      '',
    ].join('\n');
    options.emit?.(markdown);
    return { rows, pages, speedUp, bestSpeedUp, startup: start, packedFrom: packed.how, markdown };
  } finally {
    if (options.keep) log(`  kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const mb = arg('--mb');
  const rounds = arg('--rounds');
  const tarball = arg('--tarball');
  const wait = arg('--wait');
  const ref = arg('--ref');
  const project = arg('--project');
  const result = await runPoolBench({ quick: process.argv.includes('--quick'), ...(mb ? { mb: Number(mb) } : {}), ...(rounds ? { rounds: Number(rounds) } : {}), ...(tarball ? { tarball } : {}), ...(wait ? { waitSeconds: Number(wait) } : {}), keep: process.argv.includes('--keep'), ...(ref ? { ref } : {}), ...(project ? { project } : {}) });
  process.stdout.write(result.markdown);
}
