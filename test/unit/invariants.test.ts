import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createChecker, type Finding } from '../../src/index.js';
import { seedChecker } from '../helpers.js';

const builtin = createChecker();
const seed = seedChecker();

// Pieces that make findings likely: phrase fragments, confusable characters, noise, astral and
// combining characters, line breaks, look-alike code points, lone surrogates.
const hostile = fc.constantFrom(
  '中华', '民族', '明', '华', '族', '旅', '脱贫', '攻坚', '艰', '功', '袓国', '安全', '以习近平', '总书记', '同志',
  '为核心的党中央', '各', '中華', '⺠', '⼈', '金', ' ', '\u3000', '\u200b', '\u00a0', '\n', '\r\n', '。', '，',
  '𠀀', '👩‍👩‍👧', 'e\u0301', 'Ａ', 'a', '1949年', '\ud800', '\udc00', '\u0000', '<b>', '&nbsp;',
);
const hostileText = fc.array(hostile, { maxLength: 40 }).map((xs) => xs.join(''));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  hostileText,
);

function checkLaws(text: string, findings: Finding[]): void {
  let prev = -1;
  for (const f of findings) {
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(0 <= f.start && f.start < f.end && f.end <= text.length).toBe(true);
    expect(text.slice(f.start, f.end)).toBe(f.actual);
    expect(f.start).toBeGreaterThanOrEqual(prev);
    prev = f.start;
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.column).toBeGreaterThanOrEqual(1);
    expect(f.confidence).toBeGreaterThan(0);
    expect(f.confidence).toBeLessThanOrEqual(1);
    expect(f.message.length).toBeGreaterThan(0);
  }
}

describe('check() laws for any string', () => {
  for (const [name, checker] of [['built-in lexicon', builtin], ['seed lexicon', seed]] as const) {
    it(`${name}: never throws, offsets valid, sorted, deterministic`, () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const a = checker.check(text);
          checkLaws(text, a);
          expect(checker.check(text)).toEqual(a);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('line and column point at start', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        for (const f of seed.check(text)) {
          const before = text.slice(0, f.start);
          const lines = before.split(/\r\n|\r|\n/);
          expect(f.line).toBe(lines.length);
          expect(f.column).toBe(lines[lines.length - 1]!.length + 1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a long text with many errors keeps every law', () => {
    const text = '坚决打赢脱贫攻艰战。中华明族\u3000中 华民族⺠⼈\r\n'.repeat(2000);
    const findings = seed.check(text);
    expect(findings.length).toBeGreaterThan(4000);
    checkLaws(text, findings);
  });
});

describe('guards', () => {
  it('prototype names give no findings and touch no globals', () => {
    const keys = Object.keys(globalThis).sort();
    expect(builtin.check('constructor toString __proto__ hasOwnProperty valueOf prototype')).toEqual([]);
    expect(Object.keys(globalThis).sort()).toEqual(keys);
  });

  it('rejects a non-string with a TypeError', () => {
    expect(() => builtin.check(undefined as unknown as string)).toThrow(TypeError);
    expect(() => builtin.check(42 as unknown as string)).toThrow(/must be a string/);
  });

  it('the empty string', () => {
    expect(builtin.check('')).toEqual([]);
  });
});
