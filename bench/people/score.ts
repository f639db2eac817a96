/**
 * Scoring of the people rules on their labelled set (test/fixtures/accuracy/leaders.jsonl, made by
 * make-labelled.ts). Shared by the accuracy report and test/people/labelled-set.test.ts.
 *
 * - a label is FOUND when a finding of the same rule overlaps its span (for leader-name, with the
 *   labelled name among `expected`);
 * - a finding MATCHES when it overlaps a label of the same rule; any other finding is a false
 *   positive; precision = matching / all findings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../src/index.js';
import { createPeopleStage, type PeopleStage } from '../../src/people/stage.js';

export interface PeopleLabel {
  rule: 'leader-name' | 'leader-title' | 'leader-order' | 'former-official';
  start: number;
  end: number;
  expected: string;
}
export interface PeopleCase {
  id: string;
  kind: string;
  asOf: string;
  text: string;
  labels: PeopleLabel[];
}

export const PEOPLE_TARGETS = { recall: 0.95, precision: 0.97 } as const;
const PEOPLE_RULES = new Set(['leader-name', 'leader-title', 'leader-order', 'former-official']);
export const isPeopleFinding = (f: Finding): boolean => PEOPLE_RULES.has(f.rule);

export function readPeopleCases(root: string, file?: string): PeopleCase[] {
  return readFileSync(file ?? join(root, 'test/fixtures/accuracy/leaders.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as PeopleCase);
}

const overlaps = (f: Finding, l: PeopleLabel): boolean => f.rule === l.rule && f.start < l.end && l.start < f.end;
const found = (f: Finding, l: PeopleLabel): boolean => overlaps(f, l) && (l.rule !== 'leader-name' || f.expected.includes(l.expected));

export interface PeopleScore {
  cases: number;
  labels: number;
  found: number;
  recall: number;
  findings: number;
  matching: number;
  precision: number;
  perKind: { kind: string; cases: number; labels: number; found: number; falsePositives: number }[];
  misses: { id: string; text: string; label: PeopleLabel; got: string[] }[];
  falsePositives: { id: string; text: string; finding: Finding }[];
}

/**
 * Scores every case with the people stage as of the case's date (the stage createChecker runs;
 * built per date, which is cheap, unlike a whole checker). In a full check a name the phrase
 * lexicon lists as a wrong form (习近乎) is reported once, by the lexicon: that is the same finding.
 */
export function scorePeople(cases: readonly PeopleCase[]): PeopleScore {
  const stages = new Map<string, PeopleStage>();
  const checkerFor = (asOf: string): PeopleStage => {
    let c = stages.get(asOf);
    if (!c) stages.set(asOf, (c = createPeopleStage({ asOf })));
    return c;
  };
  const score: PeopleScore = { cases: cases.length, labels: 0, found: 0, recall: 0, findings: 0, matching: 0, precision: 0, perKind: [], misses: [], falsePositives: [] };
  const kinds = new Map<string, PeopleScore['perKind'][number]>();
  for (const c of cases) {
    const k = kinds.get(c.kind) ?? { kind: c.kind, cases: 0, labels: 0, found: 0, falsePositives: 0 };
    kinds.set(c.kind, k);
    k.cases++;
    const fs = checkerFor(c.asOf).check(c.text).filter(isPeopleFinding);
    for (const l of c.labels) {
      score.labels++;
      k.labels++;
      if (fs.some((f) => found(f, l))) {
        score.found++;
        k.found++;
      } else score.misses.push({ id: c.id, text: c.text, label: l, got: fs.map((f) => `${f.rule} ${f.actual}→${f.expected.join('|')}`) });
    }
    for (const f of fs) {
      score.findings++;
      if (c.labels.some((l) => overlaps(f, l))) score.matching++;
      else {
        k.falsePositives++;
        score.falsePositives.push({ id: c.id, text: c.text, finding: f });
      }
    }
  }
  score.recall = score.labels === 0 ? 1 : score.found / score.labels;
  score.precision = score.findings === 0 ? 1 : score.matching / score.findings;
  score.perKind = [...kinds.values()].sort((a, b) => (a.kind < b.kind ? -1 : 1));
  return score;
}
