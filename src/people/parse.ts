/**
 * Parses one people file (`kind: people` YAML) into titles, bodies and people. Never throws on
 * content: every problem becomes an issue with the file and 1-based line. Rules across files (ids,
 * references, overlaps) live in `validate.ts`.
 */
import type { Node, YAMLMap } from 'yaml';
import { lazyModule } from '../util/require.js';
import { toIsoDate } from '../lexicon/parse.js';
import type { LexiconIssue } from '../errors.js';
import type { PeopleBody, PeopleFile, PeoplePost, PeopleRemoval, PeopleTitle, Person } from './types.js';

const yaml = lazyModule<typeof import('yaml')>('yaml');
const isMap = (n: unknown): n is YAMLMap => yaml().isMap(n);
const isSeq = (n: unknown): n is import('yaml').YAMLSeq => yaml().isSeq(n);
const isScalar = (n: unknown): n is import('yaml').Scalar => yaml().isScalar(n);

const ID_RE = /^[a-z0-9][a-z0-9.-]*$/;
/** Names and titles: Han characters, the middle dot of transcribed names, no spaces or Latin. */
const HAN_RE = /^[\p{Script=Han}·・]+$/u;
const TOP = ['kind', 'since', 'sources', 'titles', 'bodies', 'people'];

export interface ParsedPeopleFile {
  table: PeopleFile;
  issues: LexiconIssue[];
}

/** Whether a YAML text declares `kind: people` (cheap test used to route `--lexicon` files). */
export function isPeopleYaml(yamlText: string): boolean {
  return /^kind:\s*['"]?people['"]?\s*(#.*)?$/m.test(yamlText);
}

export function parsePeopleFile(file: string, yamlText: string): ParsedPeopleFile {
  const issues: LexiconIssue[] = [];
  const table: PeopleFile = { file, titles: [], bodies: [], people: [] };
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(yamlText, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: unknown): number => {
    const offset = (node as Node | null | undefined)?.range?.[0];
    return offset === undefined ? 1 : lines.linePos(offset).line;
  };
  const issue = (node: unknown, reason: string): void => {
    issues.push({ file, line: typeof node === 'number' ? node : lineOf(node), reason });
  };
  for (const error of doc.errors) issue(lines.linePos(error.pos[0]).line, `YAML: ${error.message.split('\n')[0]}`);
  if (doc.errors.length > 0) return { table, issues };
  const root = doc.contents;
  if (!isMap(root)) {
    issue(root, 'a people file is a mapping with `kind: people`, `titles`, `bodies` and `people`');
    return { table, issues };
  }
  readHeader(root, table, issue);
  const sources = readSources(root, issue);
  const source = (map: YAMLMap): string | undefined => {
    const value = map.get('source');
    if (typeof value !== 'string' || value.trim() === '') {
      issue(map.get('source', true) ?? map, 'missing `source` (a key of `sources` or a citation)');
      return undefined;
    }
    return sources.get(value.trim()) ?? value.trim();
  };
  const reader: Reader = { file, issue, lineOf, source };
  for (const item of list(root, 'titles', issue)) {
    const title = readTitle(item, reader);
    if (title) table.titles.push(title);
  }
  for (const item of list(root, 'bodies', issue)) {
    const body = readBody(item, reader);
    if (body) table.bodies.push(body);
  }
  for (const item of list(root, 'people', issue)) {
    const person = readPerson(item, reader);
    if (person) table.people.push(person);
  }
  return { table, issues };
}

/** What the readers of one file's items share: where issues go, node lines, `source` resolved through `sources`. */
interface Reader {
  file: string;
  issue: Issue;
  lineOf: (node: unknown) => number;
  source: (map: YAMLMap) => string | undefined;
}

/** The top-level fields other than the lists: unknown ones, `kind`, `since`. */
function readHeader(root: YAMLMap, table: PeopleFile, issue: Issue): void {
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!TOP.includes(key)) issue(pair.key, `unknown top-level field \`${key}\` (expected ${TOP.join(', ')})`);
  }
  if ((root.get('kind') as unknown) !== 'people') issue(root.get('kind', true) ?? 1, '`kind` must be `people`');
  const since = date(root, 'since', false, issue);
  if (since) table.since = since;
}

