/**
 * What the non-word stage costs: the stage alone (table probes on every character, the clause's
 * segmentation for each neighbour met) against the whole check, on 2 MB of the 2026 corpus slice
 * (timing only: no finding of it is looked at), in ms per MB of UTF-8.
 *   npx tsx bench/nonword/speed.ts
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChecker } from '../../src/index.js';
import { createJiebaSegmenter } from '../../src/segment/index.js';
import { loadNonwordTable, NonwordStage } from '../../src/nonword/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const all = gunzipSync(readFileSync(join(here, '..', '..', '..', 'shared', 'corpus', 'xwlb-2026.txt.gz'))).toString('utf8');
let text = all.slice(0, 700_000);
const mb = Buffer.byteLength(text) / 1e6;

const t0 = performance.now();
const table = loadNonwordTable();
const loadMs = performance.now() - t0;
const stage = new NonwordStage(table);
const segmenter = createJiebaSegmenter();
const checker = createChecker();
checker.check(text.slice(0, 20_000)); // warm both up
stage.drafts(text.slice(0, 20_000), segmenter);

const best = (f: () => void): number => {
  let ms = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    f();
    ms = Math.min(ms, performance.now() - t);
  }
  return ms;
};
const probe = new NonwordStage(table, { context: 6, margin: Infinity });
let met = 0;
const stageMs = best(() => void (met = probe.scored(text, segmenter).length));
const checkMs = best(() => void checker.check(text));
text = '';
process.stdout.write(
  `${mb.toFixed(2)} MB: table load ${loadMs.toFixed(0)} ms (${table.size} neighbours); stage ${(stageMs / mb).toFixed(1)} ms/MB (${met} neighbours met and scored); whole check ${(checkMs / mb).toFixed(1)} ms/MB (${(mb / (checkMs / 1000)).toFixed(1)} MB/s); stage share ${((100 * stageMs) / checkMs).toFixed(1)} %\n`,
);
