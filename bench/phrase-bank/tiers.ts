/**
 * The bank's tiers as `npm run mine:phrases` makes them by default (select.ts DEFAULT_SELECT for
 * the other rules): the first tier, 5–16 characters in >= 40 documents of >= 5 years, the best
 * 1,000; the second, names of bodies (isBodyName) of 5–16 characters in >= 5 documents of >= 2
 * years (国家互联网信息办公室 is in 11 documents of 6 years), the best `size` (0: no second tier).
 */
export const DEFAULT_SIZE_RULES = { minLength: 5, size: 1000 };

export const DEFAULT_LONG = { size: 1000, minLength: 5, minDocs: 5, minYears: 2, bodiesOnly: true };

/** A segmenter as isBodyName needs it. */
export interface BodySegmenter {
  cut(text: string): string[];
  tag(word: string): string;
}

const BODY_CHAR = new Set(['部', '局', '署', '委', '厅', '院', '室']);
const BODY_END = /(部|委员会|局|署|办公室|理事会|厅|院|室)$/;
/** Words that end like a body and are none (党员干部, 世界大变局, 新发展格局). */
const NOT_BODY_END = /(干部|变局|格局|大局|布局|全局|结局|开局|残局|僵局|时局|战局|政局)$/;

/**
 * The name of a body (国家互联网信息办公室, 全国社会保障基金理事会, 国家铁路局): its last token is a
 * body's one-character word (部, 局, 署 …) or a word of 3+ characters ending in one (铁路局, 办公室,
 * 委员会, 参事室). Two-character words ending so are mostly not bodies (部署, 格局, 干部), and
 * jieba's organization tag (nt) is on 政府, 联合国, 中医药 after any verb (要求日本政府).
 */
export function isBodyName(text: string, segmenter: BodySegmenter): boolean {
  const tokens = segmenter.cut(text);
  const last = tokens[tokens.length - 1] ?? '';
  if (tokens.length < 2) return false;
  if (last.length === 1) return BODY_CHAR.has(last);
  return last.length >= 3 && BODY_END.test(last) && !NOT_BODY_END.test(last);
}
