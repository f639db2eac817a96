/**
 * Tunes the unihan:shape rule (src/build/unihan-shape.ts) against tifa's own curated look-alike
 * pairs (dictionaries/lookalike/curated-pairs.tsv) as the tune set: for each threshold pair, how
 * many curated pairs in scope the rule finds, against how many pairs it makes and how many per
 * character. Never reads common-confusions.md (the independent yardstick).
 *   npx tsx bench/lookalike/shape-tune.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gb2312Hanzi, gb2312Level1, projectRoot, unihanShapeRows } from '../../src/build/build-tables.js';
import { parseShapeRows, SHAPE_RULE, shapePairs, type ShapeRule } from '../../src/build/unihan-shape.js';

const root = projectRoot();
const key = (a: string, b: string): string => (a < b ? a + b : b + a);

function curatedPairs(): string[][] {
  const text = readFileSync(join(root, 'dictionaries', 'lookalike', 'curated-pairs.tsv'), 'utf8');
  return text.split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split('\t').slice(0, 2));
}

async function main(): Promise<void> {
  const gb = new Set(gb2312Hanzi());
  const common = new Set(gb2312Level1());
  const codes = parseShapeRows(await unihanShapeRows(root), gb);
  // in scope: both characters have shape codes and one is common (the rule's own scope)
  const tune = curatedPairs().filter(([a, b]) => codes.has(a!) && codes.has(b!) && (common.has(a!) || common.has(b!)));
  process.stdout.write(`curated pairs in scope: ${tune.length}\n`);
  for (const leftSwapMinCangjie of [0, 3]) {
    if (leftSwapMinCangjie > 0) process.stdout.write(`\nwith the left-part swap pass (right corners equal, Cangjie codes of ${leftSwapMinCangjie}+ letters):\n`);
    tuneRows(codes, common, tune, leftSwapMinCangjie);
  }
}

function tuneRows(codes: ReturnType<typeof parseShapeRows>, common: ReadonlySet<string>, tune: string[][], leftSwapMinCangjie: number): void {
  process.stdout.write('| Cangjie edits | stroke slack | pairs | characters | pairs per character | curated found | per 1000 pairs |\n|---:|---:|---:|---:|---:|---:|---:|\n');
  for (const cangjieEdits of [0, 1, 2, 3]) {
    for (const strokeSlack of [0, 1, 2, 3, 99]) {
      const rule: ShapeRule = { cangjieEdits, strokeSlack, leftSwapMinCangjie };
      const pairs = shapePairs(codes, common, rule);
      const made = new Set(pairs.map(([a, b]) => key(a, b)));
      const chars = new Set(pairs.flat());
      const found = tune.filter(([a, b]) => made.has(key(a!, b!))).length;
      const mark = cangjieEdits === SHAPE_RULE.cangjieEdits && strokeSlack === SHAPE_RULE.strokeSlack && leftSwapMinCangjie === SHAPE_RULE.leftSwapMinCangjie ? ' (shipped)' : '';
      process.stdout.write(`| ${cangjieEdits} | ${strokeSlack === 99 ? 'any' : strokeSlack}${mark} | ${pairs.length} | ${chars.size} | ${((2 * pairs.length) / Math.max(1, chars.size)).toFixed(2)} | ${found} | ${((1000 * found) / Math.max(1, pairs.length)).toFixed(1)} |\n`);
    }
  }
}

await main();
