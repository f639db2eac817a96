/**
 * The non-word stage through the checker: short misspellings nobody listed are found (a found twin
 * for each quiet sentence), with exact offsets, the word as `expected` and a confidence below the
 * curated entries'; any string is checked without a throw and with valid offsets.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createChecker } from '../../src/index.js';
import { createJiebaSegmenter } from '../../src/segment/index.js';
import { DEFAULT_NONWORD_OPTIONS, loadNonwordTable, NonwordStage } from '../../src/nonword/index.js';

const checker = createChecker({ asOf: '2026-06-30' });
const nonword = (text: string) => checker.check(text).filter((f) => f.entry.startsWith('nonword:'));

// Slips no lexicon lists (they are not in dictionaries/typo), and their correct twins.
const TWINS: [quiet: string, found: string, actual: string, expected: string][] = [
  ['要加强生态环境系统保护修复。', '要加强生态环境系统包护修复。', '包护', '保护'],
  ['这部专题文集收入重要文稿。', '这部专惕文集收入重要文稿。', '专惕', '专题'],
];

describe('non-word detection', () => {
  it.each(TWINS)('is quiet on %s and finds the slip in its twin', (quiet, found, actual, expected) => {
    expect(checker.check(quiet)).toEqual([]);
    const [f, ...rest] = nonword(found);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'misspelling', detail: 'substitution', actual, expected: [expected], severity: 'warning' });
    expect(found.slice(f!.start, f!.end)).toBe(actual);
    expect(f!.confidence).toBeGreaterThanOrEqual(0.6);
    expect(f!.confidence).toBeLessThan(0.85);
    expect(f!.message).toContain(expected);
  });

  it('keeps exact offsets after astral characters and line breaks', () => {
    const text = '𠮷𠮷\r\n第二行：要加强生态环境系统包护修复。';
    const [f] = nonword(text);
    expect(text.slice(f!.start, f!.end)).toBe('包护');
    expect(f).toMatchObject({ line: 2 });
  });

  it('is off without the built-in data (unless asked for), without fuzzy search, and without a segmenter that knows frequencies', () => {
    const slip = '要加强生态环境系统包护修复。';
    const ours = (options: Parameters<typeof createChecker>[0]) => createChecker(options).check(slip).filter((f) => f.entry.startsWith('nonword:'));
    expect(ours({})).toHaveLength(1);
    expect(ours({ fuzzy: false })).toEqual([]);
    expect(ours({ nonword: false })).toEqual([]);
    expect(ours({ builtins: false })).toEqual([]);
    // The leave-out run's checker: the lexicon given as user lexicons, the stage on.
    expect(ours({ builtins: false, nonword: true })).toHaveLength(1);
    expect(ours({ builtins: false, nonword: true, fuzzy: false })).toEqual([]);
    expect(ours({ segmenter: 'none' })).toEqual([]);
  });

  it('reports a draft only with the evidence nonwordMargin asks for (found at the default, quiet when raised past it)', () => {
    const slip = '要加强生态环境系统包护修复。';
    const ours = (nonwordMargin: number) => createChecker({ nonwordMargin }).check(slip).filter((f) => f.entry.startsWith('nonword:'));
    expect(ours(DEFAULT_NONWORD_OPTIONS.margin)).toHaveLength(1);
    expect(ours(1000)).toEqual([]);
    expect(() => createChecker({ nonwordMargin: Number.NaN })).toThrow('options.nonwordMargin');
  });

  it('passes over a count and its unit after digits', () => {
    const stage = new NonwordStage(loadNonwordTable(), { ...DEFAULT_NONWORD_OPTIONS, margin: -Infinity });
    const segmenter = createJiebaSegmenter();
    expect(stage.scored('要加强生态环境系统包护修复', segmenter).map((d) => d.written)).toContain('包护');
    expect(stage.scored('要加强生态环境系统3包护修复', segmenter).map((d) => d.written)).not.toContain('包护');
  });

  const reportedBy = (options: { margin: number; frequencyWeight: number; joinWeight: number }) => {
    const segmenter = createJiebaSegmenter();
    const stage = new NonwordStage(loadNonwordTable(), { context: 6, ...options });
    return ['要加强生态环境系统包护修复。', '这部专惕文集收入重要文稿。'].flatMap((t) => stage.drafts(t, segmenter).map((d) => t.slice(d.start, d.end)));
  };

  it("asks more context of a slip of a rarer word (专题, count 2^12 by the corpus's count) than of a frequent one (保护, 2^14)", () => {
    // Gains: 包护 10.9, 专惕 12.8; with the prior 包护 has 11.9, 专惕 11.8.
    expect(reportedBy({ margin: 11.8, frequencyWeight: 0, joinWeight: 0 })).toEqual(['专惕']);
    expect(reportedBy({ margin: 11.8, frequencyWeight: 1, joinWeight: 0 })).toEqual(['包护']);
  });

  it('asks more context of a slip whose fixed character joins its neighbour less well than the written one (惕文 against 题文), less of one that joins better (统保 against 统包)', () => {
    // Evidence without the join: 包护 11.9, 专惕 11.8; joins: 包护 +3.5, 专惕 -0.9.
    expect(reportedBy({ margin: 11.5, frequencyWeight: 1, joinWeight: 0 })).toEqual(['包护', '专惕']);
    expect(reportedBy({ margin: 11.5, frequencyWeight: 1, joinWeight: 1 })).toEqual(['包护']);
    expect(reportedBy({ margin: 15, frequencyWeight: 1, joinWeight: 0 })).toEqual([]);
    expect(reportedBy({ margin: 15, frequencyWeight: 1, joinWeight: 1 })).toEqual(['包护']);
  });

  it('leaves listed typos to their entries (即然: common-typo, confidence 1)', () => {
    const [f] = checker.check('我们即然来了，就要干好。');
    expect(f).toMatchObject({ actual: '即然', rule: 'common-typo', confidence: 1 });
  });

  it('any string: no throw, offsets valid, actual is the slice', () => {
    const stage = new NonwordStage(loadNonwordTable());
    const segmenter = createJiebaSegmenter();
    const han = fc.constantFrom(...'包护专惕题保系统生态环境修复的了在是我们即然辩别心隶理里。，“”《》·、村 \n\r\t𠮷a1'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: han, maxLength: 40 }), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 })), (text) => {
        for (const d of stage.drafts(text, segmenter)) {
          expect(d.start).toBeGreaterThanOrEqual(0);
          expect(d.end).toBeLessThanOrEqual(text.length);
          expect(d.end - d.start).toBeGreaterThanOrEqual(2);
        }
        for (const f of checker.check(text)) expect(text.slice(f.start, f.end)).toBe(f.actual);
      }),
      { numRuns: 300 },
    );
  });
});
