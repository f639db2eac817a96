import { describe, expect, it } from 'vitest';
import { createTableSegmenter, createJiebaSegmenter } from '../../src/segment/index.js';
import { tableCut } from '../../src/segment/table-cut.js';
import { compileFrequencyTable } from '../../src/segment/frequency-table.js';
import { cutTexts, wholeDictionaryJieba } from './cut-texts.js';

describe("the 'table' segmenter (jieba's cut computed over frequency.bin)", () => {
  const jieba = createJiebaSegmenter();
  const ours = createTableSegmenter();

  it('cuts exactly as @node-rs/jieba with its whole dictionary does on the dev set, its windows and block edges', () => {
    const whole = wholeDictionaryJieba();
    const all = cutTexts();
    for (const p of all) expect(ours.cut(p), p).toEqual(whole(p));
    expect(all.length).toBeGreaterThan(10_000);
  });

  it('gives the dictionary counts and tags of the table', () => {
    for (const w of ['民族', '中华民国', '明族', '我', '据']) {
      expect(ours.frequency!(w)).toBe(jieba.frequency!(w));
      expect(ours.tag!(w)).toBe(jieba.tag!(w));
    }
  });

  it('keeps a lone surrogate as one token (the tokens join back to the text)', () => {
    const text = '\ud800中\udc00华民族';
    expect(ours.cut(text).join('')).toBe(text);
  });

  it('follows the longest word on a tie and the higher score otherwise, on a small dictionary', () => {
    const table = compileFrequencyTable(new TextEncoder().encode('ab 4 n\na 2 n\nb 2 n\nc 1 n\nabc 1 n\n'));
    const cut = tableCut(table);
    // total 10: ab|c = ln .4 + ln .1 (-3.22), abc = ln .1 (-2.30), a|b|c lower: abc wins
    expect(cut('abc')).toEqual(['abc']);
    expect(cut('abcab')).toEqual(['abc', 'ab']);
    // single ASCII letters or digits on the route are joined
    expect(cut('xyz')).toEqual(['xyz']);
  });

});
