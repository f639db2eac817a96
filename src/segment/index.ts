/**
 * Segmenters: small adapters behind the `Segmenter` interface (`cut(text) -> tokens`), used only on
 * small windows around fuzzy candidates. Each loads its dictionary on first use, so creating a
 * checker stays cheap.
 */
import type { Segmenter } from '../types.js';
import { SegmenterError } from '../errors.js';
import { lazyRequire } from '../util/require.js';
import { createDictionaryLookup, type DictionaryLookup } from './frequency.js';
import { readFileSync } from 'node:fs';
import { frequencyTableLookup } from './frequency-table.js';
import { builtinFrequencyTable } from '../data/builtin.js';
import { tableCut, type Cut } from './table-cut.js';
import { DictionaryFeed } from './jieba-feed.js';

interface JiebaRs {
  cut(sentence: string, hmm?: boolean | null): string[];
  loadDict(dict: Uint8Array): void;
}

interface JiebaModule {
  Jieba: { new (): JiebaRs; withDict(dict: Uint8Array): JiebaRs };
}

/**
 * @node-rs/jieba: a prebuilt binary, no install script. HMM is off so that unknown words are not
 * invented. The default segmenter ('jieba'), as the project's rules ask: a well-kept library does
 * the cut. Its dictionary is given to it on demand from the build's compact table of the same
 * dictionary (./jieba-feed.ts: the words of each text before it is cut, the same tokens as with the
 * whole dictionary), so the first cut costs a few milliseconds instead of ~120 ms and ~45 MB; a
 * build without the table gives it the whole dictionary file at the first cut.
 */
export function createJiebaSegmenter(): Segmenter {
  let jieba: JiebaRs | undefined;
  let feed: DictionaryFeed | undefined;
  // The dictionary file itself, not the package's `dict` module: that one also reads idf.txt (6 MB,
  // unused here) and keeps both in memory for good; this buffer is free once jieba has built its trie.
  const dict = (): Uint8Array => readFileSync(lazyRequire.resolve('@node-rs/jieba/dict.txt'));
  const load = (): JiebaRs => {
    const { Jieba } = lazyRequire('@node-rs/jieba') as JiebaModule;
    const table = builtinFrequencyTable();
    if (!table) return Jieba.withDict(dict());
    feed = new DictionaryFeed(table);
    return new Jieba();
  };
  // Counts and tags come from the same table, so a check whose candidates need no cut never loads jieba.
  // Read on the first question (a build without the table falls back to indexing the dictionary text).
  let chosen: DictionaryLookup | undefined;
  const choose = (): DictionaryLookup => {
    if (chosen) return chosen;
    const table = builtinFrequencyTable();
    return (chosen = table ? frequencyTableLookup(() => table) : createDictionaryLookup(dict));
  };
  const lookup: DictionaryLookup = { frequency: (w) => choose().frequency(w), tag: (w) => choose().tag(w) };
  return {
    cut(text: string): string[] {
      jieba ??= load();
      const lines = feed?.linesFor(text);
      if (lines) jieba.loadDict(lines);
      return jieba.cut(text, false);
    },
    ...lookupMethods(lookup),
  };
}

/**
 * The opt-in 'table' segmenter: jieba's dictionary and its cut without HMM, computed by tifa over
 * the compact table the build compiles from that dictionary (dist/data/frequency.bin, see
 * ./table-cut.ts): the same tokens as @node-rs/jieba (tested), without loading its native module
 * (whose tokens it computes in JavaScript). Not the default: the
 * project segments through @node-rs/jieba unless asked. The table is read on the first question; a
 * build without it falls back to @node-rs/jieba (createJiebaSegmenter).
 */
export function createTableSegmenter(): Segmenter {
  let chosen: { cut: Cut; lookup: DictionaryLookup } | undefined;
  const choose = (): { cut: Cut; lookup: DictionaryLookup } => {
    if (chosen) return chosen;
    const table = builtinFrequencyTable();
    if (table) return (chosen = { cut: tableCut(table), lookup: frequencyTableLookup(() => table) });
    const jieba = createJiebaSegmenter();
    return (chosen = { cut: (text) => jieba.cut(text), lookup: { frequency: (w) => jieba.frequency!(w), tag: (w) => jieba.tag!(w) } });
  };
  return {
    cut: (text: string): string[] => choose().cut(text),
    frequency: (word: string): number => choose().lookup.frequency(word),
    tag: (word: string): string => choose().lookup.tag(word),
  };
}

interface NodejiebaBinding {
  load(dict: string, hmm: string, user: string, idf: string, stopWords: string): unknown;
  cut(sentence: string, hmm?: boolean): string[];
}

/** Options of `createNodejiebaSegmenter`. */
export interface NodejiebaSegmenterOptions {
  /**
   * Resolves a module id to a file path, as `require.resolve` does. Default: resolution from tifa's
   * own location. (Tests inject one to play a machine without nodejieba.)
   */
  resolve?: (id: string) => string;
}

/** The install hint of the one-line error for a missing nodejieba. */
export const NODEJIEBA_MISSING =
  'segmenter "nodejieba" needs the optional package nodejieba, which is not installed: run `npm install nodejieba` (it compiles from source), or use the default segmenter "jieba"';

