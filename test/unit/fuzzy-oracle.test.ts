import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { seedChecker } from '../helpers.js';
import { alignSide, EditKind, type SideResult } from '../../src/fuzzy/align.js';

const checker = seedChecker();
const key = (s: string): string => checker.normalizer.key(s);

describe('fuzzy findings against a Levenshtein oracle', () => {
  // Random edits of the seed phrases in random surroundings: whatever tifa reports as a fuzzy
  // misspelling is within the documented edit budget of the phrase it names.
  const phrase = fc.constantFrom('中华民族', '脱贫攻坚', '祖国安全', '以习近平同志为核心的党中央');
  const filler = fc.constantFrom('的', '了', '，', '。', '我们', '他说', '\n', ' ');
  const edit = fc.record({ kind: fc.constantFrom('sub', 'del', 'ins', 'swap', 'dup'), at: fc.nat(40), ch: fc.constantFrom('明', '化', '旅', '艰', '功', '鑫', '垚', '袓') });
  it('every fuzzy finding is 1 or 2 Levenshtein edits from its expected phrase', () => {
    fc.assert(
      fc.property(fc.array(filler, { maxLength: 5 }), phrase, edit, fc.array(filler, { maxLength: 5 }), (left, p, e, right) => {
        const i = e.at % p.length;
        const chars = [...p];
        if (e.kind === 'sub') chars[i] = e.ch;
        else if (e.kind === 'del') chars.splice(i, 1);
        else if (e.kind === 'ins') chars.splice(i, 0, e.ch);
        else if (e.kind === 'dup') chars.splice(i, 0, chars[i]!);
        else if (i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
        const text = left.join('') + chars.join('') + right.join('');
        for (const f of checker.check(text)) {
          if (f.rule !== 'misspelling' || ['noise', 'lookalike', 'traditional', 'fullwidth'].includes(f.detail)) continue;
          const d = distance(key(f.actual), f.expected[0]!);
          expect(d).toBeGreaterThanOrEqual(1);
          expect(d).toBeLessThanOrEqual(2);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('alignSide', () => {
  const codes = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));
  const text = (s: string) => Int32Array.from(s, (c) => c.charCodeAt(0));
  const sameOrNone = (a: number, b: number) => (a === '明'.charCodeAt(0) && b === '民'.charCodeAt(0)) || (b === '明'.charCodeAt(0) && a === '民'.charCodeAt(0)) ? 2 : 0;
  const run = (phrase: string, t: string, maxSubs = 1, edit = true, edge = true): SideResult => {
    const out: SideResult = { ok: false, subs: 0, edit: EditKind.None, at: -1, textLength: 0, subKinds: 0 };
    alignSide(codes(phrase), 0, phrase.length, text(t), t.length, maxSubs, edit, edge, sameOrNone, out);
    return out;
  };
  it.each([
    ['民族', '民族x', { ok: true, subs: 0, edit: EditKind.None, textLength: 2 }],
    ['民族', '明族x', { ok: true, subs: 1, edit: EditKind.None, textLength: 2, at: 0 }],
    ['民族', '族x', { ok: true, edit: EditKind.Omission, at: 0, textLength: 1 }],
    ['民族', '民民族', { ok: true, edit: EditKind.Insertion, at: 1, textLength: 3 }],
    ['民族', '族民x', { ok: true, edit: EditKind.Transposition, at: 0, textLength: 2 }],
    ['民族', '人民', { ok: false }],
  ])('%s vs %s', (phrase, t, expected) => {
    expect(run(phrase, t)).toMatchObject(expected);
  });
  it('no omission of the outer edge without edgeOmission', () => {
    expect(run('民族', '民x', 1, true, false).ok).toBe(false);
    expect(run('民族', '民x', 1, true, true)).toMatchObject({ ok: true, edit: EditKind.Omission, at: 1 });
  });
  it('no non-substitution edit when the budget is spent', () => {
    expect(run('民族', '族x', 1, false).ok).toBe(false);
  });
});
