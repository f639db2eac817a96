/**
 * The rules of the idiom list (dictionaries/idiom/idioms.yaml, `npm run mine:idioms`): which of
 * jieba's idioms (成语, tag i) and set phrases (习用语, tag l) become fuzzy targets, which of their
 * one-character siblings become known texts, and which are left out as wrong-looking. Pure: the
 * counts come in, the choice goes out.
 */

/** One word of jieba's dictionary with what the miner counted for it. */
export interface IdiomStat {
  text: string;
  /** jieba's count (its dictionary's second column; 3 is its floor for words it barely saw). */
  count: number;
  /** jieba's tag (i, l, or any other for a sibling word). */
  tag: string;
  /** Documents of 2019–2025 holding it. */
  docs: number;
  /** Bit y−2019 set when a document of year y holds it. */
  yearMask: number;
  /** Whether the idiom dictionary of cnchar-idiom lists it (an idiom whatever jieba's tag). */
  listed?: boolean;
}

export interface IdiomSelectOptions {
  /** Lengths of the idioms taken (Han characters). */
  minLength: number;
  maxLength: number;
  /** An idiom (tag i) is taken with this jieba count, or with `minDocs` documents of 2019–2025. */
  minCount: number;
  minDocs: number;
  /** A set phrase (tag l) needs this jieba count as well (most l words at jieba's floor are ordinary phrases: 越来越快, 集中管理). */
  minSetPhraseCount: number;
  /**
   * A word cnchar-idiom lists (any jieba tag) is taken with this jieba count, or with `minDocs`
   * documents of 2019–2025, above jieba's floor as any word: two dictionaries agreeing are evidence
   * enough for a rarer idiom (略胜一筹 15, 拾金不昧 11 tagged i; 黄粱美梦 10 tagged nr). Measured
   * (bench/idiom/results.md): 10 takes about 1,800 more than the tags alone for about 1.5 % of check
   * time and no new finding on unseen text; 5 takes 1,000 more for about 4 % more and one false alarm.
   */
  minListedCount: number;
  /** At most this many targets, the most documents first (then the jieba count). */
  size: number;
}

export const DEFAULT_IDIOM_SELECT: IdiomSelectOptions = { minLength: 4, maxLength: 8, minCount: 20, minDocs: 1, minSetPhraseCount: 10, minListedCount: 10, size: 8000 };

/** The jieba counts at or below which a word is a guess of the dictionary, not evidence. */
export const JIEBA_FLOOR = 3;

/**
 * Whether `weak` looks like a slip of `strong` (one confusable character apart). jieba's dictionary
 * lists many wrong forms as idioms (再接再励, 老奸巨滑, 察颜观色); taken as targets they would read the
 * right form as their slip, and taken as known texts they would silence the real slip. `weak` is
 * never written in 2019–2025 edited copy, and either `strong` is while jieba does not count `weak`
 * twice as often, or neither is and jieba counts `strong` at least 1.5 times as often (老奸巨猾 48,
 * 老奸巨滑 28). Two siblings counted alike and never written (天崩地裂 35, 山崩地裂 31) are both real.
 */
export function looksLikeSlipOf(weak: IdiomStat, strong: IdiomStat): boolean {
  if (weak.docs > 0) return false;
  if (strong.docs > 0) return weak.count <= JIEBA_FLOOR || 2 * strong.count >= weak.count;
  return weak.count <= JIEBA_FLOOR ? strong.count >= weak.count : strong.count >= 1.5 * weak.count;
}

/**
 * Whether an idiom or set phrase may be a target by its own evidence. A word at jieba's floor count
 * is none, whatever its tag or listing: those are mostly the phrases of news copy (贯彻落实, 积极参与
 * tagged i), whose one-character siblings abound in new text; and the listed words at the floor
 * written in 2019–2025 added no leave-out case and one false alarm on unseen text (共贺新禧 read as
 * a slip of 恭贺新禧). A word cnchar-idiom lists is taken by `minListedCount` or a document, whatever
 * jieba's tag.
 */
export function qualifies(s: IdiomStat, o: IdiomSelectOptions): boolean {
  if (s.text.length < o.minLength || s.text.length > o.maxLength || s.count <= JIEBA_FLOOR) return false;
  if (s.listed && (s.count >= o.minListedCount || s.docs >= o.minDocs)) return true;
  if (s.tag === 'i') return s.count >= o.minCount || s.docs >= o.minDocs;
  if (s.tag === 'l') return s.count >= o.minSetPhraseCount && (s.count >= o.minCount || s.docs >= o.minDocs);
  return false;
}

/** The words one substitution from each other, by the key of the text with one position blanked. */
export function siblingIndex(words: Iterable<IdiomStat>): Map<string, IdiomStat[]> {
  const index = new Map<string, IdiomStat[]>();
  for (const w of words) {
    for (let i = 0; i < w.text.length; i++) {
      const key = `${w.text.slice(0, i)}\u0000${w.text.slice(i + 1)}`;
      const list = index.get(key);
      if (list) list.push(w);
      else index.set(key, [w]);
    }
  }
  return index;
}

/** The siblings of `w` in `index` (one substitution apart, the two characters confusable by `confusable`). */
export function siblingsOf(w: IdiomStat, index: ReadonlyMap<string, IdiomStat[]>, confusable: (a: string, b: string) => boolean): IdiomStat[] {
  const out: IdiomStat[] = [];
  for (let i = 0; i < w.text.length; i++) {
    for (const s of index.get(`${w.text.slice(0, i)}\u0000${w.text.slice(i + 1)}`) ?? []) {
      if (s.text !== w.text && confusable(w.text[i]!, s.text[i]!)) out.push(s);
    }
  }
  return out;
}

