/**
 * Builds the labelled set of the people rules (test/fixtures/accuracy/leaders.jsonl) from the dated
 * news corpus: single sentences as broadcast (correct as of their date) and the same sentences
 * modified, each with the date it is checked as of and the labels that the modification made. The
 * labels come from the construction alone (never from tifa's output):
 *
 * positives
 *   title-swap      a title held on that date replaced by another title of the table the person did not hold
 *   name-swap       the name after a title replaced by another leader's who did not hold it
 *   stale-title     a sentence with no year in it, checked as of a date after the person left the post
 *   removed         the same for a person the table records as removed (former-official)
 *   order           two members of a Standing Committee list swapped
 *   misspelling     one character of a name replaced by a homophone or look-alike, dropped (names
 *                   of three characters), doubled, or two neighbours swapped; context as broadcast
 *                   (a title before, a short form or 同志 after, a list)
 * negatives
 *   as-broadcast    the sentence as broadcast, as of its date
 *   historical      a sentence with a year in the post's period, as of a later date; and 原/时任
 *                   inserted before the title, as of a later date
 *   namesake        a leader's name after a local title (副市长, 县长 ...) taken from another sentence
 *   lookalike-word  sentences holding a one-character variant of a leader's name that is an ordinary
 *                   word or another person (as broadcast)
 *
 *   npx tsx bench/people/make-labelled.ts     (deterministic: seeded)
 *   npx tsx bench/people/make-labelled.ts --seed 7 --out /tmp/leaders-7.jsonl   (another sample)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpus, repoRoot } from '../accuracy/common.js';
import { loadBuiltinData } from '../../src/data/builtin.js';
import { createConfusion } from '../../src/confusion/index.js';
import { loadBuiltinPeople } from '../../src/people/builtin.js';
import { buildPeopleTable, holdsOn, holdsInYear, type TablePerson } from '../../src/people/table.js';

export interface PeopleLabel {
  rule: 'leader-name' | 'leader-title' | 'leader-order' | 'former-official';
  start: number;
  end: number;
  /** The right form (name, or for titles/order the text a fix would contain; '' when any). */
  expected: string;
}
export interface PeopleCase {
  id: string;
  kind: string;
  asOf: string;
  text: string;
  labels: PeopleLabel[];
}

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
let seed = Number(arg('--seed') ?? 20261202);
const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const sample = <T>(xs: readonly T[], n: number): T[] => {
  const copy = xs.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
};

const corpus = readCorpus();
const data = loadBuiltinData();
const confusion = createConfusion({ pinyinTsv: data.pinyinTsv, lookalikeTsv: data.lookalikeTsv });
const { table } = buildPeopleTable(loadBuiltinPeople());
const iso = (d: string): string => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
const addYears = (d: string, n: number): string => `${Number(d.slice(0, 4)) + n}${d.slice(4)}`;
const HAN = /\p{Script=Han}/u;

const names = [...table.byName.keys()].sort((a, b) => b.length - a.length);
const nameRe = new RegExp(names.join('|'), 'g');
const canonical = [...table.titles.values()].map((t) => t.text);
const titleForms = [...table.before.keys()].sort((a, b) => b.length - a.length);

interface Sentence { text: string; date: string }
const sentences: Sentence[] = [];
corpus.lines.forEach((line, i) => {
  const date = iso(corpus.dates[i]!);
  for (const s of line.split(/(?<=[。！？])/)) if (s.length >= 12 && s.length <= 220 && nameRe.test(s)) sentences.push({ text: s.trim(), date });
  nameRe.lastIndex = 0;
});