/** `sources`: a map of short keys to citations, so that posts can say `source: npc14-1`. */
function readSources(root: YAMLMap, issue: Issue): Map<string, string> {
  const sources = new Map<string, string>();
  const sourcesNode = root.get('sources', true);
  if (sourcesNode === undefined || sourcesNode === null) return sources;
  if (!isMap(sourcesNode)) {
    issue(sourcesNode, '`sources` must be a mapping of keys to citations');
    return sources;
  }
  for (const pair of sourcesNode.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof value !== 'string' || value.trim() === '') issue(pair.value ?? pair.key, `source \`${key}\` must be a non-empty citation`);
    else sources.set(key, value.trim());
  }
  return sources;
}

function readTitle(item: YAMLMap, { file, issue, lineOf }: Reader): PeopleTitle | undefined {
  known(item, ['id', 'text', 'aliases', 'after'], 'title', issue); // reported; the rest is still read, to report all at once
  const id = ident(item, issue);
  const text = han(item, 'text', issue);
  const aliases = hanList(item, 'aliases', issue);
  const after = hanList(item, 'after', issue);
  return id && text && aliases && after ? { id, text, aliases, after, file, line: lineOf(item) } : undefined;
}

function readBody(item: YAMLMap, reader: Reader): PeopleBody | undefined {
  const { file, issue, lineOf } = reader;
  known(item, ['id', 'name', 'series', 'title', 'listedAfter', 'since', 'until', 'members', 'source'], 'body', issue);
  const id = ident(item, issue);
  const name = str(item, 'name', true, issue);
  const series = str(item, 'series', false, issue) ?? id;
  const title = str(item, 'title', false, issue);
  const listedAfter = str(item, 'listedAfter', false, issue);
  const from = date(item, 'since', true, issue);
  const until = date(item, 'until', false, issue);
  if (from && until && until <= from) issue(item.get('until', true), `until (${until}) must be after since (${from})`);
  const members = readMembers(item, issue);
  const src = reader.source(item);
  if (!(id && name && series && from && src && (until === undefined || until > from))) return undefined;
  const body: PeopleBody = { id, name, series, since: from, members, source: src, file, line: lineOf(item) };
  if (until) body.until = until;
  if (title) body.title = title;
  if (listedAfter) body.listedAfter = listedAfter;
  return body;
}

/** A body's `members`: two or more person ids in protocol order (the valid ones, the others reported). */
function readMembers(item: YAMLMap, issue: Issue): string[] {
  const membersNode = item.get('members', true);
  const members: string[] = [];
  if (!isSeq(membersNode) || membersNode.items.length < 2) issue(membersNode ?? item, '`members` must list at least two person ids in protocol order');
  else
    for (const m of membersNode.items) {
      const v = isScalar(m) ? m.value : undefined;
      if (typeof v !== 'string' || !ID_RE.test(v)) issue(m, '`members` holds person ids');
      else members.push(v);
    }
  return members;
}

function readPerson(item: YAMLMap, reader: Reader): Person | undefined {
  const { file, issue, lineOf } = reader;
  known(item, ['id', 'name', 'posts', 'removed', 'note'], 'person', issue);
  const id = ident(item, issue);
  const name = han(item, 'name', issue);
  const note = str(item, 'note', false, issue);
  const posts = readPosts(item, reader);
  const removed = readRemoval(item, reader);
  if (!(id && name && posts)) return undefined;
  const person: Person = { id, name, posts, file, line: lineOf(item) };
  if (removed) person.removed = removed;
  if (note) person.note = note;
  return person;
}

/** A person's `posts`: the valid ones (the others reported), or undefined when `posts` is not a list. */
function readPosts(item: YAMLMap, reader: Reader): PeoplePost[] | undefined {
  const postsNode = item.get('posts', true);
  if (!isSeq(postsNode)) {
    reader.issue(postsNode ?? item, '`posts` must be a list (may be empty: [])');
    return undefined;
  }
  const posts: PeoplePost[] = [];
  for (const p of postsNode.items) {
    if (!isMap(p)) {
      reader.issue(p, 'a post is a mapping with title, since, until, source');
      continue;
    }
    const post = readPost(p, reader);
    if (post) posts.push(post);
  }
  return posts;
}

