import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createConfusion, mergeSyllable } from '../../src/confusion/index.js';
import { derived } from './tables.js';

const tables = { pinyinTsv: derived('pinyin.tsv'), lookalikeTsv: derived('lookalike-pairs.tsv') };
const confusion = createConfusion(tables);
const k = (expected: string, actual: string) => confusion.kind(expected.charCodeAt(0), actual.charCodeAt(0));

/** Characters that have a reading or a look-alike partner, plus a few without either. */
const pool: number[] = (() => {
  const set = new Set<number>();
  for (const line of (tables.pinyinTsv + tables.lookalikeTsv).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    set.add(line.charCodeAt(0));
    if (line.charCodeAt(1) === 9 && line.charCodeAt(3) === 9) set.add(line.charCodeAt(2));
  }
  for (const c of 'aZ1，。 ') set.add(c.charCodeAt(0));
  return [...set].sort((p, q) => p - q);
})();

describe('confusion.kind on 中华民族 and friends', () => {
  it.each([
    ['民', '明', 'near-homophone'],
    ['华', '化', 'homophone'],
    ['族', '旅', 'lookalike'],
    ['祖', '袓', 'lookalike'],
    ['坚', '艰', 'homophone'],
    ['攻', '功', 'homophone'],
    ['平', '乎', 'lookalike'],
    ['习', '刁', 'lookalike'],
    ['拔', '拨', 'lookalike'],
    ['已', '己', 'lookalike'],
    ['戍', '戊', 'lookalike'],
    ['未', '末', 'lookalike'],
    ['治', '冶', 'lookalike'],
    ['汩', '汨', 'lookalike'],
    ['味', '昧', 'shape'], // unihan:shape: four-corner 6509, Cangjie RJD/AJD, 8/9 strokes
    ['茶', '荼', 'shape'], // 4490, TOD/TOMD
    ['室', '宝', 'lookalike'], // curated wins over unihan:shape
    ['候', '侯', 'homophone'], // hou/hou: homophone wins over the listed look-alike pair
    ['近', '进', 'homophone'],
    ['南', '兰', 'near-homophone'], // l/n and an
    ['湖', '福', 'near-homophone'], // f/h
    ['战', '赞', 'near-homophone'], // z/zh
    ['城', '层', 'near-homophone'], // c/ch + eng/en? ceng/cheng
    ['山', '三', 'near-homophone'], // s/sh
    ['心', '星', 'near-homophone'], // in/ing
    ['根', '耕', 'near-homophone'], // en/eng
  ] as const)('%s / %s -> %s', (expected, actual, kind) => {
    expect(k(expected, actual)).toBe(kind);
  });

  it('returns null for unrelated, equal or out-of-range code units', () => {
    expect(k('民', '国')).toBeNull();
    expect(k('中', '华')).toBeNull();
    expect(k('民', '民')).toBeNull();
    expect(confusion.kind(-1, 0x6c11)).toBeNull();
    expect(confusion.kind(0x10000, 0x6c11)).toBeNull();
    expect(confusion.kind(0x6c11, 0x1f600)).toBeNull();
    expect(k('a', 'b')).toBeNull();
  });

  it('is symmetric', () => {
    const code = fc.constantFrom(...pool);
    fc.assert(
      fc.property(code, code, (a, b) => confusion.kind(a, b) === confusion.kind(b, a)),
      { numRuns: 20000 },
    );
  });

  it('candidates() lists exactly the code units kind() accepts', () => {
    const code = fc.constantFrom(...pool);
    fc.assert(
      fc.property(code, code, (a, b) => {
        const listed = confusion.candidates(a).includes(b);
        return listed === (a !== b && confusion.kind(a, b) !== null);
      }),
      { numRuns: 5000 },
    );
  });

  it('candidates() is cached, sorted and excludes the character itself', () => {
    const c = '族'.charCodeAt(0);
    const list = confusion.candidates(c);
    expect(list).toBe(confusion.candidates(c));
    expect(list).toContain('旅'.charCodeAt(0));
    expect(list).toContain('足'.charCodeAt(0)); // zu: homophone
    expect(list).not.toContain(c);
    expect([...list].sort((p, q) => p - q)).toEqual(list);
    expect(confusion.candidates(0x41)).toEqual([]);
  });

  it('readings() returns the table readings', () => {
    expect([...confusion.readings('长'.charCodeAt(0))].sort()).toEqual(['chang', 'zhang']);
    expect(confusion.readings(0x41)).toEqual([]);
  });
});

describe('mergeSyllable', () => {
  it.each([
    ['zhang', 'zan'],
    ['zang', 'zan'],
    ['chen', 'cen'],
    ['sheng', 'sen'],
    ['ning', 'lin'],
    ['ling', 'lin'],
    ['hu', 'fu'],
    ['huang', 'fuan'],
    ['fang', 'fan'],
    ['xiang', 'xian'],
    ['yong', 'yong'],
    ['zhong', 'zong'],
    ['eng', 'en'],
    ['ng', 'ng'],
    ['n', 'n'],
  ])('%s -> %s', (s, key) => {
    expect(mergeSyllable(s)).toBe(key);
  });
});

describe('createConfusion on small tables', () => {
  const small = createConfusion({
    pinyinTsv: '# comment\n明\tming\n民\tmin\n华\thua\n化\thua\n长\tchang zhang\n藏\tcang zang\n',
    lookalikeTsv: '# comment\n旅\t族\tcurated\n华\t化\tcurated\n',
  });
  it('applies the precedence homophone > lookalike > near-homophone', () => {
    expect(small.kind(0x534e, 0x5316)).toBe('homophone'); // 华/化 listed too
    expect(small.kind('明'.charCodeAt(0), '民'.charCodeAt(0))).toBe('near-homophone');
    expect(small.kind('旅'.charCodeAt(0), '族'.charCodeAt(0))).toBe('lookalike');
    expect(small.kind('长'.charCodeAt(0), '藏'.charCodeAt(0))).toBe('near-homophone');
  });
  it('rejects malformed rows', () => {
    expect(() => createConfusion({ pinyinTsv: '明ming\n', lookalikeTsv: '' })).toThrow(/pinyin table line 1/);
    expect(() => createConfusion({ pinyinTsv: '', lookalikeTsv: '旅族\tx\n' })).toThrow(/look-alike table line 1/);
    expect(() => createConfusion({ pinyinTsv: '', lookalikeTsv: '旅\t旅\tx\n' })).toThrow(/one character/);
  });
  it('tolerates CRLF', () => {
    const crlf = createConfusion({ pinyinTsv: '明\tming\r\n民\tmin\r\n', lookalikeTsv: '旅\t族\tcurated\r\n' });
    expect(crlf.kind('明'.charCodeAt(0), '民'.charCodeAt(0))).toBe('near-homophone');
    expect(crlf.readings('明'.charCodeAt(0))).toEqual(['ming']);
  });
});
