/**
 * Loads the data tifa ships (compiled by `npm run build` into dist/data): the built-in lexicon and
 * the character tables. Read lazily, once per process, on the first `createChecker`; the objects
 * returned are never mutated.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LexiconEntry } from '../lexicon/types.js';

export interface BuiltinData {
  entries: readonly LexiconEntry[];
  normalizeTsv: string;
  pinyinTsv: string;
  lookalikeTsv: string;
}

/** The compiled lexicon as written by the build. */
export interface CompiledLexiconFile {
  format: 1;
  entries: LexiconEntry[];
}

/**
 * The directory of this module (of the bundle it is part of, once built). Taken from
 * `import.meta.url` only: never from a `__dirname` in scope, which `node -e` and eval'd workers set
 * globally to '.'. The CommonJS build defines `import.meta.url` as its own file's URL (see
 * src/build/build.ts), so the same line serves both builds.
 */
const here: string = dirname(fileURLToPath(import.meta.url));

/** dist/data of the installed package (from dist/ itself, or from src/ during development). */
export function dataDir(): string {
  for (let dir = here, i = 0; i < 4; i++, dir = dirname(dir)) {
    const candidate = join(dir, 'data', 'lexicon.json');
    if (existsSync(candidate)) return join(dir, 'data');
    const dist = join(dir, 'dist', 'data', 'lexicon.json');
    if (existsSync(dist)) return join(dir, 'dist', 'data');
  }
  throw new Error(`tifa: compiled data not found near ${here}; run \`npm run build\``);
}

let cached: BuiltinData | undefined;

export function loadBuiltinData(): BuiltinData {
  if (cached) return cached;
  const dir = dataDir();
  const lexicon = JSON.parse(readFileSync(join(dir, 'lexicon.json'), 'utf8')) as CompiledLexiconFile;
  cached = {
    entries: lexicon.entries,
    normalizeTsv: readFileSync(join(dir, 'normalize.tsv'), 'utf8'),
    pinyinTsv: readFileSync(join(dir, 'pinyin.tsv'), 'utf8'),
    lookalikeTsv: readFileSync(join(dir, 'lookalike-pairs.tsv'), 'utf8'),
  };
  return cached;
}
