/**
 * One "check this input" task, as it crosses to a worker thread and back: plain data only.
 * The worker (check-worker.ts) runs it exactly as `tifa check` runs one file: bytes are decoded
 * like `checkFile` (BOM, <meta charset>, sniff; or a forced encoding), HTML or text by `kind`
 * (sniffed when absent), then the inline directives; a string is checked as it is.
 */
import type { CheckerOptions } from '../checker.js';
import { checkBytes, checkSource, type SourceKind } from '../cli/check-file.js';
import type { Finding } from '../types.js';
import { filterFindings, jsonResponse } from './check-response.js';

export interface CheckTask {
  /** Text to check as it is (offsets are into this string). One of `text` and `bytes`. */
  text?: string;
  /** Bytes to decode first (offsets are into the decoded text). */
  bytes?: Uint8Array;
  /** HTML or text. Default: sniffed (HTML when the first non-blank character is `<`). */
  kind?: SourceKind;
  /** Bytes only: decode with this encoding (WHATWG label). Default: detected. */
  encoding?: string;
  /** Apply inline tifa-disable directives. Default: true. */
  directives?: boolean;
  /** Check as of this date (YYYY, YYYY-MM or YYYY-MM-DD). Default: the pool's checker option. */
  asOf?: string;
  /** Attach the judge's trace to every finding (`finding.explain`; slower). Default: the pool's checker option. */
  explain?: boolean;
  /** Keep only findings of these rules. Default: all. */
  rules?: string[];
  /** Keep only findings with at least this confidence (0..1). Default: all. */
  minConfidence?: number;
  /**
   * What comes back: 'objects', the CheckTaskResult (the queue worker stores it); or 'json', the
   * HTTP response body serialized on the worker thread (CheckTaskJson; see check-response.ts).
   * Default: 'objects'.
   */
  respond?: 'objects' | 'json';
}

export interface CheckTaskResult {
  findings: Finding[];
  kind: SourceKind;
  /** Findings suppressed by inline directives. */
  suppressed: number;
  /** Bytes only: WHATWG name of the encoding used. */
  encoding?: string;
  /** Bytes only: how the encoding was chosen (bom, meta, sniff, forced ...). */
  encodingSource?: string;
  /** Bytes only: invalid byte sequences replaced with U+FFFD. */
  replacements?: number;
  /** Length of the checked text in UTF-16 units. */
  length: number;
}

/** A task's answer with `respond: 'json'`. */
export interface CheckTaskJson {
  /** The POST /v1/check response body, serialized: `{ findings, kind, suppressed }` (+ `encoding`, `replacements` for bytes). */
  json: string;
  /** Findings in that body by rule, for the metrics. */
  findingsByRule: Record<string, number>;
}

/** Anything with the checker's two entry points (a real Checker, or a test double). */
type CheckerLike = Parameters<typeof checkSource>[0];

/** Runs one task on a checker, its findings filtered (pure apart from the checker; the worker and in-thread callers share it). */
export function runCheckTask(checker: CheckerLike, task: CheckTask): CheckTaskResult {
  const result = checkTask(checker, task);
  result.findings = filterFindings(result.findings, task);
  return result;
}

/** Runs one task and answers as `task.respond` asks. */
export function answerCheckTask(checker: CheckerLike, task: CheckTask): CheckTaskResult | CheckTaskJson {
  const result = runCheckTask(checker, task);
  return task.respond === 'json' ? jsonResponse(task, result) : result;
}

function checkTask(checker: CheckerLike, task: CheckTask): CheckTaskResult {
  const options = { directives: task.directives !== false, ...(task.kind !== undefined ? { kind: task.kind } : {}) };
  if (task.bytes !== undefined) {
    const r = checkBytes(checker, task.bytes, { ...options, ...(task.encoding !== undefined ? { encoding: task.encoding } : {}) });
    return { findings: r.findings, kind: r.kind, suppressed: r.suppressed, encoding: r.encoding, encodingSource: r.encodingSource, replacements: r.replacements, length: r.text.length };
  }
  const text = task.text ?? '';
  const r = checkSource(checker, text, options);
  return { findings: r.findings, kind: r.kind, suppressed: r.suppressed, length: text.length };
}

/** What the worker thread is started with. */
export interface CheckWorkerData {
  checker: CheckerOptions;
}

/** A message to the worker: a task, or `warm` (build the checker now, so the first request is fast). */
export type WorkerMessage = { warm: true } | { task: CheckTask };
