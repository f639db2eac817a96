/** segmenters: @node-rs/jieba and nodejieba side by side (load, memory, cut speed, tifa's verdicts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Corpus } from '../lib/corpus.js';
import { sumLines } from '../lib/phrases.js';
import type { BenchContext, Section } from '../lib/section.js';
import { fmt, int, mbps, measure, summarize, table } from '../lib/stats.js';
import { createChecker, createJiebaSegmenter, createNodejiebaSegmenter, type Checker } from '../../src/index.js';
import { articleFile, startupRuns } from './startup.js';

const med = (xs: number[]): number => summarize(xs).median;

/** Every finding of a checker over the corpus, as line:start:end:entry:rule keys. */
function findingKeys(corpus: Corpus, c: Checker): Set<string> {
  const s = new Set<string>();
  corpus.lines.forEach((l, i) => {
    for (const f of c.check(l)) s.add(`${i}:${f.start}:${f.end}:${f.entry}:${f.rule}`);
  });
  return s;
}

function agreement(corpus: Corpus): string {
  const ka = findingKeys(corpus, createChecker({ segmenter: 'jieba' }));
  const kb = findingKeys(corpus, createChecker({ segmenter: 'nodejieba' }));
  const kn = findingKeys(corpus, createChecker({ segmenter: 'none' }));
  const both = [...ka].filter((k) => kb.has(k)).length;
  const examples = (from: Set<string>, other: Set<string>): string =>
    [...from].filter((k) => !other.has(k)).slice(0, 3).map((k) => {
      const [line, s, e] = k.split(':').map(Number) as [number, number, number];
      return `「${corpus.lines[line]!.slice(Math.max(0, s - 4), e + 4)}」`;
    }).join(' ') || '—';
  return `tifa findings on the corpus: ${int(ka.size)} with @node-rs/jieba, ${int(kb.size)} with nodejieba. Verdict agreement: ${int(both)} findings in common, ${int(ka.size - both)} only with @node-rs/jieba ${examples(ka, kb)}, ${int(kb.size - both)} only with nodejieba ${examples(kb, ka)}; agreement ${fmt((100 * both) / Math.max(1, ka.size + kb.size - both), 2)} % (Jaccard). Without a segmenter (\`segmenter: 'none'\`, no real-word guard) tifa reports ${int(kn.size)}.`;
}

async function segmenters(ctx: BenchContext): Promise<void> {
  const corpus = ctx.corpus();
  const bundlePath = await ctx.bundle();
  const dir = mkdtempSync(join(tmpdir(), 'tifa-bench-seg-'));
  try {
    const article = articleFile(dir).file;
    const load = (name: string): { first: number; rss: number } => {
      const runs = startupRuns(bundlePath, article, name, 5);
      return { first: med(runs.map((r) => r.firstCheckMs)), rss: med(runs.map((r) => r.rssMb)) };
    };
    const lj = load('jieba');
    const ln = load('nodejieba');
    const slice = corpus.lines.slice(0, Math.ceil(corpus.lines.length / 6));
    const sliceBytes = Buffer.byteLength(slice.join('\n'));
    const rs = createJiebaSegmenter();
    const nj = createNodejiebaSegmenter();
    const cutRs = measure(() => sumLines(slice, (l) => rs.cut(l).length), { runs: 3 });
    const cutNj = measure(() => sumLines(slice, (l) => nj.cut(l).length), { runs: 3 });
    ctx.emit(`### Segmenters side by side (@node-rs/jieba vs nodejieba)

${table(
  ['', '@node-rs/jieba', 'nodejieba'],
  [
    ['first check of the article (fresh process, median of 5)', `${fmt(lj.first)} ms`, `${fmt(ln.first)} ms`],
    ['peak RSS of that process', `${fmt(lj.rss)} MB`, `${fmt(ln.rss)} MB`],
    [`cut MB/s, whole documents (first ${fmt(sliceBytes / 1e6)} MB, median of 3)`, fmt(mbps(sliceBytes, cutRs.median)), fmt(mbps(sliceBytes, cutNj.median))],
    ['tokens', int(cutRs.value), int(cutNj.value)],
  ],
  'lrr',
)}

${agreement(corpus)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const segmentersSection: Section = {
  name: 'segmenters',
  about: '@node-rs/jieba vs nodejieba: load, RSS, cut speed, verdict agreement',
  run: segmenters,
};
