/**
 * Property: any error of the documented kinds put into a mandated phrase (seed lexicon and a sample
 * of built-in phrases), inside random correct text, is found at its offsets with the phrase as
 * `expected`, and nothing is reported in the text around it. See corrupt.ts for how errors and
 * contexts are drawn.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtin, builtinPhrases, CONTEXT_CHARS, INSERTS, knownBuiltin, knownSeed, property, seed, seedPhrases } from './corrupt.js';

describe('an error put into a mandated phrase is found at its offsets', () => {
  it('has phrases and context to draw from', () => {
    expect(seedPhrases.length).toBeGreaterThanOrEqual(4);
    expect(builtinPhrases.length).toBeGreaterThanOrEqual(30);
    expect(CONTEXT_CHARS.length).toBeGreaterThanOrEqual(20);
    expect(INSERTS.length).toBeGreaterThanOrEqual(3);
  });

  it('seed lexicon phrases', () => {
    fc.assert(property(seed, seedPhrases, knownSeed), { seed: 4242, numRuns: 400 });
  });

  it('a sample of built-in phrases', () => {
    fc.assert(property(builtin, builtinPhrases, knownBuiltin), { seed: 2026, numRuns: 600 });
  });

  // Pinned examples (one per kind), so a regression names its kind.
  it.each([
    ['中华名族', '中华民族'],
    ['中华族', '中华民族'],
    ['中华民民族', '中华民族'],
    ['中民华族', '中华民族'],
    ['中华\u200b民族', '中华民族'],
    ['中華民族', '中华民族'],
    ['中华⺠族', '中华民族'],
    ['脱贫 功坚', '脱贫攻坚'],
  ])('%s', (bad, phrase) => {
    const text = `水果，${bad}。吃饭`;
    const found = seed.check(text);
    expect(found.some((f) => f.start < 3 + bad.length && 3 < f.end && f.expected.includes(phrase))).toBe(true);
  });
});
