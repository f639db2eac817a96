/**
 * Streaming check: findings of an arbitrarily long text read in chunks, in bounded memory, with
 * offsets and line/column over the whole stream (UTF-16 code units, as if the whole stream had
 * been decoded into one string and passed to `check`).
 *
 * How windows are cut. The text is checked in windows of about `windowSize` code units. A finding
 * is emitted by exactly one window: the one whose emit range `[emitFrom, cut)` holds its start.
 * Every emitted finding therefore has, inside its window,
 *   - at least LEFT_CONTEXT (1,024) code units before its start, and
 *   - at least RIGHT_MARGIN (2,048) code units after the cut.
 * What a finding depends on is bounded: the longest lexicon text is 200 code units, and at most
 * MAX_GAP (4) skipped code units may stand between two of its characters, so a phrase spans at
 * most MAX_PHRASE_SPAN (996) code units; a fuzzy
 * candidate extends its phrase by at most a few characters; the real-word guard looks 6
 * characters around it; `before`/`after` context rules look 40 characters; `sentence` and
 * `yearBefore` rules look at most 500 code units on each side (sentenceAround); choosing among
 * overlapping findings only looks at findings that start earlier. So a finding seen by its window
 * is the finding `check` reports on the whole text, and none is lost (every start falls in exactly
 * one emit range) or duplicated (emit ranges do not overlap).
 *
 * The one dependence that is not bounded by a fixed radius is the leftmost-longest choice along a
 * chain of mutually overlapping candidates. The next window therefore starts at a line start when
 * there is one 1,024..4,096 code units before the cut (line breaks end phrases, so such chains
 * do not cross them in practice), else after a sentence end (。！？；!?;), else exactly 1,024 code
 * units back. Exactness holds unless an unbroken chain of overlapping candidates crosses that start
 * and runs on for more than 1,024 code units; the property tests in test/stream check it on
 * corpus-like text cut into random chunks.
 *
 * Cuts never split a surrogate pair or a \r\n. Bytes are decoded as UTF-8 with a streaming
 * decoder (a character split across chunks is joined; invalid bytes become U+FFFD); a BOM is kept
 * as U+FEFF, as `readFile(path, 'utf8')` keeps it, so offsets agree with `check(readFileSync(...))`.
 */
import { TextDecoder } from 'node:util';
import type { Finding } from '../types.js';
import { MAX_TEXT_LENGTH } from '../lexicon/validate.js';
import { MAX_GAP } from '../normalize/index.js';
import { joinRun } from '../findings/runs.js';

/** Anything `checkStream` reads: a Node Readable (text or bytes), or any (async) iterable of chunks. */
export type StreamSource = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

export interface StreamOptions {
  /** Code units checked per window (the memory bound, besides one incoming chunk). Default: 1,048,576. Minimum: 1. */
  windowSize?: number;
}

/** Code units kept before the emit range of a window: the context a finding may look back on. */
export const LEFT_CONTEXT = 1024;
/** Farthest back a window may start, looking for a line start or sentence end. */
export const LEFT_SEARCH = 4096;
/** The most code units a phrase may span: the longest lexicon text with the longest gap between each two of its characters. */
export const MAX_PHRASE_SPAN = MAX_TEXT_LENGTH + (MAX_TEXT_LENGTH - 1) * MAX_GAP;
/**
 * Code units a window reaches past its cut: the longest finding (MAX_PHRASE_SPAN) plus the context
 * it may look at (500 code units for sentence rules).
 */
export const RIGHT_MARGIN = 2048;
export const DEFAULT_WINDOW = 1 << 20;

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const SENTENCE_END = new Set([0x3002, 0xff01, 0xff1f, 0xff1b, 0x21, 0x3f, 0x3b]);

/** Whether `i` is a position the text may be cut at (not inside a surrogate pair or a \r\n). */
export function canCut(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  const a = text.charCodeAt(i - 1);
  const b = text.charCodeAt(i);
  if (a === 13 && b === 10) return false;
  return !(isHigh(a) && isLow(b));
}

/** Where the next window starts: a line start, else after a sentence end, else cut - LEFT_CONTEXT. */
export function nextWindowStart(text: string, cut: number): number {
  const hi = cut - LEFT_CONTEXT;
  const lo = Math.max(0, cut - LEFT_SEARCH);
  if (hi <= 0) return 0;
  for (let i = hi; i > lo; i--) {
    const c = text.charCodeAt(i - 1);
    if ((c === 10 || c === 13) && canCut(text, i)) return i;
  }
  for (let i = hi; i > lo; i--) if (SENTENCE_END.has(text.charCodeAt(i - 1))) return i;
  let i = hi;
  while (i > 0 && !canCut(text, i)) i--;
  return i;
}

/** Line and column after reading `text` from a position at (line, column). */
function advance(text: string, end: number, line: number, column: number): [number, number] {
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
  return [line, column];
}

async function* decode(source: StreamSource): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  for await (const chunk of source as AsyncIterable<string | Uint8Array>) {
    if (typeof chunk === 'string') {
      if (decoder) {
        const rest = decoder.decode();
        decoder = undefined;
        if (rest) yield rest;
      }
      if (chunk) yield chunk;
    } else if (chunk instanceof Uint8Array) {
      decoder ??= new TextDecoder('utf-8', { ignoreBOM: true });
      const s = decoder.decode(chunk, { stream: true });
      if (s) yield s;
    } else {
      throw new TypeError(`checkStream(source): chunks must be strings or Uint8Arrays, got ${chunk === null ? 'null' : typeof chunk}`);
    }
  }
  if (decoder) {
    const rest = decoder.decode();
    if (rest) yield rest;
  }
}

