import type { FileResult, Formatter } from './types.js';

/** The per-file fields besides the findings (only those that are known). */
function fileFields(r: FileResult): Record<string, unknown> {
  const out: Record<string, unknown> = { file: r.file };
  if (r.kind !== undefined) out.kind = r.kind;
  if (r.encoding !== undefined) out.encoding = r.encoding;
  if (r.replacements !== undefined) out.replacements = r.replacements;
  if (r.suppressed !== undefined) out.suppressed = r.suppressed;
  return out;
}

/** One JSON document: `[{ file, kind, encoding, replacements, suppressed, findings: [...] }]`. */
export const json: Formatter = (results) => `${JSON.stringify(results.map((r) => ({ ...fileFields(r), findings: r.findings })), null, 2)}\n`;

/** One finding per line, as JSON with `file` added (first key). */
export const jsonl: Formatter = (results) => {
  let out = '';
  for (const r of results) for (const f of r.findings) out += `${JSON.stringify({ file: r.file, ...f })}\n`;
  return out;
};
