/**
 * Kinds of edit a target does not report (Keep bits: the phrase bank's and the idiom list's, see
 * bankKeeps) are dropped in the scan itself. Law: with a mask, verifyAnchor gives exactly the
 * candidate it gives without one when that candidate's kind is kept, and nothing otherwise; and
 * mayContinueKept with the mask turns away only anchors whose verification gives nothing. Phrases
 * and texts over a four-character alphabet, so that repeats, swaps and ambiguous alignments are
 * common.
 */
import { describe, expect, it } from 'vitest';
import { anchorPieces, FuzzyScratch, Keep, mayContinueKept, mayContinueWith, verifyAnchor, type FuzzyTarget } from '../../src/fuzzy/index.js';
import { seededRandom } from '../../bench/lib/random.js';

const ALPHABET = [0x4e00, 0x4e01, 0x4e02, 0x4e03]; // 一 丁 丂 七
const map = Uint16Array.from({ length: 65536 }, (_, i) => i);
const kind = new Uint8Array(65536);
kind[0x20] = 1; // a space is skipped
const confusion = (a: number, b: number): number => ((a ^ b) === 1 ? 1 : 0); // 一~丁, 丂~七
const BIT: Record<string, number> = { substitution: Keep.Substitution, omission: Keep.Omission, insertion: Keep.Insertion, duplication: Keep.Duplication, transposition: Keep.Transposition };
const MASKS = [Keep.Substitution | Keep.Duplication | Keep.Transposition, Keep.Substitution | Keep.Duplication, Keep.Substitution | Keep.Omission | Keep.Duplication, Keep.Substitution];

function target(codes: number[], otherSub: boolean, edgeDuplication: boolean): FuzzyTarget {
  const c = Uint16Array.from(codes);
  return { entry: 0, text: String.fromCharCode(...codes), codes: c, reversed: c.slice().reverse(), otherSub, edgeDuplication };
}

describe('Keep masks in verification', () => {
  it('drop exactly the candidates of kinds not kept, and the pre-test turns away nothing kept', () => {
    const rng = seededRandom(14);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(rng() * a.length)]!;
    const s = new FuzzyScratch();
    let kept = 0;
    let dropped = 0;
    for (let trial = 0; trial < 3000; trial++) {
      const length = 4 + Math.floor(rng() * 5);
      const codes = Array.from({ length }, () => pick(ALPHABET));
      const t = target(codes, rng() < 0.3, rng() < 0.5);
      const text = Array.from({ length: length + 6 }, () => pick(ALPHABET));
      const str = String.fromCharCode(...text);
      for (const [offset, pieceLength] of anchorPieces(length)) {
        const piece = String.fromCharCode(...codes.slice(offset, offset + pieceLength));
        for (let at = str.indexOf(piece); at >= 0; at = str.indexOf(piece, at + 1)) {
          const end = at + pieceLength;
          const full = verifyAnchor(str, at, end, t, 0, offset, pieceLength, map, kind, confusion, s);
          // What the scanner reads of the side verified first (the one after the piece, else before it).
          const right = offset + pieceLength < length;
          const side = right ? t.codes : t.reversed;
          const from = right ? offset + pieceLength : length - offset;
          const rest = length - from;
          for (const mask of MASKS) {
            const got = verifyAnchor(str, at, end, t, 0, offset, pieceLength, map, kind, confusion, s, mask);
            const want = full !== undefined && (BIT[full.detail]! & mask) !== 0 ? full : undefined;
            expect(got, `${t.text} in ${str} at ${at}, mask ${mask}`).toEqual(want);
            if (want) kept++;
            else if (full) dropped++;
            const may = mayContinueKept(str, right ? end : at - 1, right ? 1 : -1, side[from]!, rest >= 2 ? side[from + 1]! : -1, rest === 1 && length >= 5, map, kind, confusion, mask, side[from - 1]!, t.otherSub === true);
            if (!may) expect(got, `pre-test turned away ${t.text} in ${str} at ${at}, mask ${mask}`).toBeUndefined();
          }
          expect(mayContinueWith(str, right ? end : at - 1, right ? 1 : -1, side[from]!, rest >= 2 ? side[from + 1]! : -1, rest === 1 && length >= 5, map, kind, confusion) || full === undefined).toBe(true);
        }
      }
    }
    expect(kept).toBeGreaterThan(100);
    expect(dropped).toBeGreaterThan(100);
  });
});