function isSource(x: unknown): x is StreamSource {
  return typeof x === 'object' && x !== null && (Symbol.asyncIterator in x || Symbol.iterator in x);
}

/**
 * The window logic, synchronous: text goes in piece by piece (`feed`), findings come out as soon
 * as their window has been checked, in the order `check` returns them; `finish` checks the rest.
 * Both are generators, so a caller that has seen enough stops the work by not asking for more.
 */
class Windows {
  private buf = ''; // text from the current window start on
  private base = 0; // absolute offset of buf[0]
  private emitFrom = 0; // absolute: findings starting before this were emitted already
  private line = 1; // line and column of buf[0]
  private column = 1;
  // The last finding is held back one step: a run (findings/runs.ts) cut by the end of its
  // window goes on in the next one, which extends it (joinRun) before it is yielded.
  private held: Finding | undefined;

  constructor(private readonly check: (text: string) => Finding[], private readonly windowSize: number) {}

  private relocate(f: Finding): Finding {
    return { ...f, start: f.start + this.base, end: f.end + this.base, column: f.line === 1 ? f.column + this.column - 1 : f.column, line: f.line + this.line - 1 };
  }

  /** The findings of one window that start in [emitFrom, base + cut). */
  private *emit(windowText: string, cut: number): Generator<Finding> {
    for (const f of this.check(windowText)) {
      const abs = f.start + this.base;
      const held = this.held;
      if (held !== undefined && abs >= held.start && abs <= held.end) {
        const joined = joinRun(held, this.relocate(f));
        if (joined !== undefined) {
          this.held = joined;
          continue;
        }
      }
      if (abs >= this.emitFrom && f.start < cut) {
        if (held !== undefined) yield held;
        this.held = this.relocate(f);
      }
    }
  }

  *feed(piece: string): Generator<Finding> {
    this.buf += piece;
    // A window is due when the buffer holds windowSize past emitFrom plus the right margin.
    while (this.buf.length - (this.emitFrom - this.base) >= this.windowSize + RIGHT_MARGIN) {
      const buf = this.buf;
      let cut = this.emitFrom - this.base + this.windowSize;
      while (!canCut(buf, cut)) cut++;
      yield* this.emit(buf.slice(0, cut + RIGHT_MARGIN), cut);
      const next = nextWindowStart(buf, cut);
      [this.line, this.column] = advance(buf, next, this.line, this.column);
      this.buf = buf.slice(next);
      this.emitFrom = this.base + cut;
      this.base += next;
    }
  }

  *finish(): Generator<Finding> {
    yield* this.emit(this.buf, Infinity);
    if (this.held !== undefined) yield this.held;
    this.held = undefined;
  }
}

function windowSizeOf(options: StreamOptions): number {
  const windowSize = options.windowSize ?? DEFAULT_WINDOW;
  if (!Number.isInteger(windowSize) || windowSize < 1) throw new RangeError('checkStream options.windowSize must be a positive integer');
  return windowSize;
}

/**
 * The findings of a whole string, window by window (the windows of checkStream): equal to
 * `check(text)`, but produced lazily, so a caller that stops early (a cap on findings) leaves the
 * rest of the text unchecked, and only one window's findings exist at a time.
 */
export function* checkInWindows(check: (text: string) => Finding[], text: string, options: StreamOptions = {}): Generator<Finding, void, undefined> {
  const windows = new Windows(check, windowSizeOf(options));
  yield* windows.feed(text);
  yield* windows.finish();
}

/**
 * Window size of a check that may stop early (a cap on findings): the work done past the stop is
 * at most one window of 64K code units.
 */
export const EARLY_STOP_WINDOW = 1 << 16;

/** Window size of `windowed` checks (see below). */
export const CHECK_WINDOW = 1 << 18;

/**
 * `check` for texts of any size: a text longer than two windows is checked window by window and
 * the findings collected, so what one check builds on the way (candidates, drafts, the judge's
 * views) exists for one window at a time; memory then grows with the input and the findings
 * reported, not with everything a page full of errors makes the checker consider (a 20 MB
 * attribute of 中华明族 back to back: 1.75 million candidates, one finding). The result is the
 * one checkStream gives (see the window contract above).
 */
export function windowed(check: (text: string) => Finding[]): (text: string) => Finding[] {
  return (text) => (text.length > 2 * CHECK_WINDOW ? Array.from(checkInWindows(check, text, { windowSize: CHECK_WINDOW })) : check(text));
}

/**
 * Findings of the whole stream, in the order `check` returns them, emitted window by window.
 * `check` is the checker's `check(text)`.
 */
export async function* checkStream(check: (text: string) => Finding[], source: StreamSource, options: StreamOptions = {}): AsyncGenerator<Finding, void, undefined> {
  if (typeof source === 'string' || !isSource(source)) {
    throw new TypeError('checkStream(source): source must be a Readable or an (async) iterable of strings or Uint8Arrays');
  }
  const windows = new Windows(check, windowSizeOf(options));
  for await (const piece of decode(source)) yield* windows.feed(piece);
  yield* windows.finish();
}
