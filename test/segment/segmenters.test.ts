import { describe, expect, it } from 'vitest';
import { createJiebaSegmenter, createNodejiebaSegmenter } from '../../src/index.js';
import { seedChecker } from '../helpers.js';

const adapters = [
  ['@node-rs/jieba (default)', createJiebaSegmenter()],
  ['nodejieba (optional peer)', createNodejiebaSegmenter()],
] as const;

describe.each(adapters)('segmenter %s', (_name, segmenter) => {
  it('cuts into tokens that join back to the text', () => {
    for (const text of ['中华各民族共同开拓了辽阔的疆域', '1912年中华民国成立', '坚决打赢脱贫攻坚战', 'abc 中文 123']) {
      const tokens = segmenter.cut(text);
      expect(tokens.join('')).toBe(text);
      expect(tokens.length).toBeGreaterThan(1);
    }
  });

  it('knows dictionary frequencies', () => {
    expect(segmenter.frequency!('民族')).toBeGreaterThan(1000);
    expect(segmenter.frequency!('中华民国')).toBeGreaterThan(0);
    expect(segmenter.frequency!('明族')).toBe(0);
  });

  it('knows dictionary part-of-speech tags', () => {
    expect(segmenter.tag!('民族')).toBe('n');
    expect(segmenter.tag!('我')).toBe('r');
    expect(segmenter.tag!('据')).toBe('p');
    expect(segmenter.tag!('明族')).toBe('');
    // the count is read after the tag was: the two lookups do not disturb each other
    expect(segmenter.frequency!('民族')).toBeGreaterThan(1000);
  });

  it('leaves the global scope alone', () => {
    const before = Object.keys(globalThis).sort();
    segmenter.cut('以习近平同志为核心的党中央');
    expect(Object.keys(globalThis).sort()).toEqual(before);
    expect('dict' in globalThis || 'hmmDict' in globalThis).toBe(false);
  });
});

describe('both segmenters lead to the same verdicts on the seed cases', () => {
  const texts = ['各民族要牢固树立中华明族共同体意识。', '坚决打赢脱贫攻艰战。', '中华各民族共同开拓了辽阔的疆域', '1912年中华民国成立', '中华族', '中华民民族', '攻坚克难'];
  it.each(texts)('%s', (text) => {
    const a = seedChecker({ segmenter: 'jieba' }).check(text);
    const b = seedChecker({ segmenter: 'nodejieba' }).check(text);
    expect(b).toEqual(a);
  });
});
