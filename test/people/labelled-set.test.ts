// The people rules on their labelled set (test/fixtures/accuracy/leaders.jsonl): the README's targets.
import { describe, expect, it } from 'vitest';
import { readPeopleCases, scorePeople, PEOPLE_TARGETS } from '../../bench/people/score.js';

describe('people rules on the labelled set', () => {
  it(`recall >= ${PEOPLE_TARGETS.recall} and precision >= ${PEOPLE_TARGETS.precision}`, () => {
    const s = scorePeople(readPeopleCases(process.cwd()));
    expect(s.labels).toBeGreaterThan(400);
    expect(s.recall).toBeGreaterThanOrEqual(PEOPLE_TARGETS.recall);
    expect(s.precision).toBeGreaterThanOrEqual(PEOPLE_TARGETS.precision);
  });
});
