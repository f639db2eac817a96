import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/index.js';
import { MAX_GAP } from '../../src/normalize/index.js';
import { MAX_PHRASE_SPAN, RIGHT_MARGIN } from '../../src/stream/index.js';
import { seedChecker } from '../helpers.js';

const checker = seedChecker({ asOf: '2024-01-01' });
const PHRASES = ['中华民族', '中华明族', '脱贫攻坚', '脱贫攻艰', '以习近平同志为核心的党中央', '袓国安全'];
const BLANK = fc.constantFrom(' ', '\n', '\r\n', '\u3000', '\t', '\u200b');

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

describe('blanks inside a phrase (issue 11, problem 5)', () => {
  it(`a phrase spans at most ${MAX_GAP} skipped code units per gap`, () => {
    expect(checker.check(`中${' '.repeat(MAX_GAP)}华明族`)).toMatchObject([{ start: 0, end: MAX_GAP + 4, expected: ['中华民族'] }]);
    expect(checker.check('脱贫\r\n  攻艰')).toMatchObject([{ actual: '脱贫\r\n  攻艰' }]);
    expect(checker.check(`中${' '.repeat(MAX_GAP + 1)}华明族`)).toEqual([]);
    expect(checker.check(`脱贫${'\n'.repeat(MAX_GAP + 1)}攻艰`)).toEqual([]);
  });

  // Before: this was one finding 5,000,004 code units long.
  it('a phrase never spans a paragraph of blanks: 中 + 5,000,000 line breaks + 华明族', async () => {
    const text = `中${'\n'.repeat(5_000_000)}华明族`;
    expect(checker.check(text)).toEqual([]);
    expect(await collect(checker.checkStream(chunked(text, [65_536])))).toEqual([]);
  });

  it('a window holds the longest phrase its blanks may spread, with its context', () => {
    expect(MAX_PHRASE_SPAN).toBe(200 + 199 * MAX_GAP);
    expect(RIGHT_MARGIN).toBeGreaterThanOrEqual(MAX_PHRASE_SPAN + 500); // sentence context rules look 500 code units on
  });

  // Before: a gap crossing the windows' overlap lost a finding that check reported.
  it('checkStream equals check whatever the gaps and the chunking', async () => {
    const gapped = fc
      .tuple(fc.constantFrom(...PHRASES), fc.array(fc.tuple(fc.nat(), fc.array(BLANK, { maxLength: 6 }), fc.nat(3000)), { maxLength: 3 }))
      .map(([phrase, gaps]) => {
        // Blanks inside the phrase: short runs mostly, sometimes thousands of line breaks.
        const parts = [...phrase];
        for (const [at, blanks, long] of gaps) {
          const i = 1 + (at % (parts.length - 1));
          parts[i] = (long > 2500 ? '\n'.repeat(long) : blanks.join('')) + parts[i];
        }
        return parts.join('');
      });
    const filler = fc.constantFrom('会议强调，', '要坚持稳中求进，', '。', '\n', '全省上下', ' ');
    const text = fc.array(fc.oneof({ weight: 2, arbitrary: gapped }, { weight: 3, arbitrary: filler }), { minLength: 1, maxLength: 200 }).map((p) => p.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 4000 }), async (t, sizes, windowSize) => {
        const whole = checker.check(t);
        const streamed = await collect(checker.checkStream(chunked(t, sizes), { windowSize }));
        expect(streamed).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
