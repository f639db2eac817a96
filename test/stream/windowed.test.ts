import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/index.js';
import { CHECK_WINDOW, LEFT_SEARCH, RIGHT_MARGIN, windowed } from '../../src/stream/index.js';
import { seedChecker } from '../helpers.js';

async function collect(it: AsyncIterable<Finding>): Promise<Finding[]> {
  const out: Finding[] = [];
  for await (const f of it) out.push(f);
  return out;
}

describe('check on a large text works window by window (issue 11, problem 4)', () => {
  const checker = seedChecker({ asOf: '2024-01-01' });
  const paragraph = '会议强调，要铸牢中华明族共同体意识，巩固脱贫攻艰成果。⼈⺠群众⼀致拥护。\n中华明族中华明族中华明族。袓国安全。\n';
  const text = paragraph.repeat(Math.ceil((3 * CHECK_WINDOW) / paragraph.length));

  it('a text over two windows is checked in windows of about CHECK_WINDOW code units', () => {
    const seen: number[] = [];
    const findings = windowed((t) => (seen.push(t.length), checker.check(t)))(text);
    expect(seen.length).toBeGreaterThan(2);
    for (const n of seen) expect(n).toBeLessThanOrEqual(CHECK_WINDOW + RIGHT_MARGIN + LEFT_SEARCH);
    expect(findings.length).toBeGreaterThan(1000);
    expect(windowed((t) => (seen.push(t.length), checker.check(t)))('中华明族')).toHaveLength(1);
  });

  it('and gives what checkStream gives with other cuts', async () => {
    const chunks = function* (): Generator<string> {
      for (let i = 0; i < text.length; i += 7777) yield text.slice(i, i + 7777);
    };
    expect(checker.check(text)).toEqual(await collect(checker.checkStream(chunks(), { windowSize: 100_003 })));
  }, 300_000);
});
