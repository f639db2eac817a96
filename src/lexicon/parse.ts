import type { Node, YAMLMap } from 'yaml';
import { lazyModule } from '../util/require.js';

const yaml = lazyModule<typeof import('yaml')>('yaml');
const isMap = (n: unknown): n is YAMLMap => yaml().isMap(n);
const isSeq = (n: unknown): n is import('yaml').YAMLSeq => yaml().isSeq(n);
const isScalar = (n: unknown): n is import('yaml').Scalar => yaml().isScalar(n);
import type { EntryKind, Severity } from '../types.js';
import type { LexiconIssue } from '../errors.js';
import type { ContextRule, LexiconEntry } from './types.js';

const KINDS: readonly EntryKind[] = ['mandated', 'banned', 'outdated', 'typo', 'allow'];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const DEFAULT_SEVERITY: Record<EntryKind, Severity> = {
  mandated: 'error',
  banned: 'error',
  outdated: 'warning',
  typo: 'error',
  allow: 'info',
};
const ID_RE = /^[a-z0-9][a-z0-9.-]*$/;
const FIELDS: Record<EntryKind, readonly string[]> = {
  mandated: ['variants', 'fuzzy'],
  banned: ['replacement'],
  outdated: ['replacement'],
  typo: ['correct', 'fuzzy'],
  allow: [],
};
const COMMON_FIELDS = ['id', 'text', 'note', 'source', 'category', 'severity', 'since', 'until', 'unless'];
const RULE_KEYS = ['before', 'after', 'sentence', 'yearBefore'];

/** Checks that a lexicon string is already in the normalizer's form; returns a reason or undefined. */
export type TextCheck = (text: string) => string | undefined;

export interface ParsedFile {
  entries: LexiconEntry[];
  issues: LexiconIssue[];
}

/**
 * Parses one lexicon file (YAML text) into entries. Never throws on content: every problem becomes
 * an issue with the file and 1-based line. Cross-file rules live in `validate.ts`.
 */
export function parseLexiconFile(file: string, yamlText: string, checkText: TextCheck): ParsedFile {
  const issues: LexiconIssue[] = [];
  const entries: LexiconEntry[] = [];
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(yamlText, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: Node | null | undefined): number => {
    const offset = node?.range?.[0];
    return offset === undefined ? 1 : lines.linePos(offset).line;
  };
  const issue = (line: number, reason: string): void => {
    issues.push({ file, line, reason });
  };
  for (const error of doc.errors) {
    issue(lines.linePos(error.pos[0]).line, `YAML: ${error.message.split('\n')[0]}`);
  }
  if (doc.errors.length > 0) return { entries, issues };
  const root = doc.contents;
  if (!isMap(root)) {
    issue(lineOf(root), 'a lexicon file is a mapping with `kind` and `entries`');
    return { entries, issues };
  }
  // A people table (src/people/) comes through the same --lexicon option; the people stage reads it.
  if ((root.get('kind') as unknown) === 'people') return { entries, issues };
  // So does a sequence file (src/sequence/): ordered enumerations and verb–object pairings.
  if ((root.get('kind') as unknown) === 'sequence') return { entries, issues };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!['kind', 'source', 'category', 'severity', 'entries'].includes(key)) {
      issue(lineOf(pair.key as Node), `unknown top-level field \`${key}\` (expected kind, source, category, severity, entries)`);
    }
  }
  const kindValue: unknown = root.get('kind');
  if (typeof kindValue !== 'string' || !(KINDS as readonly string[]).includes(kindValue)) {
    issue(lineOf(root.get('kind', true) as Node) ?? 1, `\`kind\` must be one of ${KINDS.join(', ')}`);
    return { entries, issues };
  }
  const kind = kindValue as EntryKind;
  const fileSource: unknown = root.get('source');
  const fileSourceOk = typeof fileSource === 'string' && fileSource.trim() !== '';
  if (fileSource !== undefined && !fileSourceOk) {
    issue(lineOf(root.get('source', true) as Node), '`source` must be a non-empty string');
  }
  // `category` and `severity` at the top are defaults for the entries, as `source` is (the mined bank: category bank, warning).
  const defaults = fileDefaults(root, lineOf, issue);
  const list = root.get('entries', true);
  if (!isSeq(list) || list.items.length === 0) {
    issue(lineOf(list as Node) || 1, '`entries` must be a non-empty list');
    return { entries, issues };
  }
  for (const item of list.items) {
    const line = lineOf(item as Node);
    if (!isMap(item)) {
      issue(line, 'an entry must be a mapping');
      continue;
    }
    const entry = parseEntry(item, kind, typeof fileSource === 'string' ? fileSource : undefined, file, line, lineOf, issue, checkText);
    if (entry) entries.push(withDefaults(entry, item, defaults));
  }
  return { entries, issues };
}

/** The file's defaults for its entries' `category` and `severity`. */
interface FileDefaults {
  category?: string;
  severity?: Severity;
}

