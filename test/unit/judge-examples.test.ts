/**
 * The judge's rules and their examples (src/judge/rules/): every rule has a quiet sentence that it
 * drops, alone (no other rule would drop that candidate, so the rule is needed), and a found twin
 * with a real slip that is reported. A rule no example needs has no place in the table.
 */
import { describe, expect, it } from 'vitest';
import { createChecker, type Checker, type CheckerOptions, type Segmenter } from '../../src/index.js';
import { createJiebaSegmenter } from '../../src/segment/index.js';
import { calibrationFor, JIEBA_FREQUENCIES, RULES } from '../../src/judge/index.js';

const checkers = new Map<string, Checker>();
const checkerWith = (options: CheckerOptions = {}): Checker => {
  const key = JSON.stringify(options);
  let c = checkers.get(key);
  if (!c) checkers.set(key, (c = createChecker(options)));
  return c;
};

const judged = RULES.filter((r) => !r.shadow);
const cases = judged.flatMap((rule) => rule.examples.map((example, i) => ({ id: rule.id, i, ...example })));

describe('every rule of the judge', () => {
  it('has an id of its own, a doc and at least one example', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of judged) {
      expect(r.doc.length, r.id).toBeGreaterThan(20);
      expect(r.examples.length, `${r.id} has no example`).toBeGreaterThan(0);
    }
  });

  it.each(cases)('$id: the quiet sentence is dropped by this rule alone ($quiet)', ({ id, quiet, options }) => {
    const { findings, dropped } = checkerWith(options).explain(quiet);
    expect(findings.map((f) => f.actual)).toEqual([]);
    const decidedBy = dropped.map((d) => d.dropBy.map((x) => x.rule));
    expect(decidedBy).toContainEqual([id]);
  });

  it.each(cases)('$id: its twin is reported ($found)', ({ found, options }) => {
    expect(checkerWith(options).check(found).length).toBeGreaterThan(0);
  });
});

describe('a segmenter without frequencies', () => {
  const jieba = createJiebaSegmenter();
  const cutOnly: Segmenter = { cut: (t) => jieba.cut(t) };
  const checker = createChecker({ segmenter: cutOnly, explain: true });

  it('turns the rules that read frequencies off: they decide nothing and the trace says so', () => {
    // jieba's reading drops 国安全 by four frequency rules (全国|安全 across the edge ...).
    expect(createChecker().check('全国安全形势总体稳定')).toEqual([]);
    const [finding] = checker.check('全国安全形势总体稳定');
    expect(finding).toMatchObject({ actual: '国安全', expected: ['国家安全'] });
    expect(finding!.explain!.off).toContain('crossing-word-at-edit');
    expect(finding!.explain!.off).toContain('omission-four-glued');
    expect(finding!.explain!.passed).not.toContain('crossing-word-at-edit');
  });

  it('keeps the rules that need only the words', () => {
    const { dropped } = checker.explain('这个新时代是中国特色社会主义新时代');
    expect(dropped.map((d) => d.dropBy.map((x) => x.rule))).toContainEqual(['insertion-function-between-words']);
  });
});

describe('calibration', () => {
  it("is jieba's for a segmenter with frequencies, its own where it brings them, none without frequencies", () => {
    const cut = (t: string): string[] => [t];
    expect(calibrationFor({ cut, frequency: () => 1 }).frequency).toEqual(JIEBA_FREQUENCIES);
    const own = calibrationFor({ cut, frequency: () => 1, calibration: { dictionary: 'mine', frequency: { word: 7 } } });
    expect(own).toMatchObject({ dictionary: 'mine', frequency: { ...JIEBA_FREQUENCIES, word: 7 } });
    expect(calibrationFor({ cut }).frequency).toBeUndefined();
    expect(calibrationFor(undefined).frequency).toBeUndefined();
  });
  it("a segmenter's own thresholds change what the rules decide", () => {
    const jieba = createJiebaSegmenter();
    const strict: Segmenter = { cut: (t) => jieba.cut(t), frequency: (w) => jieba.frequency!(w), tag: (w) => jieba.tag!(w), calibration: { dictionary: 'strict', frequency: { morpheme: 1e12 } } };
    // 副 (a common morpheme in jieba's counts) is no longer common enough to be a modifier.
    expect(createChecker({ segmenter: strict }).check('全国政协副主席何立峰出席').map((f) => f.actual)).toEqual(['全国政协副主席']);
  });
});

describe('explain', () => {
  it('lists every dropped candidate with the rules and their evidence', () => {
    const { findings, dropped } = createChecker().explain('全国政协副主席何立峰出席');
    expect(findings).toEqual([]);
    expect(dropped).toEqual([expect.objectContaining({ actual: '全国政协副主席', expected: ['全国政协主席'], detail: 'insertion', dropBy: [{ rule: 'insertion-modifier', evidence: expect.stringContaining('副') }] })]);
    expect(dropped[0]!.reading).toContain('|');
  });
  it('attaches the trace to findings when asked, and only then', () => {
    const text = '推动构建新发展楼格局';
    const [plain] = createChecker().check(text);
    expect(plain!.explain).toBeUndefined();
    const [traced] = createChecker({ explain: true }).check(text);
    expect({ ...traced, explain: undefined }).toEqual({ ...plain, explain: undefined });
    expect(traced!.explain!.passed).toContain('insertion-modifier');
    expect(traced!.explain!.reading).toContain('发展|楼|格局');
  });
  it("without a segmenter the reading rules are off, and the trace says so; HTML findings keep their trace", () => {
    const [f] = createChecker({ segmenter: 'none', explain: true }).check('全国安全形势总体稳定');
    expect(f!.explain!.off).toEqual(expect.arrayContaining(['crossing-word-at-edit', 'omission-droppable-particle']));
    expect(f!.explain!.reading).toBeUndefined();
    const [h] = createChecker({ explain: true }).checkHtml('<p>推动构建新发展<b>楼</b>格局</p>');
    expect(h).toMatchObject({ text: '新发展楼格局', explain: { passed: expect.arrayContaining(['insertion-modifier']) } });
  });
  it('rejects a non-boolean option', () => {
    expect(() => createChecker({ explain: 'yes' as unknown as boolean })).toThrow(/options.explain/);
  });
});
