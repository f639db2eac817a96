/**
 * Loads the data tifa ships (compiled by `npm run build` into dist/data): the built-in lexicon and
 * the character tables, and the binary files mapped in instead of built (src/data/stored-model.ts,
 * src/match/model-file.ts): model.bin (the built-in match model and its anchor filters),
 * confusion.bin (the parsed confusion tables), frequency.bin (the word counts and tags of jieba's
 * dictionary). Read lazily, once per process, on first use; the objects returned are never mutated.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LexiconEntry } from '../lexicon/types.js';
import { compileConfusionData, confusionFromData, type Confusion, type ConfusionData } from '../confusion/index.js';
import { readDataFile } from '../match/model-file.js';
import type { FrequencyTableData } from '../segment/frequency-table.js';
import { decodeEntries, type EncodedEntries } from './entries-file.js';
import { createNormalizer, normalizerFromTables, type Normalizer } from '../normalize/index.js';

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

/** The compiled built-in lexicon's bytes (what a compiled user lexicon file is tied to). */
export function builtinLexiconBytes(): Uint8Array {
  return readFileSync(join(dataDir(), 'lexicon.json'));
}

/** The names of the binary files in dist/data. */
export const DATA_FILES = { model: 'model.bin', confusion: 'confusion.bin', frequency: 'frequency.bin', entries: 'entries.bin', normalize: 'normalize.bin' } as const;

/**
 * Options for reading the package's own data files: their checksum is not recomputed (10 MB, 20-35 ms
 * of CPU on every start and in every pool worker). They arrive in the package, whose integrity the
 * package manager verifies on install; the header's length and format checks still catch a
 * truncated or foreign file. User files (compiled lexicons) are always checksummed.
 */
const OWN_FILE = { checked: true } as const;

/** A binary file of dist/data, or undefined when the build did not write it (a data-only build of an older tree). */
function readBinary(name: string): { path: string; bytes: Uint8Array } | undefined {
  const path = join(dataDir(), name);
  if (!existsSync(path)) return undefined;
  return { path, bytes: readFileSync(path) };
}

/** The stored model of the built-in lexicon (model.bin, see stored-model.ts), or undefined when the build did not write it. */
export function storedBuiltinModel(): { file: string; bytes: Uint8Array; checked: boolean } | undefined {
  const file = readBinary(DATA_FILES.model);
  return file && { file: file.path, bytes: file.bytes, checked: OWN_FILE.checked };
}

let confusion: Confusion | undefined;

/** The confusion tables (from confusion.bin; parsed from the TSV tables when it is missing). */
export function builtinConfusion(): Confusion {
  if (confusion) return confusion;
  const file = readBinary(DATA_FILES.confusion);
  if (file) return (confusion = confusionFromData(readDataFile(file.path, file.bytes, {}, OWN_FILE) as ConfusionData));
  const data = loadBuiltinData();
  return (confusion = confusionFromData(compileConfusionData({ pinyinTsv: data.pinyinTsv, lookalikeTsv: data.lookalikeTsv })));
}

let normalizer: Normalizer | undefined;

/**
 * The normalizer of the built-in table (immutable, shared by every checker of the process): its
 * tables from normalize.bin, built from normalize.tsv when the build did not write it.
 */
export function builtinNormalizer(): Normalizer {
  if (normalizer) return normalizer;
  const file = readBinary(DATA_FILES.normalize);
  if (!file) return (normalizer = createNormalizer(loadBuiltinData().normalizeTsv));
  const tables = readDataFile(file.path, file.bytes, {}, OWN_FILE) as { map: Uint16Array; kind: Uint8Array };
  return (normalizer = normalizerFromTables(tables.map, tables.kind));
}

let frequency: FrequencyTableData | undefined | null;

/** The word counts and tags of jieba's dictionary (frequency.bin), or undefined when the build did not write it. */
export function builtinFrequencyTable(): FrequencyTableData | undefined {
  if (frequency === undefined) {
    const file = readBinary(DATA_FILES.frequency);
    frequency = file ? (readDataFile(file.path, file.bytes, {}, OWN_FILE) as FrequencyTableData) : null;
  }
  return frequency ?? undefined;
}

export function loadBuiltinData(): BuiltinData {
  if (cached) return cached;
  const dir = dataDir();
  // The entries from entries.bin (./entries-file.ts: the same entries, a fraction of the parsing);
  // from lexicon.json when the build did not write it.
  const stored = readBinary(DATA_FILES.entries);
  const entries = stored ? decodeEntries(readDataFile(stored.path, stored.bytes, {}, OWN_FILE) as EncodedEntries) : (JSON.parse(readFileSync(join(dir, 'lexicon.json'), 'utf8')) as CompiledLexiconFile).entries;
  cached = {
    entries,
    normalizeTsv: readFileSync(join(dir, 'normalize.tsv'), 'utf8'),
    pinyinTsv: readFileSync(join(dir, 'pinyin.tsv'), 'utf8'),
    lookalikeTsv: readFileSync(join(dir, 'lookalike-pairs.tsv'), 'utf8'),
  };
  return cached;
}
