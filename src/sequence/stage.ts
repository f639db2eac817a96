/**
 * The sequence stage of a check: loads the built-in sequence entries and users' `kind: sequence`
 * lexicons once (throwing LexiconError with `file:line: reason` for bad files), compiles them into
 * one automaton, and turns the pure check of check.ts into `wrong-formulation` findings.
 * createChecker calls it beside the phrase and people stages and merges.
 */
import { LexiconError, type LexiconIssue } from '../errors.js';
import { LocationIndex } from '../findings/location.js';
import type { Finding } from '../types.js';
import { loadBuiltinSequences } from './builtin.js';
import { checkSequences, compileSequences, type CompiledSequences, type SequenceHit } from './check.js';
import { isSequenceYaml, parseSequenceFile, validateSequences } from './parse.js';
import type { SequenceEntry } from './types.js';

export interface SequenceStageOptions {
  /** Use the built-in entries (dictionaries/sequence/). Default: true. */
  builtins?: boolean;
  /** Lexicon sources; those with `kind: sequence` join, the others are ignored here. Default: none. */
  lexicons?: readonly { name: string; text: string }[];
  /** YYYY-MM-DD: entries not in force on this date are skipped. */
  asOf: string;
  /** The normalizer's code-unit map and string form, so that items match as phrases do. Default: identity. */
  normalizer?: { map: Uint16Array; normalize(text: string): string };
}

export interface SequenceStage {
  /** `wrong-formulation` findings of wrong order or pairing, sorted by position, offsets into `text`. */
  check(text: string): Finding[];
  readonly entries: readonly SequenceEntry[];
}

/** Whether a lexicon source is a sequence file (routed here rather than to the phrase lexicons). */
export const isSequenceSource = (source: { text: string }): boolean => isSequenceYaml(source.text);

export function createSequenceStage(options: SequenceStageOptions): SequenceStage {
  const all: SequenceEntry[] = options.builtins === false ? [] : [...loadBuiltinSequences()];
  const issues: LexiconIssue[] = [];
  for (const source of options.lexicons ?? []) {
    if (!isSequenceSource(source)) continue;
    const parsed = parseSequenceFile(source.name, source.text);
    for (const i of parsed.issues) issues.push(i);
    for (const e of parsed.entries) all.push(e);
  }
  for (const i of validateSequences(all)) issues.push(i);
  if (issues.length > 0) throw new LexiconError(issues);
  const date = options.asOf;
  const entries = all.filter((e) => (e.since === undefined || e.since <= date) && (e.until === undefined || date < e.until));
  let compiled: CompiledSequences | undefined;
  const map = options.normalizer?.map;
  return {
    entries,
    check(text: string): Finding[] {
      if (entries.length === 0) return [];
      compiled ??= compileSequences(entries, options.normalizer ? (s) => options.normalizer!.normalize(s) : undefined);
      const hits = checkSequences(text, compiled, map);
      if (hits.length === 0) return [];
      const location = new LocationIndex(text);
      return hits.map((h) => toFinding(text, h, location));
    },
  };
}

const quote = (s: string): string => `“${s}”`;

function toFinding(text: string, hit: SequenceHit, location: LocationIndex): Finding {
  const at = location.locate(hit.start)!;
  const e = hit.entry;
  const [verb, object] = hit.why.split('|');
  const finding: Finding = {
    rule: 'wrong-formulation',
    severity: e.severity,
    start: hit.start,
    end: hit.end,
    line: at.line,
    column: at.column,
    actual: text.slice(hit.start, hit.end),
    expected: [hit.expected],
    message:
      hit.kind === 'order'
        ? `${quote(e.label)}的次序有误，应为${quote(hit.why)}`
        : `${quote(object!)}不与${quote(verb!)}搭配，应为：${hit.expected}`,
    entry: e.id,
    detail: hit.kind === 'order' ? 'order' : 'pairing',
    confidence: 1,
    source: e.source,
  };
  if (e.note !== undefined) finding.note = e.note;
  return finding;
}

/**
 * Merges the sequence findings into the others: where a listed wrong form already reports the same
 * text (协调推进“五位一体”总体布局 is a variant too), it is reported once, by the lexicon.
 */
export function mergeSequenceFindings(base: Finding[], sequence: Finding[]): Finding[] {
  if (sequence.length === 0) return base;
  const kept = sequence.filter((s) => !base.some((b) => b.start < s.end && s.start < b.end && b.rule === 'wrong-formulation'));
  if (kept.length === 0) return base;
  return [...base, ...kept].sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}
