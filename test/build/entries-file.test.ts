import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir, DATA_FILES, loadBuiltinData } from '../../src/data/builtin.js';
import { decodeEntries, encodeEntries, type EncodedEntries } from '../../src/data/entries-file.js';
import { readDataFile, writeDataFile } from '../../src/match/model-file.js';
import type { LexiconEntry } from '../../src/lexicon/types.js';

const lexiconJson = (): LexiconEntry[] => (JSON.parse(readFileSync(join(dataDir(), 'lexicon.json'), 'utf8')) as { entries: LexiconEntry[] }).entries;

describe('entries.bin (the built-in entries, column by column)', () => {
  it('holds exactly the entries of lexicon.json, keys in their order, and is what a checker loads', () => {
    const file = join(dataDir(), DATA_FILES.entries);
    const decoded = decodeEntries(readDataFile(file, readFileSync(file)) as EncodedEntries);
    const expected = lexiconJson();
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(expected));
    expect(decoded).toEqual(expected);
    expect(JSON.stringify(loadBuiltinData().entries)).toBe(JSON.stringify(expected));
  });

  it('is the bytes a fresh encoding of lexicon.json gives', () => {
    const file = join(dataDir(), DATA_FILES.entries);
    expect(Buffer.from(writeDataFile(encodeEntries(lexiconJson()))).equals(readFileSync(file))).toBe(true);
  });

  it('round-trips entries of different shapes: optional keys, numbers, booleans, nested values, fresh arrays per entry', () => {
    const entries = [
      { id: 'a', kind: 'mandated', text: '中华民族', variants: [], line: 3, fuzzy: true },
      { id: 'b', kind: 'banned', text: '某词', since: '2020-01-01', line: -7, context: { before: ['甲'], after: [] } },
      { kind: 'mandated', id: 'c', text: '𠀀字', variants: ['x'], line: 2.5, fuzzy: false },
      { id: 'd', kind: 'mandated', text: '', variants: [], line: 0, note: '' },
    ] as unknown as LexiconEntry[];
    const back = decodeEntries(readDataFile('t', writeDataFile(encodeEntries(entries))) as EncodedEntries);
    expect(JSON.stringify(back)).toBe(JSON.stringify(entries));
    expect(back.map((e) => Object.keys(e))).toEqual(entries.map((e) => Object.keys(e)));
    const variants = back.map((e) => (e as unknown as { variants?: unknown[] }).variants);
    expect(variants[0]).not.toBe(variants[3]);
    expect(decodeEntries(encodeEntries([]))).toEqual([]);
  });
});
