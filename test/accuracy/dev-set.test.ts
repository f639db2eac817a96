/**
 * The labelled dev set (test/fixtures/accuracy/, made by bench/accuracy/generate.ts) through the
 * checker with default options, against the accuracy targets of issue 4. The full report, with the
 * corpus false-positive rate, is `npm run bench:accuracy`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Checker } from '../../src/index.js';
import { CharKind } from '../../src/normalize/index.js';
import { ERROR_TYPES, readDevSet, type Case } from '../../bench/accuracy/common.js';
import { finds, matches, scoreDevSet, TARGETS, type Score } from '../../bench/accuracy/score.js';
import type { Finding } from '../../src/index.js';
import { isPeopleFinding } from '../../bench/people/score.js';

const { positives, negatives } = readDevSet();
let checker: Checker;
let score: Score;

beforeAll(() => {
  checker = createChecker();
  // undated sentences: the people rules (judged as of a date) are scored on their own set (test/people/)
  score = scoreDevSet(positives, negatives, (t) => checker.check(t).filter((f) => !isPeopleFinding(f)));
});

const NOISE_TYPES = new Set(['noise-space', 'noise-ideographic-space', 'noise-zero-width', 'noise-nbsp', 'traditional', 'lookalike-kangxi', 'lookalike-radical', 'lookalike-compat', 'noise+traditional']);

describe('the dev set is well formed', () => {
  it('has at least 600 positives, 300 hard negatives, and every error type', () => {
    expect(positives.length).toBeGreaterThanOrEqual(600);
    expect(negatives.length).toBeGreaterThanOrEqual(300);
    const types = new Set(positives.flatMap((c) => c.findings.map((l) => l.type)));
    for (const t of ERROR_TYPES) expect(types, t).toContain(t);
  });

  it('never uses a sentence twice, keeps cases to one short text, ids unique', () => {
    const all: Case[] = [...positives, ...negatives];
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(new Set(all.map((c) => c.text)).size).toBe(all.length);
    for (const c of all) expect(c.text.length, c.id).toBeLessThanOrEqual(140);
  });

  it('labels point at the corrupted phrase', () => {
    const { normalizer } = createChecker();
    for (const c of positives) {
      expect(c.findings, c.id).toHaveLength(1);
      const l = c.findings[0]!;
      expect(0 <= l.start && l.start < l.end && l.end <= c.text.length, c.id).toBe(true);
      const span = c.text.slice(l.start, l.end);
      const key = normalizer.key(span);
      if (NOISE_TYPES.has(l.type)) {
        // Noise, traditional and look-alike code points: the text normalizes to the phrase, yet differs.
        expect(key, c.id).toBe(l.expected);
        expect(span, c.id).not.toBe(l.expected);
        expect([...span].some((ch) => normalizer.kind[ch.charCodeAt(0)] !== CharKind.Plain), c.id).toBe(true);
      } else {
        expect(key, c.id).not.toBe(l.expected);
      }
    }
  });

  it('spreads positives over many phrases (at most 4 generated cases per phrase)', () => {
    const per = new Map<string, number>();
    for (const c of positives) for (const l of c.findings) if (l.type !== 'listed' && l.type !== 'real') per.set(l.expected, (per.get(l.expected) ?? 0) + 1);
    expect(per.size).toBeGreaterThanOrEqual(200);
    expect(Math.max(...per.values())).toBeLessThanOrEqual(4);
  });
});

describe('scoring', () => {
  const f = (start: number, end: number, expected: string[], detail = 'substitution'): Finding =>
    ({ rule: 'misspelling', severity: 'error', start, end, line: 1, column: start + 1, actual: '', expected, message: '', entry: 'x', detail, confidence: 0.9 }) as Finding;
  const label = { start: 4, end: 8, expected: '中华民族', detail: 'substitution', type: 'sub-homophone' as const, entry: 'x' };
  it.each([
    ['same span, same phrase', f(4, 8, ['中华民族']), true, true],
    ['overlapping, longer phrase holding it', f(2, 12, ['实现中华民族伟大复兴']), true, true],
    ['a look-alike character fix inside the phrase', f(6, 7, ['民'], 'lookalike'), false, true],
    ['another phrase', f(4, 8, ['民族团结']), false, false],
    ['touching but not overlapping', f(8, 12, ['中华民族']), false, false],
  ])('%s', (_name, finding, found, matching) => {
    expect(finds(finding, label)).toBe(found);
    expect(matches(finding, label)).toBe(matching);
  });
});

/**
 * Regression floors: what the detector reaches today (bench/accuracy/results.md), a little below
 * the measured values so that a real regression fails. The targets (TARGETS: 0.90 per type,
 * 0.97 overall) are printed by `npm run bench:accuracy`. The per-type floor leaves one miss in 40
 * of room below the target: the weakest types (edge omissions at 0.90, insertions and interior
 * omissions at 0.95 on this set) trade recall against false positives on correct text (README,
 * "Accuracy"), and a guard change that costs more than that must show up here.
 */
const FLOORS = { recallPerType: 0.875, recall: 0.97 };

describe('accuracy floors (default options)', () => {
  it.each(ERROR_TYPES.map((t) => [t]))(`recall of %s stays at its floor`, (type) => {
    const s = score.perType.find((x) => x.type === type)!;
    const misses = score.misses.filter((m) => m.label.type === type).map((m) => `${m.id}: ${m.text.slice(m.label.start, m.label.end)} → ${m.label.expected}`);
    expect(s.recall, misses.slice(0, 10).join('\n')).toBeGreaterThanOrEqual(FLOORS.recallPerType);
  });

  it(`overall recall >= ${FLOORS.recall} (target ${TARGETS.recall})`, () => {
    expect(score.recall).toBeGreaterThanOrEqual(FLOORS.recall);
  });

  it(`precision >= ${TARGETS.precision}`, () => {
    const fps = score.falsePositives.slice(0, 10).map((x) => `${x.id}: ${x.finding.actual} → ${x.finding.expected.join('|')} (${x.finding.detail})`);
    expect(score.precision, fps.join('\n')).toBeGreaterThanOrEqual(TARGETS.precision);
  });
});
