import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createChecker, fix, type Finding } from '../../src/index.js';
import { seedChecker } from '../helpers.js';

const builtin = createChecker({ asOf: '2024-01-01' });
const seed = seedChecker({ asOf: '2024-01-01' });

function finding(over: Partial<Finding> & Pick<Finding, 'start' | 'end' | 'actual'>): Finding {
  return { rule: 'misspelling', severity: 'error', line: 1, column: over.start + 1, expected: ['X'], message: 'm', entry: 'e', detail: 'listed', confidence: 1, ...over };
}

describe('fix()', () => {
  it('writes the one expected form of each finding, offsets of the fixed text reported', () => {
    const text = '坚决打赢脱贫攻艰战。中化民族伟大复兴，中 华民族，中华族';
    const result = fix(text, builtin.check(text));
    expect(result.text).toBe('坚决打赢脱贫攻坚战。中华民族伟大复兴，中华民族，中华民族');
    expect(result.skipped).toEqual([]);
    expect(result.applied.map((a) => result.text.slice(a.start, a.end))).toEqual(result.applied.map((a) => a.replacement));
    expect(builtin.check(result.text)).toEqual([]);
  });

  it('leaves spans with tags or entities, and replacements that would be markup, in HTML', () => {
    const html = '<p>脱贫<b>攻</b>艰战，中化民族 <a title="中化民族">x</a></p>';
    const result = fix(html, builtin.checkHtml(html));
    expect(result.text).toBe('<p>脱贫<b>攻</b>艰战，中华民族 <a title="中华民族">x</a></p>');
    expect(result.skipped.map((s) => [s.finding.actual, s.reason])).toEqual([['脱贫<b>攻</b>艰战', 'markup']]);
    const markup = finding({ start: 0, end: 2, actual: 'ab', text: 'ab', expected: ['a&b'] });
    expect(fix('ab', [markup]).skipped[0]!.reason).toBe('markup');
    expect(fix('ab', [{ ...markup, text: undefined } as unknown as Finding]).text).toBe('a&b');
  });

  it('skips findings without exactly one expected form, stale ones and no-ops', () => {
    const text = 'abcdef';
    const result = fix(text, [
      finding({ start: 0, end: 1, actual: 'a', expected: [] }),
      finding({ start: 1, end: 2, actual: 'b', expected: ['B', 'β'] }),
      finding({ start: 2, end: 3, actual: 'x' }),
      finding({ start: 5, end: 9, actual: 'f' }),
      finding({ start: 3, end: 4, actual: 'd', expected: ['d'] }),
    ]);
    expect(result.text).toBe(text);
    expect(result.applied).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual(['no-single-expected', 'no-single-expected', 'stale', 'stale', 'unchanged']);
  });

  it('applies no two overlapping findings (the more confident, then the longer, wins at one position)', () => {
    const text = 'abcdefgh';
    const result = fix(text, [
      finding({ start: 1, end: 4, actual: 'bcd', expected: ['1'] }),
      finding({ start: 2, end: 5, actual: 'cde', expected: ['2'] }),
      finding({ start: 5, end: 6, actual: 'f', expected: ['3'], confidence: 0.5 }),
      finding({ start: 5, end: 7, actual: 'fg', expected: ['4'], confidence: 0.9 }),
      finding({ start: 7, end: 8, actual: 'h', expected: ['HH'] }),
    ]);
    expect(result.text).toBe('a1e4HH');
    expect(result.skipped.map((s) => [s.finding.expected[0], s.reason])).toEqual([['2', 'overlap'], ['3', 'overlap']]);
    expect(result.applied.map((a) => [a.start, a.end])).toEqual([[1, 2], [3, 4], [4, 6]]);
  });

  it('asks accept() last', () => {
    const f = finding({ start: 0, end: 1, actual: 'a', expected: ['华'] });
    const result = fix('ab', [f], { accept: (_f, replacement) => replacement !== '华' });
    expect(result).toEqual({ text: 'ab', applied: [], skipped: [{ finding: f, reason: 'rejected' }] });
  });
});

// Pieces that make findings likely (and overlapping ones), with markup for the HTML case.
const piece = fc.constantFrom(
  '中华', '民族', '明', '华', '族', '中化民族', '中 华民族', '中华民民族', '脱贫', '攻坚', '艰', '攻艰战', '功', '袓国', '以习近平',
  '总书记', '同志', '为核心的党中央', '各', '中華', '⺠', '⼈', ' ', '\u3000', '\u200b', '\n', '。', '，', '𠀀', 'Ａ', '1949年',
  '\ud800', '<b>', '</b>', '&nbsp;', '<!-- x -->',
);
const pieces = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));

function fixLaws(text: string, findings: Finding[], recheck: (t: string) => Finding[]): void {
  const result = fix(text, findings);
  // Outside the applied spans the text is unchanged, piece by piece.
  let from = 0;
  let fixedFrom = 0;
  for (const a of result.applied) {
    expect(result.text.slice(fixedFrom, a.start)).toBe(text.slice(from, a.finding.start));
    expect(result.text.slice(a.start, a.end)).toBe(a.replacement);
    from = a.finding.end;
    fixedFrom = a.end;
  }
  expect(result.text.slice(fixedFrom)).toBe(text.slice(from));
  expect(result.applied.length + result.skipped.length).toBe(findings.length);
  // No applied span is reported again by the same entry. A finding that reaches past the span is
  // about text the fix did not touch (中华民民族族: fixing the doubled 民 leaves the doubled 族 at the
  // phrase's edge, which the first reading had taken into its span).
  const again = recheck(result.text);
  for (const a of result.applied) {
    const same = again.filter((f) => f.entry === a.finding.entry && f.start >= a.start && f.end <= a.end);
    expect(same, `${JSON.stringify(text)}: ${a.finding.entry} at ${a.start}`).toEqual([]);
  }
}

describe('fix() laws', () => {
  it('text: outside spans unchanged, applied fixes not reported again (built-in and seed lexicons)', () => {
    fc.assert(
      fc.property(pieces, (text) => {
        fixLaws(text, builtin.check(text), (t) => builtin.check(t));
        fixLaws(text, seed.check(text), (t) => seed.check(t));
      }),
      { numRuns: 400 },
    );
  });

  it('HTML: the same laws on the raw source', () => {
    fc.assert(
      fc.property(pieces, (body) => {
        const html = `<p>${body}</p>`;
        fixLaws(html, builtin.checkHtml(html), (t) => builtin.checkHtml(t));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on findings that do not belong to the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.array(fc.record({ start: fc.integer({ min: -3, max: 40 }), len: fc.integer({ min: -2, max: 6 }), exp: fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }) })), (text, raw) => {
        const findings = raw.map((r) => finding({ start: r.start, end: r.start + r.len, actual: text.slice(Math.max(0, r.start), r.start + r.len), expected: r.exp }));
        const result = fix(text, findings);
        expect(result.applied.length + result.skipped.length).toBe(findings.length);
      }),
    );
  });
});
