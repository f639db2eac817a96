import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILE_FORMAT, DataFileError, dataFileFormat, readDataFile, writeDataFile } from '../../src/match/model-file.js';
import { PairSet } from '../../src/match/pair-set.js';
import { buildAutomaton } from '../../src/match/automaton.js';
import { builtinConfusion, dataDir, DATA_FILES, loadBuiltinData } from '../../src/data/builtin.js';
import { buildModelParts, inForceMask, readStoredModel, settledDate } from '../../src/data/stored-model.js';
import { compileConfusionData, createConfusion } from '../../src/confusion/index.js';
import { createNormalizer } from '../../src/normalize/index.js';

const sample = () => {
  const pairs = new PairSet(8);
  pairs.add(3, 0x4e2d);
  return {
    name: '提法',
    counts: new Uint32Array([1, 2, 3]),
    nested: { a: [new Int8Array([-1, 2]), new Float64Array([0.5, -0])], b: null, c: undefined, d: [true, false] },
    odd: new Uint8Array([1, 2, 3, 4, 5]),
    wide: new BigInt64Array([-5n]),
    keys: new Set(['中国', '发展']),
    map: new Map<string, unknown>([['x', new Int16Array([7])]]),
    special: [NaN, Infinity, -Infinity],
    pairs,
    // stored column by column, the typed arrays packed into one section
    rows: Array.from({ length: 12 }, (_, i) => ({ id: i, text: `t${i}`, codes: Uint16Array.from({ length: i % 5 }, (_, k) => 0x4e00 + k), wide: new Int32Array([i, -i]) })),
    // plain JSON, read back as it is; a key starting with $ is escaped
    plain: { list: [1, 'a', [true, null]], $dollar: { x: 1 } },
  };
};

describe('data files (src/match/model-file.ts)', () => {
  it('round-trips typed arrays as aligned views, and sets, maps, listed classes, undefined and non-finite numbers', () => {
    const value = sample();
    const back = readDataFile('sample.bin', writeDataFile(value)) as ReturnType<typeof sample>;
    expect(back).toEqual(value);
    expect(back.pairs).toBeInstanceOf(PairSet);
    expect(back.pairs.has(3, 0x4e2d)).toBe(true);
    expect(back.pairs.has(3, 0x4e2e)).toBe(false);
    for (const a of [back.counts, back.odd, back.nested.a[1]!, back.wide]) expect(a.byteOffset % 8).toBe(0);
    for (const r of back.rows) expect(r.wide.byteOffset % 4).toBe(0);
    expect(back.rows[3]!.codes).toBeInstanceOf(Uint16Array);
    expect(Object.is(back.special[0], NaN)).toBe(true);
  });

  it('writes the same bytes for the same value', () => {
    expect(Buffer.from(writeDataFile(sample())).equals(Buffer.from(writeDataFile(sample())))).toBe(true);
  });

  it('stores named externals as references and hands back what the reader supplies', () => {
    const entries = [{ id: 'a' }];
    const bytes = writeDataFile({ model: { entries } }, { entries });
    const other = [{ id: 'b' }];
    expect((readDataFile('m.bin', bytes, { entries: other }) as { model: { entries: unknown } }).model.entries).toBe(other);
    expect(() => readDataFile('m.bin', bytes)).toThrow(/m\.bin: refers to "entries"/);
  });

  it('revives an automaton (its step function rebuilt over the stored tables)', () => {
    const a = buildAutomaton(['中国', '国家', '中华民族']);
    const back = readDataFile('a.bin', writeDataFile({ a })) as { a: typeof a };
    for (let s = 0; s < a.stateCount; s++) for (let c = 0; c < 8; c++) expect(back.a.step(s, c)).toBe(a.step(s, c));
  });

  it('refuses at write time what it could not read back, naming the field', () => {
    expect(() => writeDataFile({ x: { f: () => 1 } })).toThrow(/value\.x\.f is a function/);
    class Unlisted {
      n = 1;
    }
    expect(() => writeDataFile({ list: [new Unlisted()] })).toThrow(/value\.list\[0\] is an instance of Unlisted/);
  });

  it('names the file and the problem for a damaged file, another format, or no data file at all', () => {
    const bytes = writeDataFile(sample());
    const flipped = bytes.slice();
    flipped[flipped.length - 3]! ^= 0x10;
    expect(() => readDataFile('lex.bin', flipped)).toThrow(new DataFileError('lex.bin', 'damaged: checksum mismatch'));
    expect(() => readDataFile('lex.bin', bytes.subarray(0, bytes.length - 8))).toThrow(/^lex\.bin: damaged: \d+ bytes, the header says \d+/);
    // a file read without its checksum (the package's own) still fails cleanly on bad bytes in its JSON
    const text = writeDataFile({ name: '中华民族' });
    const at = Buffer.from(text).indexOf(Buffer.from('中'));
    const broken = text.slice();
    broken[at] = 0xff;
    expect(() => readDataFile('own.bin', broken, {}, { checked: true })).toThrow(new DataFileError('own.bin', 'damaged: its JSON part is not valid UTF-8'));
    expect(() => readDataFile('lex.yaml', new TextEncoder().encode('kind: mandated\nentries: []\n'))).toThrow(/lex\.yaml: not a compiled tifa data file/);
    const newer = bytes.slice();
    new DataView(newer.buffer).setUint32(12, DATA_FILE_FORMAT + 1, true);
    expect(dataFileFormat(newer)).toBe(DATA_FILE_FORMAT + 1);
    expect(() => readDataFile('lex.bin', newer)).toThrow(`lex.bin: data format ${DATA_FILE_FORMAT + 1}, but this version of tifa reads format ${DATA_FILE_FORMAT}`);
    // Unaligned input is copied once, not misread.
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(readDataFile('x', shifted.subarray(1))).toEqual(sample());
  });
});