function fileDefaults(root: YAMLMap, lineOf: (node: Node | null | undefined) => number, issue: (line: number, reason: string) => void): FileDefaults {
  const out: FileDefaults = {};
  const category: unknown = root.get('category');
  if (category !== undefined) {
    if (typeof category === 'string' && category.trim() !== '') out.category = category;
    else issue(lineOf(root.get('category', true) as Node), '`category` must be a non-empty string');
  }
  const severity: unknown = root.get('severity');
  if (severity !== undefined) {
    if (typeof severity === 'string' && (SEVERITIES as readonly string[]).includes(severity)) out.severity = severity as Severity;
    else issue(lineOf(root.get('severity', true) as Node), `severity must be one of ${SEVERITIES.join(', ')}`);
  }
  return out;
}

/** The entry with the file's defaults where its own map does not set the field. */
function withDefaults(entry: LexiconEntry, map: YAMLMap, defaults: FileDefaults): LexiconEntry {
  if (defaults.category !== undefined && !map.has('category')) entry.category = defaults.category;
  if (defaults.severity !== undefined && !map.has('severity')) entry.severity = defaults.severity;
  return entry;
}

/** Reads the fields of one entry's YAML map, reporting each problem through `fail` (at the field's line). */
class FieldReader {
  constructor(
    private readonly map: YAMLMap,
    readonly fail: (node: Node | null | undefined, reason: string) => void,
    private readonly checkText: TextCheck,
  ) {}

  nodeOf(key: string): Node | undefined {
    return (this.map.get(key, true) as Node | undefined) ?? undefined;
  }

  /** A scalar field as a string (numbers allowed); undefined when absent (an issue when required) or not a scalar. */
  str(key: string, required: boolean): string | undefined {
    const value = this.map.get(key);
    if (value === undefined || value === null) {
      if (required) this.fail(undefined, `missing \`${key}\``);
      return undefined;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      this.fail(this.nodeOf(key), `\`${key}\` must be a string`);
      return undefined;
    }
    return String(value);
  }

  /** A lexicon text: not empty, no outer space, no control character, and what `checkText` accepts. */
  phrase(value: string, what: string, node: Node | undefined): string | undefined {
    if (value.length === 0) return this.fail(node, `${what} must not be empty`), undefined;
    if (value.trim() !== value) return this.fail(node, `${what} "${value}" has leading or trailing space`), undefined;
    if (/[\u0000-\u001f\u007f]/.test(value)) return this.fail(node, `${what} "${value}" has a control character`), undefined;
    const reason = this.checkText(value);
    if (reason) return this.fail(node, `${what} "${value}" ${reason}`), undefined;
    return value;
  }

  /** A string or a list of strings, each a lexicon text. */
  strList(key: string): string[] {
    const node = this.nodeOf(key);
    const value = this.map.get(key);
    if (value === undefined || value === null) return [];
    const raw = isSeq(node) ? node.items : [node];
    const out: string[] = [];
    for (const item of raw) {
      const v = isScalar(item) ? item.value : undefined;
      if (typeof v !== 'string' && typeof v !== 'number') {
        this.fail((item as Node) ?? node, `\`${key}\` must be a string or a list of strings`);
        continue;
      }
      const checked = this.phrase(String(v), `${key} item`, (item as Node) ?? node);
      if (checked !== undefined) out.push(checked);
    }
    return out;
  }

  get(key: string): unknown {
    return this.map.get(key);
  }
}

