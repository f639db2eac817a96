/**
 * The phrase bank (dictionaries/bank/, mined by `npm run mine:phrases`): mandated phrases of
 * category `bank`, fuzzy targets like curated ones but less sure. Curated entries win: a bank
 * phrase that a curated entry already lists (as a phrase, a variant, a wrong or right word, a
 * replacement) or that holds a banned term is left out, and where a bank finding overlaps a curated
 * one, the curated one is reported.
 */
import type { LexiconEntry } from './types.js';
import type { ErrorDetail } from '../types.js';
import { MIN_FUZZY_LENGTH } from '../fuzzy/index.js';
import { IDIOM_CATEGORY, IDIOM_CONFIDENCE_DROP } from './idiom.js';

/** The category of the mined phrases. */
export const BANK_CATEGORY = 'bank';

/** How much less sure a fuzzy finding of a bank phrase is than one of a curated phrase. */
export const BANK_CONFIDENCE_DROP = 0.15;

/** What sets one kind of mined entry apart from the others; everything else they share. */
interface MinedKind {
  /** How much less sure its fuzzy findings are than a curated phrase's. */
  confidenceDrop: number;
  /** Whether two swapped characters are reported (an idiom's are mostly another wording: 大好山河, 深厚情谊). */
  transposition: boolean;
}

/** The mined categories: the phrase bank and the idiom list (src/lexicon/idiom.ts), treated alike but for these. */
const MINED_KINDS = new Map<string, MinedKind>([
  [BANK_CATEGORY, { confidenceDrop: BANK_CONFIDENCE_DROP, transposition: true }],
  [IDIOM_CATEGORY, { confidenceDrop: IDIOM_CONFIDENCE_DROP, transposition: false }],
]);

const minedKind = (entry: LexiconEntry): MinedKind | undefined => (entry.category === undefined ? undefined : MINED_KINDS.get(entry.category));

/** Whether `entry` is mined, not curated: a bank phrase or an idiom of the idiom list. */
export function isBankEntry(entry: LexiconEntry): boolean {
  return minedKind(entry) !== undefined;
}

/** The confidence of a fuzzy finding of `entry` whose alignment gave `confidence`. */
export function fuzzyConfidence(entry: LexiconEntry, confidence: number): number {
  const mined = minedKind(entry);
  return mined ? Math.round((confidence - mined.confidenceDrop) * 100) / 100 : confidence;
}

/** Phrases shorter than this are not reported missing a character (稳步增长 → 稳增长 is an abbreviation). */
export const BANK_OMISSION_LENGTH = 6;

/**
 * Whether a finding of `detail` on a phrase of `length` characters is reported for `entry` (always,
 * unless the entry is a bank phrase). A bank phrase is a statistic of edited copy, not a mandated
 * wording: a word slipped in (注入新的动力, 中塞关系发展), a short phrase cut (他表示, 扩内需) or a space
 * inside it (a headline's layout) is mostly another right wording, so only substitutions,
 * transpositions, duplications and cuts of longer phrases are reported.
 */
export function bankKeeps(entry: LexiconEntry, detail: ErrorDetail, length: number): boolean {
  const mined = minedKind(entry);
  if (!mined) return true;
  if (detail === 'insertion' || detail === 'noise') return false;
  if (detail === 'transposition') return mined.transposition;
  return detail !== 'omission' || length >= BANK_OMISSION_LENGTH;
}

/**
 * Bank phrases this long are searched, as curated phrases are, for the first or last character
 * written twice (全国政协主席席, 全面建成小康社会会, 新新发展格局): from 5 characters, the bank's shortest
 * (+1 leave-out case, no held-out 2026 finding, 0.97–0.98× check speed; the corpus pass drops a
 * phrase that runs on into its own last character, 埃塞俄比亚|亚的斯亚贝巴: bench/phrase-bank/results.md).
 * They are not searched for a substitution by a character confusable with nothing, as curated
 * phrases of OTHER_SUB_LENGTH+ characters are: on the held-out 2026 slice that added 4 false alarms
 * for 1 more case found in the leave-out run (bench/phrase-bank/results.md).
 */
export const BANK_EDIT_LENGTH = 5;

