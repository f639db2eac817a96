import { describe, expect, it } from 'vitest';
import { jsonl, stylish, WRITERS, type FileResult } from '../../src/cli/formatters/index.js';
import { seedChecker } from '../helpers.js';

describe('stylish and jsonl written input by input (issue 11, problem 4)', () => {
  const checker = seedChecker({ asOf: '2024-01-01' });
  const long = '中华明族，'.repeat(2500);
  const results: FileResult[] = [
    { file: 'a.txt', findings: checker.check(long), text: long },
    { file: 'missing.txt', findings: [], text: '', error: { message: 'cannot read missing.txt: ENOENT', code: 'ENOENT' } },
    { file: 'clean.txt', findings: [], text: '无误。', suppressed: 2 },
  ];

  it.each([
    ['stylish', stylish],
    ['jsonl', jsonl],
  ] as const)('%s: the pieces make the batch output, and a large input comes in several pieces', (name, batch) => {
    const writer = WRITERS[name]!({ color: false });
    const pieces: string[] = [];
    for (const r of results) writer.file(r, (p) => pieces.push(p));
    expect(pieces.join('') + writer.end()).toBe(batch(results, { color: false }));
    expect(pieces.length).toBeGreaterThan(2);
  });

  // The line's end is now looked for only within the shown stretch (it was searched to the end of
  // the line for every finding: quadratic on one long line); what is shown stays the same.
  it('stylish shows a bounded stretch of a long line around each finding', () => {
    const line = `${'这是一段普通的文字。'.repeat(5000)}中华明族${'这是一段普通的文字。'.repeat(5000)}`;
    const out = stylish([{ file: 'one.txt', findings: checker.check(line), text: line }], { color: false });
    const shown = out.split('\n')[2]!;
    expect(shown).toContain('中华明族');
    expect(shown.trim().length).toBeLessThanOrEqual(30 + 4 + 30);
  });
});
