/** stages: each part of the pipeline alone on the same documents (table pass, scan, segmenter). */
import { sumLines } from '../lib/phrases.js';
import { scanContexts } from '../lib/scan-context.js';
import type { BenchContext, Section } from '../lib/section.js';
import { fmt, int, mbps, measure, table } from '../lib/stats.js';
import { createChecker, createJiebaSegmenter, type Segmenter } from '../../src/index.js';
import { scan } from '../../src/match/scan.js';

function countingSegmenter(inner: Segmenter): Segmenter & { calls: number; ms: number } {
  const s = {
    calls: 0,
    ms: 0,
    cut(text: string): string[] {
      s.calls++;
      const t0 = performance.now();
      const r = inner.cut(text);
      s.ms += performance.now() - t0;
      return r;
    },
    frequency: inner.frequency ? (w: string) => inner.frequency!(w) : undefined,
  };
  if (!inner.frequency) delete (s as { frequency?: unknown }).frequency;
  return s as Segmenter & { calls: number; ms: number };
}

/** One full-pipeline pass with a segmenter that counts its calls and time. */
function segmenterShare(lines: readonly string[]): string {
  const seg = countingSegmenter(createJiebaSegmenter());
  const counted = createChecker({ segmenter: seg });
  counted.check('预热');
  seg.calls = 0;
  seg.ms = 0;
  const t0 = performance.now();
  const findings = sumLines(lines, (l) => counted.check(l).length);
  const total = performance.now() - t0;
  return `In one full-pipeline pass (${fmt(total / 1000, 2)} s, ${int(findings)} findings) the real-word guard called the segmenter ${int(seg.calls)} times on small windows, ${fmt(seg.ms / 1000, 2)} s in all (${fmt((100 * seg.ms) / total)} % of the pass).`;
}

function stages(ctx: BenchContext): void {
  const corpus = ctx.corpus();
  const bytes = corpus.utf8Bytes;
  const lines = corpus.lines;
  const { checker, fuzzy, exact, unitClass } = scanContexts();
  const rows: Array<[string, number, string]> = [];
  const add = (name: string, f: () => number, note: (v: number) => string, b = bytes): void => {
    const m = measure(f, { runs: 5 });
    rows.push([name, mbps(b, m.median), note(m.value)]);
    process.stderr.write(`  ${name}: ${fmt(mbps(b, m.median))} MB/s\n`);
  };
  add('normalize table pass (unitClass lookup per code unit, as the scan does)', () => sumLines(lines, (l) => {
    let h = 0;
    for (let i = 0; i < l.length; i++) h ^= unitClass[l.charCodeAt(i)]!;
    return h === 0x12345 ? 1 : 0;
  }), () => '');
  add('normalizer.normalize(text) (public, builds the normalized string)', () => sumLines(lines, (l) => checker.normalizer.normalize(l).length), () => '');
  add('scan, exact patterns only (fuzzy anchors skipped)', () => sumLines(lines, (l) => scan(l, exact).hits.length), (v) => `${int(v)} exact hits`);
  add('scan with fuzzy verification (anchors aligned)', () => sumLines(lines, (l) => {
    const r = scan(l, fuzzy);
    return r.hits.length * 1e6 + r.candidates.length;
  }), (v) => `${int(v % 1e6)} verified candidates`);
  const share = segmenterShare(lines);
  add('check, full pipeline', () => sumLines(lines, (l) => checker.check(l).length), (v) => `${int(v)} findings`);
  const jieba = createJiebaSegmenter();
  jieba.cut('预热');
  const slice = lines.slice(0, Math.ceil(lines.length / 6));
  const sliceBytes = Buffer.byteLength(slice.join('\n'));
  add('segmenter: @node-rs/jieba cut of whole documents', () => sumLines(slice, (l) => jieba.cut(l).length), (v) => `${int(v)} tokens (first ${fmt(sliceBytes / 1e6)} MB)`, sliceBytes);
  ctx.emit(`### Pipeline stages alone (same corpus, MB/s of UTF-8 input, median of 5)

${table(['stage', 'MB/s', 'note'], rows.map(([n, s, note]) => [n, fmt(s), note]))}

${share}`);
}

export const stagesSection: Section = {
  name: 'stages',
  about: 'each part of the pipeline alone: table pass, normalize, scan exact / fuzzy, check, segmenter',
  run: stages,
};
