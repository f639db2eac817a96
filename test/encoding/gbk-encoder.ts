/**
 * A tiny GBK encoder for tests (TextEncoder only writes UTF-8): the inverse of the platform's GBK
 * decoder over every two-byte sequence, pinned to known bytes in encoding.test.ts.
 */
let table: Map<string, number> | undefined;

function build(): Map<string, number> {
  const map = new Map<string, number>();
  const decoder = new TextDecoder('gbk', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      let ch: string;
      try {
        ch = decoder.decode(new Uint8Array([lead, trail]));
      } catch {
        continue;
      }
      if (ch.length === 1 && !map.has(ch)) map.set(ch, (lead << 8) | trail);
    }
  }
  return map;
}

/** Encodes text as GBK; throws for a character GBK lacks. */
export function encodeGbk(text: string): Uint8Array {
  table ??= build();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const code = table.get(ch);
    if (code === undefined) throw new RangeError(`GBK cannot encode U+${cp.toString(16)}`);
    out.push(code >> 8, code & 0xff);
  }
  return Uint8Array.from(out);
}
