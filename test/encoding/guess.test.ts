import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/encoding/decode.js';
import { detectEncoding } from '../../src/encoding/detect.js';
import { countUtf8, guessEncoding, mostlyUtf8, UTF8_GOOD_PER_BAD } from '../../src/encoding/guess.js';
import { encodeGbk } from './gbk-encoder.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));
const fffd = (s: string): number => s.split('\ufffd').length - 1;

/** Simplified text as a mainland page has it, and the same in traditional characters (a Taiwan page). */
const SIMPLIFIED = '新华社北京电，国务院总理主持召开国务院常务会议，部署进一步推动经济社会发展和民生改善的工作。会议指出，要坚持稳中求进的工作总基调。';
const TRADITIONAL = '新華社北京電，國務院總理主持召開國務院常務會議，部署進一步推動經濟社會發展和民生改善的工作。會議指出，要堅持穩中求進的工作總基調。';

describe('countUtf8', () => {
  /** Bytes without EF BF BD, the encoded U+FFFD (a literal one is text, not a bad byte). */
  const noLiteral = (b: Uint8Array): boolean => !Buffer.from(b).includes(Buffer.from([0xef, 0xbf, 0xbd]));

  it('counts one invalid sequence per U+FFFD a WHATWG decoder writes, on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }).filter(noLiteral), (bytes) => {
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
        const counts = countUtf8(bytes);
        expect(counts.invalid).toBe(fffd(text));
        expect(counts.multibyte).toBe([...text].filter((c) => c.codePointAt(0)! >= 0x80 && c !== '\ufffd').length);
      }),
      { numRuns: 3000 },
    );
  });

  it('valid UTF-8 (told by the native check): the same counts, and decodeBytes the same text as a WHATWG decoder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 64 }), (s) => {
        const bytes = utf8(s);
        expect(countUtf8(bytes)).toEqual({ multibyte: [...s].filter((c) => c.codePointAt(0)! >= 0x80).length, invalid: 0, firstInvalid: -1 });
        const decoded = decodeBytes(bytes, { encoding: 'utf-8' });
        expect(decoded.text).toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
        expect(decoded.replacements).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts valid sequences of every length, and finds the first bad byte', () => {
    expect(countUtf8(utf8('aé中😀'))).toEqual({ multibyte: 3, invalid: 0, firstInvalid: -1 });
    expect(countUtf8(concat(utf8('中a'), Uint8Array.of(0xe4, 0xb8)))).toEqual({ multibyte: 1, invalid: 1, firstInvalid: 4 });
  });
});

describe('UTF-8 with a few bad bytes stays UTF-8', () => {
  it('a truncated final sequence (the issue: …中华明族…\\xe4\\xb8)', () => {
    const bytes = concat(utf8('…中华明族…'), Uint8Array.of(0xe4, 0xb8));
    const decoded = decodeBytes(bytes);
    expect(decoded).toEqual({ text: '…中华明族…\ufffd', encoding: 'utf-8', encodingSource: 'sniff', replacements: 1 });
  });

  it('a stray byte in the middle', () => {
    const decoded = decodeBytes(concat(utf8('我们是中华明族的子孙'), Uint8Array.of(0xb8), utf8('，团结奋斗。')));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe('我们是中华明族的子孙\ufffd，团结奋斗。');
    expect(decoded.replacements).toBe(1);
  });

  it('a large file cut in the middle of a character', () => {
    const text = `${'中华明族伟大复兴，'.repeat(100_000)}中`;
    const bytes = utf8(text).subarray(0, utf8(text).length - 1);
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.replacements).toBe(1);
    expect(decoded.text.startsWith('中华明族伟大复兴，')).toBe(true);
  });

  it(`up to 1 invalid sequence per ${UTF8_GOOD_PER_BAD} valid multibyte sequences, not more`, () => {
    const good = '中'.repeat(200);
    expect(mostlyUtf8(countUtf8(concat(utf8(good), Uint8Array.of(0xff, 0xff))))).toBe(true);
    expect(mostlyUtf8(countUtf8(concat(utf8(good), Uint8Array.of(0xff, 0xff, 0xff))))).toBe(false);
    expect(mostlyUtf8(countUtf8(concat(utf8('中华民族'), Uint8Array.of(0xff))))).toBe(true);
    expect(mostlyUtf8(countUtf8(concat(utf8('中华'), Uint8Array.of(0xff))))).toBe(false);
  });

  it('a GBK page is never taken for UTF-8 with bad bytes', () => {
    const decoded = decodeBytes(encodeGbk(SIMPLIFIED));
    expect(decoded).toEqual({ text: SIMPLIFIED, encoding: 'gb18030', encodingSource: 'sniff', replacements: 0 });
  });
});

