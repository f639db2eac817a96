import { describe, expect, it } from 'vitest';
import { buildPairLists, findPairList } from '../../src/match/pair-set.js';

describe('buildPairLists', () => {
  it('maps each (group, key) pair to its values, in the order given, and misses pairs never added', () => {
    const triples: Array<[number, number, number]> = [];
    for (let g = 0; g < 300; g++) for (let k = -1; k < 5; k++) for (let v = 0; v < (g + k + 2) % 4; v++) triples.push([g, k * 70000 + g, v * 3 + g]);
    const lists = buildPairLists(Int32Array.from(triples, (t) => t[0]), Int32Array.from(triples, (t) => t[1]), Int32Array.from(triples, (t) => t[2]), triples.length);
    const expected = new Map<string, number[]>();
    for (const [g, k, v] of triples) expected.set(`${g},${k}`, [...(expected.get(`${g},${k}`) ?? []), v]);
    for (const [key, values] of expected) {
      const [g, k] = key.split(',').map(Number) as [number, number];
      const l = findPairList(lists, g, k);
      expect(l).toBeGreaterThanOrEqual(0);
      expect(Array.from(lists.values.subarray(lists.listStart[l]!, lists.listStart[l + 1]!))).toEqual(values);
    }
    expect(findPairList(lists, 7, 123456)).toBe(-1);
    expect(findPairList(lists, 300, 0)).toBe(-1);
  });

  it('holds an empty set', () => {
    const lists = buildPairLists(new Int32Array(0), new Int32Array(0), new Int32Array(0), 0);
    expect(findPairList(lists, 0, 0)).toBe(-1);
  });
});