interface TitleName { s: Sentence; tStart: number; tEnd: number; nStart: number; nEnd: number; person: TablePerson; title: string }
const titled: TitleName[] = [];
const afterForms: { s: Sentence; nStart: number; nEnd: number; person: TablePerson; form: string }[] = [];
const pbscLists: { s: Sentence; items: { start: number; end: number; person: TablePerson }[] }[] = [];
const yearRe = /((?:19|20)\d{2})年/g;
const listRe = new RegExp(`(?:${names.join('|')})(?:、(?:${names.join('|')})){3,}`, 'g');
for (const s of sentences) {
  for (const m of s.text.matchAll(nameRe)) {
    const nStart = m.index!;
    const nEnd = nStart + m[0].length;
    const person = table.byName.get(m[0])![0]!;
    const before = titleForms.find((f) => s.text.startsWith(f, nStart - f.length) && s.text[nStart - f.length - 1] !== '副');
    if (before && /^[国中全总副委]/.test(before)) {
      const title = table.before.get(before)!;
      const lead = s.text.slice(Math.max(0, nStart - before.length - 3), nStart - before.length);
      if (person.held.some((h) => h.title === title && holdsOn(h, s.date)) && !/[原前任届]$/.test(lead)) titled.push({ s, tStart: nStart - before.length, tEnd: nStart, nStart, nEnd, person, title });
    }
    for (const form of ['总书记', '总理', '委员长', '副主席', '主席', '同志']) {
      if (s.text.startsWith(form, nEnd)) {
        afterForms.push({ s, nStart, nEnd, person, form });
        break;
      }
    }
  }
  // Standing Committee lists of four names or more
  const pbsc = table.bodies.filter((b) => b.series === 'pbsc' && b.since <= s.date && (b.until === undefined || s.date < b.until))[0];
  if (pbsc) {
    for (const m of s.text.matchAll(listRe)) {
      const items: { start: number; end: number; person: TablePerson }[] = [];
      let pos = m.index!;
      for (const part of m[0].split('、')) {
        items.push({ start: pos, end: pos + part.length, person: table.byName.get(part)![0]! });
        pos += part.length + 1;
      }
      const members = items.filter((it) => pbsc.members.includes(it.person.id));
      if (members.length >= 4) pbscLists.push({ s, items: members });
    }
  }
}

/** A sentence with one table name and one title right before it, nothing else a rule could bind. */
const clean = (x: TitleName): boolean => {
  const others = [...x.s.text.matchAll(nameRe)].length;
  nameRe.lastIndex = 0;
  if (others !== 1) return false;
  const before = x.s.text[x.tStart - 1];
  if (before === '、' || titleForms.some((f) => x.s.text.startsWith(f, x.tStart - f.length))) return false;
  return !['总书记', '总理', '委员长', '主席', '同志'].some((f) => x.s.text.startsWith(f, x.nEnd));
};
const cleanTitled = titled.filter(clean);
const cases: PeopleCase[] = [];
const add = (kind: string, asOf: string, text: string, labels: PeopleLabel[]): void => {
  cases.push({ id: `${kind}-${cases.filter((c) => c.kind === kind).length + 1}`, kind, asOf, text, labels });
};
const splice = (text: string, start: number, end: number, insert: string): string => text.slice(0, start) + insert + text.slice(end);
const hasYear = (t: string): boolean => /(?:19|20)\d{2}年/.test(t);

