/**
 * The edits the fuzzy search tries beyond confusable substitutions (issue 13 §2): each with a found
 * sentence and a quiet twin that reads as another right wording.
 */
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';

const checker = createChecker({ asOf: '2025-06-01' });
const fuzzyOn = (text: string, phrase: string) => checker.check(text).filter((f) => f.rule === 'misspelling' && f.expected.includes(phrase));

describe('one unconfusable substitution inside a phrase of six or more characters', () => {
  it('is found, with lower confidence than a confusable one', () => {
    const [f] = fuzzyOn('要铸牢中华民族共同体识识，推进各项工作。', '铸牢中华民族共同体意识');
    expect(f).toMatchObject({ actual: '铸牢中华民族共同体识识', detail: 'substitution' });
    expect(f!.confidence).toBeLessThan(0.75);
    const [g] = fuzzyOn('推进国家治理体系和治理能力现伐化。', '推进国家治理体系和治理能力现代化');
    expect(g).toMatchObject({ actual: '推进国家治理体系和治理能力现伐化', detail: 'substitution' });
  });

  it('is quiet where the text reads as another right wording', () => {
    for (const [text, phrase] of [
      ['深入学习贯彻党的十九届五中全会精神。', '党的十九届六中全会'],
      ['坚定不移推进高质量发展。', '推动高质量发展'],
      ['完善中国特色社会主义法律体系。', '中国特色社会主义法治体系'],
      ['常态化开展扫黑险恶斗争。', '常态化开展扫黑除恶斗争'],
    ] as const) {
      expect(fuzzyOn(text, phrase), text).toEqual([]);
    }
  });

  it('is not tried at the phrase edge nor in phrases under six characters', () => {
    expect(fuzzyOn('加快建设农业强省。', '加快建设农业强国')).toEqual([]);
    expect(fuzzyOn('要增强四个意织。', '四个意识').filter((f) => f.actual === '四个意织' && f.confidence < 0.75)).toEqual([]);
  });
});
