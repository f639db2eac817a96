/**
 * Look-alike pairs from Unihan shape codes (the `unihan:shape` basis of lookalike-pairs.tsv).
 *
 * Two characters look alike when both of two independent shape descriptions agree:
 *   - the four-corner code (kFourCornerCode, first four digits): the strokes at the four corners,
 *     so the outline of the character; and
 *   - the Cangjie code (kCangjie): the components, first to last; at most CANGJIE_EDITS letter edits
 *     apart (one component drawn differently or added);
 * and their stroke counts (kTotalStrokes, first value) differ by at most STROKE_SLACK; numerals
 * are left out (NUMERALS).
 * 味 6509 RJD 8 / 昧 6509 AJD 9; 茶 4490 TOD 9 / 荼 4490 TOMD 10; 室 3010 JMIG 9 / 宝 3010 JMGI 8.
 * The thresholds were chosen against tifa's curated pairs (see dictionaries/derived/README.md).
 *
 * Pure: the caller reads the Unihan rows (build-tables.ts, with sql.js) and passes them in.
 */
import { distance as levenshtein } from 'fastest-levenshtein';

/** Unihan's shape fields of one character. */
export interface ShapeCodes {
  /** Four-corner codes, first four digits each (some characters have two). */
  readonly corners: readonly string[];
  /** Cangjie codes (upper-case letters). */
  readonly cangjie: readonly string[];
  /** Total strokes (the first value: the mainland form). */
  readonly strokes: number;
}

export const CANGJIE_EDITS = 1;
/**
 * Numerals pair with no character here: 二/三 or 三/五 in 第五届 or 三中全会 is another number, not a slip
 * a checker can tell (and their outlines are a few strokes, which the codes tell apart poorly).
 */
export const NUMERALS = new Set([...'〇零一二两三四五六七八九十百千万亿']);
export const STROKE_SLACK = 2;
/**
 * Off (0): the left-part swap pass (see ShapeRule) added 2,750 pairs, 36 of the 139 curated pairs
 * found instead of 17, but in bench:accuracy no planted error more and one 2019-2025 false positive
 * (市场监管司 for 市场监管局); most such pairs share a phonetic and are homophones already.
 */
export const LEFT_SWAP_MIN_CANGJIE = 0;

/** One Unihan row as read from the database: character, kFourCornerCode, kCangjie, kTotalStrokes. */
export type UnihanShapeRow = readonly [string, string | null, string | null, string | null];

/** Parses the rows of the characters in `keep` (rows without a four-corner or Cangjie code are left out). */
export function parseShapeRows(rows: Iterable<UnihanShapeRow>, keep: ReadonlySet<string>): Map<string, ShapeCodes> {
  const out = new Map<string, ShapeCodes>();
  for (const [ch, corner, cangjie, strokes] of rows) {
    if (!keep.has(ch)) continue;
    const corners = [...new Set(words(corner).map((c) => c.slice(0, 4)))].filter((c) => /^\d{4}$/.test(c));
    const codes = words(cangjie).filter((c) => /^[A-Z]+$/.test(c));
    const total = parseInt(words(strokes)[0] ?? '', 10);
    if (corners.length === 0 || codes.length === 0 || !Number.isFinite(total)) continue;
    out.set(ch, { corners, cangjie: codes, strokes: total });
  }
  return out;
}

const words = (s: string | null): string[] => (s ?? '').split(/\s+/).filter((w) => w !== '');

/** Levenshtein distance of two short strings, or `limit + 1` once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  return Math.min(levenshtein(a, b), limit + 1);
}

/** The thresholds of the rule (the shipped ones by default; bench/lookalike/shape-tune.ts tries others). */
export interface ShapeRule {
  readonly cangjieEdits: number;
  readonly strokeSlack: number;
  /**
   * 0: off. Otherwise pairs whose four-corner codes agree on the right corners only (the second and
   * fourth digits: a left part swapped, 俊/悛 2324/9304, 偶/隅 2622/7622) count too, when both Cangjie
   * codes have at least this many letters (short codes tell little).
   */
  readonly leftSwapMinCangjie: number;
}

export const SHAPE_RULE: ShapeRule = { cangjieEdits: CANGJIE_EDITS, strokeSlack: STROKE_SLACK, leftSwapMinCangjie: LEFT_SWAP_MIN_CANGJIE };

/** Whether two characters of one corner group look alike by the Cangjie and stroke tests. */
function alike(x: ShapeCodes, y: ShapeCodes, rule: ShapeRule, minCangjie: number): boolean {
  if (Math.abs(x.strokes - y.strokes) > rule.strokeSlack) return false;
  return x.cangjie.some((p) => p.length >= minCangjie && y.cangjie.some((q) => q.length >= minCangjie && editDistance(p, q, rule.cangjieEdits) <= rule.cangjieEdits));
}

/** Characters grouped by a key of their four-corner codes, each group in code point order. */
function cornerGroups(codes: ReadonlyMap<string, ShapeCodes>, key: (corner: string) => string): string[][] {
  const groups = new Map<string, string[]>();
  for (const [ch, c] of codes) {
    for (const k of new Set(c.corners.map(key))) {
      const list = groups.get(k) ?? [];
      list.push(ch);
      groups.set(k, list);
    }
  }
  return [...groups.values()].map((list) => list.sort((p, q) => p.codePointAt(0)! - q.codePointAt(0)!));
}

/**
 * Every look-alike pair among `codes` in which at least one character is in `common`
 * (the other may be any character of `codes`), as [a, b] with a before b in code point order.
 */
export function shapePairs(codes: ReadonlyMap<string, ShapeCodes>, common: ReadonlySet<string>, rule: ShapeRule = SHAPE_RULE): Array<[string, string]> {
  const passes: Array<[(corner: string) => string, number]> = [[(c) => c, 0]];
  if (rule.leftSwapMinCangjie > 0) passes.push([(c) => c[1]! + c[3]!, rule.leftSwapMinCangjie]);
  const seen = new Set<string>();
  const out: Array<[string, string]> = [];
  for (const [key, minCangjie] of passes) {
    for (const list of cornerGroups(codes, key)) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i]!;
          const b = list[j]!;
          if ((!common.has(a) && !common.has(b)) || NUMERALS.has(a) || NUMERALS.has(b)) continue;
          if (seen.has(a + b) || !alike(codes.get(a)!, codes.get(b)!, rule, minCangjie)) continue;
          seen.add(a + b);
          out.push([a, b]);
        }
      }
    }
  }
  return out;
}
