/**
 * The package as a user gets it: `npm pack` of a copy of the sources (which builds in `prepack`),
 * the tarball installed into an empty project in a temporary directory, everything run from that
 * project's directory, never from the repository root (where a wrong path would happen to work).
 * Slow (a build, a pack, an install, a type check: one to three minutes); prepared once in beforeAll.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODEJIEBA_MISSING } from '../../src/segment/index.js';
import { PREPARE } from '../../src/build/pack-manifest.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');

/** The environment without npm's own variables (npm_config_local_prefix would point nested npm commands at the repository). */
const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_|^init_cwd$/i.test(k)));
env.NO_COLOR = '1';

let work: string; // temporary directory: the copy of the sources, the tarball and the project
let source: string; // the copy of the sources that is packed
let project: string; // the empty project the tarball is installed into
let installLog: string;
let manifestBeforePack: string; // the copy's package.json before `npm pack`

function sh(command: string, args: string[], cwd: string, input?: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...(input === undefined ? {} : { input }) });
}

function must(r: SpawnSyncReturns<string>, what: string): SpawnSyncReturns<string> {
  if (r.status !== 0) throw new Error(`${what} failed (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

const packedFromManifest = (): { scripts: Record<string, string> } => JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tifa-installed-'));
  // Packed from a copy of the sources (node_modules linked), so that the build of `prepack` and the
  // edit of package.json between prepack and postpack never touch the working tree, where other
  // tests read dist/ at the same time.
  source = join(work, 'source');
  for (const p of ['src', 'dictionaries', 'package.json', 'tsconfig.json', 'README.md', 'LICENSE']) cpSync(join(root, p), join(source, p), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(source, 'node_modules'), 'dir');
  manifestBeforePack = readFileSync(join(source, 'package.json'), 'utf8');
  must(sh('npm', ['pack', '--pack-destination', work], source), 'npm pack');
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2)}\n`);
  const install = must(sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball)], project), 'npm install');
  installLog = install.stdout + install.stderr;
  cpSync(join(root, 'test/fixtures/pages'), join(project, 'pages'), { recursive: true });
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

