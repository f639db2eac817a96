/**
 * The four people checks, pure: text + table + asOf in, findings (offsets into `text`) out.
 *
 * - leader-name: a table name written with one wrong (homophone / look-alike), missing, extra or
 *   swapped character, only where the context shows a person: a title form of the table right
 *   before it, a title form or 同志 right after it, or a place in a 、 list next to a correctly
 *   written member of one of the person's bodies. Weaker contexts (同志, 主席, two-character names)
 *   need a look-alike slip or the correct name elsewhere in the text, so that namesakes
 *   (张国庆同志) and ordinary words stay quiet.
 * - leader-title: a title form of the table bound to a table name (written right before it, in a
 *   chain 中共中央总书记、国家主席、中央军委主席习近平, or a short form right after it) that the person
 *   did not hold on `asOf`. 原/前 (held before), 时任/曾任/十三届 (held at some time) and a year in
 *   the sentence (2015年 ... held in that year) make it history.
 * - former-official: the same, for a person the table records as removed, after the removal: a warning.
 * - leader-order: a 、 list naming two or more members of one body out of protocol order.
 */
import type { PeopleBody } from './types.js';
import { holdsInYear, holdsOn, type PeopleTable, type TablePerson } from './table.js';
import { findAnchors, viceOf, type Anchors, type Occurrence, type TitleAt } from './anchors.js';

export type PeopleRule = 'leader-name' | 'leader-title' | 'leader-order' | 'former-official';
export type PeopleDetail = 'substitution' | 'omission' | 'insertion' | 'duplication' | 'transposition' | 'title' | 'order' | 'removed';
/** How `actual` may be a slip for `expected`; `shape` (a shape-code look-alike) is too loose for names and counts as none. */
export type ConfusionOf = (expected: number, actual: number) => 'homophone' | 'near-homophone' | 'lookalike' | 'shape' | null;

export interface PeopleFinding {
  rule: PeopleRule;
  severity: 'error' | 'warning';
  start: number;
  end: number;
  expected: string[];
  detail: PeopleDetail;
  confidence: number;
  /** Person or body id. */
  entry: string;
  /** Chinese explanation of what is wrong. */
  why: string;
  source?: string;
  /** leader-title / former-official on a name listed under a title (the span is the name, not the title). */
  listedUnder?: string;
}

export interface PeopleCheckOptions {
  /** YYYY-MM-DD: the date the text speaks of (the page's date). */
  asOf: string;
  /** How a written character may be a slip for the right one (src/confusion). */
  confusion: ConfusionOf;
}

const HAN = /\p{Script=Han}/u;
const isHan = (c: string | undefined): boolean => c !== undefined && HAN.test(c);
/** Words right before a title chain that mark it as a past post. */
const PAST_BEFORE = ['原', '前', '已故', '首任'];
const ANY_TIME_BEFORE = ['时任', '曾任', '历任', '先后任', '曾担任', '担任过'];
/** Characters that may follow a name with a dropped character (总理李克在…): punctuation or a common next word. */
const AFTER_NAME = new Set([...'、，。；：！？（）()“”‘’《》 \n在出主会指强表说同等和与的为向致发签对就作于视考参分也还']);
const STRONG_AFTER = new Set(['总书记', '委员长', '总理', '副总理']);

interface Slip {
  person: TablePerson;
  start: number;
  end: number;
  detail: PeopleDetail;
  edit: string;
  confidence: number;
  kind: 'homophone' | 'near-homophone' | 'lookalike' | 'edit';
}

export function checkPeople(text: string, table: PeopleTable, options: PeopleCheckOptions): PeopleFinding[] {
  if (table.people.length === 0 || text.length === 0) return [];
  // one pass finds every name, title form and short form; a text with none of them has no finding
  const anchors = findAnchors(text, table);
  if (anchors === undefined) return [];
  const scan = scanNames(text, table, options, anchors);
  namesAfterTitles(scan);
  for (const o of scan.names) titlesOfName(scan, o);
  namesBeforeAfterForms(scan);
  if (scan.names.length > 0) for (const list of lists(text, scan.names)) checkList(scan, list);
  return dedupe(scan.out);
}

/** What the passes of one check share: the inputs, the table names written exactly, the findings so far. */
interface Scan {
  text: string;
  table: PeopleTable;
  options: PeopleCheckOptions;
  asOf: string;
  anchors: Anchors;
  names: Occurrence[];
  nameAt: Map<number, Occurrence>;
  nameEndingAt: Map<number, Occurrence>;
  /** Whether [s, e) touches an exactly written name. */
  covered: (s: number, e: number) => boolean;
  presentNames: Set<string>;
  out: PeopleFinding[];
}

