import { describe, expect, it } from 'vitest';
import {
  NormalizeClass,
  normalizeClassName,
  parseNormalize,
  parseNormalizeClasses,
  parseNormalizeTable,
} from '../../src/confusion/index.js';
import { derived } from './tables.js';

const tsv = derived('normalize.tsv');
const map = parseNormalizeTable(tsv);
const classes = parseNormalizeClasses(tsv);
const to = (c: string): string => String.fromCharCode(map[c.charCodeAt(0)]!);
const cls = (c: string) => normalizeClassName(classes[c.charCodeAt(0)]!);

describe('normalize table', () => {
  it('has 65536 entries, identity where unmapped', () => {
    expect(map.length).toBe(65536);
    expect(classes.length).toBe(65536);
    expect(to('A')).toBe('A');
    expect(to('人')).toBe('人');
    expect(cls('人')).toBeNull();
  });

  it.each([
    ['⼈', '人', 'kangxi'], // U+2F08
    ['⽂', '文', 'kangxi'], // U+2F42
    ['⾒', '见', 'kangxi'], // U+2F92 -> 見 -> 见 (resolved)
    ['⺠', '民', 'radical'], // U+2EA0
    ['⻔', '门', 'radical'],
    ['⺟', '母', 'radical'], // U+2E9F
    ['⻳', '龟', 'radical'], // U+2EF3
    ['國', '国', 'traditional'],
    ['華', '华', 'traditional'],
    ['團', '团', 'traditional'],
    ['\uF967', '不', 'compat'],
    ['\uF900', '岂', 'compat'], // 豈 -> 豈 -> 岂 (resolved)
    ['㇐', '一', 'stroke'],
  ])('%s -> %s (%s)', (from, target, className) => {
    expect(to(from)).toBe(target);
    expect(cls(from)).toBe(className);
  });

  it('leaves valid simplified characters alone', () => {
    for (const c of '著乾覆於餘干余复着后里面发') {
      expect(to(c)).toBe(c);
      expect(classes[c.charCodeAt(0)]).toBe(NormalizeClass.none);
    }
  });

  it('leaves the 12 unified ideographs of the compatibility block alone', () => {
    for (const c of [0xfa0e, 0xfa0f, 0xfa11, 0xfa13, 0xfa14, 0xfa1f, 0xfa21, 0xfa23, 0xfa24, 0xfa27, 0xfa28, 0xfa29]) {
      expect(map[c]).toBe(c);
    }
  });

  it('covers all 214 Kangxi radicals', () => {
    for (let c = 0x2f00; c <= 0x2fd5; c++) expect(classes[c]).toBe(NormalizeClass.kangxi);
  });

  it('is idempotent: no target is itself mapped', () => {
    const bad: string[] = [];
    for (let c = 0; c < 65536; c++) {
      const t = map[c]!;
      if (map[t] !== t) bad.push(`${c.toString(16)} -> ${t.toString(16)} -> ${map[t]!.toString(16)}`);
      if ((t !== c) !== (classes[c] !== NormalizeClass.none)) bad.push(`${c.toString(16)}: class/map disagree`);
    }
    expect(bad).toEqual([]);
  });

  it('never maps to or from a surrogate', () => {
    const bad: number[] = [];
    for (let c = 0; c < 65536; c++) {
      const t = map[c]!;
      if (t !== c && ((c >= 0xd800 && c <= 0xdfff) || (t >= 0xd800 && t <= 0xdfff))) bad.push(c);
    }
    expect(bad).toEqual([]);
  });

  it('parseNormalize gives both arrays at once', () => {
    const both = parseNormalize(tsv);
    expect(both.map).toEqual(map);
    expect(both.classes).toEqual(classes);
  });

  it('rejects malformed rows and tolerates CRLF', () => {
    expect(() => parseNormalizeTable('國\t国\tbogus\n')).toThrow(/line 1/);
    expect(() => parseNormalizeTable('# c\n國國\t国\ttraditional\n')).toThrow(/line 2/);
    expect(parseNormalizeTable('國\t国\ttraditional\r\n')[0x570b]).toBe(0x56fd);
  });
});
