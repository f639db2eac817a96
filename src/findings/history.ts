/**
 * When an outdated name is history, not a mistake. These rules hold for every `outdated` entry
 * (the per-entry `unless:` rules cover what is particular to one name). An old name stays right
 * where the text speaks of the old body itself:
 * - it is marked as former: 原中国银监会, 前国家旅游局, 原湖北省武汉市环保局;
 * - the text tells its reform: 武警森林部队集体转制后, 公安消防部队移交应急管理部门;
 * - it names a past act of the body: 中央深改组第七次会议, 中央全面深化改革领导小组审议通过的方案;
 * - it names a post held in a biography: 兼任中央外事工作领导小组组长, 曾任国务院三峡工程建设委员会副主任.
 * Each rule reads only a few characters around the match, so it never slows a check.
 */
import type { Segmenter } from '../types.js';
import { sentenceAround, yearScopeStart } from './context.js';

/**
 * What may stand between 原/前 and the name: the country or party (中国, 国家, 中共) and up to two
 * administrative units (湖北省武汉市), which is how a former body is named with its place.
 */
const PLACE_PREFIX = /^(?:中华人民共和国|中国|国家|中共)?(?:[\u4e00-\u9fff]{1,6}?(?:省|市|县|区|州|盟|旗)){0,2}$/;

/**
 * A token that ends in a number or a time unit makes 前 mean "before" (三天前, 两年前, 不久前),
 * not "former".
 */
const TIME_BEFORE = /[\d０-９〇零一二三四五六七八九十百千万两几多数年月日天周时分秒久]$/;

/**
 * Verbs of the reform itself, in the clause after the name (up to four characters between, for
 * 集体, 整体, 正式, 全部): the text tells how the old body was renamed, merged or handed over.
 * Not 组建/改革, which also describe what a body does.
 */
const REFORM_AFTER = /^[\u4e00-\u9fff]{0,4}?(?:转制|改制|移交|撤销|撤并|更名|改名|改称|改为|改组为|整合为|合并|并入|划入|划归|转隶|退出现役|不再保留)/;

/**
 * A past act of the body: its numbered meeting, or a document it adopted or issued (documents keep
 * the name of the body that issued them). Not 发布的, which news also uses for fresh data.
 */
const PAST_ACT_AFTER = /^(?:第[\d一二三四五六七八九十百零〇两]+次(?:全体)?会议|(?:审议)?通过的|审定的|印发的|颁布的|批准的)/;

/** A post right after the name (中央外事工作领导小组组长, 国务院三峡工程建设委员会副主任). */
const POST_AFTER = /^(?:副?(?:主任|组长|秘书长|书记|主席|局长|厅长|部长|司令员|政治委员|政委|委员)|党组书记|成员)/;
/** Verbs of a career in the sentence: a biography lists posts held, not today's bodies. */
const CAREER_VERBS = /曾任|历任|兼任|先后任|先后担任|曾担任|担任过|生前/;

