import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/encoding/decode.js';
import { charsetOfContentType, detectEncoding, prescanMeta, PRESCAN_BYTES } from '../../src/encoding/detect.js';
import { encodeGbk } from './gbk-encoder.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('the test GBK encoder', () => {
  it('writes the known GBK bytes', () => {
    expect([...encodeGbk('中华a')]).toEqual([0xd6, 0xd0, 0xbb, 0xaa, 0x61]);
    expect([...encodeGbk('民族')]).toEqual([0xc3, 0xf1, 0xd7, 0xe5]);
  });
});

describe('detectEncoding', () => {
  it.each([
    ['a UTF-8 BOM', concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8('<meta charset="gbk">中')), { encoding: 'utf-8', source: 'bom', bomLength: 3 }],
    ['a UTF-16LE BOM', Uint8Array.of(0xff, 0xfe, 0x2d, 0x4e), { encoding: 'utf-16le', source: 'bom', bomLength: 2 }],
    ['<meta charset>', utf8('<!doctype html><meta charset=GB2312><p>x'), { encoding: 'gbk', source: 'meta', bomLength: 0 }],
    ['http-equiv content-type', utf8('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gb18030">'), { encoding: 'gb18030', source: 'meta', bomLength: 0 }],
    ['an unknown charset is ignored', utf8('<meta charset="klingon"><p>中</p>'), { encoding: 'utf-8', source: 'sniff', bomLength: 0 }],
    ['valid UTF-8 sniffed', utf8('<p>中华民族</p>'), { encoding: 'utf-8', source: 'sniff', bomLength: 0 }],
    ['GBK bytes sniffed', encodeGbk('<p>实现中华民族伟大复兴的中国梦</p>'), { encoding: 'gb18030', source: 'sniff', bomLength: 0 }],
  ])('%s', (_name, bytes, expected) => {
    expect(detectEncoding(bytes, { html: true })).toEqual(expected);
  });

  it('ignores <meta> for text, beyond the prescan window, in comments and in scripts', () => {
    const meta = utf8('<meta charset="big5">');
    expect(detectEncoding(meta, { html: false }).source).toBe('sniff');
    expect(detectEncoding(concat(utf8(' '.repeat(PRESCAN_BYTES)), meta), { html: true }).source).toBe('sniff');
    expect(prescanMeta(utf8('<!-- <meta charset="big5"> --><script>"<meta charset=big5>"</script>'))).toBeUndefined();
  });

  it('lets the caller force an encoding and rejects an unknown one', () => {
    expect(detectEncoding(utf8('<meta charset="gbk">'), { html: true, encoding: 'big5' })).toEqual({ encoding: 'big5', source: 'forced', bomLength: 0 });
    expect(() => detectEncoding(utf8('x'), { encoding: 'nope' })).toThrow(RangeError);
  });

  it('reads the charset parameter of a content type', () => {
    expect(charsetOfContentType('text/html; charset="GBK"')).toBe('GBK');
    expect(charsetOfContentType('text/html;foo=bar; Charset = utf-8')).toBe('utf-8');
    expect(charsetOfContentType('text/html')).toBeUndefined();
  });
});

describe('decodeBytes', () => {
  it('decodes a GB2312-declared page and strips nothing else', () => {
    const page = '<meta charset="gb2312"><title>中华民族</title>';
    expect(decodeBytes(encodeGbk(page), { html: true })).toEqual({ text: page, encoding: 'gbk', encodingSource: 'meta', replacements: 0 });
  });

  it('drops the BOM, so offsets are into the text after it', () => {
    expect(decodeBytes(concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8('中华'))).text).toBe('中华');
  });

  it('counts bad bytes but not a U+FFFD written in the file', () => {
    const bad = concat(utf8('<meta charset="utf-8">中'), Uint8Array.of(0xff, 0xfe), utf8('\ufffd华'));
    const decoded = decodeBytes(bad, { html: true });
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.replacements).toBe(2);
    expect(decoded.text.endsWith('\ufffd华')).toBe(true);
  });

  it('counts GBK bytes read under a wrong UTF-8 declaration as replacements', () => {
    const decoded = decodeBytes(concat(utf8('<meta charset="utf-8">'), encodeGbk('中华民族')), { html: true });
    expect(decoded.replacements).toBeGreaterThan(0);
  });
});
