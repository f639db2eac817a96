import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/build/build-tables.js';
import { editDistance, parseShapeRows, SHAPE_RULE, shapePairs } from '../../src/build/unihan-shape.js';

const rows = [
  ['味', '6509.0', 'RJD', '8'],
  ['昧', '6509.0', 'AJD', '9'],
  ['茶', '4490.4', 'TOD', '9'],
  ['荼', '4490.4', 'TOMD', '10'],
  ['室', '3010.4', 'JMIG', '9'],
  ['宝', '3010.3', 'JMGI', '8'],
  ['二', '1010.0', 'MM', '2'],
  ['三', '1010.1', 'MMM', '3'],
  ['侯', '2723.4', 'ONMK', '9'],
  ['候', '2723.4', 'OLNK', '10'],
  ['俊', '2324.7', 'OICE', '9'],
  ['悛', '9304.7', 'PICE', '10'],
] as const;
const codes = parseShapeRows(rows, new Set(rows.map((r) => r[0])));

describe('unihan:shape rule', () => {
  it('measures Cangjie codes by edit distance, capped', () => {
    expect(editDistance('RJD', 'AJD', 1)).toBe(1);
    expect(editDistance('TOD', 'TOMD', 1)).toBe(1);
    expect(editDistance('JMIG', 'JMGI', 1)).toBe(2);
    expect(editDistance('I', 'XOINO', 1)).toBe(2);
  });

  it('pairs a shared four-corner code with one Cangjie edit (味/昧, 茶/荼), not two (室/宝, 侯/候), nor numerals (二/三)', () => {
    const pairs = shapePairs(codes, new Set(['味', '茶', '室', '二', '侯']));
    expect(pairs.map((p) => p.join(''))).toEqual(['味昧', '茶荼']);
  });

  it('pairs a swapped left part (right corners equal: 俊/悛 2324/9304) only with the pass that is off by default', () => {
    expect(shapePairs(codes, new Set(['俊']))).toEqual([]);
    expect(shapePairs(codes, new Set(['俊']), { ...SHAPE_RULE, leftSwapMinCangjie: 3 })).toEqual([['俊', '悛']]);
  });

  it('needs one character of the pair to be common', () => {
    expect(shapePairs(codes, new Set(['室']))).toEqual([]);
  });

  it('is in the committed table: 味/昧 and 茶/荼 under unihan:shape', () => {
    const table = readFileSync(join(projectRoot(), 'dictionaries', 'derived', 'lookalike-pairs.tsv'), 'utf8');
    expect(table).toContain('味\t昧\tunihan:shape\n');
    expect(table).toContain('茶\t荼\tunihan:shape\n');
  });
});
