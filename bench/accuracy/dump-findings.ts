/**
 * Dumps every finding (and, with --explain, every dropped candidate with the rules that dropped it)
 * on the dev set, on held-out sets and on a slice of the corpus, as JSONL: a refactoring of the
 * judge diffs two dumps to show that it changed nothing, or which findings it changed.
 *
 *   npx tsx bench/accuracy/dump-findings.ts OUT.jsonl [--sets dir1,dir2] [--corpus-every 7] [--explain]
 *
 * The corpus slice is every Nth document (default 7: about 3 M characters of every year).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChecker, type Finding } from '../../src/index.js';
import { readCases, readCorpus, repoRoot } from './common.js';

const out = process.argv[2];
if (!out || out.startsWith('--')) throw new Error('usage: dump-findings.ts OUT.jsonl [--sets dir1,dir2] [--corpus-every N] [--explain]');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const explain = process.argv.includes('--explain');
const every = Number(arg('--corpus-every') ?? 7);
const sets = [join(repoRoot, 'test/fixtures/accuracy'), ...(arg('--sets') ?? '').split(',').filter((s) => s !== '')];

const checker = createChecker({ explain });
const rows: string[] = [];
const brief = (f: Finding): object => ({ start: f.start, end: f.end, actual: f.actual, entry: f.entry, rule: f.rule, detail: f.detail, expected: f.expected, confidence: f.confidence });

function dump(set: string, id: string, text: string): void {
  if (explain) {
    const r = checker.explain(text);
    for (const f of r.findings) rows.push(JSON.stringify({ set, id, ...brief(f), explain: f.explain }));
    for (const d of r.dropped) rows.push(JSON.stringify({ set, id, dropped: d }));
    return;
  }
  for (const f of checker.check(text)) rows.push(JSON.stringify({ set, id, ...brief(f) }));
}

for (const dir of sets) {
  const name = dir.split('/').filter(Boolean).pop()!;
  for (const file of ['positives.jsonl', 'negatives.jsonl']) for (const c of readCases(join(dir, file))) dump(name, c.id, c.text);
}
if (every > 0) {
  const corpus = readCorpus();
  let chars = 0;
  corpus.lines.forEach((text, i) => {
    if (i % every !== 0) return;
    chars += text.length;
    dump('corpus', `L${i + 1}`, text);
  });
  process.stderr.write(`corpus slice: ${chars} chars\n`);
}
writeFileSync(out, rows.join('\n') + '\n');
process.stderr.write(`${rows.length} rows -> ${out}\n`);
