/**
 * The context model of character pairs (src/nonword/pairs.ts): counts read back within their
 * quantization, the file's format checked, and the join of a fixed character against the written
 * one: a slip whose fixed character joins its neighbour is pushed up (电磁幅射: 磁辐), a string that
 * spans two words of the text is pushed down (台企来大陆: 台企, not 台起).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir } from '../../src/data/builtin.js';
import { loadNonwordTable } from '../../src/nonword/load.js';
import { CharPairs, countPairs, decodeCharPairs, encodeCharPairs, joinGain, pairKey } from '../../src/nonword/pairs.js';
import { priorCount } from '../../src/nonword/build.js';

const code = (s: string): number => s.charCodeAt(0);
const key = (s: string): number => pairKey(code(s[0]!), s.length > 1 ? code(s[1]!) : 0);

describe('character pairs', () => {
  const counts = countPairs('台企来大陆。台企发展，台企投资。磁辐射，电磁辐射。大幅，幅度，幅度。起来，起来，起来！企业企业企业企业');

  it('count characters and adjacent Han pairs, not across punctuation', () => {
    expect(counts.get(key('台企'))).toBe(3);
    expect(counts.get(key('企'))).toBe(7);
    expect(counts.get(key('射电'))).toBeUndefined();
  });

  it('read back through the file within a tenth', () => {
    const pairs = decodeCharPairs(encodeCharPairs(counts), 'char-pairs.bin');
    expect(pairs.size).toBe(counts.size);
    for (const [k, n] of counts) expect(Math.abs(pairs.count(k) - n) / n).toBeLessThan(0.1);
    expect(pairs.count(key('台起'))).toBe(0);
  });

  it('ship in dist/data as the same keys and counts as dictionaries/nonword/char-pairs.bin (mapped, not decoded, at the first check)', () => {
    const file = join(dataDir(), '..', '..', 'dictionaries', 'nonword', 'char-pairs.bin');
    const committed = decodeCharPairs(readFileSync(file), file);
    const shipped = loadNonwordTable().pairs!;
    expect(shipped.keys).toEqual(committed.keys);
    expect(shipped.counts).toEqual(committed.counts);
  });

  it('reject a file of another format or a cut one, naming it', () => {
    const bytes = encodeCharPairs(counts);
    expect(() => decodeCharPairs(bytes.slice(0, bytes.length - 1), 'x.bin')).toThrow(/x\.bin/);
    expect(() => decodeCharPairs(new Uint8Array(16), 'y.bin')).toThrow(/y\.bin.*character-pair/);
  });

  it('push up a slip whose fixed character joins its neighbour, and down a string that spans two words', () => {
    const pairs = CharPairs.of(counts);
    // 磁幅射: 幅 replaced by 辐 at the start, 磁辐 written twice, 磁幅 never.
    expect(joinGain(pairs, '电磁幅射', 2, 2, 0, code('辐'))).toBeGreaterThan(1);
    // 台企来: 企 replaced by 起 (企来 -> 起来) at the start: 台企 written three times, 台起 never.
    expect(joinGain(pairs, '台企来大陆', 1, 2, 0, code('起'))).toBeLessThan(-1);
    // Nothing beside it, or the middle of three replaced: no evidence either way.
    expect(joinGain(pairs, '企来', 0, 2, 0, code('起'))).toBe(0);
    expect(joinGain(pairs, '台企来大陆', 0, 3, 1, code('起'))).toBe(0);
  });
});

describe("the frequency prior's count", () => {
  const corpusWords = { counts: new Map([['弘扬', 1878]]), years: 7 };
  it("takes the corpus's count, scaled, when larger than jieba's (弘扬: 430 in jieba, 1,878 in 7 years of news)", () => {
    expect(priorCount('弘扬', 430, corpusWords)).toBeCloseTo((1878 * 25) / 7);
  });
  it("keeps jieba's count for a word the corpus writes less", () => {
    expect(priorCount('宏大', 900, corpusWords)).toBe(900);
  });
});
