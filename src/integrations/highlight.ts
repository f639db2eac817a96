/**
 * Wraps every finding of an HTML string in `<mark>` without ever breaking markup: a finding may
 * span tags (`脱贫</b>攻艰`), so it is marked piece by piece, one `<mark>` per run of text between
 * two tags (`<mark>脱贫</mark></b><mark>攻艰</mark>`). Entities stay whole. Text where markup
 * cannot go (attributes, <title>, <textarea>, <option>) is not marked; those findings are still
 * returned by the checker. Removing the inserted marks gives back the input exactly.
 */
import { extractHtml } from '../html/extract.js';
import type { Segment } from '../html/offset-map.js';
import type { Finding } from '../types.js';

export interface HighlightOptions {
  /** The element name used. Default: mark. */
  tag?: string;
  /** Class names on each mark, before `tifa-<severity>`. Default: tifa. */
  className?: string;
}

const escapeAttribute = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The source runs of markable text inside [start, end), adjacent runs merged. `from` is the index
 * of the first segment that may still matter (findings come in source order), returned updated.
 */
function runs(segments: readonly Segment[], from: number, start: number, end: number): { runs: Array<[number, number]>; next: number } {
  let k = from;
  while (k < segments.length && segments[k]!.srcTo <= start) k++;
  const out: Array<[number, number]> = [];
  for (let i = k; i < segments.length && segments[i]!.srcFrom < end; i++) {
    const s = segments[i]!;
    const a = s.atomic ? s.srcFrom : Math.max(start, s.srcFrom);
    const b = s.atomic ? s.srcTo : Math.min(end, s.srcTo);
    const last = out[out.length - 1];
    if (last && last[1] === a) last[1] = b;
    else out.push([a, b]);
  }
  return { runs: out, next: k };
}

/** The HTML with `<mark>` around each finding (findings from `checkHtml` on the same string). */
export function highlightHtml(html: string, findings: readonly Finding[], options: HighlightOptions = {}): string {
  const tag = options.tag ?? 'mark';
  if (!/^[a-z][a-z0-9-]*$/.test(tag)) throw new RangeError(`highlightHtml: options.tag must be a lower-case element name, not "${tag}"`);
  const className = options.className ?? 'tifa';
  // Body text segments are in source order; only they can hold markup.
  const segments = extractHtml(html).map.all().filter((s) => s.markable).sort((a, b) => a.srcFrom - b.srcFrom);
  const inserts: Array<{ at: number; open: boolean; finding: Finding }> = [];
  let lastEnd = -1;
  let next = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (f.start < lastEnd) continue; // overlapping findings: the first one is marked
    lastEnd = f.end;
    const found = runs(segments, next, f.start, f.end);
    next = found.next;
    for (const [from, to] of found.runs) {
      inserts.push({ at: from, open: true, finding: f }, { at: to, open: false, finding: f });
    }
  }
  let out = '';
  let pos = 0;
  // Closes sort before opens at the same offset, so marks of neighbouring findings do not nest.
  inserts.sort((a, b) => a.at - b.at || (a.open === b.open ? 0 : a.open ? 1 : -1));
  for (const ins of inserts) {
    out += html.slice(pos, ins.at);
    pos = ins.at;
    const f = ins.finding;
    out += ins.open ? `<${tag} class="${escapeAttribute(`${className} tifa-${f.severity}`)}" data-rule="${f.rule}" title="${escapeAttribute(f.message)}">` : `</${tag}>`;
  }
  return out + html.slice(pos);
}