function readPost(p: YAMLMap, { issue, lineOf, source }: Reader): PeoplePost | undefined {
  known(p, ['title', 'since', 'until', 'source'], 'post', issue);
  const title = str(p, 'title', true, issue);
  const from = date(p, 'since', true, issue);
  const until = date(p, 'until', false, issue);
  if (from && until && until <= from) issue(p.get('until', true), `until (${until}) must be after since (${from})`);
  const src = source(p);
  if (!(title && from && src && (until === undefined || until > from))) return undefined;
  const post: PeoplePost = { title, since: from, source: src, line: lineOf(p) };
  if (until) post.until = until;
  return post;
}

/** A person's `removed` (date, what, source), when given and valid. */
function readRemoval(item: YAMLMap, { issue, lineOf, source }: Reader): PeopleRemoval | undefined {
  const removedNode = item.get('removed', true);
  if (removedNode === undefined || removedNode === null) return undefined;
  if (!isMap(removedNode)) {
    issue(removedNode, '`removed` is a mapping with date, what, source');
    return undefined;
  }
  known(removedNode, ['date', 'what', 'source'], 'removal', issue);
  const d = date(removedNode, 'date', true, issue);
  const what = str(removedNode, 'what', true, issue);
  const src = source(removedNode);
  return d && what && src ? { date: d, what, source: src, line: lineOf(removedNode) } : undefined;
}

type Issue = (node: unknown, reason: string) => void;

function list(root: YAMLMap, key: string, issue: Issue): YAMLMap[] {
  const node = root.get(key, true);
  if (node === undefined || node === null) return [];
  if (!isSeq(node)) {
    issue(node, `\`${key}\` must be a list`);
    return [];
  }
  const out: YAMLMap[] = [];
  for (const item of node.items) {
    if (isMap(item)) out.push(item);
    else issue(item, `an item of \`${key}\` must be a mapping`);
  }
  return out;
}

function known(map: YAMLMap, fields: readonly string[], what: string, issue: Issue): boolean {
  let ok = true;
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!fields.includes(key)) {
      issue(pair.key, `unknown field \`${key}\` for a ${what} (expected ${fields.join(', ')})`);
      ok = false;
    }
  }
  return ok;
}

function str(map: YAMLMap, key: string, required: boolean, issue: Issue): string | undefined {
  const value = map.get(key);
  if (value === undefined || value === null) {
    if (required) issue(map, `missing \`${key}\``);
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    issue(map.get(key, true), `\`${key}\` must be a non-empty string`);
    return undefined;
  }
  return value.trim();
}

function ident(map: YAMLMap, issue: Issue): string | undefined {
  const id = str(map, 'id', true, issue);
  if (id !== undefined && !ID_RE.test(id)) {
    issue(map.get('id', true), `id "${id}" must match [a-z0-9][a-z0-9.-]*`);
    return undefined;
  }
  return id;
}

function han(map: YAMLMap, key: string, issue: Issue): string | undefined {
  const value = str(map, key, true, issue);
  if (value !== undefined && !HAN_RE.test(value)) {
    issue(map.get(key, true), `${key} "${value}" must be Chinese characters only (no spaces, Latin or punctuation)`);
    return undefined;
  }
  return value;
}

function hanList(map: YAMLMap, key: string, issue: Issue): string[] | undefined {
  const node = map.get(key, true);
  if (node === undefined || node === null) return [];
  const items = isSeq(node) ? node.items : [node];
  const out: string[] = [];
  for (const item of items) {
    const v = isScalar(item) ? item.value : undefined;
    if (typeof v !== 'string' || !HAN_RE.test(v)) {
      issue(item ?? node, `\`${key}\` holds Chinese titles only`);
      return undefined;
    }
    out.push(v);
  }
  return out;
}

function date(map: YAMLMap, key: string, required: boolean, issue: Issue): string | undefined {
  const value = map.get(key);
  if (value === undefined || value === null) {
    if (required) issue(map, `missing \`${key}\``);
    return undefined;
  }
  const iso = toIsoDate(value);
  if (iso === undefined) issue(map.get(key, true), `\`${key}\` must be a date YYYY, YYYY-MM or YYYY-MM-DD`);
  return iso;
}
