import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createChecker } from '../../src/index.js';
import { checkRange, mergeRanges, planRanges } from '../../src/pool/ranges.js';

const checker = createChecker({ asOf: '2025-01-01' });
const check = (t: string) => checker.check(t);

/** Filler clauses, listed phrases, seeded errors, people with titles, and runs long enough to cross a range border. */
function corpusLike() {
  const phrases = checker.entries.flatMap((e) => [e.text, ...e.variants]).filter((p) => p.length > 0).slice(0, 400);
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('会议强调，', '要坚持稳中求进工作总基调，', '推动各项工作取得新成效。', '全省上下', '各地区各部门', '（记者 张三）', '國家', '⼈民', '2019年', '。', '\u3000', '😀', '𠀀') },
    { weight: 3, arbitrary: fc.constantFrom(...phrases) },
    {
      weight: 3,
      arbitrary: fc.tuple(fc.constantFrom(...phrases), fc.nat(), fc.constantFrom(0, 1, 2, 3), fc.constantFrom(...'明民名簇攻功坚艰国囯')).map(([p, n, op, ch]) => {
        const i = n % p.length;
        if (op === 0) return p.slice(0, i) + p.slice(i + 1);
        if (op === 1) return p.slice(0, i + 1) + p[i] + p.slice(i + 1);
        if (op === 2 && i + 1 < p.length) return p.slice(0, i) + p[i + 1] + p[i] + p.slice(i + 2);
        return p.slice(0, i) + ch + p.slice(i + 1);
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom('国务院总理李强', '国务院总理李克强', '李强总理', '习近乎同志', '赵乐际、王沪宁、蔡奇') },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('中华明族', '⼀', '脱贫攻艰', '⼈⺠'), fc.integer({ min: 1, max: 900 })).map(([s, n]) => s.repeat(n)) },
    { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\n\n') },
  );
  return fc.array(piece, { minLength: 100, maxLength: 1500 }).map((parts) => parts.join(''));
}

const merged = (text: string, count: number) => mergeRanges(planRanges(text, count).map((range) => ({ range, findings: checkRange(check, text, range) })));

describe('a text cut into ranges, checked range by range and merged', () => {
  it('gives the findings of check on the whole text (offsets, lines, columns, runs across borders), for any number of ranges', () => {
    fc.assert(
      fc.property(corpusLike(), fc.integer({ min: 1, max: 9 }), (text, count) => {
        expect(merged(text, count)).toEqual(check(text));
      }),
      { numRuns: 30 },
    );
  }, 240_000);

  it('joins a run that crosses every border into one finding', () => {
    const text = `开头\n${'中华明族'.repeat(20_000)}\n结尾⼀⼀⼀`;
    const whole = check(text);
    expect(merged(text, 5)).toEqual(whole);
    expect(whole[0]).toMatchObject({ start: 3, end: 3 + 80_000, count: 20_000, line: 2, column: 1 });
  });

  it('plans ranges that cover the text once, cut nowhere inside a surrogate pair or a \\r\\n', () => {
    const text = '𠀀\r\n'.repeat(3000);
    const ranges = planRanges(text, 7);
    expect(ranges[0]!.emitFrom).toBe(0);
    expect(ranges[6]!.cut).toBe(Infinity);
    for (let k = 1; k < 7; k++) {
      const at = ranges[k]!.emitFrom;
      expect(at).toBe(ranges[k - 1]!.cut);
      expect(text.charCodeAt(at - 1) === 0xd840 || (text[at - 1] === '\r' && text[at] === '\n')).toBe(false);
      expect(ranges[k]!.start).toBeLessThanOrEqual(at);
    }
    expect(planRanges('', 3).map((r) => r.emitFrom)).toEqual([0, 0, 0]);
    expect(() => planRanges('x', 0)).toThrow(RangeError);
  });
});
