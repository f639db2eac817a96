/**
 * Throughput of the people stage alone on the news corpus (one stage, as of one date), in
 * milliseconds of CPU per MB of UTF-8 text (CPU time: the machine is often shared), best of three.
 *   npx tsx bench/people/speed.ts
 */
import { readCorpus } from '../accuracy/common.js';
import { createPeopleStage } from '../../src/people/stage.js';

const corpus = readCorpus();
const stage = createPeopleStage({ asOf: '2024-05-01' });
stage.check('预热：国务院总理李强'); // builds the confusion tables once, outside the timing
let chars = 0;
let bytes = 0;
for (const line of corpus.lines) {
  chars += line.length;
  bytes += Buffer.byteLength(line);
}
let best = Infinity;
let findings = 0;
for (let round = 0; round < 3; round++) {
  findings = 0;
  const cpu = process.cpuUsage();
  for (const line of corpus.lines) findings += stage.check(line).length;
  const used = process.cpuUsage(cpu);
  best = Math.min(best, (used.user + used.system) / 1000);
}
process.stdout.write(
  `${chars} chars, ${(bytes / 1e6).toFixed(1)} MB (${corpus.lines.length} items), ${findings} findings as of 2024-05-01; best of 3: ${best.toFixed(0)} ms CPU, ${(best / (bytes / 1e6)).toFixed(1)} ms/MB, ${(chars / 1e3 / best).toFixed(1)} M chars/s\n`,
);
