/**
 * The bank's tiers as `npm run mine:phrases` makes them by default (select.ts DEFAULT_SELECT for
 * the other rules): the first tier, 5–16 characters in >= 40 documents of >= 5 years, the best
 * 1,000; the second, names of bodies (isBodyName) of 5–16 characters in >= 5 documents of >= 2
 * years (国家互联网信息办公室 is in 11 documents of 6 years), the best `size` (0: no second tier).
 */
export const DEFAULT_SIZE_RULES = { minLength: 5, size: 1000 };

export const DEFAULT_LONG = { size: 1000, minLength: 5, minDocs: 5, minYears: 2, bodiesOnly: true };

/**
 * The third tier: terms of exactly 4 characters (数字经济, 交通强国, 九二共识) in >= minDocs documents of
 * >= minYears years, the rules of select.ts otherwise (boundaries, pieces, names, edges, corpus
 * pass); the best `size` by documents (0: no such tier). Searched like every bank phrase (one
 * confusable substitution, a transposition, a duplication; src/lexicon/bank.ts). Its own tier and
 * size, because a 4-character target costs check time (bench/phrase-bank/results.md).
 */
export const DEFAULT_TERMS = { size: 0, length: 4, minDocs: 40, minYears: 6 };

/** A segmenter as isBodyName needs it. */
export interface BodySegmenter {
  cut(text: string): string[];
  tag(word: string): string;
}

const BODY_CHAR = new Set(['部', '局', '署', '委', '厅', '院', '室']);
const BODY_END = /(部|委员会|局|署|办公室|理事会|厅|院|室)$/;
/** Words that end like a body and are none (党员干部, 世界大变局, 新发展格局). */
const NOT_BODY_END = /(干部|部署|变局|格局|大局|布局|全局|结局|开局|残局|僵局|时局|战局|政局)$/;

/**
 * The name of a body (国家互联网信息办公室, 全国社会保障基金理事会, 国家铁路局): its last token is a
 * body's one-character word (部, 局, 署 …) or a word of 3+ characters ending in one (铁路局, 办公室,
 * 委员会, 参事室). Two-character words ending so are mostly not bodies (部署, 格局, 干部), and
 * jieba's organization tag (nt) is on 政府, 联合国, 中医药 after any verb (要求日本政府).
 */
export function isBodyName(text: string, segmenter: BodySegmenter): boolean {
  const tokens = segmenter.cut(text);
  return tokens.length >= 2 && isBodyWord(tokens[tokens.length - 1]!);
}

/** A body's last word: 部, 局 … alone, or a word of 3+ characters ending in one (铁路局, 委员会). */
const isBodyWord = (word: string): boolean => (word.length === 1 ? BODY_CHAR.has(word) : word.length >= 3 && BODY_END.test(word) && !NOT_BODY_END.test(word));

/** The conjunctions of a body's name, each the other's slip (文化和旅游部, 环境与资源保护委员会). */
const CONJUNCTION_SLIP = new Map([
  ['和', '与'],
  ['与', '和'],
]);

/**
 * Slips in the name of a body that the fuzzy search does not take for one (a function word is
 * confusable with nothing): its conjunction written as the other (国家林业与草原局 for 国家林业和草原局,
 * 文化与旅游部). A body's name is fixed, so these are wrong forms of it, written as the phrase's
 * variants; elsewhere either conjunction is right (人与自然, 人和自然), and so it is between two names
 * (最高人民法院与最高人民检察院, 部和财政部, 党中央和国务院: a body's word before it, or jieba's
 * organization, nt, on either side). 和 put into a name is no slip of this kind: 住房和城乡建设部 is the full name of
 * 住房城乡建设部. Names of bodies only (isBodyName).
 */
export function bodyNameSlips(text: string, segmenter: BodySegmenter): string[] {
  if (!isBodyName(text, segmenter)) return [];
  const tokens = segmenter.cut(text);
  const organization = (w: string | undefined): boolean => w === undefined || segmenter.tag(w) === 'nt';
  return tokens.flatMap((t, i) => {
    const other = CONJUNCTION_SLIP.get(t);
    // the word before ends a name (部和财政部) or either is an organization (党中央和国务院)
    if (other === undefined || organization(tokens[i - 1]) || isBodyWord(tokens[i - 1]!) || organization(tokens[i + 1])) return [];
    return [[...tokens.slice(0, i), other, ...tokens.slice(i + 1)].join('')];
  });
}

/**
 * A slip written in 2019–2025 stays a variant while the name is this many times as frequent (中国外交部、
 * 文化与旅游部 once, against 296 documents of 文化和旅游部: a slip of edited copy); one written more
 * often is another body's name or an accepted wording, and goes.
 */
export const SLIP_RATIO = 20;

export const keepsSlip = (slipDocs: number, phraseDocs: number): boolean => slipDocs * SLIP_RATIO <= phraseDocs;
