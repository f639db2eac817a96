/** V8 CPU profiles of a child process, reduced to self and inclusive time per function of src/. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './corpus.js';
import { fmt, int, table } from './stats.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface Profile {
  /** Microseconds sampled under the root function. */
  work: number;
  self: Array<[string, number]>;
  inclusive: Array<[string, number]>;
}

let srcFiles: string[] | undefined;
function sourceFiles(): string[] {
  if (srcFiles) return srcFiles;
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(join(ROOT, d), { withFileTypes: true })) {
      if (f.isDirectory()) {
        if (f.name !== 'build') walk(`${d}/${f.name}`);
      } else if (f.name.endsWith('.ts')) files.push(`${d}/${f.name}`);
    }
  };
  walk('src');
  return (srcFiles = files);
}

/** file:line of a function's definition in src/ (profiles of tsx-loaded or bundled code carry no source lines). */
function locate(name: string, url: string): string {
  const rel = url.replace(`${pathToFileURL(ROOT).href}/`, '');
  const shown = rel.replace(/^.*node_modules\/\.cache\/tifa-bench\//, 'bundle:');
  const inTifa = rel.startsWith('src/') || shown.startsWith('bundle:');
  if (!inTifa || !name || !/^[\w$]+$/.test(name)) return shown;
  const files = rel.startsWith('src/') ? [rel] : sourceFiles();
  const def = new RegExp(`(function\\s+${name}\\b|class\\s+${name}\\b|^\\s*(export\\s+)?(const|let)\\s+${name}\\s*=|^\\s*(readonly\\s+)?${name}\\s*[(:]|^\\s*${name}\\s*<)`);
  for (const f of files) {
    const lines = readFileSync(join(ROOT, f), 'utf8').split('\n');
    // Prefer a definition with a body over a declaration in an interface.
    let i = lines.findIndex((l) => def.test(l) && /[{>]\s*$/.test(l));
    if (i < 0) i = lines.findIndex((l) => def.test(l));
    if (i >= 0) return `${f}:${i + 1}`;
  }
  return shown;
}

function labeller(): (n: ProfileNode) => string {
  const labels = new Map<number, string>();
  return (n) => {
    let l = labels.get(n.id);
    if (l === undefined) {
      const url = n.callFrame.url;
      const where = url.startsWith('file:') ? locate(n.callFrame.functionName, url) : url ? `${url}:${n.callFrame.lineNumber + 1}` : '';
      l = `${n.callFrame.functionName || '(anonymous)'}${where ? ` (${where})` : ''}`;
      labels.set(n.id, l);
    }
    return l;
  };
}

/** Self and inclusive time per function of a .cpuprofile, restricted to samples under `root` (a function name) when given. */
export function analyzeProfile(path: string, root: string | undefined): Profile {
  const prof = JSON.parse(readFileSync(path, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = labeller();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let work = 0;
  for (let i = 0; i < prof.samples.length; i++) {
    const dt = prof.timeDeltas[i + 1] ?? 0; // the time until the next sample is spent in this one
    const chain: ProfileNode[] = [];
    for (let id: number | undefined = prof.samples[i]!; id !== undefined; id = parent.get(id)) chain.push(byId.get(id)!);
    if (root && !chain.some((n) => n.callFrame.functionName === root)) continue;
    work += dt;
    const l0 = label(chain[0]!);
    self.set(l0, (self.get(l0) ?? 0) + dt);
    const seen = new Set<string>();
    for (const n of chain) {
      const l = label(n);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
    }
  }
  return { work, self: [...self.entries()].sort((a, b) => b[1] - a[1]), inclusive: [...inclusive.entries()].sort((a, b) => b[1] - a[1]) };
}

export const profileTables = (p: Profile, rows = 16): string => `Self time (where the CPU is):

${table(['function (definition)', 'self ms', 'share'], p.self.slice(0, rows).map(([l, t]) => [l, int(t / 1000), `${fmt((100 * t) / p.work)} %`]))}

Inclusive time of tifa's functions (callees included):

${table(['function (definition)', 'inclusive ms', 'share'], p.inclusive.filter(([l]) => /\((src\/|bundle:)/.test(l)).slice(0, 14).map(([l, t]) => [l, int(t / 1000), `${fmt((100 * t) / p.work)} %`]))}`;

/** Profiles `bench/run.ts --child NAME` (under tsx), keeping the samples under the function `root`. */
export function profileChild(name: string, root: string): Profile {
  return withProfileDir((dir) => {
    const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', join(ROOT, 'bench', 'run.ts'), '--child', name], { encoding: 'utf8', cwd: ROOT });
    if (r.status !== 0) throw new Error(`profile child failed: ${r.stderr}`);
    return root;
  });
}

/** Profiles a plain-node ESM script (`node -e`) with its arguments, sampling every 0.1 ms. */
export function profileScript(script: string, args: string[], root: string): Profile {
  return withProfileDir((dir) => {
    execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval', '100', '--input-type=module', '-e', script, ...args], { encoding: 'utf8' });
    return root;
  });
}

function withProfileDir(run: (dir: string) => string): Profile {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-prof-'));
  try {
    const root = run(dir);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
    return analyzeProfile(join(dir, file), root);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
