/** input: cost growth with the input size, streamed through checkStream (1 MB .. 1 GB), a fresh process each. */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { runChild } from '../lib/child.js';
import { corpusFiles } from '../lib/corpus.js';
import type { BenchContext, Section } from '../lib/section.js';
import { fmt, int, mbps, peakRssMb, table } from '../lib/stats.js';
import { createChecker } from '../../src/index.js';

interface InputResult {
  mb: number;
  seconds: number;
  mbps: number;
  findings: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  heapPeakMb: number;
}

/** The corpus files, gunzipped as streams, repeated until targetBytes: nothing large is held. */
async function* corpusStream(targetBytes: number, everyMiB: () => void): AsyncGenerator<Uint8Array> {
  const files = corpusFiles()!;
  let sent = 0;
  let next = 1 << 20;
  for (;;) {
    for (const f of files) {
      for await (const chunk of createReadStream(f).pipe(createGunzip({ chunkSize: 1 << 16 })) as AsyncIterable<Buffer>) {
        const piece = chunk.length > targetBytes - sent ? chunk.subarray(0, targetBytes - sent) : chunk;
        sent += piece.length;
        if (sent >= next) {
          everyMiB();
          next += 1 << 20;
        }
        yield piece;
        if (sent >= targetBytes) return;
      }
    }
  }
}

async function childInput([bytes]: string[]): Promise<InputResult> {
  const targetBytes = Number(bytes);
  const checker = createChecker();
  checker.check('中华民组'); // loads the segmenter
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  let heapPeak = 0;
  let rssPeak = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    if (m.heapUsed > heapPeak) heapPeak = m.heapUsed;
    if (m.rss > rssPeak) rssPeak = m.rss;
  };
  const t0 = performance.now();
  let findings = 0;
  let lastStart = -1;
  for await (const f of checker.checkStream(corpusStream(targetBytes, sample))) {
    if (f.start < lastStart) throw new Error('checkStream: findings out of order');
    lastStart = f.start;
    findings++;
  }
  const ms = performance.now() - t0;
  sample();
  return { mb: targetBytes / 1e6, seconds: ms / 1000, mbps: mbps(targetBytes, ms), findings, rssBeforeMb, rssPeakMb: Math.max(peakRssMb(), rssPeak / 2 ** 20), heapPeakMb: heapPeak / 2 ** 20 };
}

function input(ctx: BenchContext): void {
  const sizes = ctx.quick ? [1e6, 10e6, 100e6] : [1e6, 10e6, 100e6, 1e9];
  const rows: InputResult[] = [];
  for (const s of sizes) {
    process.stderr.write(`  stream ${s / 1e6} MB...\n`);
    rows.push(runChild<InputResult>('input', String(s)));
  }
  ctx.emit(`### Cost growth: input size, streamed through checkStream (the corpus files gunzipped as streams and repeated, 64 KiB byte chunks, 1 Mi-unit windows; one run each in a fresh process; heap sampled every MiB)

${table(
  ['input MB', 'seconds', 'MB/s', 'findings', 'findings per MB', 'RSS before stream MB', 'peak RSS MB', 'peak heap used MB'],
  rows.map((r) => [int(r.mb), fmt(r.seconds, 2), fmt(r.mbps), int(r.findings), fmt(r.findings / r.mb, 2), int(r.rssBeforeMb), int(r.rssPeakMb), int(r.heapPeakMb)]),
)}`);
}

export const inputSection: Section = {
  name: 'input',
  about: 'input-size growth through checkStream, 1 MB to 1 GB (100 MB with --quick), children',
  run: input,
  children: { input: childInput },
};
