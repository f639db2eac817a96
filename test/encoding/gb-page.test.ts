import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBytes, checkFile } from '../../src/cli/check-file.js';
import { fixture, seedChecker } from '../helpers.js';

const checker = seedChecker();
const path = fixture('pages/notice-gb2312.html');
const decoded = new TextDecoder('gbk').decode(readFileSync(path));

/** Where `needle` is in the decoded page, as [start, end, line, column] (computed independently of tifa). */
function at(needle: string): [number, number, number, number] {
  const start = decoded.indexOf(needle);
  expect(start).toBeGreaterThan(0);
  const before = decoded.slice(0, start).split('\n');
  return [start, start + needle.length, before.length, before[before.length - 1]!.length + 1];
}

describe('a GB2312-declared page, GBK bytes', () => {
  it('is decoded as GBK from its http-equiv declaration', async () => {
    const r = await checkFile(checker, path);
    expect([r.encoding, r.encodingSource, r.replacements, r.kind, r.text]).toEqual(['gbk', 'meta', 0, 'html', decoded]);
  });

  it('gives exactly the expected findings, offsets into the decoded source', async () => {
    const r = await checkFile(checker, path);
    const titleAt = decoded.indexOf('中华明族', decoded.indexOf('<title>'));
    expect(r.findings.map((f) => [f.rule, f.start, f.end, f.line, f.column, f.actual, f.text, f.expected[0], f.detail])).toEqual([
      // in the title (the same error in the script is not reported)
      ['misspelling', titleAt, titleAt + 4, 5, 10, '中华明族', '中华明族', '中华民族', 'substitution'],
      // across an inline tag
      ['misspelling', ...at('脱贫</b>攻艰'), '脱贫</b>攻艰', '脱贫攻艰', '脱贫攻坚', 'substitution'],
      // with &nbsp; noise inside
      ['wrong-formulation', ...at('袓国&nbsp;安全'), '袓国&nbsp;安全', '袓国\u00a0安全', '祖国安全', 'listed'],
      // across <font> (the same error in the comment above is not reported)
      ['wrong-formulation', ...at('以习近平<font color="red">总书记</font>为核心的党中央'), '以习近平<font color="red">总书记</font>为核心的党中央', '以习近平总书记为核心的党中央', '以习近平同志为核心的党中央', 'listed'],
    ]);
    // the entity-encoded correct phrase (中华&#27665;族) gives nothing
    for (const f of r.findings) expect(decoded.slice(f.start, f.end)).toBe(f.actual);
  });

  it('reports bad bytes as a count, not an error', () => {
    const bytes = readFileSync(path);
    const cut = bytes.indexOf('<div');
    const broken = Uint8Array.from([...bytes.subarray(0, cut), 0xff, ...bytes.subarray(cut)]);
    const r = checkBytes(checker, broken, { kind: 'html' });
    expect(r.encoding).toBe('gbk');
    expect(r.replacements).toBe(1);
    expect(r.findings.length).toBeGreaterThan(0);
  });

  it('reads the same page as UTF-8 when told to, and counts the damage', () => {
    const r = checkBytes(checker, readFileSync(path), { kind: 'html', encoding: 'utf-8' });
    expect(r.encodingSource).toBe('forced');
    expect(r.replacements).toBeGreaterThan(50);
  });
});
