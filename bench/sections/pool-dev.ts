/**
 * pool-dev: the worker pool on the repository's own bundle, --jobs 2 vs --jobs 1 on 2,000 pages of
 * the corpus, every run cold. The pool from an installed tarball is the `pool` section
 * (bench/sections/pool.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Corpus } from '../lib/corpus.js';
import type { BenchContext, Section } from '../lib/section.js';
import { fmt, int, mbps, summarize, table, waitForIdle } from '../lib/stats.js';
import { checkFiles } from '../../src/pool/index.js';

interface Timed {
  wall: number;
  cpu: number;
  value: number;
}

const med = (xs: number[]): number => summarize(xs).median;

/** Wall and CPU time (all threads of this process) of 3 runs; medians. */
async function timed(f: () => Promise<number>): Promise<Timed> {
  const walls: number[] = [];
  const cpuMs: number[] = [];
  let value = -1;
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const v = await f();
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
    if (value >= 0 && v !== value) throw new Error('pool: findings changed between runs');
    value = v;
  }
  return { wall: med(walls), cpu: med(cpuMs), value };
}

// The baseline runs the same bundle and data snapshot as the workers, in a plain node process
// (dist/data is rebuilt by other work meanwhile, and the bundle must not run under tsx).
const SEQUENTIAL_SCRIPT = String.raw`
const { readFileSync } = await import('node:fs');
const c0 = process.cpuUsage();
const t0 = performance.now();
const m = await import(process.argv[1]);
const checker = m.createChecker();
let n = 0;
for (const f of JSON.parse(readFileSync(process.argv[2], 'utf8'))) n += checker.check(readFileSync(f, 'utf8')).length;
const c = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ wall: performance.now() - t0, cpu: (c.user + c.system) / 1000, value: n }));
`;

function sequential(bundlePath: string, listFile: string): Timed {
  const runs = [0, 1, 2].map(() => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', SEQUENTIAL_SCRIPT, pathToFileURL(bundlePath).href, listFile], { encoding: 'utf8' })) as Timed);
  if (new Set(runs.map((r) => r.value)).size !== 1) throw new Error('pool baseline: findings changed between runs');
  return { wall: med(runs.map((r) => r.wall)), cpu: med(runs.map((r) => r.cpu)), value: runs[0]!.value };
}

function writePages(corpus: Corpus, dir: string, pages: number): { files: string[]; total: number } {
  const per = Math.floor(corpus.lines.length / pages);
  const files: string[] = [];
  let total = 0;
  for (let p = 0; p < pages; p++) {
    const text = corpus.lines.slice(p * per, (p + 1) * per).join('\n');
    const f = join(dir, `page-${String(p).padStart(4, '0')}.txt`);
    writeFileSync(f, text);
    files.push(f);
    total += Buffer.byteLength(text);
  }
  return { files, total };
}

async function poolDev(ctx: BenchContext): Promise<void> {
  const corpus = ctx.corpus();
  const bundlePath = await ctx.bundle();
  const dir = mkdtempSync(join(tmpdir(), 'tifa-bench-pages-'));
  try {
    const idleBefore = await waitForIdle(1.8, 90_000);
    const { files, total } = writePages(corpus, dir, 2000);
    const count = async (jobs: number, list = files): Promise<number> => {
      let n = 0;
      for await (const r of checkFiles(list, { jobs, entry: bundlePath })) {
        if (r.error) throw new Error(`${r.file}: ${r.error.message}`);
        n += r.findings.length;
      }
      return n;
    };
    const listFile = join(dir, 'files.json');
    writeFileSync(listFile, JSON.stringify(files));
    const seq = sequential(bundlePath, listFile);
    const j1 = await timed(() => count(1));
    const j2 = await timed(() => count(2));
    const twice = [...files, ...files];
    const big1 = await timed(() => count(1, twice));
    const big2 = await timed(() => count(2, twice));
    if (j1.value !== seq.value || j2.value !== seq.value) throw new Error(`pool findings differ: sequential ${seq.value}, jobs 1 ${j1.value}, jobs 2 ${j2.value}`);
    const row = (name: string, t: Timed, bytes: number, speedUp: string): string[] => [name, fmt(t.wall / 1000, 2), fmt(mbps(bytes, t.wall)), fmt(t.cpu / 1000, 2), speedUp];
    ctx.emit(`### Worker pool on the repository's bundle: ${int(files.length)} pages (${fmt(total / 1e6)} MB) from the corpus, wall time including worker start-up, every run cold, median of 3

${table(['run', 'wall s', 'MB/s', 'CPU s (all threads)', 'speed-up vs --jobs 1'], [
  row('no pool: one process, import + createChecker + check every page', seq, total, fmt(j1.wall / seq.wall, 2)),
  row('pool, --jobs 1', j1, total, '1.00'),
  row('pool, --jobs 2', j2, total, `**${fmt(j1.wall / j2.wall, 2)}**`),
  row(`the pages twice (${int(twice.length)} files, ${fmt((2 * total) / 1e6)} MB): --jobs 1`, big1, 2 * total, '1.00'),
  row('the pages twice: --jobs 2', big2, 2 * total, `**${fmt(big1.wall / big2.wall, 2)}**`),
])}

Idle cores just before the pool runs: ${idleBefore === undefined ? 'unknown' : fmt(idleBefore, 2)} of ${cpus().length} (the machine is shared; waited up to 90 s for 1.8 idle). Findings: ${int(seq.value)} in every run (sequential and pooled agree).`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const poolDevSection: Section = {
  name: 'pool-dev',
  about: "the worker pool on the repository's bundle: --jobs 2 vs --jobs 1 on 2,000 pages",
  run: poolDev,
};
