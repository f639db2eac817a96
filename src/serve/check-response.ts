/**
 * What a check task hands back, shaped on the worker thread: the findings filtered by the
 * request's rules and minConfidence, and for the HTTP service the response body already
 * serialized, with the findings counted by rule for the metrics. Doing this beside the check keeps
 * the event loop's share of a request small (no filtering, no JSON.stringify, and one string to
 * copy between threads instead of a structured clone of every finding object).
 */
import type { Finding } from '../types.js';
import type { CheckTask, CheckTaskJson, CheckTaskResult } from './check-task.js';

/** The findings of the rules asked for with at least the confidence asked for (all when neither is given). */
export function filterFindings(findings: Finding[], filter: Pick<CheckTask, 'rules' | 'minConfidence'>): Finding[] {
  const { rules, minConfidence } = filter;
  if (rules === undefined && minConfidence === undefined) return findings;
  return findings.filter((f) => (rules === undefined || rules.includes(f.rule)) && (minConfidence === undefined || f.confidence >= minConfidence));
}

/** How many findings of each rule. */
export function countByRule(findings: ReadonlyArray<{ rule: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
  return counts;
}

/**
 * The body of POST /v1/check's answer: `{ findings, kind, suppressed }`, and for bytes (a raw
 * text/html or text/plain request) `encoding` and `replacements` after them. Key order is part of
 * the output: clients may compare bodies byte for byte.
 */
export function responseBody(result: CheckTaskResult, fromBytes: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = { findings: result.findings, kind: result.kind, suppressed: result.suppressed };
  if (fromBytes) {
    body.encoding = result.encoding;
    body.replacements = result.replacements;
  }
  return body;
}

/** The result (findings already filtered) as the serialized HTTP body and the counts by rule. */
export function jsonResponse(task: CheckTask, result: CheckTaskResult): CheckTaskJson {
  return { json: JSON.stringify(responseBody(result, task.bytes !== undefined)), findingsByRule: countByRule(result.findings) };
}
