import { describe, expect, it } from 'vitest';
import { longFunctions } from '../../bench/function-lengths.js';

describe('function lengths', () => {
  it('no function in src/ is longer than 80 lines', () => {
    const long = longFunctions(80, ['src']);
    expect(long).toEqual([]);
  }, 60_000);
});
