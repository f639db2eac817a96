/**
 * Which findings are reported (the CLI's --severity and --rule), as plain data: it crosses to the
 * pool's workers, which stop a file's check once enough reported findings are found.
 */
import type { Finding, Severity } from '../types.js';

export interface FindingFilter {
  /** The least severity reported. Default: 'info' (every finding). */
  severity?: Severity;
  /** Only findings of these rules. Default: empty, every rule. */
  rules?: readonly string[];
}

/** Severities from least to most severe. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** The filter as a predicate. */
export function findingFilter(filter: FindingFilter): (f: Finding) => boolean {
  const min = SEVERITY_RANK[filter.severity ?? 'info'];
  const rules = filter.rules ?? [];
  return (f) => SEVERITY_RANK[f.severity] >= min && (rules.length === 0 || rules.includes(f.rule));
}
