/**
 * Corpus false positives of one configuration, counted as bench/accuracy/report.ts counts them: a
 * finding (people rules aside) that is not a reviewed real error (corpus-real-errors.json), found
 * both as of today and as of the document's date. Split into 2019–2025 and the held-out 2026 slice,
 * whose findings are only COUNTED, per stage: never kept, listed or returned.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Checker, Finding } from '../../src/index.js';
import { repoRoot, type Corpus } from './common.js';
import { isPeopleFinding } from '../people/score.js';

export interface SliceCounts {
  chars: number;
  /** False positives as of today. */
  today: number;
  /** False positives as of today and as of the document's date (the figure of the target). */
  asOfDate: number;
  /** Of those, the non-word stage's. */
  nonword: number;
}

export interface CorpusCounts {
  tuned: SliceCounts;
  heldOut: SliceCounts;
  /** The held-out slice's false positives as of date, per stage (rule/detail, the non-word stage marked): counts only. */
  heldOutStages: Map<string, number>;
}

interface RealCorpusError {
  line: number;
  actual: string;
}
const realErrorsFile = join(repoRoot, 'bench/accuracy/corpus-real-errors.json');
const realErrors: RealCorpusError[] = existsSync(realErrorsFile) ? (JSON.parse(readFileSync(realErrorsFile, 'utf8')) as RealCorpusError[]) : [];
const isReal = (line: number, f: Finding): boolean => realErrors.some((r) => r.line === line && r.actual === f.actual);

const sameFinding = (a: Finding, b: Finding): boolean => a.start === b.start && a.end === b.end && a.entry === b.entry;
const stageOf = (f: Finding): string => `${f.rule}/${f.detail}${f.entry.startsWith('nonword:') ? ' (non-word stage)' : ''}`;
const slice = (): SliceCounts => ({ chars: 0, today: 0, asOfDate: 0, nonword: 0 });

/** Counts the configuration's false positives on every document: `today` checks as of today, `dated(date)` as of the document's date. */
export function countCorpus(corpus: Corpus, today: Checker, dated: (date: string) => Checker): CorpusCounts {
  const counts: CorpusCounts = { tuned: slice(), heldOut: slice(), heldOutStages: new Map() };
  corpus.lines.forEach((text, i) => {
    const date = corpus.dates[i] ?? '';
    const held = date.startsWith('2026');
    const g = held ? counts.heldOut : counts.tuned;
    g.chars += text.length;
    const fs = today.check(text).filter((f) => !isPeopleFinding(f) && !isReal(i + 1, f));
    if (fs.length === 0) return;
    const asOf = dated(date).check(text);
    for (const f of fs) {
      g.today++;
      if (!asOf.some((x) => sameFinding(f, x))) continue;
      g.asOfDate++;
      if (f.entry.startsWith('nonword:')) g.nonword++;
      if (held) counts.heldOutStages.set(stageOf(f), (counts.heldOutStages.get(stageOf(f)) ?? 0) + 1);
    }
  });
  return counts;
}