export interface IdiomChoice {
  /** The fuzzy targets, most documents first. */
  targets: IdiomStat[];
  /** Sibling words of a target that are real words of their own (fuzzy: false): never read as its slip. */
  known: IdiomStat[];
  /** Why candidates were left out, with counts. */
  leftOut: Map<string, number>;
}

export const byEvidence = (a: IdiomStat, b: IdiomStat): number => b.docs - a.docs || b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);

/**
 * Chooses the targets among `idioms` (jieba's i and l words with their counts) and the known
 * sibling texts among `words` (every jieba word of the same lengths with its counts; a sibling
 * must be confusable, as only confusable substitutions are searched):
 * - a candidate that looks like a slip of one of its siblings is left out (再接再励);
 * - a sibling of a target that does not look like a slip of it is a real word (天崩地裂 beside
 *   山崩地裂, 出乎意料 beside 出人意料): a target itself or a known text;
 * - `excluded` texts (the curated lexicon's, the phrase bank's) are left out.
 */
export function chooseIdioms(idioms: readonly IdiomStat[], words: readonly IdiomStat[], confusable: (a: string, b: string) => boolean, excluded: ReadonlySet<string>, o: IdiomSelectOptions = DEFAULT_IDIOM_SELECT): IdiomChoice {
  const leftOut = new Map<string, number>();
  const drop = (why: string): false => {
    leftOut.set(why, (leftOut.get(why) ?? 0) + 1);
    return false;
  };
  const index = siblingIndex(words);
  const targets = idioms
    .filter((s) => qualifies(s, o) || drop('too little evidence'))
    .filter((s) => !excluded.has(s.text) || drop('a curated or bank text'))
    .filter((s) => !siblingsOf(s, index, confusable).some((t) => looksLikeSlipOf(s, t)) || drop('looks like a slip of a sibling word'))
    .sort(byEvidence)
    .slice(0, o.size);
  return { targets, known: knownSiblings(targets, index, confusable, excluded), leftOut };
}

/**
 * Whether `weak`, a sibling word of the target `strong`, is a slip clear enough to list as the
 * target's wrong form (损人利已 of 损人利己, 挠而走险 of 铤而走险): jieba's dictionary lists it as a word, so
 * the judge takes it for one and fuzzy search never reports it. `strong` is written in 2019–2025
 * and `weak` never (two forms both written are accepted spellings, 异形词), and jieba counts
 * `weak` at its floor or at most a quarter as often. An idiom never written in 2019–2025 lists
 * none: its siblings counted far less by jieba are real idioms as often as slips (若有所失 beside
 * 若有所思, 桃之夭夭 beside 逃之夭夭, 群情激愤 beside 群情激奋; 察颜观色 beside 察言观色 alike).
 */
export function listedSlip(weak: IdiomStat, strong: IdiomStat): boolean {
  if (weak.docs > 0 || strong.docs === 0 || ACCEPTED_FORMS.has(weak.text) || !looksLikeSlipOf(weak, strong)) return false;
  return weak.count <= JIEBA_FLOOR || strong.count >= SLIP_RATIO * weak.count;
}

/**
 * Sibling words the rules of `listedSlip` would list that are words or accepted spellings of their
 * own (dictionaries give both forms, or another meaning: 不孚众望 "fails the hopes", 正心诚意 of the
 * 大学, 待贾而沽 the older form): read through on the list of 2026-12 and never listed as slips.
 */
export const ACCEPTED_FORMS: ReadonlySet<string> = new Set([
  '为人处世', '不孚众望', '正心诚意', '身受其害', '趁虚而入', '没路可走', '常年累月', '敢做敢为', '谣言惑众',
  '它山之石', '疾恶如仇', '倚强凌弱', '翻然醒悟', '待贾而沽', '怵目惊心', '荜路蓝缕', '粗具规模', '克尽职守',
]);

/** How many times less often jieba counts a slip listed as a wrong form than its idiom. */
export const SLIP_RATIO = 4;

/**
 * The listed slips of each target (`listedSlip`), in the order of their siblings; a slip that is
 * a target or a known text itself, or that `keep` refuses (not in normalized form, a curated text),
 * is not listed. Targets without one are absent.
 */
export function listedSlips(targets: readonly IdiomStat[], known: readonly IdiomStat[], index: ReadonlyMap<string, IdiomStat[]>, confusable: (a: string, b: string) => boolean, keep: (idiom: string, slip: string) => boolean): Map<string, string[]> {
  const taken = new Set([...targets, ...known].map((s) => s.text));
  const out = new Map<string, string[]>();
  for (const t of targets) {
    const slips = siblingsOf(t, index, confusable).filter((s) => !taken.has(s.text) && listedSlip(s, t) && keep(t.text, s.text)).map((s) => s.text);
    const unique = [...new Set(slips)];
    if (unique.length > 0) out.set(t.text, unique);
  }
  return out;
}

/** The siblings of `targets` that are real words (no slip of the target, no target, not excluded), most documents first. */
export function knownSiblings(targets: readonly IdiomStat[], index: ReadonlyMap<string, IdiomStat[]>, confusable: (a: string, b: string) => boolean, excluded: ReadonlySet<string>): IdiomStat[] {
  const chosen = new Set(targets.map((t) => t.text));
  const known = new Map<string, IdiomStat>();
  for (const t of targets) {
    for (const s of siblingsOf(t, index, confusable)) {
      if (chosen.has(s.text) || excluded.has(s.text) || looksLikeSlipOf(s, t)) continue;
      known.set(s.text, s);
    }
  }
  return [...known.values()].sort(byEvidence);
}
