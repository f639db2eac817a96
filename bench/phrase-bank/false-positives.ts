/**
 * What the phrase bank changes on clean text and on the dev set: tifa with the built-in lexicons
 * (the bank included, as built into dist/data) against the same lexicons without the bank, on
 *   - the 2019–2025 corpus (where the bank was mined: every new finding is listed with ±15
 *     characters for review, on stdout only, never committed),
 *   - the 2026 corpus (held out: counts only),
 *   - the dev set (test/fixtures/accuracy): findings gained and lost.
 * Findings of the people rules are left out (the bank does not touch them).
 *
 *   npx tsx bench/phrase-bank/false-positives.ts [--every N]   (every Nth corpus document; default 1)
 */
import { join } from 'node:path';
import { createChecker, type Finding } from '../../src/index.js';
import { readCases, readCorpus, repoRoot } from '../accuracy/common.js';
import { curatedSources } from './bank-file.js';

const i = process.argv.indexOf('--every');
const every = i >= 0 ? Number(process.argv[i + 1]) : 1;
const corpusToo = !process.argv.includes('--dev-only');
const PEOPLE = new Set(['leader-name', 'leader-title', 'leader-order', 'former-official']);
const withBank = createChecker();
const withoutBank = createChecker({ builtins: false, lexicons: curatedSources(repoRoot) });
const key = (f: Finding): string => `${f.start}:${f.end}:${f.rule}:${f.expected[0]}`;
const phraseFindings = (c: typeof withBank, text: string): Finding[] => c.check(text).filter((f) => !PEOPLE.has(f.rule));

interface Diff {
  gained: Finding[];
  lost: Finding[];
}
function diff(text: string): Diff {
  const a = phraseFindings(withBank, text);
  const b = phraseFindings(withoutBank, text);
  const ak = new Set(a.map(key));
  const bk = new Set(b.map(key));
  return { gained: a.filter((f) => !bk.has(key(f))), lost: b.filter((f) => !ak.has(key(f))) };
}
const context = (text: string, f: Finding): string => `${text.slice(Math.max(0, f.start - 15), f.start)}【${f.actual}】${text.slice(f.end, f.end + 15)}`;

const corpus = readCorpus();
const slices = { '2019-2025': { chars: 0, gained: 0, lost: 0, bank: 0 }, '2026': { chars: 0, gained: 0, lost: 0, bank: 0 } };
const t0 = Date.now();
corpus.lines.forEach((text, n) => {
  if (!corpusToo || n % every !== 0) return;
  const slice = (corpus.dates[n] ?? '').startsWith('2026') ? '2026' : '2019-2025';
  const s = slices[slice];
  s.chars += text.length;
  const d = diff(text);
  s.gained += d.gained.length;
  s.lost += d.lost.length;
  s.bank += d.gained.filter((f) => f.entry.startsWith('bank.')).length;
  if (slice === '2019-2025') {
    for (const f of d.gained) console.log(`gained L${n + 1} ${f.entry} ${f.detail} ${f.actual}→${f.expected[0]}: ${context(text, f)}`);
    for (const f of d.lost) console.log(`lost   L${n + 1} ${f.entry} ${f.detail} ${f.actual}→${f.expected[0]}: ${context(text, f)}`);
  }
});
for (const [name, s] of Object.entries(slices)) {
  console.log(`corpus ${name}: ${s.chars} chars; with the bank ${s.gained} findings gained (${s.bank} of bank phrases, ${((s.gained / s.chars) * 100_000).toFixed(3)} per 100k), ${s.lost} lost`);
}
let gained = 0;
let lost = 0;
// Dev-set scores of both: a label is found when a finding overlaps it; a finding on no label is a false positive.
const score = { with: { found: 0, fp: 0 }, without: { found: 0, fp: 0 } };
let labels = 0;
for (const file of ['positives.jsonl', 'negatives.jsonl']) {
  for (const c of readCases(join(repoRoot, 'test/fixtures/accuracy', file))) {
    const d = diff(c.text);
    gained += d.gained.length;
    lost += d.lost.length;
    labels += c.findings.length;
    for (const [name, checker] of [['with', withBank], ['without', withoutBank]] as const) {
      const fs = phraseFindings(checker, c.text);
      score[name].found += c.findings.filter((l) => fs.some((f) => f.start < l.end && l.start < f.end)).length;
      score[name].fp += fs.filter((f) => !c.findings.some((l) => f.start < l.end && l.start < f.end)).length;
    }
    for (const f of [...d.gained, ...d.lost]) console.log(`dev ${d.gained.includes(f) ? 'gained' : 'lost'} ${file} ${c.id} ${f.entry} ${f.actual}→${f.expected[0]}`);
  }
}
console.log(`dev set: ${gained} findings gained, ${lost} lost; labels found with the bank ${score.with.found}/${labels} (${score.with.fp} findings on no label), without ${score.without.found}/${labels} (${score.without.fp}) (${Date.now() - t0} ms)`);