function scanNames(text: string, table: PeopleTable, options: PeopleCheckOptions, anchors: Anchors): Scan {
  const names = anchors.names;
  const nameAt = new Map<number, Occurrence>();
  const nameEndingAt = new Map<number, Occurrence>();
  for (const o of names) {
    if (!nameAt.has(o.start)) nameAt.set(o.start, o);
    nameEndingAt.set(o.end, o);
  }
  // names are few: whether a span touches one is a look through them (no array as long as the text)
  const covered = (s: number, e: number): boolean => {
    const from = Math.max(0, s);
    const to = Math.min(e, text.length);
    if (from >= to) return false;
    for (const o of names) if (o.start < to && from < o.end) return true;
    return false;
  };
  const presentNames = new Set(names.map((o) => text.slice(o.start, o.end)));
  return { text, table, options, asOf: options.asOf, anchors, names, nameAt, nameEndingAt, covered, presentNames, out: [] };
}

/** Misspelt names right after a title form. */
function namesAfterTitles({ text, table, options, asOf, anchors, nameAt, covered, presentNames, out }: Scan): void {
  for (const t of anchors.titleForms) {
    const slot = t.end;
    if (nameAt.has(slot) || covered(slot, slot + 1)) continue;
    // the title's holder on that date may have lost a character anywhere (国务院总理李克代表…)
    const holder = (p: TablePerson): boolean => p.held.some((h) => h.title === t.title && holdsOn(h, asOf));
    const slip = bestSlip(text, slot, 'forward', table, options.confusion, 'strong', presentNames, t.title, holder);
    if (slip) out.push(slipFinding(text, slip, `职务“${text.slice(t.start, t.end)}”后`));
  }
}

/** Titles bound to a name: the chain before it (read right to left), a list head's title, the short form after it. */
function titlesOfName(scan: Scan, o: Occurrence): void {
  const { text, table, asOf, anchors, out } = scan;
  const chain = chainBefore(text, o.start, anchors);
  if (swappedAfterTitle(scan, o, chain)) return;
  for (const t of chain.titles) {
    const f = judgeTitle(text, o, [t.title], t.start, t.end, chain.mark, 'before', table, asOf);
    if (f) out.push(f);
  }
  if (chain.titles.length === 0 && text[o.start - 1] === '、') titleOverList(scan, o);
  titleAfterName(scan, o, chain);
}

/**
 * 国务院总理李强克 (2022): 李强 is a name of the table, but 李克强 with two characters swapped held
 * the title right before it; reports that slip and says whether it did.
 */
function swappedAfterTitle({ text, table, options, asOf, out }: Scan, o: Occurrence, chain: Chain): boolean {
  const adjacent = chain.titles[0];
  if (!adjacent || chain.mark !== 'none' || o.people.some((p) => p.held.some((h) => h.title === adjacent.title && holdsOn(h, asOf)))) return false;
  const longer = slipsAt(text, o.start, 'forward', table, options.confusion).find((s) => s.end > o.end && s.person.held.some((h) => h.title === adjacent.title && holdsOn(h, asOf)));
  if (!longer) return false;
  out.push(slipFinding(text, longer, `职务“${text.slice(adjacent.start, adjacent.end)}”后`));
  return true;
}

/** 国务院副总理韩正、孙春兰、胡春华、刘鹤: a title held by several people covers the bare names listed after the first. */
function titleOverList({ text, table, asOf, anchors, nameEndingAt, out }: Scan, o: Occurrence): void {
  let first = nameEndingAt.get(o.start - 1);
  while (first && text[first.start - 1] === '、') first = nameEndingAt.get(first.start - 1);
  const head = first ? chainBefore(text, first.start, anchors) : undefined;
  const t = head?.titles[0];
  if (head && t && head.mark === 'none' && table.bodies.some((b) => b.title === t.title || b.listedAfter === t.title)) {
    const f = judgeTitle(text, o, [t.title], t.start, t.end, 'none', 'before', table, asOf);
    if (f) out.push({ ...f, start: o.start, end: o.end, listedUnder: text.slice(t.start, t.end) });
  }
}

/** The short form right after a name (李强总理), judged when no chain before it binds the name. */
function titleAfterName({ text, table, options, asOf, anchors, out }: Scan, o: Occurrence, chain: Chain): void {
  const form = afterFormAt(o.end, anchors, table);
  if (!form) return;
  if (chain.titles.length === 0 && !o.people.some((p) => p.held.some((h) => form.titles.includes(h.title) && holdsOn(h, asOf)))) {
    // 克李强总理 (2021): 李强 is a name of the table, but 李克强 with two characters swapped held the post
    const longer = slipsAt(text, o.end, 'backward', table, options.confusion).find((s) => s.start < o.start && s.person.held.some((h) => form.titles.includes(h.title) && holdsOn(h, asOf)));
    if (longer) {
      out.push(slipFinding(text, longer, `“${form.text}”前`));
      return;
    }
  }
  if ((STRONG_AFTER.has(form.text) || o.end - o.start >= 3) && chain.mark === 'none') {
    const f = judgeTitle(text, o, form.titles, o.end, o.end + form.text.length, 'none', 'after', table, asOf);
    if (f) out.push(f);
  }
}

