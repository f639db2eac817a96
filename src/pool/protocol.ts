/** The messages between the pool (./index.ts) and its workers (./worker.ts). */
import type { CheckerOptions } from '../checker.js';
import type { Finding } from '../types.js';
import type { FindingFilter } from '../findings/filter.js';

/** The pool's `source.stopAfter`: a file's check stops once `count` findings the filter keeps are found. */
export interface StopAfter extends FindingFilter {
  count: number;
}

/** What a worker is started with (structured-cloneable). */
export interface WorkerData {
  /** URL of the module whose createChecker (and checkBytes) the worker calls. */
  entry: string;
  /** URL of tsx's API, when `entry` is TypeScript source. */
  tsxApi: string | undefined;
  /** The pool's `source` option, with `htmlExtensions` filled in and lower-cased. */
  source: { kind?: 'html' | 'text'; directives?: boolean; encoding?: string; htmlExtensions: readonly string[]; stopAfter?: StopAfter } | undefined;
  options: CheckerOptions;
  includeText: boolean;
  /** Lower-cased file endings checked as HTML (without `source`). */
  html: readonly string[];
}

/** One file to check, or one of `part.count` ranges of a large text file (see ./ranges.ts). */
export interface WorkerTask {
  id: number;
  file: string;
  part?: { index: number; count: number };
}

/** A worker's answer: a setup failure, or one file's (or one range's) result. */
export interface WorkerReply {
  setupError?: { message: string; name: string };
  id?: number;
  findings?: Finding[] | unknown[];
  text?: string;
  source?: { kind: 'html' | 'text'; suppressed: number; encoding: string; encodingSource: string; replacements: number; bytes: number; encodingWarning?: string; stopped?: boolean };
  error?: { message: string; code?: string };
  /** For a range: where it emits (the findings are every finding of its window, offsets into the whole text). */
  range?: { emitFrom: number; cut: number };
}