/** Text after `end` up to the end of its clause, at most `max` characters. */
function clauseAfter(text: string, end: number, max: number): string {
  const s = text.slice(end, end + max);
  const cut = s.search(/[，,。！？；;!?：:、\n\r（）()“”"《》]/);
  return cut < 0 ? s : s.slice(0, cut);
}

/**
 * Whether 原 or 前 marks the name at [start, end) as a former body: the marker is followed only by
 * a place prefix and stands as a word of its own (not 太原, 原来, 目前, 之前), and 前 does not follow
 * a time (三天前). Without a segmenter only 原 right before the prefix counts.
 */
export function markedAsFormer(text: string, start: number, segmenter: Segmenter | undefined): boolean {
  const from = Math.max(0, start - 20);
  for (let m = start - 1; m >= from; m--) {
    const c = text[m];
    if (c !== '原' && c !== '前') continue;
    if (!PLACE_PREFIX.test(text.slice(m + 1, start))) continue;
    if (!segmenter) return c === '原';
    // Segment a window around the marker and find the token that starts at the marker.
    const w0 = Math.max(0, m - 6);
    const tokens = segmenter.cut(text.slice(w0, start));
    let at = w0;
    let prev = '';
    for (const t of tokens) {
      if (at === m) {
        if (t !== c) break; // part of a longer word: 原来, 前进
        if (c === '前' && TIME_BEFORE.test(prev)) break;
        return true;
      }
      if (at > m) break;
      at += t.length;
      prev = t;
    }
  }
  return false;
}

/** Whether the clause after the name tells its reform (转制, 移交, 更名 ...). */
export function reformTold(text: string, end: number): boolean {
  return REFORM_AFTER.test(clauseAfter(text, end, 24));
}

/** Whether the clause after the name names a past act of the body (第七次会议, 审议通过的). */
export function pastActNamed(text: string, end: number): boolean {
  return PAST_ACT_AFTER.test(clauseAfter(text, end, 24));
}

/** Whether the name is followed by a post, in a sentence with a verb of a career (曾任, 兼任 ... 组长). */
export function postInBiography(text: string, start: number, end: number): boolean {
  if (!POST_AFTER.test(clauseAfter(text, end, 24))) return false;
  const [a, b] = sentenceAround(text, start, end);
  return CAREER_VERBS.test(text.slice(a, b));
}

/**
 * Words that tell the sentence is about the body's past, strong enough alone: a post held then
 * (时任), what the body grew from (前身), a career (曾任), an old or changed name (原名, 更名为).
 */
const STRONG_HISTORY = /时任|前身|曾任|曾担任|曾是|曾为|历任|原名|原称|旧称|更名为|改名为|更名|改名|改称/;
/**
 * Weaker signs of the past, which count only beside the new name (a sentence with both names and
 * one of these tells the change): the reform's verbs, 此前/当时/过去, 原来的, a span of time (以来,
 * 多次) or a post held (担任).
 */
const WEAK_HISTORY = /以来|多次|历次|先后|担任|改为|改组|撤销|撤并|合并|并入|组建|重组|整合|不再保留|挂牌|此前|以前|过去|当年|当时|昔日|早年|原来的|原先|曾经|曾在|曾与|曾于/;
/** "从 old 到 new", "由 old 改为 new": the clause moves from the old name to another. */
const MOVE_AFTER = /^[^，。；！？\n]{0,30}?(?:到|至|变为|转为|升格为|调整为|改为|成为)/;

/** The first year (digits + 年) of the sentence, looking back past 其间/同年 openers, that is before `year`. */
function yearBeforeIn(text: string, from: number, to: number, year: number): string | undefined {
  for (const m of text.slice(yearScopeStart(text, from), to).matchAll(/(\d{4})\s*年/g)) if (Number(m[1]) < year) return m[0];
  return undefined;
}

/**
 * Evidence in the sentence of the outdated name at [start, end) that it speaks of the past:
 * `strong` words or a year before the reform (`since`) alone; with `besideNewName` (the sentence
 * also gives the new name) the weaker signs and 从 … 到 count too. Undefined without evidence: a
 * sentence about today that holds both names still reports the old one.
 */
export function historyEvidence(text: string, start: number, end: number, since: string | undefined, besideNewName: boolean): string | undefined {
  const [a, b] = sentenceAround(text, start, end);
  const rest = text.slice(a, start) + '\u0000' + text.slice(end, b);
  const strong = STRONG_HISTORY.exec(rest);
  if (strong) return strong[0];
  const year = since === undefined ? undefined : yearBeforeIn(text, a, b, Number(since.slice(0, 4)));
  if (year) return `${year}, before the reform of ${since}`;
  if (!besideNewName) return undefined;
  const weak = WEAK_HISTORY.exec(rest);
  if (weak) return weak[0];
  const clause = text.slice(Math.max(a, start - 12), start);
  const from = /[从由][^，。；！？]*$/.exec(clause);
  return from && MOVE_AFTER.test(text.slice(end, b)) ? `${from[0].charAt(0)} … ${MOVE_AFTER.exec(text.slice(end, b))![0].slice(-2)}` : undefined;
}

/** Whether the outdated name at [start, end) is history by one of the general rules above (the judge names each: history-*). */
export function outdatedNameIsHistory(text: string, start: number, end: number, segmenter: Segmenter | undefined): boolean {
  return reformTold(text, end) || pastActNamed(text, end) || postInBiography(text, start, end) || markedAsFormer(text, start, segmenter);
}
