/**
 * Runs: one finding for a stretch of the same error back to back, so the number of findings (and
 * the memory behind them) stays far below the number of characters even in hostile input (30 MB
 * of look-alike code points was ten million findings, 4.5 GB).
 *
 * Two kinds of run, each reported once with `count` (see Finding.count):
 *   - look-alike code points one after another (⼈⺠): one `lookalike-char` finding over the run,
 *     `expected` the run in its matching form, `entry` that of the first code point;
 *   - the same finding repeated with nothing between (中华明族中华明族): same rule, entry, detail,
 *     severity, confidence and `actual`, each starting where the previous ends; one finding over
 *     the run whose `expected` forms are repeated `count` times, so replacing `actual` with an
 *     expected form still fixes the whole run.
 * A run is never cut by a phrase finding: look-alike code points inside a phrase finding belong
 * to it, as before.
 */
import { messageFor } from './messages.js';
import { LocationIndex } from './location.js';
import type { Normalizer } from '../normalize/index.js';
import type { Finding } from '../types.js';

/** Spans inside which nothing is reported (the allow list). */
export interface AllowedSpans {
  contains(start: number, end: number): boolean;
}

/** `count` as shown in messages: `（连续 N 处）`. */
const repeatNote = (count: number): string => `（连续${count}处）`;

function lookalikeRun(text: string, start: number, end: number, normalizer: Normalizer, location: LocationIndex): Finding {
  const actual = text.slice(start, end);
  let normalized = '';
  for (let i = start; i < end; i++) normalized += String.fromCharCode(normalizer.map[text.charCodeAt(i)]!);
  const expected = [normalized];
  const at = location.locate(start)!;
  const count = end - start;
  // The message names the first code point (its Unicode name and number) and the run's length.
  const first = messageFor({ rule: 'lookalike-char', detail: 'lookalike', actual: text[start]!, expected: [normalized[0]!] });
  const finding: Finding = {
    rule: 'lookalike-char',
    severity: 'warning',
    start,
    end,
    line: at.line,
    column: at.column,
    actual,
    expected,
    message: count === 1 ? first : `${first}${repeatNote(count)}`,
    entry: `lookalike-u${text.charCodeAt(start).toString(16)}`,
    detail: 'lookalike',
    confidence: 0.99,
    source: 'Unicode: NFKC/NFC decompositions and EquivalentUnifiedIdeograph.txt',
  };
  if (count > 1) finding.count = count;
  return finding;
}

/**
 * The phrase findings (sorted, non-overlapping) merged with one finding per run of look-alike code
 * points at `positions` (ascending) that no phrase finding covers and no allowed span holds.
 * Sorted as `check` returns findings.
 */
export function withLookalikeRuns(text: string, findings: readonly Finding[], positions: ArrayLike<number>, allowed: AllowedSpans, normalizer: Normalizer): Finding[] {
  if (positions.length === 0) return findings as Finding[];
  const location = new LocationIndex(text);
  const runs: Finding[] = [];
  let c = 0;
  let runStart = -1;
  let runEnd = -1;
  const flush = (): void => {
    if (runStart >= 0) runs.push(lookalikeRun(text, runStart, runEnd, normalizer, location));
    runStart = -1;
  };
  for (let k = 0; k < positions.length; k++) {
    const pos = positions[k]!;
    while (c < findings.length && findings[c]!.end <= pos) c++;
    if ((c < findings.length && findings[c]!.start <= pos) || allowed.contains(pos, pos + 1)) {
      flush();
      continue;
    }
    if (runStart >= 0 && pos === runEnd) runEnd = pos + 1;
    else {
      flush();
      runStart = pos;
      runEnd = pos + 1;
    }
  }
  flush();
  // Merge two sorted lists (they never overlap).
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < findings.length || j < runs.length) {
    if (j >= runs.length || (i < findings.length && findings[i]!.start <= runs[j]!.start)) out.push(findings[i++]!);
    else out.push(runs[j++]!);
  }
  return out;
}