// ---- positives: titles
for (const x of sample(cleanTitled, 90)) {
  const others = canonical.filter((t) => {
    const id = table.before.get(t)!;
    return !x.person.held.some((h) => h.title === id && (holdsOn(h, x.s.date) || h.since < x.s.date));
  });
  const t = pick(others);
  const text = splice(x.s.text, x.tStart, x.tEnd, t);
  add('title-swap', x.s.date, text, [{ rule: 'leader-title', start: x.tStart, end: x.tStart + t.length, expected: '' }]);
}
for (const x of sample(cleanTitled, 90)) {
  const others = table.people.filter((p) => p.name !== x.person.name && !p.held.some((h) => h.title === x.title && h.since <= x.s.date) && !p.removed);
  const p = pick(others);
  const text = splice(x.s.text, x.nStart, x.nEnd, p.name);
  add('name-swap', x.s.date, text, [{ rule: 'leader-title', start: x.tStart, end: x.tEnd, expected: '' }]);
}
for (const x of sample(cleanTitled.filter((x) => !hasYear(x.s.text) && !x.person.removed && x.person.held.some((h) => h.title === x.title && h.until)), 70)) {
  const h = x.person.held.find((h) => h.title === x.title && holdsOn(h, x.s.date))!;
  if (!h.until) continue;
  const later = addYears(h.until, 1);
  if (x.person.held.some((g) => g.title === x.title && holdsOn(g, later))) continue;
  add('stale-title', later, x.s.text, [{ rule: 'leader-title', start: x.tStart, end: x.tEnd, expected: '' }]);
}
for (const x of cleanTitled.filter((x) => x.person.removed && !hasYear(x.s.text))) {
  const later = addYears(x.person.removed!.date, 1) > '2026-06-11' ? '2026-06-11' : addYears(x.person.removed!.date, 1);
  add('removed', later, x.s.text, [{ rule: 'former-official', start: x.tStart, end: x.tEnd, expected: '' }]);
}
// ---- positives: order
const seenLists = new Set<string>();
for (const x of sample(pbscLists, 400)) {
  if (cases.filter((c) => c.kind === 'order').length >= 60) break;
  const key = x.s.text.slice(x.items[0]!.start, x.items[x.items.length - 1]!.end);
  if (seenLists.has(key)) continue;
  seenLists.add(key);
  const i = Math.floor(rand() * (x.items.length - 1));
  const j = i + 1 + Math.floor(rand() * Math.min(2, x.items.length - 1 - i));
  const a = x.items[i]!;
  const b = x.items[j]!;
  let text = x.s.text;
  text = splice(text, b.start, b.end, a.person.name);
  text = splice(text, a.start, a.end, b.person.name);
  const first = x.items[0]!.start;
  const last = x.items[x.items.length - 1]!.end + (b.person.name.length - a.person.name.length) * 0;
  add('order', x.s.date, text, [{ rule: 'leader-order', start: first, end: last, expected: '' }]);
}
// ---- positives: misspellings
const sites = [
  ...titled.map((x) => ({ s: x.s, nStart: x.nStart, nEnd: x.nEnd, person: x.person, ctx: 'title' })),
  ...afterForms.map((x) => ({ s: x.s, nStart: x.nStart, nEnd: x.nEnd, person: x.person, ctx: x.form })),
  ...pbscLists.flatMap((x) => x.items.slice(1).map((it) => ({ s: x.s, nStart: it.start, nEnd: it.end, person: it.person, ctx: 'list' }))),
];
const edits = ['homophone', 'lookalike', 'omission', 'duplication', 'transposition'] as const;
const byContext = new Map<string, typeof sites>();
for (const x of sites) {
  const group = x.ctx === 'title' || x.ctx === 'list' ? x.ctx : 'after';
  byContext.set(group, [...(byContext.get(group) ?? []), x]);
}
const seenSites = new Set<string>();
let made = 0;
const quota = new Map<string, number>();
for (const x of [...byContext.values()].flatMap((group) => sample(group, 1500))) {
  const group = x.ctx === 'title' || x.ctx === 'list' ? x.ctx : 'after';
  if ((quota.get(group) ?? 0) >= 60) continue;
  if (seenSites.has(x.s.text)) continue;
  const name = x.person.name;
  const kind = edits[(quota.get(group) ?? 0) % edits.length]!;
  let wrong: string | undefined;
  let detail = '';
  if (kind === 'homophone' || kind === 'lookalike') {
    const i = Math.floor(rand() * name.length);
    const cands = confusion.candidates(name.charCodeAt(i)).filter((c) => {
      const k = confusion.kind(name.charCodeAt(i), c);
      return (kind === 'homophone' ? k === 'homophone' : k === 'lookalike') && HAN.test(String.fromCharCode(c));
    });
    if (cands.length === 0) continue;
    wrong = name.slice(0, i) + String.fromCharCode(pick(cands)) + name.slice(i + 1);
    detail = kind;
  } else if (kind === 'omission') {
    if (name.length < 3) continue;
    const i = Math.floor(rand() * name.length);
    wrong = name.slice(0, i) + name.slice(i + 1);
    detail = 'omission';
  } else if (kind === 'duplication') {
    const i = Math.floor(rand() * (name.length - 1));
    wrong = name.slice(0, i + 1) + name[i] + name.slice(i + 1);
    detail = 'duplication';
  } else {
    const i = Math.floor(rand() * (name.length - 1));
    wrong = name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
    detail = 'transposition';
  }
  if (!wrong || table.byName.has(wrong)) continue;
  const text = splice(x.s.text, x.nStart, x.nEnd, wrong);
  // the sentence must not hold the right name elsewhere (the weak contexts would lean on it)
  if (text.includes(name)) continue;
  add(`misspelling-${detail}-${group}`, x.s.date, text, [{ rule: 'leader-name', start: x.nStart, end: x.nStart + wrong.length, expected: name }]);
  seenSites.add(x.s.text);
  quota.set(group, (quota.get(group) ?? 0) + 1);
  made++;
}

