/**
 * What every bench section gets and gives: the shared context (corpus, bundle, emit) and the rows
 * it adds to the targets summary. One module per section under bench/sections/.
 */
import type { Corpus } from './corpus.js';

/** One line of the targets summary: a measure of issue 14's table against its target. */
export interface TargetRow {
  measure: string;
  /** What this run measured, formatted. */
  now: string;
  target: string;
  /** Whether the target holds; undefined when it was not measured. */
  met: boolean | undefined;
}

export interface BenchContext {
  /** `--quick`: smaller slices and fewer runs, for a shared machine or a fast look. */
  quick: boolean;
  /** The corpus in memory (loaded on first use: sections that work in children never load it). */
  corpus(): Corpus;
  /** Path of src/index.ts bundled as the build does, beside a copy of dist/data (built on first use). */
  bundle(): Promise<string>;
  /** Prints a markdown block and keeps it for bench/results.md. */
  emit(markdown: string): void;
  /** Adds a row to the targets summary. */
  target(row: TargetRow): void;
}

/** A child measurement: runs in a fresh process (`bench/run.ts --child NAME ARGS`), prints JSON. */
export type ChildWork = (args: string[]) => unknown;

export interface Section {
  name: string;
  /** One line for `--help`. */
  about: string;
  run(ctx: BenchContext): void | Promise<void>;
  /** The child measurements this section starts, by name. */
  children?: Record<string, ChildWork>;
}
