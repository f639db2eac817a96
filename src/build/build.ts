/**
 * The one build: `npm run build` (also run by `prepare`, so `npm ci` leaves a working `npx tifa`).
 *   1. compiles the lexicons and copies the character tables into dist/data, regenerates
 *      dictionaries/README.md;                                   (`--data`: this step only)
 *   2. bundles src/index.ts (ESM + CJS) and the CLI with esbuild;
 *   3. emits type declarations with tsc.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { compileLexicon } from './lexicon.js';
import { LexiconError } from '../errors.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
const TABLES = ['normalize.tsv', 'pinyin.tsv', 'lookalike-pairs.tsv'];

export function buildData(): number {
  const compiled = compileLexicon(root);
  mkdirSync(join(dist, 'data'), { recursive: true });
  writeFileSync(join(dist, 'data', 'lexicon.json'), compiled.json);
  for (const t of TABLES) copyFileSync(join(root, 'dictionaries', 'derived', t), join(dist, 'data', t));
  writeFileSync(join(root, 'dictionaries', 'README.md'), compiled.readme);
  return compiled.entries.length;
}

async function buildCode(): Promise<void> {
  const esbuild = await import('esbuild');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const common = {
    define: { __TIFA_VERSION__: JSON.stringify(pkg.version) },
    bundle: true,
    platform: 'node' as const,
    target: 'node20',
    packages: 'external' as const,
    logLevel: 'warning' as const,
    logOverride: { 'empty-import-meta': 'silent' as const },
  };
  await esbuild.build({ ...common, entryPoints: [join(root, 'src/index.ts')], format: 'esm', outfile: join(dist, 'index.js') });
  await esbuild.build({ ...common, entryPoints: [join(root, 'src/index.ts')], format: 'cjs', outfile: join(dist, 'index.cjs') });
  await esbuild.build({
    ...common,
    entryPoints: [join(root, 'src/bin.ts')],
    format: 'esm',
    outfile: join(dist, 'bin.js'),
    banner: { js: '#!/usr/bin/env node' },
  });
  rmSync(join(dist, 'types'), { recursive: true, force: true });
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json'), '--emitDeclarationOnly'], { stdio: 'inherit' });
  writeFileSync(join(dist, 'index.d.ts'), "export * from './types/index.js';\n");
  writeFileSync(join(dist, 'index.d.cts'), "export * from './types/index.js';\n");
}

async function main(): Promise<void> {
  try {
    const count = buildData();
    if (!process.argv.includes('--data')) await buildCode();
    process.stdout.write(`tifa build: ${count} lexicon entries${process.argv.includes('--data') ? ' (data only)' : ''}\n`);
  } catch (error) {
    if (error instanceof LexiconError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
