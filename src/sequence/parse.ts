/**
 * Parses one sequence file (`kind: sequence` YAML) into order and pairing entries. Never throws on
 * content: every problem becomes an issue with the file and 1-based line. Ids unique across files
 * are checked by validateSequences.
 */
import type { Node, YAMLMap } from 'yaml';
import { lazyModule } from '../util/require.js';
import { toIsoDate } from '../lexicon/parse.js';
import type { LexiconIssue } from '../errors.js';
import type { Severity } from '../types.js';
import type { OrderEntry, Pairing, PairingEntry, SequenceEntry } from './types.js';

const yaml = lazyModule<typeof import('yaml')>('yaml');
const isMap = (n: unknown): n is YAMLMap => yaml().isMap(n);
const isSeq = (n: unknown): n is import('yaml').YAMLSeq => yaml().isSeq(n);
const isScalar = (n: unknown): n is import('yaml').Scalar => yaml().isScalar(n);

const ID_RE = /^[a-z0-9][a-z0-9.-]*$/;
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const TOP = ['kind', 'source', 'entries'];
const COMMON = ['id', 'label', 'note', 'source', 'severity', 'since', 'until'];
const ORDER_FIELDS = [...COMMON, 'items', 'minItems', 'commas'];
const PAIRING_FIELDS = [...COMMON, 'pairs'];

/** Whether a YAML text declares `kind: sequence` (cheap test used to route `--lexicon` files). */
export function isSequenceYaml(yamlText: string): boolean {
  return /^kind:\s*['"]?sequence['"]?\s*(#.*)?$/m.test(yamlText);
}

export interface ParsedSequenceFile {
  entries: SequenceEntry[];
  issues: LexiconIssue[];
}

type Fail = (node: Node | null | undefined, reason: string) => void;

export function parseSequenceFile(file: string, yamlText: string): ParsedSequenceFile {
  const issues: LexiconIssue[] = [];
  const entries: SequenceEntry[] = [];
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(yamlText, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: Node | null | undefined): number => {
    const offset = node?.range?.[0];
    return offset === undefined ? 1 : lines.linePos(offset).line;
  };
  const fail: Fail = (node, reason) => issues.push({ file, line: lineOf(node), reason });
  for (const error of doc.errors) issues.push({ file, line: lines.linePos(error.pos[0]).line, reason: `YAML: ${error.message.split('\n')[0]}` });
  if (doc.errors.length > 0) return { entries, issues };
  const root = doc.contents;
  if (!isMap(root) || (root.get('kind') as unknown) !== 'sequence') {
    fail(root, 'a sequence file is a mapping with `kind: sequence` and `entries`');
    return { entries, issues };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!TOP.includes(key)) fail(pair.key as Node, `unknown top-level field \`${key}\` (expected ${TOP.join(', ')})`);
  }
  const fileSource = root.get('source');
  const list = root.get('entries', true);
  if (!isSeq(list) || list.items.length === 0) {
    fail((list as Node | undefined) ?? root, '`entries` must be a non-empty list');
    return { entries, issues };
  }
  for (const item of list.items) {
    const entry = readEntry(item as Node, typeof fileSource === 'string' ? fileSource : undefined, file, lineOf, fail);
    if (entry) entries.push(entry);
  }
  return { entries, issues };
}

