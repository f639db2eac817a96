import { describe, expect, it } from 'vitest';
import { longFunctions } from '../../bench/function-lengths.js';

describe('function lengths', () => {
  it('no function in src/ is longer than 80 lines (npx tsx bench/function-lengths.ts lists them)', () => {
    expect(longFunctions(80, ['src'])).toEqual([]);
  }, 60_000);
});
