/**
 * Stage 5: the findings as the caller sees them: line and column, message, rounded confidence;
 * then the look-alike code points no phrase finding covers.
 */
import { LocationIndex } from '../findings/location.js';
import { messageFor } from '../findings/messages.js';
import type { Normalizer } from '../normalize/index.js';
import type { Scene } from '../judge/index.js';
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

/** A finding for a look-alike code point at `pos`. */
function lookalikeAt(text: string, pos: number, normalizer: Normalizer, location: LocationIndex): Finding {
  const actual = text[pos]!;
  const expected = [String.fromCharCode(normalizer.map[text.charCodeAt(pos)]!)];
  const at = location.locate(pos)!;
  return {
    rule: 'lookalike-char',
    severity: 'warning',
    start: pos,
    end: pos + 1,
    line: at.line,
    column: at.column,
    actual,
    expected,
    message: messageFor({ rule: 'lookalike-char', detail: 'lookalike', actual, expected }),
    entry: `lookalike-u${text.charCodeAt(pos).toString(16)}`,
    detail: 'lookalike',
    confidence: 0.99,
    source: 'Unicode: NFKC/NFC decompositions and EquivalentUnifiedIdeograph.txt',
  };
}

/** The caller's findings, sorted by position. `chosen` is sorted and non-overlapping. */
export function locate(text: string, chosen: readonly Judged[], lookalikes: readonly number[], scene: Scene, normalizer: Normalizer): Finding[] {
  const location = new LocationIndex(text);
  const findings = chosen.map((j) => findingOf(text, j, location));
  if (lookalikes.length === 0) return findings;
  let c = 0; // sweep the chosen findings alongside the sorted positions
  for (const pos of lookalikes) {
    while (c < chosen.length && chosen[c]!.draft.end <= pos) c++;
    if (c < chosen.length && chosen[c]!.draft.start <= pos) continue;
    if (scene.allowed.contains(pos, pos + 1)) continue;
    findings.push(lookalikeAt(text, pos, normalizer, location));
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}
