/**
 * Why the miner left n-grams out: `npx tsx bench/phrase-bank/explain.ts COUNTS.tsv [REASON] [N]`
 * prints N (default 40) n-grams left out for REASON (default: every reason), most documents first,
 * with the share of boundary-aligned occurrences and the extension counts. COUNTS.tsv is the miner's `--cache` file.
 */
import { createJiebaSegmenter } from '../../src/segment/index.js';
import { repoRoot } from '../accuracy/common.js';
import { curatedKeys, peopleNames } from './bank-file.js';
import { readCounts } from './mine.js';
import { DEFAULT_SELECT, reasonToLeaveOut } from './select.js';

const [file, reason, n] = process.argv.slice(2);
if (!file) throw new Error('usage: explain.ts COUNTS.tsv [REASON] [N]');
const grams = readCounts(file);
const segmenter = createJiebaSegmenter();
const tagging = { cut: (s: string) => segmenter.cut(s), tag: (w: string) => segmenter.tag?.(w) ?? '', frequency: (w: string) => segmenter.frequency?.(w) ?? 0 };
const names = peopleNames(repoRoot);
const curated = curatedKeys(repoRoot);
const rows = [...grams.values()].sort((a, b) => b.docs - a.docs);
let shown = 0;
for (const g of rows) {
  const why = reasonToLeaveOut(g, tagging, names, curated, DEFAULT_SELECT);
  if (why === undefined || why === 'length' || why === 'years' || (reason && why !== reason)) continue;
  console.log(`${why}\t${g.text}\t${g.docs}\t${(g.aligned / g.occurrences).toFixed(2)}\t${g.leftExtensionDocs}/${g.rightExtensionDocs}`);
  if (++shown >= Number(n ?? 40)) break;
}
