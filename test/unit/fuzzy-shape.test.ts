/**
 * Substitutions by a shape-code look-alike (the unihan:shape basis of lookalike-pairs.tsv, kind
 * `shape`): found in phrases under six characters, where an unconfusable substitution is not tried,
 * with less confidence than a curated look-alike; numerals are no such pair.
 */
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';

const PHRASES = ['如火如荼', '素昧平生', '中华民族', '三严三实'];
const lexicon = `kind: mandated\nsource: test\nentries:\n${PHRASES.map((p, i) => `  - id: s${i}\n    text: ${p}\n`).join('')}`;
const checker = createChecker({ builtins: false, asOf: '2025-06-01', lexicons: [{ name: 'phrases.yaml', text: lexicon }] });
const found = (text: string, phrase: string) => checker.check(text).filter((f) => f.rule === 'misspelling' && f.expected.includes(phrase));

describe('a shape-code look-alike substitution', () => {
  it('is found: 茶 for 荼 (four-corner 4490, Cangjie TOD/TOMD), 味 for 昧 (6509, RJD/AJD)', () => {
    expect(found('各项赛事正在如火如茶地进行。', '如火如荼')).toMatchObject([{ actual: '如火如茶', detail: 'substitution' }]);
    expect(found('两人素味平生，却一见如故。', '素昧平生')).toMatchObject([{ actual: '素味平生', detail: 'substitution' }]);
  });

  it('has less confidence than a curated look-alike (族/旅)', () => {
    const [shape] = found('各项赛事正在如火如茶地进行。', '如火如荼');
    const [curated] = found('铸牢中华民旅共同体意识。', '中华民族');
    expect(shape!.confidence).toBeLessThan(curated!.confidence);
  });

  it('is quiet for a character confusable by nothing, and for numerals (二/三 share their codes but are no pair)', () => {
    expect(found('各项赛事正在如火如花地进行。', '如火如荼')).toEqual([]);
    expect(found('深入开展二严三实专题教育。', '三严三实')).toEqual([]);
  });
});
