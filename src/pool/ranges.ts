/**
 * One large text checked by several workers: cut into ranges, each range checked on its own, the
 * findings put back together. Pure (text in, findings out); the pool (./index.ts) hands each range
 * to a worker, every worker planning the same ranges from the same text.
 *
 * The ranges are the windows of src/stream (see its window contract): range k emits the findings
 * that start in [emitFrom, cut); its window reaches from a line start (else a sentence end) 1,024
 * to 4,096 code units before emitFrom, for the context a finding looks back on, to RIGHT_MARGIN
 * past the cut. A run of the same error (findings/runs.ts) that crosses a cut is seen in two
 * windows and joined back into one finding (joinRun), as checkStream joins it. So the merged
 * findings are those of `check` on the whole text, offsets, lines and columns included: the
 * property test in test/pool/ranges.test.ts pins it over random cuts.
 */
import { joinRun } from '../findings/runs.js';
import { canCut, nextWindowStart, RIGHT_MARGIN } from '../stream/index.js';
import type { Finding } from '../types.js';

/** One range of a text: checked over [start, end), emitting the findings that start in [emitFrom, cut). */
export interface TextRange {
  start: number;
  end: number;
  emitFrom: number;
  /** Infinity for the last range (whatever starts after the others is its). */
  cut: number;
}

/** The findings of one range (every finding its window gave, offsets into the whole text) and where it emits. */
export interface RangeFindings {
  range: Pick<TextRange, 'emitFrom' | 'cut'>;
  findings: Finding[];
}

/** `count` ranges of about equal length; a range may be empty when the text is short. */
export function planRanges(text: string, count: number): TextRange[] {
  if (!(Number.isInteger(count) && count >= 1)) throw new RangeError('planRanges: count must be a positive integer');
  const cuts: number[] = [];
  let previous = 0;
  for (let k = 1; k < count; k++) {
    let cut = Math.max(previous, Math.round((text.length * k) / count));
    while (!canCut(text, cut)) cut++;
    cuts.push(cut);
    previous = cut;
  }
  const ranges: TextRange[] = [];
  for (let k = 0; k < count; k++) {
    const emitFrom = k === 0 ? 0 : cuts[k - 1]!;
    const last = k === count - 1;
    const cut = last ? Infinity : cuts[k]!;
    ranges.push({ start: k === 0 ? 0 : nextWindowStart(text, emitFrom), end: last ? text.length : Math.min(text.length, cut + RIGHT_MARGIN), emitFrom, cut });
  }
  return ranges;
}

/** Line and column (1-based) of `offset`, counting \n, \r\n and a lone \r as line ends (as the checker does). */
function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

/** Every finding `check` gives on the range's window, moved to offsets, lines and columns of the whole text. */
export function checkRange(check: (text: string) => Finding[], text: string, range: TextRange): Finding[] {
  if (range.emitFrom >= range.cut) return [];
  const found = check(range.start === 0 && range.end === text.length ? text : text.slice(range.start, range.end));
  if (range.start === 0) return found;
  const at = lineColumnAt(text, range.start);
  return found.map((f) => ({ ...f, start: f.start + range.start, end: f.end + range.start, line: f.line + at.line - 1, column: f.line === 1 ? f.column + at.column - 1 : f.column }));
}

/**
 * The findings of the whole text from those of its ranges, in range order: each range keeps what
 * starts in its emit range; a run cut by a range border is joined with its continuation.
 */
export function mergeRanges(parts: readonly RangeFindings[]): Finding[] {
  const out: Finding[] = [];
  // The last finding is held back: a run that the next range continues is extended before it is kept.
  let held: Finding | undefined;
  for (const { range, findings } of parts) {
    for (const f of findings) {
      if (held !== undefined && f.start >= held.start && f.start <= held.end) {
        const joined = joinRun(held, f);
        if (joined !== undefined) {
          held = joined;
          continue;
        }
      }
      if (f.start >= range.emitFrom && f.start < range.cut) {
        if (held !== undefined) out.push(held);
        held = f;
      }
    }
  }
  if (held !== undefined) out.push(held);
  return out;
}