/** Misspelt names right before a short form or 同志. */
function namesBeforeAfterForms({ text, table, options, asOf, anchors, nameEndingAt, covered, presentNames, out }: Scan): void {
  for (const a of anchors.afterForms) {
    if (nameEndingAt.has(a.start) || covered(a.start - 1, a.start)) continue;
    const strength = STRONG_AFTER.has(a.text) ? 'strong' : 'medium';
    // 习近乎主席: 主席 names a post the person holds; 以习近乎同志为核心: the general secretary
    const core = a.text === '同志' && /以\p{Script=Han}{1,4}$/u.test(text.slice(Math.max(0, a.start - 5), a.start)) && text.startsWith('为核心', a.start + 2);
    const supported = (p: TablePerson): boolean =>
      core ? p.held.some((h) => h.title === 'general-secretary' && holdsOn(h, asOf)) : a.text !== '同志' && p.held.some((h) => holdsOn(h, asOf) && (table.titles.get(h.title)?.after ?? []).includes(a.text));
    // 赵乐济同志: a homophone of a Standing Committee member's name; 王宁同志 or 李国强同志 are other people
    const homophoneOk = (p: TablePerson): boolean => a.text === '同志' && inTopBody(p, table, asOf);
    const slip = bestSlip(text, a.start, 'backward', table, options.confusion, strength, presentNames, undefined, supported, homophoneOk);
    if (slip) out.push(slipFinding(text, slip, `“${a.text}”前`));
  }
}

/** A 、 list: misspelt members and protocol order. */
function checkList({ text, table, options, asOf, anchors, presentNames, out }: Scan, list: List): void {
  // 副省长张叁、李斯光陪同: the last item ends where the text goes on, so it is read from its start
  if (list.tail !== undefined) {
    const lastKnown = list.items[list.items.length - 1]!;
    const slip = slipsAt(text, list.tail, 'forward', table, options.confusion).find(
      (s) => (s.detail === 'transposition' || s.detail === 'duplication' || (s.detail === 'substitution' && s.kind !== 'near-homophone')) && table.bodies.some((b) => b.since <= asOf && b.members.includes(s.person.id) && lastKnown.people.some((q) => b.members.includes(q.id))),
    );
    if (slip) out.push(slipFinding(text, slip, '人名列举中'));
  }
  for (const gap of list.unknown) {
    const neighbours = [list.items[gap.index - 1], list.items[gap.index + 1]].filter((x): x is Occurrence => x !== undefined && x.people.length > 0);
    const slip = bestSlipIn(text, gap.start, gap.end, table, options.confusion, presentNames, neighbours, asOf);
    if (slip) out.push(slipFinding(text, slip, '人名列举中'));
  }
  const f = judgeOrder(text, list, table, asOf, anchors);
  if (f) out.push(f);
}

// ---------------------------------------------------------------------------------------------
// names and title forms

/** Whom each character can be part of (a one-edit slip keeps at least one character of the name). */
const byCharCache = new WeakMap<PeopleTable, Map<number, TablePerson[]>>();
function peopleByChar(table: PeopleTable): Map<number, TablePerson[]> {
  let byChar = byCharCache.get(table);
  if (byChar) return byChar;
  byChar = new Map<number, TablePerson[]>();
  for (const p of table.people)
    for (const c of new Set([...p.name].map((ch) => ch.charCodeAt(0)))) byChar.set(c, [...(byChar.get(c) ?? []), p]);
  byCharCache.set(table, byChar);
  return byChar;
}

/** The longest title form ending exactly at `end` (none when a 副 before it makes it another title). */
function titleEndingAt(text: string, end: number, anchors: Anchors): TitleAt | undefined {
  const t = anchors.beforeEndingAt.get(end);
  if (t === undefined) return undefined;
  return viceOf(text, t.start, text.slice(t.start, t.end)) ? undefined : t;
}

type Mark = 'none' | 'past' | 'any-time';

/** Title forms right before a name, nearest first, and what marks them as history. */
interface Chain {
  titles: TitleAt[];
  mark: Mark;
}

/** The chain of title forms right before a name (separated by 、), and a 原/时任 mark before it. */
function chainBefore(text: string, nameStart: number, anchors: Anchors): Chain {
  const titles: TitleAt[] = [];
  let pos = nameStart;
  let mark: Mark = 'none';
  for (;;) {
    const t = titleEndingAt(text, pos, anchors);
    if (!t) break;
    titles.push(t);
    pos = t.start;
    const m = markEndingAt(text, pos);
    if (m) {
      mark = m;
      break;
    }
    if (text[pos - 1] === '、') pos--;
    else break;
  }
  return { titles, mark };
}

