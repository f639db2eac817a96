import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compileFrequencyTable, frequencyTableLookup } from '../../src/segment/frequency-table.js';
import { createDictionaryLookup } from '../../src/segment/frequency.js';
import { builtinFrequencyTable } from '../../src/data/builtin.js';

const dictPath = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');

describe('compact frequency table', () => {
  it('answers as the line index of the dictionary text does, for every word and for words it lacks', () => {
    const dict = readFileSync(dictPath);
    const table = frequencyTableLookup(() => compileFrequencyTable(dict));
    const lines = createDictionaryLookup(() => dict);
    const words = dict.toString('utf8').split('\n').map((l) => l.split(' ')[0]!).filter((w) => w !== '');
    // Every third word (all of them take the test runner long on a busy machine) and words it lacks.
    const probes = [...words.filter((_, i) => i % 3 === 0), '', '明族', '按排', 'zzz', '中华民族伟大复兴的中国梦', '\u0000', '𠀀'];
    let differ = 0;
    for (const w of probes) if (table.frequency(w) !== lines.frequency(w) || table.tag(w) !== lines.tag(w)) differ++;
    expect(differ).toBe(0);
    expect(table.frequency('中国')).toBe(lines.frequency('中国'));
    expect(table.frequency('中国')).toBeGreaterThan(100_000);
    expect(table.tag('民族')).toBe('n');
  });

  it('keeps the first line of a word listed twice, and reads lines without a tag', () => {
    const dict = new TextEncoder().encode('乙 5 n\n甲 7\n乙 9 v\n 3 x\n丙\n');
    const t = frequencyTableLookup(() => compileFrequencyTable(dict));
    expect([t.frequency('乙'), t.tag('乙')]).toEqual([5, 'n']);
    expect([t.frequency('甲'), t.tag('甲')]).toEqual([7, '']);
    expect([t.frequency('丙'), t.frequency(''), t.frequency('丁')]).toEqual([0, 0, 0]);
  });

  it('is what the build stored in dist/data/frequency.bin', () => {
    const stored = builtinFrequencyTable()!;
    const fresh = compileFrequencyTable(readFileSync(dictPath));
    expect(stored.tags).toEqual(fresh.tags);
    // Byte comparisons: a deep equality of 349k-element arrays takes the test runner a minute.
    const bytes = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    for (const k of ['keys', 'keyStart', 'counts', 'tagIds'] as const) {
      expect(stored[k].constructor).toBe(fresh[k].constructor);
      expect(bytes(stored[k]).equals(bytes(fresh[k])), k).toBe(true);
    }
  });
});