// ---- negatives
for (const x of sample(titled, 150)) add('as-broadcast', x.s.date, x.s.text, []);
for (const x of sample(pbscLists, 40)) add('as-broadcast-list', x.s.date, x.s.text, []);
for (const x of sample(afterForms, 60)) add('as-broadcast-after', x.s.date, x.s.text, []);
for (const x of sample(cleanTitled.filter((x) => hasYear(x.s.text)), 400)) {
  const years = [...x.s.text.matchAll(yearRe)].map((m) => Number(m[1]));
  const h = x.person.held.find((h) => h.title === x.title && holdsOn(h, x.s.date))!;
  if (!years.some((y) => holdsInYear(h, y)) || !h.until) continue;
  if (cases.filter((c) => c.kind === 'historical-year').length >= 40) break;
  add('historical-year', addYears(h.until, 1), x.s.text, []);
}
for (const x of sample(cleanTitled.filter((x) => x.person.held.some((h) => h.title === x.title && h.until)), 80)) {
  const h = x.person.held.find((h) => h.title === x.title && holdsOn(h, x.s.date));
  if (!h?.until) continue;
  const mark = rand() < 0.5 ? '原' : '时任';
  add(`historical-${mark === '原' ? 'former' : 'then'}`, addYears(h.until, 1), splice(x.s.text, x.tStart, x.tStart, mark), []);
}
// namesakes: a leader's name after a local title taken from the corpus (副市长张三 -> 副市长李强)
const localRe = /(?:副?(?:省长|市长|县长|区长|州长)|(?:省|市|县|区)委书记|镇长|乡长|村党支部书记|村支书|局长|厅长|院长|主任|董事长|教授|记者|选手|运动员)(\p{Script=Han}{2,3})(?=[，。、在说表])/gu;
const locals: { s: Sentence; start: number; end: number }[] = [];
for (const line of sample(corpus.lines.map((l, i) => ({ l, i })), 6000)) {
  for (const s of line.l.split(/(?<=[。！？])/)) {
    if (s.length < 12 || s.length > 200) continue;
    for (const m of s.matchAll(localRe)) {
      const start = m.index! + m[0].length - m[1]!.length;
      locals.push({ s: { text: s.trim(), date: iso(corpus.dates[line.i]!) }, start: start - (s.length - s.trimStart().length), end: start - (s.length - s.trimStart().length) + m[1]!.length });
      break;
    }
  }
}
for (const x of sample(locals, 60)) {
  // a name inside a 、 list would make a list of leaders (副主任李希、王沪宁、蔡奇): no namesake then
  if (x.s.text[x.end] === '、' || x.s.text[x.start - 1] === '、') continue;
  const p = pick(table.people);
  const text = splice(x.s.text, x.start, x.end, p.name);
  if (text.includes('总理') || text.includes('委员长')) continue;
  add('namesake', x.s.date, text, []);
}
// ordinary words and other people one character away from a leader's name
const variants = new Map<string, string>();
for (const p of table.people)
  for (let i = 0; i < p.name.length; i++)
    for (const c of confusion.candidates(p.name.charCodeAt(i))) {
      const v = p.name.slice(0, i) + String.fromCharCode(c) + p.name.slice(i + 1);
      if (!table.byName.has(v)) variants.set(v, p.name);
    }
const holdsVariant = (s: string): boolean => {
  for (let i = 0; i + 2 <= s.length; i++) if (variants.has(s.slice(i, i + 2)) || variants.has(s.slice(i, i + 3))) return true;
  return false;
};
const near: { s: Sentence }[] = [];
for (const { l: line, i } of sample(corpus.lines.map((l, i) => ({ l, i })), 3000)) {
  for (const s of line.split(/(?<=[。！？])/)) {
    if (s.length < 12 || s.length > 200) continue;
    if (holdsVariant(s)) near.push({ s: { text: s.trim(), date: iso(corpus.dates[i]!) } });
  }
}
for (const x of sample(near, 150)) add('lookalike-word', x.s.date, x.s.text, []);

const out = cases.map((c) => JSON.stringify(c)).join('\n') + '\n';
writeFileSync(arg('--out') ?? join(repoRoot, 'test/fixtures/accuracy/leaders.jsonl'), out);
const counts = new Map<string, number>();
for (const c of cases) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
process.stdout.write(`${cases.length} cases\n${[...counts].map(([k, n]) => `${k}: ${n}`).join('\n')}\n`);
