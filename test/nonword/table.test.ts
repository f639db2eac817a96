/**
 * The non-word table (src/nonword/table.ts, neighbours.ts, build.ts): neighbours of frequent words
 * from a small dictionary and confusion relation, written to bytes and read back.
 */
import { describe, expect, it } from 'vitest';
import { createConfusion } from '../../src/confusion/index.js';
import { DEFAULT_NEIGHBOUR_OPTIONS, nonwordNeighbours, parseDictionary, parseNameWords } from '../../src/nonword/neighbours.js';
import { nonwordColumns, parseCorpusStrings } from '../../src/nonword/build.js';
import { decodeNonwordColumns, encodeNonwordColumns, fixChar, fixPosition, inSlotOrder, NonwordTable } from '../../src/nonword/table.js';

const pinyinTsv = ['矩\tju', '距\tju', '规\tgui', '深\tshen', '邃\tsui', '遂\tsui', '行\txing', '既\tji', '即\tji', '然\tran', '燃\tran', '辨\tbian', '辩\tbian', '别\tbie', '心\txin', '理\tli', '里\tli', '隶\tli', '安\tan', '按\tan', '装\tzhuang', '全\tquan', '保\tbao', '包\tbao', '护\thu', '认\tren'].join('\n');
const confusion = createConfusion({ pinyinTsv, lookalikeTsv: '' });
// Single characters give the substitutes' commonness; words give the targets.
const dictionary = parseDictionary(['既然 5000 c', '即 900 d', '燃 300 v', '辩 100 v', '辨别 2000 v', '心理 6000 n', '心里 5000 s', '隶 10 g', '安装 3000 v', '按 500 p', '全然 1200 d', '保护 9000 v', '包 3000 n', '辨认 3000 v', '辩认 2 v', '规矩 1594 n', '规距 3 n', '距离 5000 n', '深邃 400 a', '遂 800 d', '遂行 400 v'].join('\n'));
const options = { ...DEFAULT_NEIGHBOUR_OPTIONS, minWordCount: 1000 };

describe('neighbours', () => {
  const n = nonwordNeighbours(dictionary, confusion, options);
  it('replace one character of a frequent word by a confusable common one', () => {
    expect(n.get('即然')).toMatchObject({ word: '既然' });
    expect(n.get('辩别')).toMatchObject({ word: '辨别' });
    expect(n.get('按装')).toMatchObject({ word: '安装' });
    expect(n.get('包护')).toMatchObject({ word: '保护' });
  });
  it('are no words of the dictionary, but for its listed slips: a small count that writes the commoner character (规距 3 beside 规矩 1594, 距 common), not the rarer (辩认 2 beside 辨认 3000: 辩 is rarer than 辨)', () => {
    expect(n.has('心里')).toBe(false);
    expect(n.get('规距')).toMatchObject({ word: '规矩' });
    expect(n.has('辩认')).toBe(false);
    expect(nonwordNeighbours(dictionary, confusion, { ...options, listedRatio: 2000 }).has('规距')).toBe(false);
    expect(nonwordNeighbours(dictionary, confusion, { ...options, minListedCount: 1 }).has('规距')).toBe(false);
  });
  it('take a listed slip to the commoner character whatever its ratio when the corpus writes the word often (规距 beside 规矩, 1/2000 asked), not when it rarely does, nor the rarer character (辩认)', () => {
    const strict = { ...options, listedRatio: 2000 };
    const often = { counts: new Map([['规矩', 30], ['辨认', 30]]), years: 5 };
    expect(nonwordNeighbours(dictionary, confusion, strict, new Set(), often).get('规距')).toMatchObject({ word: '规矩' });
    expect(nonwordNeighbours(dictionary, confusion, strict, new Set(), { ...often, years: 6 }).has('规距')).toBe(false);
    expect(nonwordNeighbours(dictionary, confusion, strict, new Set(), often).has('辩认')).toBe(false);
  });
  it("take words under the count for slips to the commoner character only, and no person's name (深遂 for 深邃 400; not 邃行 for 遂行 400)", () => {
    expect(n.get('深遂')).toMatchObject({ word: '深邃' });
    expect(n.has('邃行')).toBe(false);
    expect(nonwordNeighbours(dictionary, confusion, { ...options, rareMinWordCount: 1000 }).has('深遂')).toBe(false);
    expect(nonwordNeighbours(dictionary, confusion, options, new Set(['深邃'])).has('深遂')).toBe(false);
    expect(parseNameWords('陈文洪 606 nr\n深邃 400 a\n')).toEqual(new Set(['陈文洪']));
  });
  it('keep a second word of comparable frequency for the context to choose (心隶: 心理, 心里)', () => {
    expect(n.get('心隶')).toMatchObject({ word: '心理', alternative: { word: '心里' } });
  });
  it('skip words below the count', () => {
    expect(nonwordNeighbours(dictionary, confusion, { ...options, minWordCount: 2500 }).has('辩别')).toBe(false);
  });
});

