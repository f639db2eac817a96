/**
 * checkHtml: extract the visible text, check it, map every finding back to the HTML source.
 * Offsets follow the OFFSET CONTRACT of src/types.ts: `start`/`end` are UTF-16 offsets into the
 * HTML string the caller passed, `actual === html.slice(start, end)` (which may contain tags or
 * entities), `line`/`column` are computed in the HTML, and `text` holds the decoded text.
 */
import { LocationIndex } from '../findings/location.js';
import type { Finding } from '../types.js';
import { extractHtml, type ExtractedHtml } from './extract.js';
import { checkInWindows, EARLY_STOP_WINDOW } from '../stream/index.js';

/** Whether an inserted boundary lies in [start, end) (binary search over the ascending offsets). */
function crossesBoundary(boundaries: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = boundaries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (boundaries[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < boundaries.length && boundaries[lo]! < end;
}

/** Options of an HTML check (Checker.checkHtml). */
export interface HtmlCheckOptions {
  /**
   * Called with each finding as it is found (offsets into the HTML), in reading order: the page
   * text, then the visible attributes. Once it returns true the check stops and the findings
   * found so far are returned, sorted by position. The extracted text is then checked in windows
   * of 64K code units (src/stream, checkInWindows), so the rest of a large page is never checked
   * and its findings never held. For a cap on findings (the CLI's --max-findings). Default: none,
   * the whole page is checked.
   */
  until?: (finding: Finding) => boolean;
}

/**
 * A function that moves one finding over `extracted.checkText` to the HTML source, in place (the
 * check's findings are fresh objects owned by the caller: a page full of errors holds one object
 * per finding, not two); undefined for a finding that spans an inserted block boundary: in a page
 * two blocks are never one phrase, whatever the text checker does with a line break.
 */
function sourceMapper(html: string, extracted: ExtractedHtml): (f: Finding) => Finding | undefined {
  let location: LocationIndex | undefined;
  return (f) => {
    if (crossesBoundary(extracted.boundaries, f.start, f.end)) return undefined;
    const range = extracted.map.toSource(f.start, f.end);
    if (!range) return undefined; // only inserted boundaries: cannot happen for a real finding
    location ??= new LocationIndex(html);
    const at = location.locate(range.start)!;
    const text = extracted.text.slice(f.start, f.end);
    const moved = f as Finding;
    moved.start = range.start;
    moved.end = range.end;
    moved.line = at.line;
    moved.column = at.column;
    moved.actual = html.slice(range.start, range.end);
    moved.text = text;
    return moved;
  };
}

/** Source order (attribute units come after the page text in the extracted text). */
const bySourcePosition = (a: Finding, b: Finding): number => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);

/**
 * Maps findings over `extracted.checkText` back into `html`, moving the given finding objects
 * rather than copying them (see sourceMapper), sorted by source position.
 */
export function mapFindings(html: string, extracted: ExtractedHtml, findings: readonly Finding[]): Finding[] {
  const toSource = sourceMapper(html, extracted);
  const out: Finding[] = [];
  for (const f of findings) {
    const moved = toSource(f);
    if (moved !== undefined) out.push(moved);
  }
  return out.sort(bySourcePosition);
}

/** Checks an HTML string with a text check function (the checker's `check`). Never throws on content. */
export function checkHtmlWith(check: (text: string) => Finding[], html: string, options: HtmlCheckOptions = {}): Finding[] {
  if (typeof html !== 'string') throw new TypeError(`checkHtml(html): html must be a string, got ${html === null ? 'null' : typeof html}`);
  const extracted = extractHtml(html);
  const until = options?.until;
  if (until === undefined) return mapFindings(html, extracted, check(extracted.checkText));
  if (typeof until !== 'function') throw new TypeError(`checkHtml(html, options): options.until must be a function, got ${until === null ? 'null' : typeof until}`);
  const toSource = sourceMapper(html, extracted);
  const out: Finding[] = [];
  for (const f of checkInWindows(check, extracted.checkText, { windowSize: EARLY_STOP_WINDOW })) {
    const moved = toSource(f);
    if (moved === undefined) continue;
    out.push(moved);
    if (until(moved)) break;
  }
  return out.sort(bySourcePosition);
}
