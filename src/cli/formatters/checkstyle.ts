/** Checkstyle XML (the format many CI dashboards read): one <file> per input with findings. */
import type { Formatter } from './types.js';

/** Escapes an attribute value and drops code points XML 1.0 cannot hold (C0 controls, lone surrogates, U+FFFE/U+FFFF). */
export function xmlAttribute(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfffe || cp === 0xffff) continue;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (ch === '\n') out += '&#10;';
    else if (ch === '\r') out += '&#13;';
    else if (ch === '\t') out += '&#9;';
    else out += ch;
  }
  return out;
}

export const checkstyle: Formatter = (results) => {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n';
  for (const r of results) {
    if (r.error !== undefined) {
      // An input that could not be read: one error without a position (line 0), as linters report a file they cannot parse.
      out += `  <file name="${xmlAttribute(r.file)}">\n    <error line="0" column="0" severity="error" message="${xmlAttribute(r.error.message)}" source="tifa.input"/>\n  </file>\n`;
      continue;
    }
    if (r.findings.length === 0) continue;
    out += `  <file name="${xmlAttribute(r.file)}">\n`;
    for (const f of r.findings) {
      out += `    <error line="${f.line}" column="${f.column}" severity="${f.severity}" message="${xmlAttribute(f.message)}" source="tifa.${f.rule}"/>\n`;
    }
    out += '  </file>\n';
  }
  return `${out}</checkstyle>\n`;
};
