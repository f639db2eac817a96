import { describe, expect, it } from 'vitest';
import { seedChecker } from '../helpers.js';

describe('a text full of errors (issue 11, problems 4 and 6)', () => {
  // Before: the fuzzy drafts were spread into push(): "Maximum call stack size exceeded" from about
  // 120,000 misspellings in one text.
  it('200,000 separate misspellings are 200,000 findings, no stack overflow', () => {
    const checker = seedChecker({ asOf: '2024-01-01', segmenter: 'none' });
    const findings = checker.check('中华明族，'.repeat(200_000));
    expect(findings).toHaveLength(200_000);
    expect(findings[199_999]).toMatchObject({ start: 999_995, end: 999_999, actual: '中华明族', expected: ['中华民族'] });
  }, 300_000);
});