function readEntry(node: Node, fileSource: string | undefined, file: string, lineOf: (n: Node | null | undefined) => number, fail: Fail): SequenceEntry | undefined {
  if (!isMap(node)) {
    fail(node, 'an entry is a mapping');
    return undefined;
  }
  const isOrder = node.has('items');
  if (isOrder === node.has('pairs')) {
    fail(node, 'an entry has either `items` (an ordered enumeration) or `pairs` (verb–object pairings)');
    return undefined;
  }
  const allowed = isOrder ? ORDER_FIELDS : PAIRING_FIELDS;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!allowed.includes(key)) fail(pair.key as Node, `unknown field \`${key}\` (expected ${allowed.join(', ')})`);
  }
  const id = node.get('id');
  if (typeof id !== 'string' || !ID_RE.test(id)) fail(node, '`id` must match [a-z0-9][a-z0-9.-]*');
  const label = text(node.get('label', true) as Node | undefined, '`label`', fail) ?? '';
  const source = node.get('source') ?? fileSource;
  if (typeof source !== 'string' || source.trim() === '') fail(node, 'every entry needs a `source` (its own or the file’s)');
  const severity = node.get('severity') ?? 'error';
  if (!(SEVERITIES as readonly unknown[]).includes(severity)) fail(node.get('severity', true) as Node, `\`severity\` must be one of ${SEVERITIES.join(', ')}`);
  const since = date(node, 'since', fail);
  const until = date(node, 'until', fail);
  if (since && until && since >= until) fail(node, '`since` must be before `until`');
  const note = node.get('note');
  const common = {
    id: String(id),
    label,
    ...(typeof note === 'string' ? { note } : {}),
    source: String(source),
    severity: severity as Severity,
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
    file,
    line: lineOf(node),
  };
  if (isOrder) {
    const items = strings(node.get('items', true) as Node | undefined, '`items`', fail);
    if (items.length < 2) fail(node, '`items` lists at least two distinct items');
    if (new Set(items).size !== items.length) fail(node.get('items', true) as Node, '`items` has an item twice');
    const min = node.get('minItems') ?? items.length;
    if (typeof min !== 'number' || !Number.isInteger(min) || min < 2 || min > items.length) fail(node, '`minItems` must be a whole number from 2 to the number of items');
    const commas = node.get('commas') ?? false;
    if (typeof commas !== 'boolean') fail(node.get('commas', true) as Node, '`commas` must be true or false');
    return { type: 'order', ...common, items, minItems: Number(min), commas: commas === true } satisfies OrderEntry;
  }
  const pairs: Pairing[] = [];
  const pairsNode = node.get('pairs', true);
  if (!isSeq(pairsNode) || pairsNode.items.length < 2) fail((pairsNode as Node | undefined) ?? node, '`pairs` lists at least two objects, each with its verbs');
  else
    for (const p of pairsNode.items) {
      if (!isMap(p)) {
        fail(p as Node, 'a pair is a mapping with `object` and `verbs`');
        continue;
      }
      const object = text(p.get('object', true) as Node | undefined, '`object`', fail);
      const verbs = strings(p.get('verbs', true) as Node | undefined, '`verbs`', fail);
      if (verbs.length === 0) fail(p as Node, '`verbs` must be a non-empty list');
      if (object !== undefined) pairs.push({ object, verbs });
    }
  const objects = new Set<string>();
  for (const p of pairs) {
    if (objects.has(p.object)) fail(pairsNode as Node, `the object “${p.object}” is listed twice`);
    objects.add(p.object);
    if (new Set(p.verbs).size !== p.verbs.length) fail(pairsNode as Node, `a verb of “${p.object}” is listed twice`);
  }
  return { type: 'pairing', ...common, pairs } satisfies PairingEntry;
}

function text(node: Node | undefined, what: string, fail: Fail): string | undefined {
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.trim() !== value || /[\u0000-\u001f]/.test(value)) {
    fail(node, `${what} must be a non-empty string without surrounding spaces or control characters`);
    return undefined;
  }
  return value;
}

function strings(node: Node | undefined, what: string, fail: Fail): string[] {
  if (!isSeq(node)) {
    fail(node, `${what} must be a list of strings`);
    return [];
  }
  const out: string[] = [];
  for (const item of node.items) {
    const s = text(item as Node, `each of ${what}`, fail);
    if (s !== undefined) out.push(s);
  }
  return out;
}

function date(node: YAMLMap, key: string, fail: Fail): string | undefined {
  if (!node.has(key)) return undefined;
  const iso = toIsoDate(node.get(key));
  if (iso === undefined) fail(node.get(key, true) as Node, `\`${key}\` must be a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  return iso;
}

/** Cross-file checks: ids unique across every sequence file. */
export function validateSequences(entries: readonly SequenceEntry[]): LexiconIssue[] {
  const issues: LexiconIssue[] = [];
  const seen = new Map<string, SequenceEntry>();
  for (const e of entries) {
    const first = seen.get(e.id);
    if (first) issues.push({ file: e.file, line: e.line, reason: `id \`${e.id}\` is already used at ${first.file}:${first.line}` });
    else seen.set(e.id, e);
  }
  return issues;
}
