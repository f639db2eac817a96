/**
 * The mining rules: which counted n-grams are fixed expressions worth a fuzzy search. Pure: counts
 * and a segmenter in, the phrases (with the reason each other n-gram was left out) out.
 */
import { bitCount, type GramStat } from './ngrams.js';
import { MIN_FUZZY_LENGTH } from '../../src/fuzzy/index.js';

export interface SelectOptions {
  /** Shortest phrase (fuzzy search needs 4 characters). Default 4. */
  minLength: number;
  /** Longest phrase. Default 16. */
  maxLength: number;
  /** Documents a phrase must occur in. */
  minDocs: number;
  /** Years (of 2019–2025) a phrase must occur in. */
  minYears: number;
  /** Share of occurrences whose both ends are segmenter boundaries. */
  minAligned: number;
  /**
   * A side is unstable when one longer n-gram on that side holds this share of the phrase's
   * documents (近平新时代 is nearly always 习近平新时代): the phrase is a piece of a longer one.
   */
  maxExtensionShare: number;
  /** A one-substitution neighbour in this many documents is a sibling wording (a known text). */
  minSiblingDocs: number;
}

export const DEFAULT_SELECT: SelectOptions = { minLength: 4, maxLength: 16, minDocs: 40, minYears: 5, minAligned: 0.6, maxExtensionShare: 0.85, minSiblingDocs: 5 };

/** A segmenter as the rules need it: tokens and their dictionary tags. */
export interface TaggingSegmenter {
  cut(text: string): string[];
  tag(word: string): string;
  frequency?(word: string): number;
}

/** Why an n-gram is not in the bank (for the mining log). */
export type LeftOut = 'length' | 'years' | 'boundary' | 'piece' | 'name' | 'person' | 'edge' | 'curated' | 'repeat';

/**
 * Whether a token is a person's or a place's name, as far as jieba's dictionary tells: a word of 2–3
 * characters tagged nr, nrfg, nrt (people) that no curated text uses (curatedVocabulary), or ns (places) and frequent in the dictionary (its
 * rarer ns words are mostly mis-tagged common words: 热烈祝贺, 广大干部). Words of the country and
 * its central bodies are no names here (中国特色社会主义). Organization names (nt: 世界卫生组织,
 * 人民大会堂) stay: they are fixed expressions, and the corpus pass drops the ones with siblings.
 */
function isName(token: string, segmenter: TaggingSegmenter, vocabulary: ReadonlySet<string>): boolean {
  if (token.length < 2 || token.length > 3 || NATIONAL.has(token)) return false;
  const tag = segmenter.tag(token);
  if (/^nr/.test(tag)) return !vocabulary.has(token);
  return tag === 'ns' && (segmenter.frequency?.(token) ?? 0) >= PLACE_FREQUENCY;
}

const vocabularies = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

/**
 * The words jieba tags as people's names (nr*) that the curated texts use: its tag is wrong on many
 * words of official text (高水平, 双循环, 安全观, 文明, 福祉, 金山银山), and a name the curated lexicon
 * writes is no news name. People of dictionaries/people stay out by the rule `person`. Memoized
 * per set of curated texts.
 */
function curatedVocabulary(curated: ReadonlySet<string>, segmenter: TaggingSegmenter): ReadonlySet<string> {
  let words = vocabularies.get(curated);
  if (!words) {
    const set = new Set<string>();
    for (const text of curated) for (const w of segmenter.cut(text)) if (/^nr/.test(segmenter.tag(w))) set.add(w);
    vocabularies.set(curated, (words = set));
  }
  return words;
}

const PLACE_FREQUENCY = 500;
const NATIONAL = new Set(['中国', '中华', '全国', '国家', '中央', '中共', '依法治国']);

/**
 * A fixed expression does not open with a one-character particle, preposition, conjunction,
 * adverb or pronoun (的宏伟目标, 等提交常委会会议审议, 将进一步), nor close with one, nor with a
 * conjunction, a particle or a common adverb (关系不断, 发展作出积极贡献的).
 */
function opens(token: string, segmenter: TaggingSegmenter): boolean {
  return !(token.length === 1 && /^(u|p|c|d|r)/.test(segmenter.tag(token)));
}

function closes(token: string, segmenter: TaggingSegmenter): boolean {
  const tag = segmenter.tag(token);
  if (token.length === 1) return !/^(u|p|c|d|r|f)/.test(tag);
  return !/^(u|c)/.test(tag) && !(tag === 'd' && (segmenter.frequency?.(token) ?? 0) >= 5000);
}

/**
 * The phrases, best first (more documents first, then the text). `names`: people's names from
 * dictionaries/people; `curated`: matching forms of every curated text (those phrases are left to
 * the curated lexicon).
 */
