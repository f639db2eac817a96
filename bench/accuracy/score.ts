/**
 * Scoring of the dev set. Shared by the report (bench/accuracy/report.ts) and the CI test
 * (test/accuracy/), so both apply the same definitions:
 *
 * - a label is FOUND when some finding overlaps its span and one of the finding's `expected`
 *   strings contains the labelled expected phrase (a finding for a longer mandated phrase that
 *   holds the labelled one also fixes it);
 * - a finding MATCHES a label when it overlaps the span and its correction is consistent with the
 *   label: an `expected` string contains the labelled phrase or is contained in it (this admits the
 *   per-character `lookalike-char` finding that comes with a look-alike code point inside a phrase);
 * - a finding that matches no label is a false positive; precision = matching / all findings.
 */
import type { Finding } from '../../src/index.js';
import { ERROR_TYPES, type Case, type ErrorType, type Label } from './common.js';

export const TARGETS = { recall: 0.97, recallPerType: 0.9, precision: 0.97, fpPer100k: 0.3 } as const;

const overlaps = (f: Finding, l: Label): boolean => f.start < l.end && l.start < f.end;

export function finds(f: Finding, l: Label): boolean {
  return overlaps(f, l) && f.expected.some((e) => e.includes(l.expected));
}

export function matches(f: Finding, l: Label): boolean {
  return overlaps(f, l) && f.expected.some((e) => e !== '' && (e.includes(l.expected) || l.expected.includes(e)));
}

export interface Miss {
  id: string;
  text: string;
  label: Label;
  /** What tifa reported in the text instead (brief). */
  got: string[];
}

export interface FalsePositive {
  id: string;
  text: string;
  finding: Finding;
  negative: boolean;
}

export interface TypeScore {
  type: ErrorType;
  total: number;
  found: number;
  /** Found with the labelled `detail`. */
  detailAgrees: number;
  recall: number;
}

export interface Score {
  perType: TypeScore[];
  labels: number;
  found: number;
  recall: number;
  findings: number;
  matching: number;
  precision: number;
  /** Negatives with at least one finding. */
  negativesFlagged: number;
  negatives: number;
  misses: Miss[];
  falsePositives: FalsePositive[];
  /** Characters of the negative texts. */
  negativeChars: number;
}

export const briefFinding = (f: Finding): string => `${f.actual}→${f.expected.join('|')} (${f.rule}/${f.detail} ${f.start}-${f.end})`;

export function scoreDevSet(positives: readonly Case[], negatives: readonly Case[], check: (text: string) => Finding[]): Score {
  const perType = new Map<ErrorType, TypeScore>();
  for (const t of ERROR_TYPES) perType.set(t, { type: t, total: 0, found: 0, detailAgrees: 0, recall: 0 });
  const misses: Miss[] = [];
  const falsePositives: FalsePositive[] = [];
  let labels = 0;
  let found = 0;
  let findings = 0;
  let matching = 0;
  let negativesFlagged = 0;
  let negativeChars = 0;
  for (const c of [...positives, ...negatives]) {
    const fs = check(c.text);
    findings += fs.length;
    const negative = c.findings.length === 0;
    if (negative) {
      negativeChars += c.text.length;
      if (fs.length > 0) negativesFlagged++;
    }
    for (const f of fs) {
      if (c.findings.some((l) => matches(f, l))) matching++;
      else falsePositives.push({ id: c.id, text: c.text, finding: f, negative });
    }
    for (const l of c.findings) {
      labels++;
      const s = perType.get(l.type)!;
      s.total++;
      const hit = fs.filter((f) => finds(f, l));
      if (hit.length > 0) {
        found++;
        s.found++;
        if (hit.some((f) => f.detail === l.detail)) s.detailAgrees++;
      } else {
        misses.push({ id: c.id, text: c.text, label: l, got: fs.map(briefFinding) });
      }
    }
  }
  for (const s of perType.values()) s.recall = s.total === 0 ? 1 : s.found / s.total;
  return {
    perType: [...perType.values()].filter((s) => s.total > 0),
    labels,
    found,
    recall: labels === 0 ? 1 : found / labels,
    findings,
    matching,
    precision: findings === 0 ? 1 : matching / findings,
    negativesFlagged,
    negatives: negatives.length,
    misses,
    falsePositives,
    negativeChars,
  };
}
