/**
 * Automatic fixes: text and its findings in, the fixed text out, with what was applied and what
 * was left (and why). Pure: no I/O, no checker; the caller re-checks the fixed text if it wants
 * the findings that remain.
 *
 * A finding is applied only when the fix is certain and local:
 * - it has exactly one expected form (a banned term without a replacement, or a fuzzy finding with
 *   several suggestions, needs a person);
 * - its span is plain text: `text.slice(start, end) === actual`, and for HTML input (`finding.text`
 *   set) `actual === text`, i.e. the span holds no tag and no entity, and the replacement holds
 *   no character that means something in HTML (`<`, `>`, `&`, quotes);
 * - it overlaps no finding applied before it (findings are taken by position, the more confident
 *   and then the longer first at one position).
 */
import type { Finding } from '../types.js';

/** Why a finding was not applied. */
export type FixSkipReason =
  /** No expected form, or several: there is nothing certain to write. */
  | 'no-single-expected'
  /** The span holds tags or entities (HTML), or the replacement would be markup. */
  | 'markup'
  /** The span overlaps a finding that was applied. */
  | 'overlap'
  /** `text.slice(start, end)` is not `actual`: the finding is not about this text. */
  | 'stale'
  /** The expected form is already what is written. */
  | 'unchanged'
  /** Refused by the caller's `accept` (e.g. the file's encoding cannot write the replacement). */
  | 'rejected';

export interface AppliedFix {
  finding: Finding;
  /** The text written in place of `finding.actual`. */
  replacement: string;
  /** Where the replacement stands in the fixed text (UTF-16 offsets, half-open). */
  start: number;
  end: number;
}

export interface SkippedFix {
  finding: Finding;
  reason: FixSkipReason;
}

export interface FixOptions {
  /**
   * Last say on a fix that is otherwise certain (false: skipped as `rejected`). Default: accept all.
   * The CLI uses it to refuse a replacement the file's encoding cannot represent.
   */
  accept?: (finding: Finding, replacement: string) => boolean;
}

export interface FixResult {
  /** The text with every applied fix written in. */
  text: string;
  /** Applied fixes, by position. */
  applied: AppliedFix[];
  /** Findings not applied, each with the reason. */
  skipped: SkippedFix[];
}

/** Characters that would change the markup if written into HTML source. */
const MARKUP = /[<>&"']/;

function skipReason(text: string, f: Finding): FixSkipReason | undefined {
  if (f.expected.length !== 1) return 'no-single-expected';
  if (!(f.start >= 0 && f.end >= f.start && f.end <= text.length) || text.slice(f.start, f.end) !== f.actual) return 'stale';
  if (f.text !== undefined && (f.text !== f.actual || MARKUP.test(f.expected[0]!))) return 'markup';
  if (f.expected[0] === f.actual) return 'unchanged';
  return undefined;
}

/** Applies the findings that have one certain, local fix (see the module comment). Never throws. */
export function fix(text: string, findings: readonly Finding[], options: FixOptions = {}): FixResult {
  const skipped: SkippedFix[] = [];
  const candidates: Finding[] = [];
  for (const f of findings) {
    const reason = skipReason(text, f);
    if (reason !== undefined) skipped.push({ finding: f, reason });
    else if (options.accept && !options.accept(f, f.expected[0]!)) skipped.push({ finding: f, reason: 'rejected' });
    else candidates.push(f);
  }
  const order = (a: Finding, b: Finding): number => a.start - b.start || b.confidence - a.confidence || b.end - a.end;
  // Checker findings come sorted by position; sort only when they are not.
  for (let k = 1; k < candidates.length; k++) {
    if (order(candidates[k - 1]!, candidates[k]!) > 0) {
      candidates.sort(order);
      break;
    }
  }
  const chosen: Finding[] = [];
  let lastEnd = -1;
  let lastStart = -1;
  for (const f of candidates) {
    // Half-open spans that touch do not overlap; two empty spans at one point would (order unknown).
    const overlaps = f.start < lastEnd || (f.start === lastStart && (f.start === f.end || lastStart === lastEnd));
    if (overlaps) {
      skipped.push({ finding: f, reason: 'overlap' });
      continue;
    }
    chosen.push(f);
    lastStart = f.start;
    lastEnd = f.end;
  }
  // Applying right to left keeps every offset valid; building the pieces left to right does the
  // same in one pass (no repeated copies of a long text).
  const pieces: string[] = [];
  const applied: AppliedFix[] = [];
  let from = 0;
  let length = 0;
  for (const f of chosen) {
    const before = text.slice(from, f.start);
    const replacement = f.expected[0]!;
    pieces.push(before, replacement);
    length += before.length;
    applied.push({ finding: f, replacement, start: length, end: length + replacement.length });
    length += replacement.length;
    from = f.end;
  }
  pieces.push(text.slice(from));
  return { text: chosen.length === 0 ? text : pieces.join(''), applied, skipped };
}