export function selectPhrases(
  grams: ReadonlyMap<string, GramStat>,
  segmenter: TaggingSegmenter,
  names: readonly string[],
  curated: ReadonlySet<string>,
  o: SelectOptions,
): { phrases: GramStat[]; leftOut: Map<LeftOut, number> } {
  const leftOut = new Map<LeftOut, number>();
  const drop = (why: LeftOut): void => {
    leftOut.set(why, (leftOut.get(why) ?? 0) + 1);
  };
  const kept: GramStat[] = [];
  for (const g of grams.values()) {
    const why = reasonToLeaveOut(g, segmenter, names, curated, o);
    if (why) drop(why);
    else kept.push(g);
  }
  kept.sort(byDocs);
  return { phrases: kept, leftOut };
}

const byDocs = (a: GramStat, b: GramStat): number => b.docs - a.docs || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);

/**
 * Sibling wordings of `texts` (the bank's phrases and the curated ones): counted n-grams in >=
 * minSiblingDocs documents one edit away, the edits the fuzzy search tries: a substitution (单边主义
 * beside 多边主义, 加快建设农业强省 beside 加快建设农业强国; the sibling must read as a word of its own,
 * both ends on segmenter boundaries in >= half its occurrences), a character less inside (大会的重要讲话
 * beside 大会上的重要讲话), a character more inside (扎实实推进 beside 扎实推进), two neighbours swapped
 * (持续展开 beside 持续开展). A phrase cut at its edge (认真学习贯彻 beside 要认真学习贯彻) is not one: the
 * corpus pass drops a phrase whose edge is that loose. They join the bank as known texts (not searched),
 * so the fuzzy search does not read one as a misspelling of the other.
 */
export function siblingsOf(texts: Iterable<string>, grams: ReadonlyMap<string, GramStat>, o: SelectOptions): GramStat[] {
  const own = new Set<string>();
  for (const t of texts) if (t.length >= MIN_FUZZY_LENGTH) own.add(t); // only fuzzy targets have siblings to tell apart
  const out = new Map<string, GramStat>();
  const add = (text: string): void => {
    const g = grams.get(text);
    if (g && !own.has(text) && g.docs >= o.minSiblingDocs) out.set(text, g);
  };
  const byPattern = new Map<string, true>();
  const lengths = new Set<number>();
  for (const t of own) {
    lengths.add(t.length);
    for (let i = 0; i < t.length; i++) {
      byPattern.set(`${t.slice(0, i)}\u0000${t.slice(i + 1)}`, true);
      if (i > 0 && i < t.length - 1) add(t.slice(0, i) + t.slice(i + 1)); // a character less inside
      if (i + 1 < t.length) add(t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2)); // two swapped
    }
  }
  for (const g of grams.values()) {
    if (own.has(g.text) || g.docs < o.minSiblingDocs) continue;
    const n = g.text.length;
    if (lengths.has(n) && g.aligned >= 0.5 * g.occurrences) {
      for (let i = 0; i < n; i++) {
        if (byPattern.has(`${g.text.slice(0, i)}\u0000${g.text.slice(i + 1)}`)) {
          out.set(g.text, g);
          break;
        }
      }
    }
    if (lengths.has(n - 1)) {
      for (let i = 1; i < n - 1; i++) {
        if (own.has(g.text.slice(0, i) + g.text.slice(i + 1))) {
          out.set(g.text, g); // a character more inside (one more at an edge is the phrase itself in context)
          break;
        }
      }
    }
  }
  return [...out.values()].sort(byDocs);
}

/** The first rule an n-gram fails, or undefined when it is a bank phrase. */
export function reasonToLeaveOut(g: GramStat, segmenter: TaggingSegmenter, names: readonly string[], curated: ReadonlySet<string>, o: SelectOptions): LeftOut | undefined {
  const n = g.text.length;
  if (n < o.minLength || n > o.maxLength) return 'length';
  if (g.docs < o.minDocs || bitCount(g.yearMask) < o.minYears) return 'years';
  if (g.aligned < o.minAligned * g.occurrences) return 'boundary';
  if (g.leftExtensionDocs >= o.maxExtensionShare * g.docs || g.rightExtensionDocs >= o.maxExtensionShare * g.docs) return 'piece';
  if (/(.)\1\1/.test(g.text)) return 'repeat';
  if (curated.has(g.text)) return 'curated';
  if (names.some((name) => g.text.includes(name))) return 'person';
  const tokens = segmenter.cut(g.text);
  const vocabulary = curatedVocabulary(curated, segmenter);
  if (tokens.some((t) => isName(t, segmenter, vocabulary))) return 'name';
  if (!opens(tokens[0]!, segmenter) || !closes(tokens[tokens.length - 1]!, segmenter)) return 'edge';
  return undefined;
}