describe('the binary table', () => {
  const corpus = parseCorpusStrings('# seen in the corpus\n按装\t3\n', 'corpus.tsv');
  const columns = nonwordColumns(dictionary, confusion, corpus, options);
  const table = new NonwordTable(decodeNonwordColumns(encodeNonwordColumns(columns), 'nonword.bin'));
  const lookup = (s: string): string | undefined => {
    const codes = [...s].map((c) => c.charCodeAt(0));
    const slot = codes.length === 2 ? table.find2(codes[0]!, codes[1]!) : table.find3(codes[0]!, codes[1]!, codes[2]!);
    if (slot < 0) return undefined;
    const fix = table.fix(codes.length as 2 | 3, slot);
    return s.slice(0, fixPosition(fix)) + String.fromCharCode(fixChar(fix)) + s.slice(fixPosition(fix) + 1);
  };
  it('reads back every neighbour with its fix', () => {
    expect(lookup('即然')).toBe('既然');
    expect(lookup('辩别')).toBe('辨别');
    expect(lookup('既然')).toBeUndefined();
    expect(table.size).toBe(columns.keys2.length + columns.keys3.length);
  });
  it('finds the same neighbours with the rows in slot order, as the build writes them', () => {
    const ordered = new NonwordTable(decodeNonwordColumns(encodeNonwordColumns(inSlotOrder(columns)), 'nonword.bin'));
    for (let i = 0; i < columns.keys2.length; i++) {
      const k = columns.keys2[i]!;
      const slot = ordered.find2(k >>> 16, k & 0xffff);
      expect(ordered.fix(2, slot)).toBe(columns.fixes2[i]);
      expect(ordered.fix(2, slot, true)).toBe(columns.alts2[i]);
    }
    expect(ordered.size).toBe(table.size);
    expect([...inSlotOrder(columns).keys2].sort()).toEqual([...columns.keys2].sort());
  });
  it('leaves out the strings seen in the corpus', () => {
    expect(lookup('按装')).toBeUndefined();
  });
  it('rejects a file of another format or a cut one, naming it', () => {
    const bytes = encodeNonwordColumns(columns);
    expect(() => decodeNonwordColumns(bytes.subarray(0, bytes.length - 4), 'x.bin')).toThrow(/x\.bin: .*header promises/);
    expect(() => decodeNonwordColumns(new Uint8Array(16), 'y.bin')).toThrow(/y\.bin: not a tifa non-word table/);
    expect(() => decodeNonwordColumns(new Uint8Array(3), 'z.bin')).toThrow(/z\.bin/);
  });
  it('rejects a bad line of the corpus strings, naming file and line', () => {
    expect(() => parseCorpusStrings('# c\n按装\tmany\n', 'c.tsv')).toThrow(/c\.tsv:2: expected/);
  });
});
