import type { DocumentPlace } from '../../documents/types.js';
import type { Finding } from '../../types.js';
import type { FileResult, FileWriter, Formatter, FormatOptions } from './types.js';
import { stringWidth } from './width.js';

const paint = (on: boolean, code: string, s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/** Longest part of a source line shown around a finding (in code units on each side). */
const CONTEXT = 30;

/** Where a finding of a document stands: `page 2` (PDF), `paragraph 3` or `header1 paragraph 1` (DOCX). */
function placeNote(f: Finding & DocumentPlace): string {
  if (f.page !== undefined) return `page ${f.page}`;
  if (f.paragraph !== undefined) return `${f.part !== undefined ? `${f.part} ` : ''}paragraph ${f.paragraph}`;
  return '';
}

/** What is known of how an input was read: its document kind and pages, a non-UTF-8 encoding, bad bytes. */
function fileNotes(r: FileResult): string[] {
  const d = r.document;
  const document = d === undefined ? '' : `${d.kind.toUpperCase()}${d.pages > 0 ? `, ${d.pages} ${d.pages === 1 ? 'page' : 'pages'}` : ''}${d.pagesWithoutText.length > 0 ? `, ${d.pagesWithoutText.length} without text` : ''}`;
  return [document, r.encoding !== undefined && r.encoding !== 'utf-8' ? r.encoding : '', r.replacements ? `${r.replacements} bad ${r.replacements === 1 ? 'byte' : 'bytes'}` : ''].filter((n) => n !== '');
}

/**
 * The human default: per file, `line:col  severity  message  rule`, then the line with the span
 * marked by carets (display-width aware, so CJK text lines up), and a summary at the end.
 */
export const stylish: Formatter = (results, options) => {
  const writer = stylishWriter(options);
  let out = '';
  for (const r of results) writer.file(r, (piece) => (out += piece));
  return out + writer.end();
};

/**
 * The stylish output file by file (what `tifa check` writes as each input is done, so no input's
 * findings wait for the others): `file` per input in order, then `end` for the summary.
 */
export function stylishWriter({ color }: FormatOptions): FileWriter {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let unread = 0;
  let skipped = 0;
  let inputs = 0;
  let suppressedCount = 0;
  const file = (r: FileResult, write: (piece: string) => void): void => {
    inputs++;
    suppressedCount += r.suppressed ?? 0;
    if (r.error !== undefined) unread++;
    if (r.skipped !== undefined) skipped++;
    let out = '';
    const issue = r.error ?? r.skipped;
    if (issue !== undefined) {
      // An input that could not be read (or was skipped) is shown in its place, with the reason.
      write(`${paint(color, '4', r.file)}\n  ${r.error ? paint(color, '31', 'error') : paint(color, '33', 'warning')}  ${issue.message}\n\n`);
      return;
    }
    if (r.findings.length === 0) return;
    const notes = fileNotes(r);
    out += `${paint(color, '4', r.file)}${notes.length > 0 ? paint(color, '2', ` (${notes.join(', ')})`) : ''}\n`;
    for (let k = 0; k < r.findings.length; k++) {
      const f = r.findings[k]!;
      // Written a few hundred findings at a time: a large input's output is never one string.
      if (k > 0 && k % 256 === 0) {
        write(out);
        out = '';
      }
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
      const sev = f.severity === 'error' ? paint(color, '31', 'error') : f.severity === 'warning' ? paint(color, '33', 'warning') : paint(color, '36', 'info');
      // In a PDF or DOCX, line:column are of the extracted text: the page or paragraph says where to look.
      const place = placeNote(f);
      out += `  ${`${f.line}:${f.column}`.padEnd(8)} ${sev.padEnd(color ? 16 : 7)} ${f.message}  ${paint(color, '2', f.rule)}${place !== '' ? `  ${paint(color, '2', place)}` : ''}\n`;
      // --explain: the judge's rules that let the finding pass, and those that were off.
      if (f.explain) out += `           ${paint(color, '2', `passed: ${f.explain.passed.join(' ') || '-'}${f.explain.off.length > 0 ? `; off: ${f.explain.off.join(' ')}` : ''}${f.explain.reading !== undefined ? `; read as ${f.explain.reading}` : ''}`)}\n`;
      const lineStart = f.start - (f.column - 1);
      // Only the shown stretch is searched for the line's end (and a long span is cut): searching
      // to the end of the line for every finding was quadratic on one long line.
      const spanShown = Math.min(f.end - f.start, 2 * CONTEXT);
      const reach = Math.min(r.text.length, f.start + spanShown + CONTEXT);
      let lineEnd = f.start;
      while (lineEnd < reach && r.text.charCodeAt(lineEnd) !== 10) lineEnd++;
      const from = Math.max(lineStart, f.start - CONTEXT);
      const to = Math.min(lineEnd, f.start + spanShown + CONTEXT, from + 2 * CONTEXT + spanShown);
      const shownEnd = Math.min(f.start + spanShown, to);
      const visible = (s: string): string => s.replace(/[\t\r\n]/g, ' ');
      const before = visible(r.text.slice(from, f.start));
      const span = visible(r.text.slice(f.start, shownEnd));
      out += `           ${before}${paint(color, '1;31', span)}${visible(r.text.slice(shownEnd, to))}\n`;
      out += `           ${' '.repeat(stringWidth(before))}${paint(color, '31', '^'.repeat(Math.max(1, stringWidth(span))))}\n`;
    }
    write(`${out}\n`);
  };
  const end = (): string => {
    const total = errors + warnings + infos;
    const checked = inputs - unread - skipped;
    const files = (n: number): string => `${n} ${n === 1 ? 'file' : 'files'}`;
    const inputNote = `${skipped > 0 ? `, ${skipped} skipped` : ''}${unread > 0 ? `, ${files(unread)} could not be read` : ''}`;
    const suppressedNote = suppressedCount > 0 ? `, ${suppressedCount} suppressed by inline directives` : '';
    if (unread > 0 && total === 0) return `${paint(color, '31', '✖')} ${files(unread)} could not be read; ${files(checked)} checked, no problems${skipped > 0 ? `, ${skipped} skipped` : ''}${suppressedNote}\n`;
    if (total === 0) return `${paint(color, '32', '✔')} ${files(checked)} checked, no problems${inputNote}${suppressedNote}\n`;
    return `${paint(color, errors > 0 ? '31' : '33', '✖')} ${total} ${total === 1 ? 'problem' : 'problems'} (${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}${infos ? `, ${infos} info` : ''}) in ${files(checked)}${inputNote}${suppressedNote}\n`;
  };
  return { file, end };
}
