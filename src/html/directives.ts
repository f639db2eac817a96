/**
 * Inline suppression directives. They live in the adapter layer, not in the checker: the core
 * reports everything, and `applyDirectives` drops what the author asked to skip.
 *
 * In HTML, comments:
 *   <!-- tifa-disable-next-line -->          the next source line
 *   <!-- tifa-disable-line -->               the line the comment is on
 *   <!-- tifa-disable --> ... <!-- tifa-enable -->   everything between (to the end without enable)
 * In text (and Markdown), a line holding only a directive, optionally as a comment:
 *   tifa-disable-next-line      // tifa-disable      # tifa-enable      <!-- tifa-disable -->
 * Each directive may name rules, separated by spaces or commas (`tifa-disable-next-line
 * banned-term`); without names it applies to every rule. An `enable` with names ends only the
 * ranges of those names.
 */
import { LocationIndex } from '../findings/location.js';
import type { Finding } from '../types.js';
import type { HtmlComment } from './extract.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids it applies to; empty: every rule. */
  rules: string[];
  /** Source range of the directive (the comment, or the whole line in text). */
  start: number;
  end: number;
}

const KINDS: readonly DirectiveKind[] = ['disable-next-line', 'disable-line', 'disable', 'enable'];

/** Parses the body of a directive (`tifa-disable rule-a, rule-b`), or undefined. */
export function parseDirective(body: string): { kind: DirectiveKind; rules: string[] } | undefined {
  const words = body.trim().split(/[\s,]+/).filter((w) => w !== '');
  const first = words[0];
  if (first === undefined || !first.startsWith('tifa-')) return undefined;
  const kind = KINDS.find((k) => first === `tifa-${k}`);
  if (kind === undefined) return undefined;
  return { kind, rules: words.slice(1) };
}

/** Directives from HTML comments. */
export function htmlDirectives(comments: readonly HtmlComment[]): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    const d = parseDirective(c.data);
    if (d) out.push({ ...d, start: c.start, end: c.end });
  }
  return out;
}

/** Strips one comment wrapper (`//`, `#`, `;`, `--`, `<!-- -->`, `/* *\/`) from a trimmed line. */
function unwrapComment(line: string): string {
  for (const [open, close] of [['<!--', '-->'], ['/*', '*/']] as const) {
    if (line.startsWith(open) && line.endsWith(close) && line.length >= open.length + close.length) return line.slice(open.length, line.length - close.length);
  }
  for (const open of ['//', '#', ';', '--']) if (line.startsWith(open)) return line.slice(open.length);
  return line;
}

/** Directives from lines of plain text or Markdown that hold nothing but a directive. */
export function textDirectives(text: string): Directive[] {
  const out: Directive[] = [];
  if (!text.includes('tifa-')) return out;
  let start = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const line = text.slice(start, end).trim();
    if (line.includes('tifa-')) {
      const d = parseDirective(unwrapComment(line));
      if (d && d.kind !== 'disable-line') out.push({ ...d, start, end });
    }
    if (end >= text.length) break;
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
  return out;
}

const covers = (rules: readonly string[], rule: string): boolean => rules.length === 0 || rules.includes(rule);

/**
 * Splits findings into those kept and those suppressed by the directives. `source` is the text
 * the offsets and directives refer to (for line numbers).
 */
export function applyDirectives(findings: readonly Finding[], directives: readonly Directive[], source: string): { kept: Finding[]; suppressed: Finding[] } {
  if (directives.length === 0) return { kept: [...findings], suppressed: [] };
  const isSuppressed = suppressorFor(directives, source);
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) (isSuppressed(f) ? suppressed : kept).push(f);
  return { kept, suppressed };
}

/**
 * Whether the directives suppress a finding, as a predicate built once (for findings that come
 * one at a time, e.g. window by window). `source` as for applyDirectives.
 */
export function suppressorFor(directives: readonly Directive[], source: string): (f: Finding) => boolean {
  if (directives.length === 0) return () => false;
  const location = new LocationIndex(source);
  const lineOf = (offset: number): number => location.locate(Math.min(offset, source.length))!.line;
  // Ranges [from, to) per directive pair, plus whole lines.
  const ranges: Array<{ from: number; to: number; rules: string[] }> = [];
  const lines: Array<{ line: number; rules: string[] }> = [];
  const open: Array<{ from: number; rules: string[] }> = [];
  const sorted = [...directives].sort((a, b) => a.start - b.start);
  for (const d of sorted) {
    if (d.kind === 'disable-next-line') lines.push({ line: lineOf(d.end) + 1, rules: d.rules });
    else if (d.kind === 'disable-line') lines.push({ line: lineOf(d.start), rules: d.rules });
    else if (d.kind === 'disable') open.push({ from: d.end, rules: d.rules });
    else {
      for (let i = open.length - 1; i >= 0; i--) {
        const o = open[i]!;
        if (d.rules.length > 0 && !(o.rules.length > 0 && o.rules.every((r) => d.rules.includes(r)))) continue;
        ranges.push({ from: o.from, to: d.start, rules: o.rules });
        open.splice(i, 1);
      }
    }
  }
  for (const o of open) ranges.push({ from: o.from, to: Infinity, rules: o.rules });
  return (f) =>
    lines.some((l) => l.line === f.line && covers(l.rules, f.rule)) ||
    ranges.some((r) => r.from <= f.start && f.start < r.to && covers(r.rules, f.rule));
}