describe('precompiled data in dist/data (written by the build)', () => {
  const data = loadBuiltinData();
  const dir = dataDir();
  const derived = (name: string): string => readFileSync(join(dir, name), 'utf8');

  it('model.bin: the built-in match model and anchor filters, deep-equal to a fresh build', { timeout: 120_000 }, () => {
    const all = data.entries;
    const date = settledDate(all);
    const mask = inForceMask(all, date);
    const entries = all.filter((_, i) => mask[i] === 1);
    const stored = readStoredModel(DATA_FILES.model, readFileSync(join(dir, DATA_FILES.model)), all, mask, entries);
    expect(stored).toBeDefined();
    const fresh = buildModelParts(entries, createNormalizer(data.normalizeTsv), [], () => createConfusion({ pinyinTsv: data.pinyinTsv, lookalikeTsv: data.lookalikeTsv }));
    const { step: storedStep, ...storedAutomaton } = stored!.model.automaton;
    const { step: freshStep, ...freshAutomaton } = fresh.model.automaton;
    expect({ ...stored!.model, automaton: storedAutomaton }).toEqual({ ...fresh.model, automaton: freshAutomaton });
    expect(stored!.model.entries).toBe(entries);
    expect(stored!.anchorFilters).toEqual(fresh.anchorFilters());
    const states = Math.min(fresh.model.automaton.stateCount, 3000);
    for (let s = 0; s < states; s += 7) for (let c = 0; c < 64; c++) expect(storedStep(s, c)).toBe(freshStep(s, c));
  });

  it('model.bin is not used for a set of entries it was not stored for', () => {
    const all = data.entries;
    const mask = inForceMask(all, '2000-01-01');
    const entries = all.filter((_, i) => mask[i] === 1);
    if (entries.length === inForceMask(all, settledDate(all)).reduce((n, x) => n + x, 0)) return; // no dated entries
    expect(readStoredModel(DATA_FILES.model, readFileSync(join(dir, DATA_FILES.model)), all, mask, entries)).toBeUndefined();
  });

  it('confusion.bin: the parsed confusion tables', () => {
    const fresh = compileConfusionData({ pinyinTsv: derived('pinyin.tsv'), lookalikeTsv: derived('lookalike-pairs.tsv') });
    expect(readDataFile(DATA_FILES.confusion, readFileSync(join(dir, DATA_FILES.confusion)))).toEqual(fresh);
    const c = builtinConfusion();
    const t = createConfusion({ pinyinTsv: derived('pinyin.tsv'), lookalikeTsv: derived('lookalike-pairs.tsv') });
    for (const [a, b] of [[0x4e2d, 0x949f], [0x6c11, 0x660e], [0x571f, 0x58eb], [0x4e00, 0x4e00]] as const) expect(c.kind(a, b)).toBe(t.kind(a, b));
    expect(c.candidates(0x6c11)).toEqual(t.candidates(0x6c11));
  });
});