/**
 * nodejieba (optional peer dependency; builds from source). Its index.js assigns the globals
 * `dict`, `hmmDict`, ... when loading, so this adapter calls the native binding directly and
 * never touches the caller's global scope. The package is located at once (cheap: no loading), so
 * a missing nodejieba is a SegmenterError here, when the checker is created, not a failure of the
 * first check; the binding and its dictionaries load on the first `cut`.
 */
export function createNodejiebaSegmenter(options: NodejiebaSegmenterOptions = {}): Segmenter {
  const resolve = options.resolve ?? ((id: string) => lazyRequire.resolve(id));
  let pkgJson: string;
  try {
    pkgJson = resolve('nodejieba/package.json');
  } catch {
    throw new SegmenterError(NODEJIEBA_MISSING);
  }
  const root = pkgJson.slice(0, -'package.json'.length);
  const dictDir = `${root}submodules/cppjieba/dict/`;
  let binding: NodejiebaBinding | undefined;
  return {
    cut(text: string): string[] {
      if (!binding) {
        const native = lazyRequire(`${root}build/Release/nodejieba.node`) as NodejiebaBinding;
        native.load(
          `${dictDir}jieba.dict.utf8`,
          `${dictDir}hmm_model.utf8`,
          `${dictDir}user.dict.utf8`,
          `${dictDir}idf.utf8`,
          `${dictDir}stop_words.utf8`,
        );
        binding = native;
      }
      return binding.cut(text, false);
    },
    ...lookupMethods(createDictionaryLookup(() => readFileSync(`${dictDir}jieba.dict.utf8`))),
  };
}

/** The dictionary lookups as `Segmenter` methods. */
function lookupMethods(lookup: DictionaryLookup): Pick<Segmenter, 'frequency' | 'tag'> {
  return { frequency: (w) => lookup.frequency(w), tag: (w) => lookup.tag(w) };
}

/**
 * Resolves the `segmenter` option (cheap: no dictionary loads here). Throws SegmenterError for a
 * missing optional package; a segmenter of the caller's comes back wrapped by `checkedSegmenter`.
 */
export function resolveSegmenter(option: Segmenter | 'jieba' | 'table' | 'nodejieba' | 'none' | undefined): Segmenter | undefined {
  if (option === undefined || option === 'jieba') return createJiebaSegmenter();
  if (option === 'table') return createTableSegmenter();
  if (option === 'nodejieba') return createNodejiebaSegmenter();
  if (option === 'none') return undefined;
  return checkedSegmenter(option);
}

const CONTRACT = 'must return an array of strings whose concatenation is text (the Segmenter contract)';

/** A short, quoted sample of a string for an error message. */
function sample(s: string): string {
  return JSON.stringify(s.length > 24 ? `${s.slice(0, 24)}…` : s);
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? `the string ${sample(v)}` : `a value of type ${typeof v}`;
}

/**
 * A caller's segmenter, held to its contract: the first `cut` that returns anything but strings
 * joining back to its input, a `frequency` that is not a number >= 0 or a `tag` that is not a
 * string throws a SegmenterError naming the contract (instead of a TypeError deep in the checker,
 * or findings at wrong offsets). Checked on every call: the texts given to a segmenter are small
 * windows, so the check costs a join. Other properties are read through from the caller's object.
 */
export function checkedSegmenter(segmenter: Segmenter): Segmenter {
  for (const method of ['frequency', 'tag'] as const) {
    const m: unknown = segmenter[method];
    if (m !== undefined && typeof m !== 'function') throw new SegmenterError(`segmenter.${method} must be a function when present, not ${describeValue(m)}`);
  }
  const checked = Object.create(segmenter) as Segmenter;
  checked.cut = (text: string): string[] => {
    const tokens: unknown = segmenter.cut(text);
    if (!Array.isArray(tokens)) throw new SegmenterError(`segmenter.cut(text) ${CONTRACT}; it returned ${describeValue(tokens)} for ${sample(text)}`);
    for (let i = 0; i < tokens.length; i++) {
      if (typeof tokens[i] !== 'string') throw new SegmenterError(`segmenter.cut(text) ${CONTRACT}; token ${i} is ${describeValue(tokens[i])}, for ${sample(text)}`);
    }
    const joined = (tokens as string[]).join('');
    if (joined !== text) throw new SegmenterError(`segmenter.cut(text) ${CONTRACT}; its tokens join to ${sample(joined)}, not ${sample(text)}`);
    return tokens as string[];
  };
  if (segmenter.frequency) {
    checked.frequency = (word: string): number => {
      const f: unknown = segmenter.frequency!(word);
      if (typeof f !== 'number' || !(f >= 0)) throw new SegmenterError(`segmenter.frequency(word) must return a number >= 0 (0 for an unknown word); it returned ${describeValue(f)}${typeof f === 'number' ? ` (${f})` : ''} for ${sample(word)}`);
      return f;
    };
  }
  if (segmenter.tag) {
    checked.tag = (word: string): string => {
      const t: unknown = segmenter.tag!(word);
      if (typeof t !== 'string') throw new SegmenterError(`segmenter.tag(word) must return a string ('' when unknown); it returned ${describeValue(t)} for ${sample(word)}`);
      return t;
    };
  }
  return checked;
}
