/**
 * The edits the fuzzy search tries beyond confusable substitutions (issue 13 §2): each with found
 * sentences and quiet twins that read as another right wording. The phrases come from a lexicon of
 * the test's own, so that what the built-in lexicon lists elsewhere does not decide.
 */
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';

const PHRASES = [
  '铸牢中华民族共同体意识', '推进国家治理体系和治理能力现代化', '党的十九届六中全会', '推动高质量发展', '中国特色社会主义法治体系',
  '常态化开展扫黑除恶斗争', '加快建设农业强国', '四个意识', '推动构建人类命运共同体', '全过程人民民主', '中央统战部', '中国共产党',
  '习近平新时代中国特色社会主义思想', '人力资源社会保障部', '实事求是', '碳达峰碳中和',
];
const lexicon = `kind: mandated\nsource: test\nentries:\n${PHRASES.map((p, i) => `  - id: t${i}\n    text: ${p}\n`).join('')}`;
const checker = createChecker({ builtins: false, asOf: '2025-06-01', lexicons: [{ name: 'phrases.yaml', text: lexicon }] });
const found = (text: string, phrase: string) => checker.check(text).filter((f) => f.rule === 'misspelling' && f.expected.includes(phrase));

describe('one unconfusable substitution inside a phrase of six or more characters', () => {
  it('is found, with lower confidence than a confusable one', () => {
    const [f] = found('要铸牢中华民族共同体识识，推进各项工作。', '铸牢中华民族共同体意识');
    expect(f).toMatchObject({ actual: '铸牢中华民族共同体识识', detail: 'substitution' });
    expect(f!.confidence).toBeLessThan(0.75);
    expect(found('推进国家治理体系和治理能力现伐化。', '推进国家治理体系和治理能力现代化')).toMatchObject([{ actual: '推进国家治理体系和治理能力现伐化', detail: 'substitution' }]);
  });

  it('is quiet where the text reads as another right wording', () => {
    for (const [text, phrase] of [
      ['深入学习贯彻党的十九届五中全会精神。', '党的十九届六中全会'],
      ['坚定不移推进高质量发展。', '推动高质量发展'],
      ['完善中国特色社会主义法律体系。', '中国特色社会主义法治体系'],
      ['常态化开展扫黑险恶斗争。', '常态化开展扫黑除恶斗争'],
    ] as const) {
      expect(found(text, phrase), text).toEqual([]);
    }
  });

  it('is not tried at the phrase edge nor in phrases under six characters', () => {
    expect(found('加快建设农业强省。', '加快建设农业强国')).toEqual([]);
    expect(found('要增强四个意头。', '四个意识')).toEqual([]);
  });
});

describe("a phrase's first or last character written twice", () => {
  it('is found after the phrase and before it', () => {
    expect(found('推动构建人类命运共同体体，促进共同发展。', '推动构建人类命运共同体')).toMatchObject([{ actual: '推动构建人类命运共同体体', detail: 'duplication' }]);
    expect(found('积极发展全全过程人民民主。', '全过程人民民主')).toMatchObject([{ actual: '全全过程人民民主', detail: 'duplication' }]);
  });

  it('is quiet where the character is the next word: a function character, the edge of a word outside, across a space', () => {
    for (const [text, phrase] of [
      ['中央统战部部长出席会议。', '中央统战部'],
      ['他是中国共产党党员。', '中国共产党'],
      ['印发《中国共产党党和国家机关基层组织工作条例》。', '中国共产党'],
      ['深入学习习近平新时代中国特色社会主义思想。', '习近平新时代中国特色社会主义思想'],
      ['新增就业564万人 人力资源社会保障部表示。', '人力资源社会保障部'],
      ['文章指出，实事求是是马克思主义的精髓。', '实事求是'],
      ['碳达峰碳中和和“1+N”政策体系已经建立。', '碳达峰碳中和'],
    ] as const) {
      expect(found(text, phrase), text).toEqual([]);
    }
  });
});
