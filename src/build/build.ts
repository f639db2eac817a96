/**
 * The one build: `npm run build` (also run by `prepare`, so `npm ci` leaves a working `npx tifa`,
 * and by `prepack`, so a packed tarball always holds a fresh build).
 *   1. compiles the lexicons and copies the character tables into dist/data, regenerates
 *      dictionaries/README.md;                                   (`--data`: this step only)
 *   2. bundles src/index.ts (ESM + CJS), the CLI and the pool's worker with esbuild;
 *   3. emits type declarations with tsc, and a CommonJS twin of each (.d.cts) for `require` users.
 *
 * Every bundle finds its data and its worker from its own location, `import.meta.url`: native in
 * the ESM bundles, defined as the file's own URL (from the module's `__filename`) in the CJS one.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { compileLexicon } from './lexicon.js';
import { compilePeople } from './people.js';
import { buildNonwordData } from '../nonword/build.js';
import { compileSequenceData } from '../sequence/compile-data.js';
import { LexiconError } from '../errors.js';
import { createNormalizer } from '../normalize/index.js';
import { compileConfusionData, confusionFromData } from '../confusion/index.js';
import { writeDataFile } from '../match/model-file.js';
import { writeStoredModel } from '../data/stored-model.js';
import { DATA_FILES, type CompiledLexiconFile } from '../data/builtin.js';
import { encodeEntries } from '../data/entries-file.js';
import { compileFrequencyTable } from '../segment/frequency-table.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
const TABLES = ['normalize.tsv', 'pinyin.tsv', 'lookalike-pairs.tsv'];

export function buildData(): number {
  const compiled = compileLexicon(root);
  mkdirSync(join(dist, 'data'), { recursive: true });
  writeFileSync(join(dist, 'data', 'lexicon.json'), compiled.json);
  for (const t of TABLES) copyFileSync(join(root, 'dictionaries', 'derived', t), join(dist, 'data', t));
  writeFileSync(join(root, 'dictionaries', 'README.md'), compiled.readme);
  writeFileSync(join(dist, 'data', 'people.json'), compilePeople(root).json);
  // Non-word neighbours of frequent short words and the corpus's character pairs (src/nonword/): dist/data/nonword.bin, nonword-pairs.bin.
  buildNonwordData(root, join(dist, 'data'));
  writeFileSync(join(dist, 'data', 'sequences.json'), compileSequenceData(root).json);
  writeBinaryData(compiled.entries);
  writeEntriesData(compiled.json);
  return compiled.entries.length;
}

/**
 * The binary files a checker maps in instead of building (src/data/builtin.ts): the parsed
 * confusion tables, the word counts and tags of jieba's dictionary, and the built-in match model
 * with its anchor filters. Deterministic (no dates, no machine state): byte for byte the same on
 * every build of the same sources.
 */
function writeBinaryData(entries: Parameters<typeof writeStoredModel>[0]): void {
  const table = (name: string): string => readFileSync(join(root, 'dictionaries', 'derived', name), 'utf8');
  const confusionData = compileConfusionData({ pinyinTsv: table('pinyin.tsv'), lookalikeTsv: table('lookalike-pairs.tsv') });
  writeFileSync(join(dist, 'data', DATA_FILES.confusion), writeDataFile(confusionData));
  // The dictionary the default segmenter loads (resolved as a package, wherever node_modules is).
  const dict = readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'));
  writeFileSync(join(dist, 'data', DATA_FILES.frequency), writeDataFile(compileFrequencyTable(dict)));
  const normalizer = createNormalizer(table('normalize.tsv'));
  writeFileSync(join(dist, 'data', DATA_FILES.normalize), writeDataFile({ map: normalizer.map, kind: normalizer.kind }));
  writeFileSync(join(dist, 'data', DATA_FILES.model), writeStoredModel(entries, normalizer, confusionFromData(confusionData)));
}

/** The entries of lexicon.json as a columnar data file (src/data/entries-file.ts), what a checker reads at start. */
function writeEntriesData(json: string): void {
  writeFileSync(join(dist, 'data', DATA_FILES.entries), writeDataFile(encodeEntries((JSON.parse(json) as CompiledLexiconFile).entries)));
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
  };
  await esbuild.build({ ...common, entryPoints: [join(root, 'src/index.ts')], format: 'esm', outfile: join(dist, 'index.js') });
  await esbuild.build({
    ...common,
    entryPoints: [join(root, 'src/index.ts')],
    format: 'cjs',
    outfile: join(dist, 'index.cjs'),
    // CommonJS has no import.meta: the module's own __filename (a parameter of Node's module
    // wrapper, so no global of the same name can shadow it) stands in for import.meta.url.
    define: { ...common.define, 'import.meta.url': '__tifa_module_url' },
    banner: { js: '"use strict";\nvar __tifa_module_url = require("node:url").pathToFileURL(__filename).href;' },
  });
  await esbuild.build({ ...common, entryPoints: [join(root, 'src/pool/worker.ts')], format: 'esm', outfile: join(dist, 'worker.js') });
  await esbuild.build({
    ...common,
    entryPoints: [join(root, 'src/bin.ts')],
    format: 'esm',
    outfile: join(dist, 'bin.js'),
    banner: { js: '#!/usr/bin/env node' },
  });
  // The thread program of `tifa serve` / `tifa queue work` (src/serve/check-pool.ts loads it beside the bundle).
  await esbuild.build({ ...common, entryPoints: [join(root, 'src/serve/check-worker.ts')], format: 'esm', outfile: join(dist, 'check-worker.js') });
  rmSync(join(dist, 'types'), { recursive: true, force: true });
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json'), '--emitDeclarationOnly'], { stdio: 'inherit' });
  writeFileSync(join(dist, 'index.d.ts'), "export * from './types/index.js';\n");
  writeFileSync(join(dist, 'index.d.cts'), "export * from './types/index.cjs';\n");
  writeCommonJsDeclarations(join(dist, 'types'));
}

/**
 * Writes a `.d.cts` beside every `.d.ts` under `dir`, its relative imports pointing at `.cjs`
 * (hence at the other `.d.cts` files). In a package of `"type": "module"` a `.d.ts` declares an ES
 * module, which a CommonJS TypeScript project under `module: node16` may not `require` (TS1479);
 * the `.d.cts` tree declares the CommonJS build as what it is.
 */
export function writeCommonJsDeclarations(dir: string): number {
  let written = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) written += writeCommonJsDeclarations(path);
    else if (entry.name.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8').replace(/((?:from|import\()\s*['"]\.{1,2}\/[^'"]*?)\.js(['"])/g, '$1.cjs$2');
      writeFileSync(`${path.slice(0, -'.d.ts'.length)}.d.cts`, text);
      written++;
    }
  }
  return written;
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
