import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildAutomaton } from '../../src/match/automaton.js';

/** Every (pattern, end) occurrence, found by the automaton. */
function viaAutomaton(patterns: string[], text: string): string[] {
  const a = buildAutomaton(patterns);
  const out: string[] = [];
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const cls = a.classOf[text.charCodeAt(i)]!;
    state = cls === 0 ? 0 : a.step(state, cls);
    for (let s = state; s >= 0; s = a.outLink[s]!) {
      for (let o = a.outStart[s]!; o < a.outStart[s + 1]!; o++) out.push(`${a.outIds[o]}@${i + 1 - a.patternLength[a.outIds[o]!]!}`);
    }
  }
  return out.sort();
}

/** The naive oracle: indexOf at every position. */
function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, id) => {
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) out.push(`${id}@${i}`);
  });
  return out.sort();
}

describe('Aho-Corasick automaton', () => {
  it.each([
    [['中华民族', '民族', '中华', '华民'], '实现中华民族伟大复兴'],
    [['he', 'she', 'his', 'hers'], 'ushers'],
    [['a', 'aa', 'aaa'], 'aaaa'],
    [['𠀀', '𠀀𠀁'], 'x𠀀𠀁𠀀'],
    [['党中央', '以习近平同志为核心的党中央'], '以习近平同志为核心的党中央'],
  ])('%j in %s matches the oracle', (patterns, text) => {
    expect(viaAutomaton(patterns, text)).toEqual(naive(patterns, text));
  });

  it('matches the naive oracle on random patterns and texts', () => {
    const alphabet = fc.constantFrom('中', '华', '民', '族', 'a', 'b', '\ud840', '\udc00');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 6 }).map((x) => x.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.array(alphabet, { maxLength: 80 }).map((x) => x.join('')), (patterns, text) => {
        expect(viaAutomaton(patterns, text)).toEqual(naive(patterns, text));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects an empty pattern with its index', () => {
    expect(() => buildAutomaton(['a', ''])).toThrow('patterns[1] must not be empty');
  });

  it('handles many patterns with wide fan-out (bisection path)', () => {
    const patterns = Array.from({ length: 500 }, (_, i) => `中${String.fromCharCode(0x4e00 + i)}`);
    const text = patterns.join('') + '中';
    expect(viaAutomaton(patterns, text)).toEqual(naive(patterns, text));
  });
});
