/**
 * The people anchors of a text, found in one pass: the table's names written exactly, the title
 * forms written before a name (国务院总理) and the short forms or 同志 written after one (总理).
 *
 * One Aho-Corasick automaton (src/match/automaton.ts) holds the three lists; a single scan
 * reports every occurrence, and the lookups the checks need (the longest name starting at a
 * position, the longest title form ending at one, the longest short form starting at one) are read
 * off those occurrences instead of being searched for again. A text without any anchor has no
 * people finding at all: `findAnchors` then returns undefined and the check does nothing more.
 */
import { buildAutomaton, type Automaton } from '../match/automaton.js';
import type { PeopleTable, TablePerson } from './table.js';

/** A table name written exactly. */
export interface Occurrence {
  start: number;
  end: number;
  people: TablePerson[];
}

/** A title form of the table (written before a name). */
export interface TitleAt {
  start: number;
  end: number;
  title: string;
}

/** What one scan of a text found. */
export interface Anchors {
  /** At each position where a name starts, the longest one; by start. */
  names: Occurrence[];
  /** For each end, the title form ending there that starts first, 副 + a form without its own 副 left out; by start, then longest first. */
  titleForms: TitleAt[];
  /** Short forms and 同志 (longest at each start from 1 on; none where a 副 turns it into another title); by start. */
  afterForms: { start: number; text: string }[];
  /** The longest title form (two characters or more) ending at each position, whatever comes before it. */
  beforeEndingAt: Map<number, TitleAt>;
  /** The longest short form other than 同志 starting at each position. */
  afterStartingAt: Map<number, string>;
}

const NAME = 1;
const BEFORE = 2;
const AFTER = 4;
/** Said after a name like a short form, but no title (以习近平同志为核心). */
const COMRADE = '同志';

/** The automaton over every anchor of a table, and what each pattern is. */
interface AnchorIndex {
  automaton: Automaton;
  /** Per pattern id: the strings it stands for (NAME | BEFORE | AFTER). */
  kinds: Uint8Array;
  patterns: string[];
}

const indexCache = new WeakMap<PeopleTable, AnchorIndex>();

function anchorIndex(table: PeopleTable): AnchorIndex {
  const cached = indexCache.get(table);
  if (cached) return cached;
  const kindOf = new Map<string, number>();
  const add = (words: Iterable<string>, kind: number): void => {
    for (const w of words) if (w !== '') kindOf.set(w, (kindOf.get(w) ?? 0) | kind);
  };
  add(table.byName.keys(), NAME);
  add(table.before.keys(), BEFORE);
  add([...table.after.keys(), COMRADE], AFTER);
  const patterns = [...kindOf.keys()];
  const index: AnchorIndex = { automaton: buildAutomaton(patterns), kinds: Uint8Array.from(patterns.map((p) => kindOf.get(p)!)), patterns };
  indexCache.set(table, index);
  return index;
}

/** 全国人大常委会副委员长: a 副 right before a form that has none of its own makes another title. */
export function viceOf(text: string, start: number, form: string): boolean {
  return text[start - 1] === '副' && !form.startsWith('副');
}

/** Longest name by start, longest title form by end (any start), longest short form by start (with 同志): pattern ids. */
interface Hits {
  nameAt: Map<number, number> | undefined;
  beforeAt: Map<number, number> | undefined;
  afterAt: Map<number, number> | undefined;
}

/** Scans the text once; undefined when it holds no name, title form, short form or 同志 of the table. */
export function findAnchors(text: string, table: PeopleTable): Anchors | undefined {
  const index = anchorIndex(table);
  const hits = scanAnchors(text, index);
  if (hits.nameAt === undefined && hits.beforeAt === undefined && hits.afterAt === undefined) return undefined;
  const { patterns } = index;
  const names: Occurrence[] = [];
  if (hits.nameAt)
    for (const [start, id] of [...hits.nameAt].sort((a, b) => a[0] - b[0])) {
      const name = patterns[id]!;
      names.push({ start, end: start + name.length, people: table.byName.get(name)! });
    }
  const { titleForms, beforeEndingAt } = titleFormsOf(text, table, hits.beforeAt, patterns);
  const { afterForms, afterStartingAt } = afterFormsOf(text, table, hits.afterAt, patterns);
  return { names, titleForms, afterForms, beforeEndingAt, afterStartingAt };
}

