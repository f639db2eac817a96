/**
 * Throughput of the people stage alone on the news corpus (one stage, as of one date).
 *   npx tsx bench/people/speed.ts
 */
import { readCorpus } from '../accuracy/common.js';
import { createPeopleStage } from '../../src/people/stage.js';

const corpus = readCorpus();
const stage = createPeopleStage({ asOf: '2024-05-01' });
stage.check('预热：国务院总理李强'); // builds the confusion tables once, outside the timing
let chars = 0;
let findings = 0;
const t = process.hrtime.bigint();
for (const line of corpus.lines) {
  chars += line.length;
  findings += stage.check(line).length;
}
const ms = Number(process.hrtime.bigint() - t) / 1e6;
process.stdout.write(`${chars} chars (${corpus.lines.length} items), ${findings} findings as of 2024-05-01 (old items read as of then), ${ms.toFixed(0)} ms, ${(chars / 1e3 / ms).toFixed(1)} M chars/s\n`);
