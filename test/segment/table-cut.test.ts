import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTableSegmenter, createJiebaSegmenter } from '../../src/segment/index.js';
import { tableCut } from '../../src/segment/table-cut.js';
import { compileFrequencyTable } from '../../src/segment/frequency-table.js';

const texts = (file: string): string[] =>
  readFileSync(new URL(`../fixtures/accuracy/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);

/** Texts that reach the edges of jieba's blocks: ASCII runs, its extra symbols, whitespace, astral ideographs, full-width forms. */
const EDGES = [
  '',
  'abc123中文DEF',
  'A+B#C&D.E_F%G-H 中华-民族',
  '\r\n a\tb\u3000c\u00a0d\ufeffe\u0085f\r\r\n\n',
  '𠀀𠀁中华𪚥民族𫠠𬺰',
  'iPhone12手机和Covid-19疫情',
  'Ｈｅｌｌｏ世界，（一）“五位一体”',
  '3.14159和2.5%的GDP增长',
  '中华人民共和国国务院总理',
  '结婚的和尚未结婚的',
];

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('the default segmenter (jieba over frequency.bin)', () => {
  const jieba = createJiebaSegmenter();
  const ours = createTableSegmenter();

  it('cuts exactly as @node-rs/jieba does on the dev set, its windows and block edges', () => {
    const all = [...EDGES, ...texts('positives.jsonl'), ...texts('negatives.jsonl')];
    let compared = 0;
    for (const text of all) {
      // whole texts, and windows starting anywhere (the checker cuts small windows)
      const pieces = [text];
      for (let i = 0; i < text.length; i += 7) pieces.push(text.slice(i, i + 13));
      // (a window that cuts a surrogate pair is left out: @node-rs/jieba turns a lone surrogate into U+FFFD)
      for (const p of pieces.filter((x) => !LONE_SURROGATE.test(x))) {
        expect(ours.cut(p), p).toEqual(jieba.cut(p));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
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