/** The automaton's pass over the text (kept small: the hottest loop of the people check). */
function scanAnchors(text: string, { automaton, kinds }: AnchorIndex): Hits {
  const { classOf, allStart, allIds, patternLength, emits } = automaton;
  const hits: Hits = { nameAt: undefined, beforeAt: undefined, afterAt: undefined };
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const cls = classOf[text.charCodeAt(i)]!;
    if (cls === 0) {
      state = 0; // a character in no anchor: back to the root
      continue;
    }
    state = automaton.step(state, cls);
    if (emits[state] === 0) continue;
    for (let k = allStart[state]!; k < allStart[state + 1]!; k++) {
      const id = allIds[k]!;
      const kind = kinds[id]!;
      const start = i + 1 - patternLength[id]!;
      if (kind & NAME) hits.nameAt = keepLongest(hits.nameAt, start, id, patternLength);
      if (kind & BEFORE) hits.beforeAt = keepLongest(hits.beforeAt, i + 1, id, patternLength);
      if (kind & AFTER) hits.afterAt = keepLongest(hits.afterAt, start, id, patternLength);
    }
  }
  return hits;
}

/** Records pattern `id` at `at` unless a longer one is there already; returns the map (made on first use). */
function keepLongest(map: Map<number, number> | undefined, at: number, id: number, patternLength: ArrayLike<number>): Map<number, number> {
  const m = map ?? new Map<number, number>();
  const prior = m.get(at);
  if (prior === undefined || patternLength[prior]! < patternLength[id]!) m.set(at, id);
  return m;
}

/** Short forms and 同志 by start (none where a 副 turns one into another title), and the longest short form other than 同志 at each start. */
function afterFormsOf(text: string, table: PeopleTable, afterAt: Map<number, number> | undefined, patterns: readonly string[]): Pick<Anchors, 'afterForms' | 'afterStartingAt'> {
  const afterForms: { start: number; text: string }[] = [];
  const afterStartingAt = new Map<number, string>();
  if (afterAt === undefined) return { afterForms, afterStartingAt };
  for (const [start, id] of [...afterAt].sort((a, b) => a[0] - b[0])) {
    const form = patterns[id]!;
    // the 总理 of 副总理, the 主席 of 副主席 are no short forms of their own
    if (start >= 1 && !viceOf(text, start, form)) afterForms.push({ start, text: form });
  }
  // afterFormAt asked for the longest short form at a position, 同志 aside
  for (const [start, id] of afterAt) {
    const form = patterns[id]!;
    if (form !== COMRADE) afterStartingAt.set(start, form);
    else {
      const other = longestShortFormAt(text, start, table);
      if (other !== undefined) afterStartingAt.set(start, other);
    }
  }
  return { afterForms, afterStartingAt };
}

/** A short form (not 同志) starting at `start`, the longest: only needed where 同志 starts too, so never in practice. */
function longestShortFormAt(text: string, start: number, table: PeopleTable): string | undefined {
  let best: string | undefined;
  for (const form of table.after.keys()) if (form !== COMRADE && text.startsWith(form, start) && (best === undefined || form.length > best.length)) best = form;
  return best;
}

/**
 * Title forms: for each end, the one starting first that no 副 turns into another title; and, for
 * chains read right to left, the longest form (two characters or more) ending at each position.
 */
function titleFormsOf(text: string, table: PeopleTable, beforeAt: Map<number, number> | undefined, patterns: readonly string[]): { titleForms: TitleAt[]; beforeEndingAt: Map<number, TitleAt> } {
  const titleForms: TitleAt[] = [];
  const beforeEndingAt = new Map<number, TitleAt>();
  if (beforeAt === undefined) return { titleForms, beforeEndingAt };
  for (const [end, id] of beforeAt) {
    const form = patterns[id]!;
    if (form.length >= 2) beforeEndingAt.set(end, { start: end - form.length, end, title: table.before.get(form)! });
    // the longest form may be a vice one (副 + 总理); a shorter one ending here may then still count
    const start = end - form.length;
    if (!viceOf(text, start, form)) {
      titleForms.push({ start, end, title: table.before.get(form)! });
      continue;
    }
    for (let s = start + 1; s < end; s++) {
      const shorter = text.slice(s, end);
      const title = table.before.get(shorter);
      if (title !== undefined && !viceOf(text, s, shorter)) {
        titleForms.push({ start: s, end, title });
        break;
      }
    }
  }
  titleForms.sort((a, b) => a.start - b.start || b.end - a.end);
  return { titleForms, beforeEndingAt };
}
