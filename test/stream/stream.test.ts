import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { createChecker, type Finding } from '../../src/index.js';
import { LEFT_CONTEXT, RIGHT_MARGIN } from '../../src/stream/index.js';

const checker = createChecker({ asOf: '2025-01-01' });

/** Our own filler: government-style clauses with no lexicon phrase of their own. */
const FILLER = [
  '会议强调，', '要坚持稳中求进工作总基调，', '推动各项工作取得新成效。', '据介绍，今年以来', '全省上下', '认真落实',
  '各地区各部门', '持续深化改革', '加快建设', '努力实现', '（记者 张三）', '第1季度增长5.2%', '“十四五”时期',
  '１２３ＡＢＣ', '國家', '⼈民', '1948年', '2019年', '；', '！', '？', '。', ' ', '\u3000', '😀', '𠀀', '·',
];

function corpusLike(entries: readonly { kind: string; text: string; variants: readonly string[]; replacement: readonly string[] }[]) {
  const phrases = entries.flatMap((e) => [e.text, ...e.variants, ...e.replacement]).filter((p) => p.length > 0);
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...FILLER) },
    { weight: 3, arbitrary: fc.constantFrom(...phrases) },
    // seeded errors: a phrase with one character dropped, doubled, swapped or replaced
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
    { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\n\n') },
  );
  return fc.array(piece, { minLength: 200, maxLength: 1500 }).map((parts) => parts.join(''));
}

async function collect(it: AsyncIterable<Finding>): Promise<Finding[]> {
  const out: Finding[] = [];
  for await (const f of it) out.push(f);
  return out;
}

/** Cuts a string (or its UTF-8 bytes) into chunks of the given sizes, cycling. */
function chunks(text: string, sizes: readonly number[], bytes: boolean): Array<string | Uint8Array> {
  const whole: string | Uint8Array = bytes ? Buffer.from(text, 'utf8') : text;
  const out: Array<string | Uint8Array> = [];
  for (let i = 0, k = 0; i < whole.length; k++) {
    const n = sizes[k % sizes.length]!;
    out.push(whole.slice(i, i + n));
    i += n;
  }
  return out;
}

describe('checkStream', () => {
  it('equals check on the whole text, for random chunkings and window sizes (corpus-like text with seeded errors)', async () => {
    await fc.assert(
      fc.asyncProperty(
        corpusLike(checker.entries),
        fc.array(fc.integer({ min: 1, max: 4000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.boolean(),
        async (text, sizes, windowSize, bytes) => {
          const expected = checker.check(text);
          const got = await collect(checker.checkStream(chunks(text, sizes, bytes), { windowSize }));
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 40, seed: 20250601 },
    );
  });

  it('equals check on one long line with no line breaks (cuts fall back to sentence ends)', async () => {
    await fc.assert(
      fc.asyncProperty(corpusLike(checker.entries), fc.integer({ min: 200, max: 2000 }), async (text, windowSize) => {
        const oneLine = text.replace(/[\r\n]/g, '');
        const expected = checker.check(oneLine);
        expect(await collect(checker.checkStream([oneLine], { windowSize }))).toEqual(expected);
      }),
      { numRuns: 15, seed: 7 },
    );
  });

  const examples: Array<[name: string, text: string]> = [
    ['a finding right at a window seam', '甲'.repeat(3000) + '中华明族' + '乙'.repeat(3000)],
    ['a \\r\\n at the cut', ('中华民族伟大复兴\r\n' + '丙'.repeat(990)).repeat(8) + '中华明族'],
    ['surrogate pairs around the cut', ('😀'.repeat(700) + '脱贫攻艰').repeat(6)],
    ['lines of many lengths', Array.from({ length: 400 }, (_, i) => '丁'.repeat(i % 37) + (i % 5 === 0 ? '中华明族' : '')).join('\n')],
  ];
  it.each(examples)('%s', async (_name, text) => {
    const expected = checker.check(text);
    expect(expected.length).toBeGreaterThan(0);
    for (const windowSize of [1, 97, 1000, 4096]) {
      expect(await collect(checker.checkStream(chunks(text, [1, 13, 4096], false), { windowSize }))).toEqual(expected);
    }
  });

  it('reads a Node Readable of bytes split inside a UTF-8 sequence; offsets, lines and columns are absolute', async () => {
    const text = `${'第一行\n'.repeat(2000)}前文中华明族后文\r\n${'戊'.repeat(5000)}脱贫攻艰`;
    const bytes = Buffer.from(text, 'utf8');
    const parts = [bytes.subarray(0, 1), bytes.subarray(1, 5), bytes.subarray(5, 7001), bytes.subarray(7001)];
    const got = await collect(checker.checkStream(Readable.from(parts), { windowSize: 2000 }));
    expect(got).toEqual(checker.check(text));
    for (const f of got) expect(text.slice(f.start, f.end)).toBe(f.actual);
    expect(got.map((f) => [f.line, f.column])).toEqual([
      [2001, 3],
      [2002, 5001],
    ]);
  });

  it('keeps a BOM as U+FEFF, like readFile(path, "utf8")', async () => {
    const text = '\ufeff中华明族';
    const got = await collect(checker.checkStream([Buffer.from(text, 'utf8')]));
    expect(got).toEqual(checker.check(text));
    expect(got[0]!.start).toBe(1);
  });

  it('handles empty and text-only streams, and rejects a non-iterable source', async () => {
    expect(await collect(checker.checkStream([]))).toEqual([]);
    expect(await collect(checker.checkStream(Readable.from([''])))).toEqual([]);
    await expect(collect(checker.checkStream(42 as never))).rejects.toThrow(TypeError);
    await expect(collect(checker.checkStream('text' as never))).rejects.toThrow(TypeError);
    await expect(collect(checker.checkStream([1 as never]))).rejects.toThrow(TypeError);
    await expect(collect(checker.checkStream([], { windowSize: 0 }))).rejects.toThrow(RangeError);
  });

  it('documents its margins', () => {
    expect(LEFT_CONTEXT).toBeGreaterThanOrEqual(500 + 200 + 64);
    expect(RIGHT_MARGIN).toBeGreaterThanOrEqual(200 + 501 + 8);
  });
});
