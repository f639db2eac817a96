/**
 * Compiled user lexicons (`tifa lexicon compile a.yaml b.yaml -o lexicon.tifa`): the validated
 * entries, the people and sequence tables as their YAML text, and the stored match model of the
 * built-in entries plus these (src/data/stored-model.ts), in one data file (src/match/model-file.ts).
 * createChecker loads such a file back without parsing YAML, validating or building: for a lexicon
 * of 100k fuzzy targets, readiness in well under the seconds a build takes.
 *
 * A file belongs to the built-in lexicon it was compiled with (entry indexes in the stored model
 * count the built-in entries first): loading it into a tifa whose built-in lexicon differs is an
 * error naming the file, asking to compile it again.
 */
import { createHash } from 'node:crypto';
import type { LexiconEntry } from '../lexicon/types.js';
import { isPeopleSource, createPeopleStage } from '../people/stage.js';
import { isSequenceSource, createSequenceStage } from '../sequence/stage.js';
import { DataFileError, readDataFile, writeDataFile } from '../match/model-file.js';
import { builtinConfusion, builtinLexiconBytes, builtinNormalizer, loadBuiltinData } from './builtin.js';
import { settledDate, writeStoredModel } from './stored-model.js';
import { loadEntries } from '../checker.js';

/** What a compiled lexicon file holds. */
interface CompiledLexiconValue {
  kind: 'tifa-lexicons';
  /** Whether the entries were compiled (validated, and the model built) with the built-in lexicon. */
  builtins: boolean;
  /** SHA-256 of the built-in lexicon it was compiled with ('' without builtins). */
  builtinKey: string;
  /** The names of the compiled sources, in order. */
  sources: string[];
  entries: LexiconEntry[];
  /** Sources read by other stages (people, sequence), kept as text. */
  texts: Array<{ name: string; text: string }>;
  /** The stored match model of [built-in entries, entries] (a data file of its own). */
  model: Uint8Array;
}

/** A compiled lexicon file as a checker uses it. */
export interface OpenedLexicons {
  name: string;
  builtins: boolean;
  entries: readonly LexiconEntry[];
  texts: ReadonlyArray<{ name: string; text: string }>;
  /** The stored model's bytes (read when it fits the checker: see resolveModel). */
  model: Uint8Array;
}

let builtinKey: string | undefined;

/** The identity of the built-in lexicon of this installation. */
function currentBuiltinKey(): string {
  return (builtinKey ??= createHash('sha256').update(builtinLexiconBytes()).digest('hex'));
}

export interface CompileLexiconsOptions {
  /** Compile with the built-in lexicon (validated against it; its entries in the stored model). Default: true. */
  builtins?: boolean;
}

/**
 * Compiles YAML lexicons into the bytes of a compiled lexicon file. Throws LexiconError listing
 * every issue (as createChecker would for the same sources).
 */
export function compileLexicons(sources: ReadonlyArray<{ name: string; text: string }>, options: CompileLexiconsOptions = {}): Uint8Array {
  const builtins = options.builtins !== false;
  const data = loadBuiltinData();
  const normalizer = builtinNormalizer();
  const texts = sources.filter((s) => isPeopleSource(s) || isSequenceSource(s)).map((s) => ({ name: s.name, text: s.text }));
  const phrases = sources.filter((s) => !isPeopleSource(s) && !isSequenceSource(s));
  const all = loadEntries({ builtins, lexicons: phrases }, normalizer, () => data.entries);
  // The other stages' tables are checked now too, so that a bad file fails here, not on loading.
  const date = settledDate(all);
  createPeopleStage({ builtins, lexicons: texts, asOf: date });
  createSequenceStage({ builtins, lexicons: texts, asOf: date, normalizer });
  const value: CompiledLexiconValue = {
    kind: 'tifa-lexicons',
    builtins,
    builtinKey: builtins ? currentBuiltinKey() : '',
    sources: sources.map((s) => s.name),
    entries: builtins ? all.slice(data.entries.length) : all,
    texts,
    model: writeStoredModel(all, normalizer, builtinConfusion()),
  };
  return writeDataFile(value);
}

/**
 * Opens a compiled lexicon file (`name` names it in errors). Throws DataFileError for a file that
 * is damaged, of another format, or compiled with another built-in lexicon.
 */
export function openCompiledLexicons(name: string, bytes: Uint8Array): OpenedLexicons {
  const value = readDataFile(name, bytes) as Partial<CompiledLexiconValue> | null;
  if (!value || value.kind !== 'tifa-lexicons' || !Array.isArray(value.entries) || !Array.isArray(value.texts) || !(value.model instanceof Uint8Array)) {
    throw new DataFileError(name, 'not a compiled lexicon file (a tifa data file of another kind)');
  }
  if (value.builtins && value.builtinKey !== currentBuiltinKey()) {
    throw new DataFileError(name, 'compiled with another built-in lexicon (another version of tifa): compile it again with `tifa lexicon compile`');
  }
  return { name, builtins: value.builtins === true, entries: value.entries, texts: value.texts, model: value.model };
}