function markEndingAt(text: string, pos: number): Mark | undefined {
  // 十三届全国人大常委会委员长, 第十届、十一届…委员长: a numbered term is a dated post
  if (text[pos - 1] === '届') return 'any-time';
  for (const w of ANY_TIME_BEFORE) if (text.startsWith(w, pos - w.length)) return 'any-time';
  for (const w of PAST_BEFORE) if (text.startsWith(w, pos - w.length)) return 'past';
  return undefined;
}

/** The longest short form (not 同志) right at `pos`, and the titles it stands for. */
function afterFormAt(pos: number, anchors: Anchors, table: PeopleTable): { text: string; titles: string[] } | undefined {
  const form = anchors.afterStartingAt.get(pos);
  return form === undefined ? undefined : { text: form, titles: table.after.get(form)! };
}

// ---------------------------------------------------------------------------------------------
// leader-title and former-official

function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !'。！？\n'.includes(text[s - 1]!) && start - s < 300) s--;
  let e = end;
  while (e < text.length && !'。！？\n'.includes(text[e]!) && e - end < 300) e++;
  return text.slice(s, e);
}

function yearsIn(sentence: string): number[] {
  const out: number[] = [];
  for (const m of sentence.matchAll(/(?<![0-9])((?:19|20)\d{2})(?:年|—|-|–|至)/g)) out.push(Number(m[1]));
  return out;
}

function judgeTitle(
  text: string,
  o: Occurrence,
  titleIds: readonly string[],
  tStart: number,
  tEnd: number,
  mark: Mark,
  side: 'before' | 'after',
  table: PeopleTable,
  asOf: string,
): PeopleFinding | undefined {
  // A namesake may also be in the table (a user's local table): any reading that fits is fine.
  let first: PeopleFinding | undefined;
  for (const p of o.people) {
    if (p.coverage && asOf < p.coverage) return undefined;
    const held = p.held.filter((h) => titleIds.includes(h.title));
    if (mark === 'none' && held.some((h) => holdsOn(h, asOf))) return undefined;
    // 原 before a title the person still holds is odd wording, but no wrong fact about the person
    if (mark === 'past' && held.some((h) => h.since < asOf)) return undefined;
    if (mark === 'any-time' && held.some((h) => h.since <= asOf)) return undefined;
    const years = yearsIn(sentenceAround(text, tStart, o.end)).filter((y) => y <= Number(asOf.slice(0, 4)));
    if (years.some((y) => held.some((h) => holdsInYear(h, y)))) return undefined;
    const heldBefore = held.filter((h) => h.since < asOf);
    const removed = p.removed && p.removed.date <= asOf && heldBefore.length > 0 ? p.removed : undefined;
    const f = removed ? removedFinding(text, p, removed, titleIds, tStart, tEnd, table) : titleFinding(p, heldBefore, titleIds, tStart, tEnd, side, table, asOf);
    first ??= f;
  }
  return first;
}

/** former-official: a removed person still given a title they held. */
function removedFinding(text: string, p: TablePerson, removed: NonNullable<TablePerson['removed']>, titleIds: readonly string[], tStart: number, tEnd: number, table: PeopleTable): PeopleFinding {
  const canonical = table.titles.get(titleIds[0]!)!.text;
  return {
    rule: 'former-official',
    severity: 'warning',
    start: tStart,
    end: tEnd,
    expected: [`原${canonical}`],
    detail: 'removed',
    confidence: 0.9,
    entry: p.id,
    why: `${p.name}已于${removed.date}${removed.what}，不宜再以“${text.slice(tStart, tEnd)}”相称（可写“原${canonical}”）`,
    source: removed.source,
  };
}

/** leader-title: a title the person did not hold on `asOf`. */
function titleFinding(
  p: TablePerson,
  heldBefore: readonly TablePerson['held'][number][],
  titleIds: readonly string[],
  tStart: number,
  tEnd: number,
  side: 'before' | 'after',
  table: PeopleTable,
  asOf: string,
): PeopleFinding {
  const current = p.held.filter((h) => holdsOn(h, asOf)).map((h) => table.titles.get(h.title)!);
  const canonical = table.titles.get(titleIds[0]!)!.text;
  const expected: string[] = [];
  // posts first (国务院总理), titles that come with a body (政治局常委) only when there is no post
  const posts = current.filter((t) => !table.bodies.some((b) => b.title === t.id));
  for (const t of posts.length > 0 ? posts : current) {
    const form = side === 'after' ? (t.after[0] ?? t.text) : t.text;
    if (!expected.includes(form) && !titleIds.includes(t.id)) expected.push(form);
  }
  if (expected.length === 0 && heldBefore.length > 0) expected.push(`原${canonical}`);
  const now = current.length > 0 ? `于${asOf}任${current.map((t) => t.text).join('、')}` : `于${asOf}不在表中所列职务上`;
  const past = heldBefore.length > 0 ? `，曾任${canonical}（${heldBefore.map((h) => `${h.since}至${h.until ?? '今'}`).join('、')}）` : '';
  const source = (current.length > 0 ? p.held.find((h) => holdsOn(h, asOf)) : heldBefore[0])?.source;
  // A post the person really held, given as current, is most often an older page read as of
  // today (pass the page's date as asOf): a warning. A title never held is an error.
  const heldThisTitle = heldBefore.length > 0;
  const f: PeopleFinding = { rule: 'leader-title', severity: heldThisTitle ? 'warning' : 'error', start: tStart, end: tEnd, expected, detail: 'title', confidence: 0.95, entry: p.id, why: `${p.name}${now}${past}` };
  if (source) f.source = source;
  return f;
}