function parseEntry(
  map: YAMLMap,
  kind: EntryKind,
  fileSource: string | undefined,
  file: string,
  line: number,
  lineOf: (node: Node | null | undefined) => number,
  issue: (line: number, reason: string) => void,
  checkText: TextCheck,
): LexiconEntry | undefined {
  let ok = true;
  const fail = (node: Node | null | undefined, reason: string): void => {
    ok = false;
    issue(node ? lineOf(node) : line, reason);
  };
  const allowed = new Set([...COMMON_FIELDS, ...FIELDS[kind]]);
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!allowed.has(key)) fail(pair.key as Node, `unknown field \`${key}\` for a ${kind} entry`);
  }
  const fields = new FieldReader(map, fail, checkText);
  const nodeOf = (key: string): Node | undefined => fields.nodeOf(key);
  const str = (key: string, required: boolean): string | undefined => fields.str(key, required);
  const phrase = (value: string, what: string, node: Node | undefined): string | undefined => fields.phrase(value, what, node);
  const strList = (key: string): string[] => fields.strList(key);

  const id = str('id', true);
  if (id !== undefined && !ID_RE.test(id)) fail(nodeOf('id'), `id "${id}" must match [a-z0-9][a-z0-9.-]*`);
  const rawText = str('text', true);
  const text = rawText === undefined ? undefined : phrase(rawText, 'text', nodeOf('text'));
  const note = str('note', false);
  const source = str('source', false) ?? fileSource;
  if (source === undefined || source.trim() === '') fail(undefined, 'missing `source` (on the entry or the file)');
  const category = str('category', false);
  const severityValue = str('severity', false);
  let severity = DEFAULT_SEVERITY[kind];
  if (severityValue !== undefined) {
    if ((SEVERITIES as readonly string[]).includes(severityValue)) severity = severityValue as Severity;
    else fail(nodeOf('severity'), `severity must be one of ${SEVERITIES.join(', ')}`);
  }
  let fuzzy = kind === 'mandated' || kind === 'typo';
  const fuzzyValue = map.get('fuzzy');
  if (fuzzyValue !== undefined) {
    if (typeof fuzzyValue === 'boolean') fuzzy = fuzzyValue;
    else fail(nodeOf('fuzzy'), '`fuzzy` must be true or false');
  }
  const since = date(map.get('since'), 'since', nodeOf('since'), fail);
  const until = date(map.get('until'), 'until', nodeOf('until'), fail);
  if (since && until && since >= until) fail(nodeOf('until'), `until (${until}) must be after since (${since})`);
  const variants = kind === 'mandated' ? strList('variants') : [];
  const replacement = kind === 'banned' || kind === 'outdated' ? strList('replacement') : kind === 'typo' ? strList('correct') : [];
  if (kind === 'typo' && replacement.length === 0) fail(undefined, 'a typo entry needs `correct`');
  if (kind === 'outdated' && replacement.length === 0) fail(undefined, 'an outdated entry needs `replacement`');
  if (text !== undefined) {
    for (const v of variants) if (v === text) fail(nodeOf('variants'), `variant "${v}" equals the phrase`);
    for (const r of replacement) if (r === text) fail(nodeOf(kind === 'typo' ? 'correct' : 'replacement'), `"${r}" equals the text it replaces`);
    if (new Set(variants).size !== variants.length) fail(nodeOf('variants'), 'a variant is listed twice');
  }
  const unless = parseRules(nodeOf('unless'), fail, phrase);

  if (!ok || id === undefined || text === undefined || source === undefined) return undefined;
  const entry: LexiconEntry = { id, kind, text, variants, replacement, source, severity, fuzzy, unless, file, line };
  if (note !== undefined) entry.note = note;
  if (category !== undefined) entry.category = category;
  if (since !== undefined) entry.since = since;
  if (until !== undefined) entry.until = until;
  return entry;
}

function date(
  value: unknown,
  key: string,
  node: Node | undefined,
  fail: (node: Node | null | undefined, reason: string) => void,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  const iso = toIsoDate(value);
  if (iso === undefined) fail(node, `\`${key}\` must be a date YYYY, YYYY-MM or YYYY-MM-DD`);
  return iso;
}

/** Turns YYYY, YYYY-MM or YYYY-MM-DD (string or number) into YYYY-MM-DD, or undefined when invalid. */
export function toIsoDate(value: unknown): string | undefined {
  const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseRules(
  node: Node | undefined,
  fail: (node: Node | null | undefined, reason: string) => void,
  phrase: (value: string, what: string, node: Node | undefined) => string | undefined,
): ContextRule[] {
  if (node === undefined) return [];
  if (!isSeq(node)) {
    fail(node, '`unless` must be a list of rules');
    return [];
  }
  const rules: ContextRule[] = [];
  for (const item of node.items) {
    if (!isMap(item) || item.items.length !== 1) {
      fail(item as Node, `a rule in \`unless\` is a mapping with one key: ${RULE_KEYS.join(', ')}`);
      continue;
    }
    const pair = item.items[0]!;
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (key === 'yearBefore') {
      const year = isScalar(value) ? value.value : undefined;
      if (typeof year !== 'number' || !Number.isInteger(year) || year < 1 || year > 9999) {
        fail(item as Node, '`yearBefore` must be a year such as 1949');
        continue;
      }
      rules.push({ yearBefore: year });
      continue;
    }
    if (key !== 'before' && key !== 'after' && key !== 'sentence') {
      fail(item as Node, `unknown rule \`${key}\` (expected ${RULE_KEYS.join(', ')})`);
      continue;
    }
    const raw = isSeq(value) ? value.items : [value];
    const strings: string[] = [];
    for (const v of raw) {
      const s = isScalar(v) ? v.value : undefined;
      if (typeof s !== 'string' || s.length === 0) {
        fail((v as Node) ?? (item as Node), `\`${key}\` takes a non-empty string or a list of them`);
        continue;
      }
      const checked = phrase(s, `${key} context`, v as Node);
      if (checked !== undefined) strings.push(checked);
    }
    if (strings.length > 0) {
      if (key === 'before') rules.push({ before: strings });
      else if (key === 'after') rules.push({ after: strings });
      else rules.push({ sentence: strings });
    }
  }
  return rules;
}
