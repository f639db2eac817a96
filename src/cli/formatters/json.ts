import type { FileResult, FileWriter, Formatter } from './types.js';

/** The per-file fields besides the findings (only those that are known). */
function fileFields(r: FileResult): Record<string, unknown> {
  const out: Record<string, unknown> = { file: r.file };
  if (r.kind !== undefined) out.kind = r.kind;
  if (r.encoding !== undefined) out.encoding = r.encoding;
  if (r.replacements !== undefined) out.replacements = r.replacements;
  if (r.suppressed !== undefined) out.suppressed = r.suppressed;
  if (r.error !== undefined) out.error = r.error;
  if (r.skipped !== undefined) out.skipped = r.skipped;
  if (r.warnings !== undefined) out.warnings = r.warnings;
  if (r.document !== undefined) out.document = r.document;
  return out;
}

/**
 * One JSON document: `[{ file, kind, encoding, replacements, suppressed, findings: [...] }]`; an
 * input that could not be read has `error: { message, code }`, a skipped one `skipped`, and
 * `warnings` lists what the reader should know (an uncertain encoding guess, bad bytes). A PDF or
 * DOCX has `document: { kind, pages, pagesWithoutText, unreadable? }`, and its findings their
 * `page` (PDF) or `paragraph` and `part` (DOCX).
 */
export const json: Formatter = (results) => `${JSON.stringify(results.map((r) => ({ ...fileFields(r), findings: r.findings })), null, 2)}\n`;

/**
 * One finding per line, as JSON with `file` added (first key). An input that could not be read is
 * one line `{ file, error: { message, code } }` (no `rule`), in its place among the files.
 */
export const jsonl: Formatter = (results) => {
  let out = '';
  for (const r of results) jsonlFile(r, (piece) => (out += piece));
  return out;
};

/** Lines per piece written. */
const PIECE_LINES = 1000;

/** The jsonl lines of one input, written a thousand lines at a time. */
function jsonlFile(r: FileResult, write: (piece: string) => void): void {
  let out = '';
  if (r.error !== undefined) out += `${JSON.stringify({ file: r.file, error: r.error })}\n`;
  let lines = 0;
  for (const f of r.findings) {
    out += `${JSON.stringify({ file: r.file, ...f })}\n`;
    if (++lines % PIECE_LINES === 0) {
      write(out);
      out = '';
    }
  }
  if (out !== '') write(out);
}

/** jsonl input by input (see FileWriter). */
export const jsonlWriter = (): FileWriter => ({ file: jsonlFile, end: () => '' });
