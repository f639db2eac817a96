/**
 * Segmenters: small adapters behind the `Segmenter` interface (`cut(text) -> tokens`), used only on
 * small windows around fuzzy candidates. Both load their dictionaries on the first `cut`, so
 * creating a checker stays cheap.
 */
import type { Segmenter } from '../types.js';
import { lazyRequire } from '../util/require.js';
import { createDictionaryLookup, type DictionaryLookup } from './frequency.js';
import { readFileSync } from 'node:fs';

interface JiebaRs {
  cut(sentence: string, hmm?: boolean | null): string[];
}

/**
 * @node-rs/jieba (the default): a prebuilt binary, no install script, its dictionary loads in
 * about 0.2 s on the first cut. HMM is off so that unknown words are not invented.
 */
export function createJiebaSegmenter(): Segmenter {
  let jieba: JiebaRs | undefined;
  const dict = (): Uint8Array => (lazyRequire('@node-rs/jieba/dict') as { dict: Uint8Array }).dict;
  return {
    cut(text: string): string[] {
      if (!jieba) {
        const { Jieba } = lazyRequire('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): JiebaRs } };
        jieba = Jieba.withDict(dict());
      }
      return jieba.cut(text, false);
    },
    ...lookupMethods(createDictionaryLookup(dict)),
  };
}

interface NodejiebaBinding {
  load(dict: string, hmm: string, user: string, idf: string, stopWords: string): unknown;
  cut(sentence: string, hmm?: boolean): string[];
}

/**
 * nodejieba (optional peer dependency; builds from source). Its index.js assigns the globals
 * `dict`, `hmmDict`, ... when loading, so this adapter calls the native binding directly and
 * never touches the caller's global scope. Throws a clear error when nodejieba is not installed.
 */
export function createNodejiebaSegmenter(): Segmenter {
  let binding: NodejiebaBinding | undefined;
  const paths = (): { root: string; dictDir: string } => {
    let pkgJson: string;
    try {
      pkgJson = lazyRequire.resolve('nodejieba/package.json');
    } catch {
      throw new Error('segmenter "nodejieba" needs the optional package nodejieba: npm install nodejieba');
    }
    const root = pkgJson.slice(0, -'package.json'.length);
    return { root, dictDir: `${root}submodules/cppjieba/dict/` };
  };
  return {
    cut(text: string): string[] {
      if (!binding) {
        const { root, dictDir } = paths();
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
    ...lookupMethods(createDictionaryLookup(() => readFileSync(`${paths().dictDir}jieba.dict.utf8`))),
  };
}

/** The dictionary lookups as `Segmenter` methods. */
function lookupMethods(lookup: DictionaryLookup): Pick<Segmenter, 'frequency' | 'tag'> {
  return { frequency: (w) => lookup.frequency(w), tag: (w) => lookup.tag(w) };
}

/** Resolves the `segmenter` option. */
export function resolveSegmenter(option: Segmenter | 'jieba' | 'nodejieba' | 'none' | undefined): Segmenter | undefined {
  if (option === undefined || option === 'jieba') return createJiebaSegmenter();
  if (option === 'nodejieba') return createNodejiebaSegmenter();
  if (option === 'none') return undefined;
  return option;
}
