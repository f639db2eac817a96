import type { Formatter } from './types.js';

/** One JSON document: `[{ file, findings: [...] }]`. */
export const json: Formatter = (results) =>
  `${JSON.stringify(results.map((r) => ({ file: r.file, findings: r.findings })), null, 2)}\n`;

/** One finding per line, as JSON with `file` added (first key). */
export const jsonl: Formatter = (results) => {
  let out = '';
  for (const r of results) for (const f of r.findings) out += `${JSON.stringify({ file: r.file, ...f })}\n`;
  return out;
};
