/**
 * Joins people files into one table: cross-file validation (unique ids, references, one meaning
 * per title form) and the lookup structures the checks need. Pure: files in, table or issues out.
 */
import type { LexiconIssue } from '../errors.js';
import type { PeopleBody, PeopleFile, PeopleTitle, Person } from './types.js';

/** A post as the checks see it: a title held over [since, until), posts and body memberships alike. */
export interface HeldTitle {
  title: string;
  since: string;
  until?: string;
  source: string;
}

export interface TablePerson {
  id: string;
  name: string;
  held: HeldTitle[];
  removed?: Person['removed'];
  /** Dates before this are outside the table (from the file's `since`). */
  coverage?: string;
  file: string;
}

export interface PeopleTable {
  titles: Map<string, PeopleTitle>;
  people: TablePerson[];
  byId: Map<string, TablePerson>;
  byName: Map<string, TablePerson[]>;
  /** Forms written before a name, longest first: form -> title id. */
  before: Map<string, string>;
  /** Forms written after a name: form -> title ids. */
  after: Map<string, string[]>;
  longestBefore: number;
  bodies: PeopleBody[];
  /** Every distinct name length, longest first. */
  nameLengths: number[];
}

/** Validates the files together and builds the table; `issues` is empty when all is well. */
export function buildPeopleTable(files: readonly PeopleFile[]): { table: PeopleTable; issues: LexiconIssue[] } {
  const issues: LexiconIssue[] = [];
  const at: At = (file, line, reason) => {
    issues.push({ file, line, reason });
  };
  const { titles, before, after } = indexTitles(files, at);
  const { people, byId } = joinPeople(files, titles, at);
  const bodies = joinBodies(files, titles, byId, at);
  const byName = new Map<string, TablePerson[]>();
  for (const p of people) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  const lengths = [...new Set(people.map((p) => p.name.length))].sort((a, b) => b - a);
  const longestBefore = Math.max(0, ...[...before.keys()].map((k) => k.length));
  return { table: { titles, people, byId, byName, before, after, longestBefore, bodies, nameLengths: lengths }, issues };
}

/** Reports a problem at a file and line. */
type At = (file: string, line: number, reason: string) => void;

/** The titles by id and their forms (before a name: one title each; after a name: any number). */
function indexTitles(files: readonly PeopleFile[], at: At): Pick<PeopleTable, 'titles' | 'before' | 'after'> {
  const titles = new Map<string, PeopleTitle>();
  const before = new Map<string, string>();
  const after = new Map<string, string[]>();
  const formOwner = new Map<string, PeopleTitle>();
  for (const f of files)
    for (const t of f.titles) {
      const prior = titles.get(t.id);
      if (prior) {
        at(t.file, t.line, `duplicate title id "${t.id}" (first at ${prior.file}:${prior.line})`);
        continue;
      }
      titles.set(t.id, t);
      for (const form of [t.text, ...t.aliases]) {
        const owner = formOwner.get(form);
        if (owner) at(t.file, t.line, `title form "${form}" already belongs to title ${owner.id} (${owner.file}:${owner.line})`);
        else {
          formOwner.set(form, t);
          before.set(form, t.id);
        }
      }
      for (const form of t.after) after.set(form, [...(after.get(form) ?? []), t.id]);
    }
  return { titles, before, after };
}

/** The people of all files (ids unique), each holding its posts; body titles are added by joinBodies. */
function joinPeople(files: readonly PeopleFile[], titles: ReadonlyMap<string, PeopleTitle>, at: At): Pick<PeopleTable, 'people' | 'byId'> {
  const byId = new Map<string, TablePerson>();
  const people: TablePerson[] = [];
  const origin = new Map<string, Person>();
  for (const f of files)
    for (const p of f.people) {
      const prior = origin.get(p.id);
      if (prior) {
        at(p.file, p.line, `duplicate person id "${p.id}" (first at ${prior.file}:${prior.line})`);
        continue;
      }
      origin.set(p.id, p);
      const person = tablePerson(p, f, titles, at);
      byId.set(p.id, person);
      people.push(person);
    }
  return { people, byId };
}

function tablePerson(p: Person, f: PeopleFile, titles: ReadonlyMap<string, PeopleTitle>, at: At): TablePerson {
  const held: HeldTitle[] = [];
  for (const post of p.posts) {
    if (!titles.has(post.title)) at(p.file, post.line, `unknown title "${post.title}" (define it under \`titles\`)`);
    const h: HeldTitle = { title: post.title, since: post.since, source: post.source };
    if (post.until) h.until = post.until;
    held.push(h);
  }
  if (p.removed) {
    const last = p.posts.reduce<string | undefined>((m, x) => (x.until === undefined ? '9999' : m === undefined || x.until > m ? x.until : m), undefined);
    if (last === '9999') at(p.file, p.removed.line, `${p.name} is recorded as removed on ${p.removed.date} but still holds an open post (give it \`until\`)`);
  }
  const person: TablePerson = { id: p.id, name: p.name, held, file: p.file };
  if (p.removed) person.removed = p.removed;
  if (f.since) person.coverage = f.since;
  return person;
}

/** The bodies of all files (ids unique, titles and members known); a body's title is held by each member. */
function joinBodies(files: readonly PeopleFile[], titles: ReadonlyMap<string, PeopleTitle>, byId: ReadonlyMap<string, TablePerson>, at: At): PeopleBody[] {
  const bodies: PeopleBody[] = [];
  const bodyIds = new Map<string, PeopleBody>();
  for (const f of files)
    for (const b of f.bodies) {
      const prior = bodyIds.get(b.id);
      if (prior) {
        at(b.file, b.line, `duplicate body id "${b.id}" (first at ${prior.file}:${prior.line})`);
        continue;
      }
      bodyIds.set(b.id, b);
      if (b.title !== undefined && !titles.has(b.title)) at(b.file, b.line, `unknown title "${b.title}" (define it under \`titles\`)`);
      if (b.listedAfter !== undefined && !titles.has(b.listedAfter)) at(b.file, b.line, `unknown title "${b.listedAfter}" in listedAfter`);
      const seen = new Set<string>();
      for (const m of b.members) {
        if (seen.has(m)) at(b.file, b.line, `member "${m}" is listed twice`);
        seen.add(m);
        const person = byId.get(m);
        if (!person) at(b.file, b.line, `unknown person "${m}" in members`);
        else if (b.title) {
          const h: HeldTitle = { title: b.title, since: b.since, source: b.source };
          if (b.until) h.until = b.until;
          person.held.push(h);
        }
      }
      bodies.push(b);
    }
  return bodies;
}

/** Whether a held title covers a date. */
export function holdsOn(h: HeldTitle, date: string): boolean {
  return h.since <= date && (h.until === undefined || date < h.until);
}

/** Whether a held title overlaps the calendar year (for sentences that date themselves: 2015年). */
export function holdsInYear(h: HeldTitle, year: number): boolean {
  const from = `${String(year).padStart(4, '0')}-01-01`;
  const to = `${String(year + 1).padStart(4, '0')}-01-01`;
  return h.since < to && (h.until === undefined || h.until > from);
}

/** The body of a series in force on a date. */
export function bodyOn(bodies: readonly PeopleBody[], date: string): PeopleBody | undefined {
  return bodies.find((b) => b.since <= date && (b.until === undefined || date < b.until));
}
