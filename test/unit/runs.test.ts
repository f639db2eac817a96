import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/index.js';
import { seedChecker } from '../helpers.js';

const checker = seedChecker({ asOf: '2024-01-01' });

async function collect(it: AsyncIterable<Finding>): Promise<Finding[]> {
  const out: Finding[] = [];
  for await (const f of it) out.push(f);
  return out;
}

function* chunked(text: string, sizes: readonly number[]): Generator<string> {
  for (let i = 0, k = 0; i < text.length; k++) {
    const n = sizes[k % sizes.length]!;
    yield text.slice(i, i + n);
    i += n;
  }
}

describe('runs of the same error are one finding with a count (issue 11, problem 4)', () => {
  it('look-alike code points one after another', () => {
    const [run, single] = checker.check('⼀⼀⼆好⼀');
    expect(run).toMatchObject({ rule: 'lookalike-char', start: 0, end: 3, actual: '⼀⼀⼆', expected: ['一一二'], count: 3, entry: 'lookalike-u2f00' });
    expect(run!.message).toContain('连续3处');
    expect(single).toMatchObject({ start: 4, end: 5, actual: '⼀', expected: ['一'] });
    expect(single!.count).toBeUndefined();
  });

  it('a phrase finding takes its look-alike code points and cuts a run', () => {
    const findings = checker.check('⼀中华⺠族⼀');
    expect(findings.map((f) => [f.rule, f.actual, f.count])).toEqual([
      ['lookalike-char', '⼀', undefined],
      ['misspelling', '中华⺠族', undefined],
      ['lookalike-char', '⼀', undefined],
    ]);
  });

  it('the same wrong text written back to back; the expected form fixes the whole run', () => {
    const findings = checker.check('中华明族中华明族中华明族，中华明族');
    expect(findings).toMatchObject([
      { rule: 'misspelling', start: 0, end: 12, actual: '中华明族中华明族中华明族', expected: ['中华民族中华民族中华民族'], count: 3 },
      { rule: 'misspelling', start: 13, end: 17, actual: '中华明族', expected: ['中华民族'] },
    ]);
    expect(findings[1]!.count).toBeUndefined();
  });

  // Before: one finding per code point; 30 MB of them ran out of memory at 4.5 GB.
  it('2,000,000 look-alike code points are one finding', () => {
    const findings = checker.check('\u2f00'.repeat(2_000_000));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ start: 0, end: 2_000_000, count: 2_000_000 });
  });

  it('checkStream joins runs that cross its windows: it equals check', async () => {
    const piece = fc.oneof(
      fc.integer({ min: 1, max: 6000 }).map((n) => '⼀⼁'.repeat(n).slice(0, n)),
      fc.integer({ min: 1, max: 300 }).map((n) => "中华明族".repeat(n)),
      fc.constantFrom('会议强调，', '。', '\n', '中华民族', '⺠', '中华⺠族'),
    );
    const text = fc.array(piece, { minLength: 1, maxLength: 12 }).map((p) => p.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.integer({ min: 1, max: 7000 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 300, max: 3000 }), async (t, sizes, windowSize) => {
        expect(await collect(checker.checkStream(chunked(t, sizes), { windowSize }))).toEqual(checker.check(t));
      }),
      { numRuns: 10, reporter: (r) => { if (r.failed) throw new Error(`counterexample (lengths): ${JSON.stringify(r.counterexample?.map((x) => (typeof x === "string" ? x.length : x)))} ${String(r.errorInstance).slice(0, 600)}`); } },
    );
  }, 300_000);
});
