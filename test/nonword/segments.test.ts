/**
 * The window segmentation of the non-word stage (src/nonword/segments.ts) gives, for every version
 * of the middle, what segmenting the whole window again gives (bestSegmentationLogP), and the
 * evidence adds the word-frequency prior to the gain.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createJiebaSegmenter } from '../../src/segment/index.js';
import { bestSegmentationLogP } from '../../src/judge/rules/word-probability.js';
import { WindowSegments } from '../../src/nonword/segments.js';
import { nonwordEvidence, PRIOR_REFERENCE_BUCKET } from '../../src/nonword/stage.js';

const segmenter = createJiebaSegmenter();
const frequency = (w: string): number => segmenter.frequency!(w);

describe('window segmentation', () => {
  it('equals the whole window segmented again, for any middle', () => {
    const han = fc.constantFrom(...'要加强生态环境系统保护包护修复的了在是我们国家发展改革委员会中华人民共和国一'.split(''));
    const segments = new WindowSegments();
    fc.assert(
      fc.property(fc.string({ unit: han, minLength: 2, maxLength: 14 }), fc.nat(), fc.constantFrom(2, 3), fc.string({ unit: han, minLength: 3, maxLength: 3 }), (text, at, length, other) => {
        const start = at % (text.length - 1);
        const end = Math.min(text.length, start + length);
        const middle = other.slice(0, end - start);
        segments.reset(text, start, end, frequency);
        const swapped = text.slice(0, start) + middle + text.slice(end);
        expect(segments.logP(middle, frequency)).toBeCloseTo(bestSegmentationLogP(swapped, frequency), 9);
        expect(segments.logP(text.slice(start, end), frequency)).toBeCloseTo(bestSegmentationLogP(text, frequency), 9);
      }),
      { numRuns: 300 },
    );
  });

  it('handles a middle at either edge of the window', () => {
    const segments = new WindowSegments();
    for (const [text, start, end] of [['保护环境', 0, 2], ['加强保护', 2, 4], ['保护', 0, 2]] as const) {
      segments.reset(text, start, end, frequency);
      expect(segments.logP('包护', frequency)).toBeCloseTo(bestSegmentationLogP(text.slice(0, start) + '包护' + text.slice(end), frequency), 9);
    }
  });
});

describe('evidence', () => {
  it("is the gain plus one nat per doubling of the word's count above 2^13 (fewer below)", () => {
    expect(nonwordEvidence({ gain: 9, bucket: PRIOR_REFERENCE_BUCKET })).toBe(9);
    expect(nonwordEvidence({ gain: 9, bucket: 16 })).toBe(12);
    expect(nonwordEvidence({ gain: 9, bucket: 10 })).toBe(6);
    expect(nonwordEvidence({ gain: 9, bucket: 10 }, { frequencyWeight: 0 })).toBe(9);
  });
});
