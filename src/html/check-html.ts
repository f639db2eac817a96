/**
 * checkHtml: extract the visible text, check it, map every finding back to the HTML source.
 * Offsets follow the OFFSET CONTRACT of src/types.ts: `start`/`end` are UTF-16 offsets into the
 * HTML string the caller passed, `actual === html.slice(start, end)` (which may contain tags or
 * entities), `line`/`column` are computed in the HTML, and `text` holds the decoded text.
 */
import { LocationIndex } from '../findings/location.js';
import type { Finding } from '../types.js';
import { extractHtml, type ExtractedHtml } from './extract.js';

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

/**
 * Maps findings over `extracted.checkText` back into `html`, moving the given finding objects
 * (fresh from the check, owned by the caller) rather than copying them. A finding that spans an inserted
 * block boundary is dropped: in a page two blocks are never one phrase, whatever the text
 * checker does with a line break.
 */
export function mapFindings(html: string, extracted: ExtractedHtml, findings: readonly Finding[]): Finding[] {
  let location: LocationIndex | undefined;
  const out: Finding[] = [];
  for (const f of findings) {
    if (crossesBoundary(extracted.boundaries, f.start, f.end)) continue;
    const range = extracted.map.toSource(f.start, f.end);
    if (!range) continue; // only inserted boundaries: cannot happen for a real finding
    location ??= new LocationIndex(html);
    const at = location.locate(range.start)!;
    // The check's findings are fresh objects: moved to the source in place, not copied (a page
    // full of errors holds one object per finding, not two).
    const text = extracted.text.slice(f.start, f.end);
    const moved = f as Finding;
    moved.start = range.start;
    moved.end = range.end;
    moved.line = at.line;
    moved.column = at.column;
    moved.actual = html.slice(range.start, range.end);
    moved.text = text;
    out.push(moved);
  }
  // Attribute units come after the page text in the extracted text: restore source order.
  return out.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/** Checks an HTML string with a text check function (the checker's `check`). Never throws on content. */
export function checkHtmlWith(check: (text: string) => Finding[], html: string): Finding[] {
  if (typeof html !== 'string') throw new TypeError(`checkHtml(html): html must be a string, got ${html === null ? 'null' : typeof html}`);
  const extracted = extractHtml(html);
  return mapFindings(html, extracted, check(extracted.checkText));
}
