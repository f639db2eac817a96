import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { CharKind, createNormalizer } from '../../src/normalize/index.js';

const normalizer = createNormalizer(readFileSync(new URL('../../dictionaries/derived/normalize.tsv', import.meta.url), 'utf8'));

describe('normalizer', () => {
  it.each([
    ['中華民族', '中华民族'],
    ['⼈民', '人民'],
    ['⺠族', '民族'],
    ['金', '金'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['（中共中央）', '（中共中央）'],
    ['著名', '著名'],
    ['中华 民族', '中华 民族'],
  ])('%s -> %s', (input, output) => {
    expect(normalizer.normalize(input)).toBe(output);
  });

  it('key() drops skip characters', () => {
    expect(normalizer.key('中华\u3000民\u200b族\u00a0')).toBe('中华民族');
  });

  it('classifies code units', () => {
    expect(normalizer.kind['華'.charCodeAt(0)]).toBe(CharKind.Traditional);
    expect(normalizer.kind['⼈'.charCodeAt(0)]).toBe(CharKind.Lookalike);
    expect(normalizer.kind[0x3000]).toBe(CharKind.Skip);
    expect(normalizer.kind[0x0a]).toBe(CharKind.Skip); // hard-wrapped lines
  });

  it('is length-preserving and idempotent on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => {
        const n = normalizer.normalize(s);
        expect(n.length).toBe(s.length);
        expect(normalizer.normalize(n)).toBe(n);
      }),
    );
  });

  it('rejects a malformed table row with its line', () => {
    expect(() => createNormalizer('# c\n華\t华\ttraditional\nab\tc\ttraditional\n')).toThrow('normalize table line 3');
  });
});