describe('the installed tarball, used from another directory', { timeout: 120_000 }, () => {
  it('tifa check --jobs 2 finds the data and starts its workers from dist/ (same report as one thread)', () => {
    const pooled = sh('npx', ['tifa', 'check', '--jobs', '2', '--format', 'json', 'pages'], project);
    expect(pooled.stderr).not.toMatch(/not found|internal error/);
    expect(pooled.status).toBe(1); // findings
    const single = sh('npx', ['tifa', 'check', '--jobs', '1', '--format', 'json', 'pages'], project);
    expect(single.status).toBe(1);
    expect(pooled.stdout).toBe(single.stdout);
    expect(JSON.stringify(JSON.parse(pooled.stdout))).toMatch(/中华民族/);
  }, 120_000);

  it('node -e "import(\'tifa\')" (a global __dirname of ".")', () => {
    const r = sh(process.execPath, ['-e', "import('tifa').then((m) => console.log(m.createChecker().check('坚决打赢脱贫攻艰战。').length))"], project);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('1\n');
  });

  it('node -e "require(\'tifa\')"', () => {
    const r = sh(process.execPath, ['-e', "console.log(require('tifa').createChecker().check('坚决打赢脱贫攻艰战。').length)"], project);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('1\n');
  });

  it('checkFiles({ jobs: 2 }) from the API, ESM and CommonJS, under node -e', () => {
    const files = readdirSync(join(project, 'pages')).map((f) => `pages/${f}`);
    const count = (load: string): SpawnSyncReturns<string> =>
      sh(
        process.execPath,
        ['-e', `${load}.then(async (m) => { const out = []; for await (const r of m.checkFiles(${JSON.stringify(files)}, { jobs: 2, html: ['.html'] })) out.push(r.error ? 'error ' + r.error.message : r.file + ' ' + r.findings.length); console.log(out.join('\\n')); })`],
        project,
      );
    const esm = count("import('tifa')");
    const cjs = count("Promise.resolve(require('tifa'))");
    expect(esm.stderr).toBe('');
    expect(esm.stdout).not.toMatch(/error/);
    expect(esm.stdout.trim().split('\n')).toHaveLength(files.length);
    expect(esm.stdout).toMatch(/ [1-9]\d*$/m); // some file has findings
    expect(cjs.stderr).toBe('');
    expect(cjs.stdout).toBe(esm.stdout);
  }, 120_000);

  it('--segmenter nodejieba without nodejieba: exit 2, one line naming the package and how to install it', () => {
    expect(existsSync(join(project, 'node_modules/nodejieba'))).toBe(false);
    const r = sh('npx', ['tifa', 'check', '--segmenter', 'nodejieba', 'pages'], project);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`tifa: ${NODEJIEBA_MISSING}\n`);
  });

  it('tifa lexicon list | head -1: no EPIPE trace', () => {
    const r = sh('bash', ['-c', 'node_modules/.bin/tifa lexicon list | head -1; echo "status=${PIPESTATUS[0]}" >&2'], project);
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.stderr).toMatch(/status=0\n$/);
  });

  it('types compile for CommonJS and ESM TypeScript consumers under module node16, skipLibCheck off', () => {
    // One program, two files: a .cts is CommonJS (its import is a require: the "require" types,
    // dist/index.d.cts) and a .mts an ES module (the "import" types), whatever the package type.
    const consumer = `import { createChecker, checkFiles, SegmenterError, type Finding, type PoolFileResult } from 'tifa';
const findings: Finding[] = createChecker().check('中化民族');
export const count: number = findings.length;
export async function all(files: string[]): Promise<PoolFileResult[]> {
  const out: PoolFileResult[] = [];
  for await (const r of checkFiles(files, { jobs: 2 })) out.push(r);
  return out;
}
export const isSetup = (e: unknown): boolean => e instanceof SegmenterError;
`;
    const dir = join(project, 'ts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'consumer.cts'), consumer);
    writeFileSync(join(dir, 'consumer.mts'), consumer);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'ES2022', lib: ['ES2022'], strict: true, skipLibCheck: false, noEmit: true, typeRoots: [join(root, 'node_modules/@types')], types: ['node'] },
        files: ['consumer.cts', 'consumer.mts'],
      }),
    );
    const r = sh(process.execPath, [tsc, '-p', dir, '--traceResolution'], dir);
    const resolved = (file: string): string | undefined =>
      /Module name 'tifa' was successfully resolved to '([^']+)'/.exec(r.stdout.slice(r.stdout.indexOf(`Resolving module 'tifa' from '${join(dir, file)}'`)))?.[1];
    expect(resolved('consumer.cts')).toMatch(/node_modules\/tifa\/dist\/index\.d\.cts$/);
    expect(resolved('consumer.mts')).toMatch(/node_modules\/tifa\/dist\/index\.d\.ts$/);
    expect(r.stdout.split('\n').filter((l) => /error TS/.test(l))).toEqual([]);
    expect(r.status).toBe(0);
  }, 300_000);

  it('ships LICENSE, the lexicon format and sources; no install-time script, none warned about for tifa', () => {
    const pkgDir = join(project, 'node_modules/tifa');
    expect(readFileSync(join(pkgDir, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 tifa authors\n/);
    for (const f of ['dictionaries/FORMAT.md', 'dictionaries/SOURCES.md', 'dist/worker.js', 'dist/index.d.cts', 'dist/types/index.d.cts']) expect(existsSync(join(pkgDir, f)), f).toBe(true);
    const scripts = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
    for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) expect(scripts[s], s).toBeUndefined();
    expect(installLog).not.toMatch(/tifa@[^\n]*\((pre|post)?(install|prepare)/);
    // The repository keeps its build-on-install for a fresh clone (npm ci): postpack put it back.
    expect(packedFromManifest().scripts.prepare).toBe(PREPARE);
    expect(readFileSync(join(source, 'package.json'), 'utf8')).toBe(manifestBeforePack);
  });
});
