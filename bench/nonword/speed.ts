/**
 * What the non-word stage costs: the stage alone (table probes on every character, the clause's
 * segmentation for each neighbour met) against the whole check, and the stage's scoring against
 * the reference scoring it replaced (two whole best segmentations of the window per version, as
 * bestSegmentationLogP of src/judge/rules/word-probability.ts), on 0.7 M characters of the 2026
 * corpus (held out: the table leaves out every string of 2019-2025, so only new text meets neighbours;
 * timing and agreement only, no finding is looked at); CPU time in one process, the engines interleaved round by round (the machine is shared).
 *   npx tsx bench/nonword/speed.ts [--rounds 3]
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChecker } from '../../src/index.js';
import { createJiebaSegmenter } from '../../src/segment/index.js';
import { DEFAULT_NONWORD_OPTIONS, loadNonwordTable, NonwordStage } from '../../src/nonword/index.js';
import { bestSegmentationLogP } from '../../src/judge/rules/word-probability.js';

const here = dirname(fileURLToPath(import.meta.url));
const all = gunzipSync(readFileSync(join(here, '..', '..', '..', 'shared', 'corpus', 'xwlb-2026.txt.gz'))).toString('utf8');
const docs = all.slice(0, 700_000).split('\n');
const mb = Buffer.byteLength(docs.join('\n')) / 1e6;
const rounds = Number(process.argv.includes('--rounds') ? process.argv[process.argv.indexOf('--rounds') + 1] : '3');

const t0 = performance.now();
const table = loadNonwordTable();
const loadMs = performance.now() - t0;
const segmenter = createJiebaSegmenter();
const frequency = (w: string): number => segmenter.frequency!(w);
const checker = createChecker();
const probe = new NonwordStage(table, { ...DEFAULT_NONWORD_OPTIONS, margin: Infinity });

/** The reference: each version of the window segmented whole (for the neighbours scored() met). */
function referenceGains(doc: string, met: ReturnType<typeof probe.scored> = probe.scored(doc, segmenter)): number[] {
  return met.map((d) => {
    let from = d.start;
    while (from > 0 && d.start - from < 6 && /[\u4e00-\u9fff\u3400-\u4dbf]/.test(doc[from - 1]!)) from--;
    let to = d.end;
    while (to < doc.length && to - d.end < 6 && /[\u4e00-\u9fff\u3400-\u4dbf]/.test(doc[to]!)) to++;
    const before = doc.slice(from, d.start);
    const after = doc.slice(d.end, to);
    const asWritten = bestSegmentationLogP(before + d.written + after, (w) => (w === d.written ? 0 : frequency(w)));
    return bestSegmentationLogP(before + d.word + after, frequency) - asWritten;
  });
}

// The same gains (to rounding), document by document.
let met = 0;
let worst = 0;
for (const doc of docs) {
  const ours = probe.scored(doc, segmenter).map((d) => d.gain);
  const ref = referenceGains(doc);
  met += ours.length;
  for (let i = 0; i < ours.length; i++) worst = Math.max(worst, Math.abs(ours[i]! - ref[i]!));
}

const cpu = (f: () => void): number => {
  const u = process.cpuUsage();
  f();
  const d = process.cpuUsage(u);
  return (d.user + d.system) / 1000;
};
const metByDoc = docs.map((doc) => probe.scored(doc, segmenter));
const times = { stage: [] as number[], reference: [] as number[], check: [] as number[] };
for (let r = 0; r < rounds; r++) {
  times.stage.push(cpu(() => { for (const doc of docs) probe.scored(doc, segmenter); }));
  // The reference's segmentations alone, for the same neighbours (what the scoring cost before).
  times.reference.push(cpu(() => { docs.forEach((doc, i) => referenceGains(doc, metByDoc[i])); }));
  times.check.push(cpu(() => { for (const doc of docs) checker.check(doc); }));
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const stage = median(times.stage);
const reference = Math.max(1, median(times.reference));
const check = median(times.check);
process.stdout.write(
  `${mb.toFixed(2)} MB (${docs.length} documents of 2026, timing only), CPU ms medians of ${rounds} interleaved rounds: table load ${loadMs.toFixed(0)} ms (${table.size} neighbours); ` +
    `${met} neighbours met, largest gain difference from the reference ${worst.toExponential(1)}; stage ${(stage / mb).toFixed(1)} ms/MB, ` +
    `the reference's segmentations alone ${(reference / mb).toFixed(1)} ms/MB; whole check ${(check / mb).toFixed(1)} ms/MB; stage share ${((100 * stage) / check).toFixed(1)} %\n`,
);
