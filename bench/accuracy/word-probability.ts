/**
 * Measures the word-probability score (the judge's shadow rule `reads-better-as-written`) against
 * the hand-written rules, on the dev set, held-out sets and a slice of the corpus:
 * - on fuzzy findings tifa reports: how many the score would drop, among labelled errors (recall it
 *   would lose) and among false positives (precision it would gain);
 * - on candidates the rules drop: how many the score drops too, per rule, and how many of each
 *   rule's sole decisions (no other rule drops the candidate) it covers: a rule can be retired only
 *   where the score covers its sole decisions without dropping labelled errors.
 *
 *   npx tsx bench/accuracy/word-probability.ts [--sets dir1,dir2] [--corpus-every 7]
 */
import { join } from 'node:path';
import { createChecker } from '../../src/index.js';
import { readCases, readCorpus, repoRoot, type Label } from './common.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const every = Number(arg('--corpus-every') ?? 7);
const sets = [join(repoRoot, 'test/fixtures/accuracy'), ...(arg('--sets') ?? '').split(',').filter((s) => s !== '')];
const SHADOW = 'reads-better-as-written';
const checker = createChecker({ explain: true });

interface Tally {
  reportedTrue: number;
  reportedTrueShadow: number;
  reportedFalse: number;
  reportedFalseShadow: number;
  dropped: number;
  droppedShadow: number;
  perRule: Map<string, { any: number; anyShadow: number; sole: number; soleShadow: number }>;
}
const tally = (): Tally => ({ reportedTrue: 0, reportedTrueShadow: 0, reportedFalse: 0, reportedFalseShadow: 0, dropped: 0, droppedShadow: 0, perRule: new Map() });

function visit(t: Tally, text: string, labels: readonly Label[]): void {
  const { findings, dropped } = checker.explain(text);
  for (const f of findings) {
    if (f.detail === 'listed' || !f.explain || f.explain.reading === undefined) continue; // fuzzy findings only
    const shadow = f.explain.shadow.some((d) => d.rule === SHADOW);
    if (labels.some((l) => l.start < f.end && f.start < l.end)) {
      t.reportedTrue++;
      if (shadow) t.reportedTrueShadow++;
    } else {
      t.reportedFalse++;
      if (shadow) t.reportedFalseShadow++;
    }
  }
  for (const d of dropped) {
    if (d.reading === undefined) continue;
    const shadow = d.shadow.some((x) => x.rule === SHADOW);
    t.dropped++;
    if (shadow) t.droppedShadow++;
    for (const x of d.dropBy) {
      const r = t.perRule.get(x.rule) ?? { any: 0, anyShadow: 0, sole: 0, soleShadow: 0 };
      r.any++;
      if (shadow) r.anyShadow++;
      if (d.dropBy.length === 1) {
        r.sole++;
        if (shadow) r.soleShadow++;
      }
      t.perRule.set(x.rule, r);
    }
  }
}

const results: Array<[string, Tally]> = [];
for (const dir of sets) {
  const t = tally();
  for (const file of ['positives.jsonl', 'negatives.jsonl']) for (const c of readCases(join(dir, file))) visit(t, c.text, c.findings);
  results.push([dir.split('/').filter(Boolean).pop()!, t]);
}
if (every > 0) {
  const t = tally();
  readCorpus().lines.forEach((text, i) => {
    if (i % every === 0) visit(t, text, []);
  });
  results.push([`corpus (every ${every}th document)`, t]);
}

const out: string[] = ['| set | reported errors the score drops | reported false positives the score drops | dropped candidates the score drops too |', '|---|---:|---:|---:|'];
for (const [name, t] of results) out.push(`| ${name} | ${t.reportedTrueShadow} of ${t.reportedTrue} | ${t.reportedFalseShadow} of ${t.reportedFalse} | ${t.droppedShadow} of ${t.dropped} |`);
out.push('', '| rule | decisions (all sets) | score agrees | sole decisions | score agrees |', '|---|---:|---:|---:|---:|');
const merged = new Map<string, { any: number; anyShadow: number; sole: number; soleShadow: number }>();
for (const [, t] of results)
  for (const [id, r] of t.perRule) {
    const m = merged.get(id) ?? { any: 0, anyShadow: 0, sole: 0, soleShadow: 0 };
    m.any += r.any;
    m.anyShadow += r.anyShadow;
    m.sole += r.sole;
    m.soleShadow += r.soleShadow;
    merged.set(id, m);
  }
for (const [id, r] of [...merged].sort((a, b) => b[1].any - a[1].any)) out.push(`| ${id} | ${r.any} | ${r.anyShadow} | ${r.sole} | ${r.soleShadow} |`);
console.log(out.join('\n'));