// ---------------------------------------------------------------------------------------------
// leader-name

function slipFinding(text: string, s: Slip, where: string): PeopleFinding {
  const label =
    s.detail === 'substitution' ? (s.kind === 'lookalike' ? '形近字' : '同音或近音字') : s.detail === 'omission' ? '漏字' : s.detail === 'transposition' ? '字序颠倒' : s.detail === 'duplication' ? '重复字' : '多字';
  return {
    rule: 'leader-name',
    severity: 'error',
    start: s.start,
    end: s.end,
    expected: [s.person.name],
    detail: s.detail,
    confidence: s.confidence,
    entry: s.person.id,
    why: `${where}的“${text.slice(s.start, s.end)}”疑为领导人姓名“${s.person.name}”之误（${label}：${s.edit}）`,
  };
}

/** No person gets a looser edge for a dropped character (a shared function: no closure per call). */
const NOBODY = (_p: TablePerson): boolean => false;

/** A slip built with one key order always, so that every slip shares one hidden class. */
function slipOf(person: TablePerson, start: number, end: number, detail: PeopleDetail, edit: string, confidence: number, kind: Slip['kind']): Slip {
  return { person, start, end, detail, edit, confidence, kind };
}

/** One-edit readings of the text at `pos` (starting there, or ending there) as a table name, best first. */
function slipsAt(text: string, pos: number, dir: 'forward' | 'backward', table: PeopleTable, confusion: ConfusionOf, loose: (p: TablePerson) => boolean = NOBODY): Slip[] {
  const out: Slip[] = [];
  const forward = dir === 'forward';
  const people = peopleNear(text, pos, table);
  for (let k = 0; k < people.length; k++) {
    const p = people[k]!;
    const n = p.name.length;
    // same length: one substitution or one swap
    sameLengthAt(text, forward ? pos : pos - n, p, confusion, out);
    // one extra character inside the name
    if (n >= 2) insertionAt(text, forward ? pos : pos - n - 1, p, out);
    // one character missing (names of three characters or more)
    if (n >= 3) omissionAt(text, forward ? pos : pos - n + 1, p, forward, loose, out);
  }
  // a reading that is itself a table name is that person, no slip
  return out.filter((s) => !table.byName.has(text.slice(s.start, s.end))).sort((a, b) => b.confidence - a.confidence);
}

/** Only people sharing a character with the window around `pos` can be one edit away (in the order first met; an array, not a Set, so the loop over them stays cheap to optimize). */
function peopleNear(text: string, pos: number, table: PeopleTable): TablePerson[] {
  const byChar = peopleByChar(table);
  const people: TablePerson[] = [];
  const to = Math.min(text.length, pos + 5);
  for (let i = Math.max(0, pos - 5); i < to; i++) {
    const near = byChar.get(text.charCodeAt(i));
    if (near !== undefined) for (let k = 0; k < near.length; k++) if (!people.includes(near[k]!)) people.push(near[k]!);
  }
  return people;
}

/** The name with one character written wrong or two swapped, at `s` (each reading is first tested on character codes, so most people cost no string at all). */
function sameLengthAt(text: string, s: number, p: TablePerson, confusion: ConfusionOf, out: Slip[]): void {
  const n = p.name.length;
  if (s < 0 || s + n > text.length || !oneOrTwoDiffer(text, s, p.name)) return;
  const w = text.slice(s, s + n);
  if (!allHan(w)) return;
  const slip = sameLength(p, w, s, confusion);
  if (slip) out.push(slip);
}

