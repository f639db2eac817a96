/**
 * Accuracy of the undeclared-encoding guess (src/encoding/guess.ts) on corpus text encoded as
 * UTF-8, GBK and Big5 (the Big5 text is the corpus converted to traditional characters first,
 * as a Taiwan or Hong Kong page would be written). `npx tsx bench/encoding-guess.ts [samples]`
 * Prints, per encoding and sample length: how often the guess is right, how often it is right
 * and certain, how often it is wrong (and certain), and the mean scores.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { guessEncoding } from '../src/encoding/guess.js';
import { decodeBytes } from '../src/encoding/decode.js';
import { CORPUS_DIR } from './lib/corpus.js';

const samples = Number(process.argv[2] ?? 300);
const corpus = join(CORPUS_DIR, 'xwlb-2024.txt.gz');
const text = execFileSync('bash', ['-c', `zcat '${corpus}' | head -c 4000000`], { maxBuffer: 1 << 26 }).toString('utf8').replace(/\ufffd/g, '');
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

let seed = 42;
const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

const encoders: Record<string, (s: string) => Uint8Array> = {
  'utf-8': (s) => new TextEncoder().encode(s),
  gb18030: (s) => iconv.encode(s, 'gbk'),
  big5: (s) => iconv.encode(toTraditional(s), 'big5'),
};

console.log('| encoding | chars | right | right and certain | wrong | wrong and certain | mean scores (utf-8 / gb18030 / big5) |');
console.log('|---|---:|---:|---:|---:|---:|---|');
for (const [encoding, encode] of Object.entries(encoders)) {
  for (const length of [10, 30, 100, 1000, 10000]) {
    let right = 0;
    let rightCertain = 0;
    let wrong = 0;
    let wrongCertain = 0;
    const sums: Record<string, number> = { 'utf-8': 0, gb18030: 0, big5: 0 };
    for (let k = 0; k < samples; k++) {
      const start = Math.floor(random() * (text.length - length));
      const bytes = encode(text.slice(start, start + length));
      const guess = guessEncoding(bytes);
      if (encoding === 'utf-8') decodeBytes(bytes); // exercised for crashes only
      for (const s of guess.scores) sums[s.encoding]! += s.score;
      if (guess.scores.length === 0) sums['utf-8']! += 1;
      if (guess.encoding === encoding) {
        right++;
        if (guess.certain) rightCertain++;
      } else {
        wrong++;
        if (guess.certain) wrongCertain++;
      }
    }
    const pct = (n: number): string => `${((100 * n) / samples).toFixed(1)}%`;
    const mean = (e: string): string => (sums[e]! / samples).toFixed(2);
    console.log(`| ${encoding} | ${length} | ${pct(right)} | ${pct(rightCertain)} | ${pct(wrong)} | ${pct(wrongCertain)} | ${mean('utf-8')} / ${mean('gb18030')} / ${mean('big5')} |`);
  }
}
