import { describe, expect, it } from 'vitest';
import { createJiebaSegmenter } from '../../src/segment/index.js';
import { DictionaryFeed } from '../../src/segment/jieba-feed.js';
import { compileFrequencyTable } from '../../src/segment/frequency-table.js';
import { builtinFrequencyTable } from '../../src/data/builtin.js';
import { cutTexts, wholeDictionaryJieba } from './cut-texts.js';

describe('the default segmenter: @node-rs/jieba given its dictionary on demand', () => {
  it('cuts exactly as @node-rs/jieba with its whole dictionary does on the dev set, its windows and block edges', () => {
    const whole = wholeDictionaryJieba();
    const fed = createJiebaSegmenter();
    const all = cutTexts();
    for (const p of all) expect(fed.cut(p), p).toEqual(whole(p));
    expect(all.length).toBeGreaterThan(10_000);
  });

  it('cuts a text whose words it was given earlier as jieba does (the total stays the whole dictionary’s)', () => {
    const whole = wholeDictionaryJieba();
    const fed = createJiebaSegmenter();
    // the short text first: its words are given, then the long one brings only the words not given yet
    for (const text of ['中华民族', '中华民族伟大复兴的中国梦', '结婚的和尚未结婚的', '中华民族']) expect(fed.cut(text)).toEqual(whole(text));
  });
});

describe('DictionaryFeed', () => {
  const dict = (lines: string): Uint8Array => new TextEncoder().encode(lines);
  const decode = (b: Uint8Array | undefined): string | undefined => (b === undefined ? undefined : new TextDecoder().decode(b));

  it('gives the words occurring in a text once, with the rest of the total on a private-use word', () => {
    const feed = new DictionaryFeed(compileFrequencyTable(dict('ab 4 n\na 2 n\nb 2 n\nc 1 n\nabc 1 n\nx 7\n')));
    // total 17: ab, a, b, abc and c occur in 'abc' (10), x does not (the rest: 7)
    expect(decode(feed.linesFor('abc'))?.split('\n').sort()).toEqual(['', 'a 2', 'ab 4', 'abc 1', 'b 2', 'c 1', '\ue000 7']);
    expect(feed.linesFor('abc')).toBeUndefined();
    expect(decode(feed.linesFor('cx'))).toBe('x 7\n\ue000 0\n');
    expect(feed.words).toBe(6);
  });

  it('gives nothing for a text without dictionary words', () => {
    const feed = new DictionaryFeed(compileFrequencyTable(dict('ab 4 n\n')));
    expect(feed.linesFor('')).toBeUndefined();
    expect(feed.linesFor('ba \ue000')).toBeUndefined();
  });

  it('gives jieba a small part of its dictionary for a page of text', () => {
    const table = builtinFrequencyTable()!;
    const feed = new DictionaryFeed(table);
    feed.linesFor('各地区各部门要铸牢中华民族共同体意识，推进脱贫攻坚，坚持创新、协调、绿色、开放、共享的发展理念。');
    expect(feed.words).toBeGreaterThan(20);
    expect(feed.words).toBeLessThan(table.counts.length / 1000);
  });
});