/**
 * The edits searched in a fuzzy target of `entry` besides confusable substitutions, omissions,
 * insertions, transpositions (`length`: the phrase's; `otherSubLength`: src/fuzzy OTHER_SUB_LENGTH).
 * A bank phrase is searched for one edit only however long (`oneEdit`): two slips in one mined
 * phrase are rare, and the thirds a second substitution needs as anchors are 2-character pieces
 * for a phrase of 6–8 characters, hit all the time (bench/phrase-bank/results.md).
 */
export function searchedEdits(entry: LexiconEntry, length: number, otherSubLength: number): { otherSub: boolean; edgeDuplication: boolean; oneEdit: boolean } {
  // the idiom list is mined too (src/lexicon/idiom.ts): searched as bank phrases are
  if (!isBankEntry(entry)) return { otherSub: length >= otherSubLength, edgeDuplication: true, oneEdit: false };
  return { otherSub: false, edgeDuplication: length >= BANK_EDIT_LENGTH, oneEdit: true };
}

const curatedKeysOf = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

/**
 * The known texts a curated finding is judged against (rule known-text): every listed text but the
 * bank's, so that the bank never silences a curated finding (curated entries win). A bank finding
 * is judged against the bank's texts by rule inside-bank-phrase. Computed once per model.
 */
export function curatedKnownKeys(model: { entries: readonly LexiconEntry[]; knownKeys: ReadonlySet<string> }, key: (s: string) => string): ReadonlySet<string> {
  let keys = curatedKeysOf.get(model.knownKeys);
  if (keys) return keys;
  const bank = model.entries.filter(isBankEntry);
  if (bank.length === 0) keys = model.knownKeys;
  else {
    const set = new Set(model.knownKeys);
    for (const e of bank) set.delete(key(e.text));
    keys = set;
  }
  curatedKeysOf.set(model.knownKeys, keys);
  return keys;
}

/**
 * The texts of a curated entry a bank phrase may not be: its text, its wrong forms, a typo's right
 * words (searched already when the typo is). The replacement of a banned or outdated entry is a
 * right text (文化和旅游部 for 国家旅游局): a bank phrase may be it, and the fuzzy search then finds
 * its misspellings (文化与旅游部).
 */
export function listedTexts(e: LexiconEntry): string[] {
  return e.kind === 'banned' || e.kind === 'outdated' ? [e.text, ...e.variants] : [e.text, ...e.variants, ...e.replacement];
}

/**
 * A bank phrase this many characters longer than a curated phrase it holds stays (推动构建人类命运共同体
 * beside 人类命运共同体): an edit in its own part is the bank's to find, and where both find an edit
 * the curated finding wins (resolve). Shorter ones go (坚持以人民为中心: the curated entry decides).
 */
export const BANK_HOLD_MARGIN = 4;

/**
 * The bank entries that do not clash with the curated ones (`key`: a text's matching form). A clash
 * would be a validation error (the same text twice, a banned term inside a mandated phrase, a
 * listed wrong form that is a mandated phrase; see `listedTexts`), or a bank phrase holding, with
 * fewer than BANK_HOLD_MARGIN characters more, a curated phrase that is searched fuzzily (坚持以人民为中心
 * holds 以人民为中心: the curated entry and its judge decide about that wording): the curated entry
 * wins and the bank phrase goes.
 */
export function bankWithoutClashes(curated: readonly LexiconEntry[], bank: readonly LexiconEntry[], key: (s: string) => string): LexiconEntry[] {
  const listed = new Set<string>();
  const inside: string[] = []; // banned terms, and the curated phrases searched fuzzily
  const bannedKeys = new Set<string>(); // a banned term inside is a validation error, however long the phrase
  for (const e of curated) {
    for (const t of listedTexts(e)) listed.add(key(t));
    if (e.kind === 'banned') {
      inside.push(key(e.text));
      bannedKeys.add(key(e.text));
    }
    if (e.fuzzy && e.kind === 'mandated' && e.text.length >= MIN_FUZZY_LENGTH) inside.push(key(e.text));
    if (e.fuzzy && e.kind === 'typo') for (const r of e.replacement) if (r.length >= MIN_FUZZY_LENGTH) inside.push(key(r));
  }
  return bank.filter((b) => {
    const k = key(b.text);
    if (listed.has(k)) return false;
    for (const v of b.variants) if (listed.has(key(v))) return false;
    return !inside.some((t) => t !== '' && k.includes(t) && (bannedKeys.has(t) || k.length < t.length + BANK_HOLD_MARGIN));
  });
}