/** The name with one extra character inside it, at `s2`. */
function insertionAt(text: string, s2: number, p: TablePerson, out: Slip[]): void {
  const n = p.name.length;
  if (s2 < 0 || s2 + n + 1 > text.length || text.charCodeAt(s2) !== p.name.charCodeAt(0) || text.charCodeAt(s2 + n) !== p.name.charCodeAt(n - 1)) return;
  const w = text.slice(s2, s2 + n + 1);
  for (let i = 1; i < n; i++) {
    if (w.slice(0, i) + w.slice(i + 1) === p.name && allHan(w)) {
      const dup = w[i] === w[i - 1] || w[i] === w[i + 1];
      out.push(slipOf(p, s2, s2 + n + 1, dup ? 'duplication' : 'insertion', `多“${w[i]}”`, dup ? 0.85 : 0.75, 'edit'));
      return;
    }
  }
}

/** The name with one character missing, at `s3`, where the text around it lets a name end or start. */
function omissionAt(text: string, s3: number, p: TablePerson, forward: boolean, loose: (p: TablePerson) => boolean, out: Slip[]): void {
  const n = p.name.length;
  if (s3 < 0 || s3 + n - 1 > text.length || (text.charCodeAt(s3) !== p.name.charCodeAt(0) && text.charCodeAt(s3) !== p.name.charCodeAt(1))) return;
  const w = text.slice(s3, s3 + n - 1);
  const next = text[s3 + n - 1];
  const prev = text[s3 - 1];
  const edgeOk = loose(p) || (forward ? next === undefined || AFTER_NAME.has(next) || !isHan(next) : prev === undefined || !isHan(prev));
  if (!edgeOk || !allHan(w)) return;
  for (let i = 0; i < n; i++) {
    if (p.name.slice(0, i) + p.name.slice(i + 1) === w) {
      out.push(slipOf(p, s3, s3 + n - 1, 'omission', `漏“${p.name[i]}”`, 0.75, 'edit'));
      return;
    }
  }
}

/** Whether `text` at `at` differs from `name` in one or two of its characters (a substitution or a swap at most). */
function oneOrTwoDiffer(text: string, at: number, name: string): boolean {
  let diff = 0;
  for (let i = 0; i < name.length; i++) if (text.charCodeAt(at + i) !== name.charCodeAt(i) && ++diff > 2) return false;
  return diff > 0;
}

/** Whether the person sits on a body of the Standing Committee's kind in force (no title of their own needed). */
function inTopBody(p: TablePerson, table: PeopleTable, asOf: string): boolean {
  return table.bodies.some((b) => b.listedAfter === undefined && b.since <= asOf && (b.until === undefined || asOf < b.until) && b.members.includes(p.id));
}

function allHan(w: string): boolean {
  for (const c of w) if (!isHan(c)) return false;
  return true;
}

function sameLength(p: TablePerson, w: string, start: number, confusion: ConfusionOf): Slip | undefined {
  const n = p.name.length;
  let a = -1;
  let b = -1;
  for (let i = 0; i < n; i++) {
    if (w[i] === p.name[i]) continue;
    if (a < 0) a = i;
    else b = i;
  }
  if (b < 0) {
    const kind = confusion(p.name.charCodeAt(a), w.charCodeAt(a));
    if (!kind || kind === 'shape') return undefined;
    return slipOf(p, start, start + n, 'substitution', `“${w[a]}”应为“${p.name[a]}”`, kind === 'near-homophone' ? 0.75 : 0.9, kind);
  }
  if (b === a + 1 && w[a] === p.name[b] && w[b] === p.name[a]) {
    return slipOf(p, start, start + n, 'transposition', `“${w[a]}${w[b]}”应为“${p.name[a]}${p.name[b]}”`, 0.85, 'edit');
  }
  return undefined;
}

/**
 * The best slip at a slot, if the context is strong enough for it. `strong`: a title form of the
 * table or a national short form; `medium`: 同志, 主席, 副主席 (a three-character name with a
 * look-alike, swapped or doubled character, or the right name elsewhere in the text).
 */
function bestSlip(
  text: string,
  pos: number,
  dir: 'forward' | 'backward',
  table: PeopleTable,
  confusion: ConfusionOf,
  strength: 'strong' | 'medium',
  present: ReadonlySet<string>,
  titleId: string | undefined,
  supported: (p: TablePerson) => boolean = NOBODY,
  homophoneOk: (p: TablePerson) => boolean = NOBODY,
): Slip | undefined {
  const slips = slipsAt(text, pos, dir, table, confusion, supported).filter((s) => {
    const n = s.person.name.length;
    if (present.has(s.person.name)) return true;
    // the context names a post this person holds (习近乎主席): as strong as a title before the name
    if (supported(s.person)) return n >= 3 || s.kind !== 'near-homophone';
    if (strength === 'strong') return n >= 3 || s.kind !== 'near-homophone';
    // 张国庆同志 is more likely a namesake than a slip for 张国清: a homophone needs the right name nearby
    return n >= 3 && (s.kind === 'lookalike' || (s.kind === 'homophone' && homophoneOk(s.person)) || s.detail === 'transposition' || s.detail === 'duplication');
  });
  if (slips.length === 0) return undefined;
  // the holder of the title in context first
  if (titleId) {
    const holder = slips.find((s) => s.person.held.some((h) => h.title === titleId));
    if (holder && holder.confidence >= slips[0]!.confidence - 0.15) return holder;
  }
  return slips[0];
}

