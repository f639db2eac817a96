/**
 * Stage 5: the findings as the caller sees them: line and column, message, rounded confidence.
 */
import { LocationIndex } from '../findings/location.js';
import { messageFor } from '../findings/messages.js';
import type { Finding } from '../types.js';
import type { Judged } from './judge.js';

function findingOf(text: string, { draft: d, verdict }: Judged, location: LocationIndex): Finding {
  const actual = text.slice(d.start, d.end);
  const at = location.locate(d.start)!;
  const finding: Finding = {
    rule: d.rule,
    severity: d.severity,
    start: d.start,
    end: d.end,
    line: at.line,
    column: at.column,
    actual,
    expected: d.expected,
    message: messageFor({ rule: d.rule, detail: d.detail, actual, expected: d.expected, ...(d.edit ? { edit: d.edit } : {}), ...(d.entry.since ? { since: d.entry.since } : {}) }),
    entry: d.entry.id,
    detail: d.detail,
    confidence: Math.round(d.confidence * 100) / 100,
    source: d.entry.source,
  };
  if (d.entry.note !== undefined) finding.note = d.entry.note;
  if (verdict) {
    finding.explain = { passed: verdict.passed, off: verdict.off, shadow: verdict.shadow };
    if (verdict.reading !== undefined) finding.explain.reading = verdict.reading;
  }
  return finding;
}

/**
 * The caller's findings, sorted by position (`chosen` is sorted and non-overlapping, so they are
 * in its order). Look-alike code points outside them are added by findings/runs.ts.
 */
export function locate(text: string, chosen: readonly Judged[]): Finding[] {
  const location = new LocationIndex(text);
  return chosen.map((j) => findingOf(text, j, location));
}