describe('the undeclared guess among UTF-8, GB18030 and Big5', () => {
  it('decodes an undeclared Big5 page as Big5, without a warning', () => {
    const page = `<html><head><title>新聞</title></head><body><p>${TRADITIONAL}</p></body></html>`;
    const decoded = decodeBytes(iconv.encode(page, 'big5'), { html: true });
    expect(decoded).toEqual({ text: page, encoding: 'big5', encodingSource: 'sniff', replacements: 0 });
  });

  it('decodes undeclared GBK text as GB18030, without a warning', () => {
    expect(detectEncoding(iconv.encode(SIMPLIFIED, 'gbk'))).toEqual({ encoding: 'gb18030', source: 'sniff', bomLength: 0 });
  });

  it('scores the right encoding near 1 and the others far lower', () => {
    const big5 = guessEncoding(iconv.encode(TRADITIONAL, 'big5'));
    expect(big5.scores.map((s) => s.encoding)).toEqual(['big5', 'gb18030', 'utf-8']);
    expect(big5.scores[0]!.score).toBe(1);
    expect(big5.scores[1]!.score).toBeLessThan(0.5);
    const gbk = guessEncoding(iconv.encode(SIMPLIFIED, 'gbk'));
    expect(gbk.scores[0]).toMatchObject({ encoding: 'gb18030', score: 1 });
    expect(gbk.scores[1]!.score).toBeLessThan(0.7);
  });

  it('warns when the guess rests on too little text, naming the choice and the scores', () => {
    const detected = detectEncoding(encodeGbk('<p>中华</p>'));
    expect(detected.encoding).toBe('gb18030');
    expect(detected.warning).toMatch(/^no encoding declared; guessed gb18030 from 2 non-ASCII characters \(share of common characters: gb18030 100%, .*\); if it is wrong, declare the encoding/);
  });

  it('warns when no candidate reads the bytes well', () => {
    const detected = detectEncoding(Uint8Array.of(0x61, 0xff, 0x62, 0xfe, 0x63, 0x80, 0x64));
    expect(detected.warning).toMatch(/guessed/);
  });

  it('keeps a BOM, a <meta> or a forced encoding above the guess, without warnings', () => {
    const big5 = iconv.encode(TRADITIONAL, 'big5');
    expect(detectEncoding(big5, { encoding: 'gbk' })).toEqual({ encoding: 'gbk', source: 'forced', bomLength: 0 });
    expect(detectEncoding(concat(utf8('<meta charset="gb2312">'), big5), { html: true })).toEqual({ encoding: 'gbk', source: 'meta', bomLength: 0 });
  });

  it('never throws and always names a candidate, on any bytes', () => {
    // A UTF-16 byte order mark is a declaration, not a guess (random bytes may start with one).
    const candidates = (bytes: Uint8Array): string[] =>
      bytes[0] === 0xff && bytes[1] === 0xfe ? ['utf-16le'] : bytes[0] === 0xfe && bytes[1] === 0xff ? ['utf-16be'] : ['utf-8', 'gb18030', 'big5'];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const decoded = decodeBytes(bytes);
        expect(candidates(bytes)).toContain(decoded.encoding);
        expect(decoded.replacements).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000, examples: [[Uint8Array.from([0xff, 0xfe])], [Uint8Array.from([0xfe, 0xff, 0x4e, 0x2d])]] },
    );
  });
});

describe('a declaration that the bytes contradict', () => {
  it('is followed, as a browser does, with a warning when the bytes are plainly UTF-8', () => {
    const page = `<meta charset="gb2312"><p>${SIMPLIFIED}</p>`;
    const detected = detectEncoding(utf8(page), { html: true });
    expect(detected.encoding).toBe('gbk');
    expect(detected.warning).toMatch(/^<meta> declares gbk, but the bytes are valid UTF-8 \(\d+ multibyte characters\); decoded as gbk as a browser would/);
    expect(detectEncoding(iconv.encode(page, 'gbk'), { html: true }).warning).toBeUndefined();
  });
});

describe('Big5 bytes outside Big5', () => {
  it('become U+FFFD and are counted instead of turning into private-use characters', () => {
    const decoded = decodeBytes(concat(iconv.encode('中華', 'big5'), Uint8Array.of(0x80, 0xff)), { encoding: 'big5' });
    expect(decoded.text).toBe('中華\ufffd\ufffd');
    expect(decoded.replacements).toBe(2);
  });
});