/** A list item that is no table name: a slip of a person who shares a body with a neighbour? */
function bestSlipIn(
  text: string,
  start: number,
  end: number,
  table: PeopleTable,
  confusion: ConfusionOf,
  present: ReadonlySet<string>,
  neighbours: Occurrence[],
  asOf: string,
): Slip | undefined {
  if (neighbours.length === 0) return undefined;
  const slips = slipsAt(text, start, 'forward', table, confusion).filter((s) => s.end === end);
  for (const s of slips) {
    if (s.kind === 'near-homophone' && !present.has(s.person.name)) continue;
    const mates = table.bodies.filter((b) => b.members.includes(s.person.id) && b.since <= asOf);
    if (neighbours.some((o) => o.people.some((q) => mates.some((b) => b.members.includes(q.id))))) return s;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// lists and leader-order

interface List {
  items: Occurrence[];
  /** Items between two 、 that are no table name (people: []). */
  unknown: { index: number; start: number; end: number }[];
  /** Where an item that is no table name follows the last item after a 、 (its end is unknown). */
  tail: number | undefined;
}

/** 、-separated lists around table names; unknown items of two to four Han characters kept as gaps. */
function lists(text: string, names: Occurrence[]): List[] {
  const out: List[] = [];
  const byStart = new Map(names.map((o) => [o.start, o] as const));
  const byEnd = new Map(names.map((o) => [o.end, o] as const));
  const used = new Set<number>();
  for (const o of names) {
    if (used.has(o.start)) continue;
    const items: Occurrence[] = [o];
    itemsBefore(text, o, byEnd, items);
    itemsAfter(text, o, byStart, items);
    for (const it of items) used.add(it.start);
    while (items.length > 0 && items[0]!.people.length === 0) items.shift();
    while (items.length > 0 && items[items.length - 1]!.people.length === 0) items.pop();
    if (items.length === 0) continue;
    const unknown = items.flatMap((it, index) => (it.people.length === 0 ? [{ index, start: it.start, end: it.end }] : []));
    const end = items[items.length - 1]!.end;
    // every list has its tail key (one hidden class)
    const list: List = { items, unknown, tail: text[end] === '、' && !byStart.has(end + 1) && isHan(text[end + 1]) ? end + 1 : undefined };
    if (items.length >= 2 || list.tail !== undefined) out.push(list);
  }
  return out;
}

/** Puts the items of the list before `o` (names, or unknown items of two to four Han characters) at the head of `items`. */
function itemsBefore(text: string, o: Occurrence, byEnd: ReadonlyMap<number, Occurrence>, items: Occurrence[]): void {
  let first = o;
  while (text[first.start - 1] === '、') {
    const prevEnd = first.start - 1;
    const named = byEnd.get(prevEnd);
    if (named) {
      items.unshift(named);
      first = named;
      continue;
    }
    let s = prevEnd;
    while (s > 0 && isHan(text[s - 1]) && prevEnd - s < 5) s--;
    if (prevEnd - s < 2 || prevEnd - s > 4 || text[s - 1] !== '、') return;
    first = { start: s, end: prevEnd, people: [] };
    items.unshift(first);
  }
}

/** Puts the items of the list after `o` at the end of `items`. */
function itemsAfter(text: string, o: Occurrence, byStart: ReadonlyMap<number, Occurrence>, items: Occurrence[]): void {
  let last = o;
  while (text[last.end] === '、') {
    const next = byStart.get(last.end + 1);
    if (next) {
      items.push(next);
      last = next;
      continue;
    }
    let e = last.end + 1;
    while (e < text.length && isHan(text[e]) && e - last.end - 1 < 5) e++;
    const len = e - last.end - 1;
    if (len < 2 || len > 4 || text[e] !== '、') return;
    last = { start: last.end + 1, end: e, people: [] };
    items.push(last);
  }
}

function rankIn(b: PeopleBody, it: Occurrence): number | undefined {
  return it.people.map((p) => b.members.indexOf(p.id)).find((r) => r >= 0);
}

/** Where the members of one body stand in a list: the item, the member's rank in the body. */
interface BodyHits {
  body: PeopleBody;
  hits: { item: number; rank: number }[];
}

function judgeOrder(text: string, list: List, table: PeopleTable, asOf: string, anchors: Anchors): PeopleFinding | undefined {
  const known = list.items.filter((it) => it.people.length > 0).length;
  // Rosters by stroke order (按姓氏笔画为序) hold many names the table does not know: not a protocol list.
  if (list.unknown.length > Math.max(1, Math.floor(known / 4))) return undefined;
  const first = list.items[0]!;
  const last = list.items[list.items.length - 1]!;
  const context = text.slice(Math.max(0, first.start - 80), Math.min(text.length, last.end + 20));
  if (/笔画|姓氏/.test(context)) return undefined;
  const titled = titleEndingAt(text, first.start, anchors)?.title;
  const series = new Map<string, PeopleBody[]>();
  for (const b of table.bodies) series.set(b.series, [...(series.get(b.series) ?? []), b]);
  for (const all of series.values()) {
    const bodies = all.filter((b) => b.since <= asOf && (b.listedAfter === undefined || b.listedAfter === titled));
    const chosen = misorderedBody(list, bodies, asOf);
    if (chosen) return orderFinding(text, list, chosen, table);
  }
  return undefined;
}

/** The members of `b` in the list. */
function hitsOf(list: List, b: PeopleBody): BodyHits {
  const hits = list.items.flatMap((it, item) => {
    const rank = rankIn(b, it);
    return rank === undefined ? [] : [{ item, rank }];
  });
  return { body: b, hits };
}

/** The body of a series whose order the list breaks (judged: the body that covers the list best, so that a list of 2019 stays a 2019 list, and the body in force). */
function misorderedBody(list: List, bodies: PeopleBody[], asOf: string): BodyHits | undefined {
  const covering = bodies.map((b) => hitsOf(list, b)).filter((x) => x.hits.length >= 2);
  covering.sort((a, b) => b.hits.length - a.hits.length || (a.body.since < b.body.since ? 1 : -1));
  const current = covering.find((x) => x.body.since <= asOf && (x.body.until === undefined || asOf < x.body.until));
  const candidates = [covering[0], current].filter((x, i, xs): x is BodyHits => x !== undefined && xs.indexOf(x) === i);
  return candidates.find((cand) => hasUnexplainedInversion(list, bodies, cand));
}

/**
 * Whether two members of the body stand in the list out of its order. An inverted pair that another
 * body the list shows (a member of it that this one lacks) has in this order is that body's order (a
 * funeral list of 2022 names the old and the new committee; 王沪宁、赵乐际 is the order of 2017).
 */
function hasUnexplainedInversion(list: List, bodies: PeopleBody[], cand: BodyHits): boolean {
  const shown = (o: PeopleBody): boolean => list.items.some((it) => it.people.some((p) => o.members.includes(p.id) && !cand.body.members.includes(p.id)));
  const explained = (a: Occurrence, b: Occurrence): boolean =>
    bodies.some((o) => {
      if (o === cand.body || !shown(o)) return false;
      const ra = rankIn(o, a);
      const rb = rankIn(o, b);
      return ra !== undefined && rb !== undefined && ra < rb;
    });
  const { hits } = cand;
  for (let i = 0; i < hits.length; i++)
    for (let j = i + 1; j < hits.length; j++) if (hits[i]!.rank > hits[j]!.rank && !explained(list.items[hits[i]!.item]!, list.items[hits[j]!.item]!)) return true;
  return false;
}

/** leader-order: the list with the body's members put in protocol order, the other items in place. */
function orderFinding(text: string, list: List, chosen: BodyHits, table: PeopleTable): PeopleFinding {
  const sorted = chosen.hits.map((h) => h.rank).sort((a, b) => a - b);
  const slots = chosen.hits.map((h) => h.item);
  const itemsText = list.items.map((it) => text.slice(it.start, it.end));
  slots.forEach((slot, k) => {
    itemsText[slot] = table.byId.get(chosen.body.members[sorted[k]!]!)!.name;
  });
  const start = list.items[slots[0]!]!.start;
  const end = list.items[slots[slots.length - 1]!]!.end;
  return {
    rule: 'leader-order',
    severity: 'error',
    start,
    end,
    expected: [itemsText.slice(slots[0]!, slots[slots.length - 1]! + 1).join('、')],
    detail: 'order',
    confidence: 0.9,
    entry: chosen.body.id,
    why: `${chosen.body.name}成员排序应为：${chosen.body.members.map((id) => table.byId.get(id)!.name).join('、')}`,
    source: chosen.body.source,
  };
}

function dedupe(findings: PeopleFinding[]): PeopleFinding[] {
  findings.sort((a, b) => a.start - b.start || b.end - a.end || (a.rule < b.rule ? -1 : 1));
  const out: PeopleFinding[] = [];
  for (const f of findings) {
    if (out.some((g) => g.start === f.start && g.end === f.end && g.rule === f.rule)) continue;
    // a misspelt name is reported once, whichever context found it
    if (f.rule === 'leader-name' && out.some((g) => g.rule === 'leader-name' && g.start < f.end && f.start < g.end)) continue;
    out.push(f);
  }
  return out;
}