/** Whether `b` repeats `a`'s error right after it (see the module comment). */
function repeats(a: Finding, unit: string, b: Finding): boolean {
  return (
    b.start === a.end && b.rule === a.rule && b.entry === a.entry && b.actual === unit && b.detail === a.detail &&
    b.severity === a.severity && b.confidence === a.confidence && b.expected.length === a.expected.length && b.text === undefined
  );
}

/**
 * Collapses back-to-back repeats of the same finding in sorted findings (see the module comment).
 * `text` is the checked text (`actual` of the run is its slice). Findings that are not repeated
 * come out unchanged, as the same objects.
 */
export function collapseRepeats(text: string, findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < findings.length; ) {
    const first = findings[i]!;
    let j = i + 1;
    if (first.count === undefined && first.rule !== 'lookalike-char') {
      while (j < findings.length && findings[j]!.count === undefined && repeats(findings[j - 1]!, first.actual, findings[j]!)) j++;
    }
    if (j - i === 1) {
      out.push(first);
      i = j;
      continue;
    }
    const count = j - i;
    const last = findings[j - 1]!;
    out.push({
      ...first,
      end: last.end,
      actual: text.slice(first.start, last.end),
      expected: first.expected.map((e) => e.repeat(count)),
      message: `${first.message}${repeatNote(count)}`,
      count,
    });
    i = j;
  }
  return out;
}

/** The message of a run without its `（连续 N 处）` note. */
function baseMessage(f: Finding): string {
  const note = f.count !== undefined ? repeatNote(f.count) : '';
  return note !== '' && f.message.endsWith(note) ? f.message.slice(0, -note.length) : f.message;
}

/**
 * For checkStream, where a window may see only part of a run: `b` (from a later window, which is
 * right about everything from its own emit range on) continues the run `a` when it is the same
 * error and starts inside `a` or right at its end; returns the run from `a.start` to `b.end`, else
 * undefined. Offsets of both are over the same text.
 */
export function joinRun(a: Finding, b: Finding): Finding | undefined {
  if (b.start < a.start || b.start > a.end || b.end <= b.start) return undefined;
  // A look-alike run is named after its first code point: a window that sees it from the middle names it otherwise.
  if (b.rule !== a.rule || (b.entry !== a.entry && a.rule !== 'lookalike-char') || b.detail !== a.detail || b.severity !== a.severity || b.confidence !== a.confidence) return undefined;
  if (b.text !== undefined || a.text !== undefined) return undefined;
  const head = b.start - a.start;
  const actual = a.actual.slice(0, head) + b.actual;
  if (a.rule === 'lookalike-char') {
    const count = actual.length;
    const expected = [a.expected[0]!.slice(0, head) + b.expected[0]!];
    const joined: Finding = { ...a, end: b.end, actual, expected, message: count > 1 ? `${baseMessage(a)}${repeatNote(count)}` : baseMessage(a) };
    if (count > 1) joined.count = count;
    else delete joined.count;
    return joined;
  }
  const unitLength = a.actual.length / (a.count ?? 1);
  const unit = a.actual.slice(0, unitLength);
  if (unitLength === 0 || head % unitLength !== 0 || b.actual.length % unitLength !== 0 || b.actual.slice(0, unitLength) !== unit) return undefined;
  if ((b.count ?? 1) * unitLength !== b.actual.length) return undefined;
  const count = actual.length / unitLength;
  if (count <= (a.count ?? 1) && b.end === a.end) return a;
  const units = a.expected.map((e) => e.slice(0, e.length / (a.count ?? 1)));
  const joined: Finding = { ...a, end: b.end, actual, expected: units.map((e) => e.repeat(count)), message: count > 1 ? `${baseMessage(a)}${repeatNote(count)}` : baseMessage(a) };
  if (count > 1) joined.count = count;
  else delete joined.count;
  return joined;
}
