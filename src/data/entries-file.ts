/**
 * The built-in lexicon's entries as a data file (dist/data/entries.bin, beside lexicon.json): read
 * at every start, so stored column by column with the repeated strings once. JSON.parse of
 * lexicon.json makes every entry's `source`, `file`, `kind`, `severity` ... anew (4 MB and
 * ~80 ms of CPU for 10k entries); here each column is a list of its distinct values and an index
 * per entry (typed arrays mapped in), and the entries are rebuilt with their keys in their order.
 * decodeEntries(encodeEntries(x)) deep-equals x, key order included (a test pins it on the build).
 */
import type { LexiconEntry } from '../lexicon/types.js';

/** One key's values, over the entries that have the key, in entry order. */
type Column =
  | { strings: string[]; index: Uint16Array | Uint32Array }
  | { ints: Int32Array }
  | { json: unknown[] };

export interface EncodedEntries {
  kind: 'tifa-entries';
  count: number;
  /** The key lists (in order) the entries have; entry i has shapes[shapeOf[i]]. */
  shapes: string[][];
  shapeOf: Uint16Array;
  columns: Record<string, Column>;
}

function column(values: unknown[]): Column {
  if (values.every((v) => typeof v === 'string')) {
    const ids = new Map<string, number>();
    const strings: string[] = [];
    const index = values.length > 0 && new Set(values).size > 0xffff ? new Uint32Array(values.length) : new Uint16Array(values.length);
    values.forEach((v, i) => {
      let id = ids.get(v as string);
      if (id === undefined) {
        id = strings.length;
        strings.push(v as string);
        ids.set(v as string, id);
      }
      index[i] = id;
    });
    return { strings, index };
  }
  if (values.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff && !Object.is(v, -0))) return { ints: Int32Array.from(values as number[]) };
  return { json: values };
}

export function encodeEntries(entries: readonly LexiconEntry[]): EncodedEntries {
  const shapes: string[][] = [];
  const shapeIds = new Map<string, number>();
  const shapeOf = new Uint16Array(entries.length);
  const values = new Map<string, unknown[]>();
  entries.forEach((e, i) => {
    const keys = Object.keys(e);
    const sig = keys.join('\u0000');
    let id = shapeIds.get(sig);
    if (id === undefined) {
      id = shapes.length;
      if (id > 0xffff) throw new RangeError('more than 65535 entry shapes');
      shapes.push(keys);
      shapeIds.set(sig, id);
    }
    shapeOf[i] = id;
    for (const k of keys) {
      let list = values.get(k);
      if (!list) values.set(k, (list = []));
      list.push((e as unknown as Record<string, unknown>)[k]);
    }
  });
  const columns: Record<string, Column> = {};
  for (const [k, list] of values) columns[k] = column(list);
  return { kind: 'tifa-entries', count: entries.length, shapes, shapeOf, columns };
}

/** The entries back (fresh objects and arrays: nothing is shared between entries but strings). */
export function decodeEntries(encoded: EncodedEntries): LexiconEntry[] {
  const { count, shapes, shapeOf, columns } = encoded;
  const readers: Record<string, () => unknown> = {};
  for (const [k, c] of Object.entries(columns)) {
    let at = 0;
    if ('strings' in c) readers[k] = () => c.strings[c.index[at++]!];
    else if ('ints' in c) readers[k] = () => c.ints[at++];
    else readers[k] = () => c.json[at++];
  }
  const shapeReaders = shapes.map((keys) => keys.map((k) => [k, readers[k]!] as const));
  const out: LexiconEntry[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const e: Record<string, unknown> = {};
    for (const [k, read] of shapeReaders[shapeOf[i]!]!) e[k] = read();
    out[i] = e as unknown as LexiconEntry;
  }
  return out;
}
