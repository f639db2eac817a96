/**
 * Accuracy report: scores tifa (default options) on the labelled dev set and counts findings on the
 * whole corpus (../shared/corpus), where every finding is a false positive unless it is listed as a
 * reviewed real error in corpus-real-errors.json.
 *
 *   npm run bench:accuracy            (or: npx tsx bench/accuracy/report.ts [--no-corpus])
 *
 * Writes bench/accuracy/results.md (summary, misses, dev-set false positives) and
 * bench/accuracy/corpus-findings.md (every corpus finding with ±20 characters of context, grouped by
 * entry, for review; it quotes corpus text, so it is not committed). Prints the table. Exits 1 when
 * a target is missed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChecker, type Checker, type Finding } from '../../src/index.js';
import { asOfDate, inForce } from '../../src/checker.js';
import { loadBuiltinData } from '../../src/data/builtin.js';
import { devSetDir, heldOut, readCorpus, readDevSet, repoRoot } from './common.js';
import { briefFinding, scoreDevSet, TARGETS, type Score } from './score.js';
import { isPeopleFinding, PEOPLE_TARGETS, readPeopleCases, scorePeople } from '../people/score.js';
import { peopleSection } from '../people/report.js';
import { independentRun, leaveOutRun, LEAVE_OUT_TARGET, tunedText, type IndependentRun, type LeaveOutRun } from './honest.js';
import { honestSection, perKindSection, splitRows, type YearSplit } from './honest-report.js';

const OUT_DIR = join(repoRoot, 'bench/accuracy');
const withCorpus = !process.argv.includes('--no-corpus');

interface RealCorpusError {
  /** 1-based line of the corpus (concatenation of the year files). */
  line: number;
  actual: string;
  why: string;
}
const realErrorsFile = join(OUT_DIR, 'corpus-real-errors.json');
const realErrors: RealCorpusError[] = existsSync(realErrorsFile) ? (JSON.parse(readFileSync(realErrorsFile, 'utf8')) as RealCorpusError[]) : [];

/** A corpus finding a person reviewed and judged a false positive, with the reason (the text is fine in context). */
interface ReviewedFalsePositive {
  line: number;
  actual: string;
  /** idiom | wording | sibling | headline: the kind of correct text it is. */
  kind: string;
  why: string;
}
const reviewedFile = join(OUT_DIR, 'corpus-reviewed-false-positives.json');
const reviewed: ReviewedFalsePositive[] = existsSync(reviewedFile) ? (JSON.parse(readFileSync(reviewedFile, 'utf8')) as ReviewedFalsePositive[]) : [];

const t0 = Date.now();
const checker = createChecker();
const { positives, negatives } = readDevSet();
const tDev = Date.now();
// The people rules judge titles as of a date; the dev set is undated: they are scored on their own set below.
const score = scoreDevSet(positives, negatives, (t) => checker.check(t).filter((f) => !isPeopleFinding(f)));
const people = scorePeople(readPeopleCases(repoRoot));
const devMs = Date.now() - tDev;

interface CorpusFinding {
  line: number;
  date: string;
  text: string;
  f: Finding;
  /** Also reported when checking as of the document's own date. */
  asOfDate: boolean;
}
interface CorpusResult {
  chars: number;
  lines: number;
  findings: CorpusFinding[];
  /** Findings that are not reviewed real errors (default options). */
  falsePositives: number;
  /** The same, checking each document as of its own date (an old name was right when it was written). */
  falsePositivesAsOfDate: number;
  /** The judge's decisions per rule (src/judge/): candidates each rule drops, alone or with others, and first in table order. */
  decisions: Map<string, { any: number; sole: number; first: number }>;
  /** The same counts for the 2019–2025 text (where guards are tuned) and the held-out 2026 slice (only measured). */
  split: YearSplit;
  ms: number;
}
let corpusResult: CorpusResult | undefined;
let leaveOut: LeaveOutRun | undefined;
let independent: IndependentRun | undefined;
let honestMs = 0;
if (withCorpus) {
  const corpus = readCorpus();
  const t = Date.now();
  const findings: CorpusFinding[] = [];
  let chars = 0;
  // One checker per distinct set of entries in force (only a few dates change the set).
  const all = loadBuiltinData().entries;
  const byKey = new Map<string, Checker>();
  const checkerFor = (date: string): Checker => {
    const d = /^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}` : asOfDate(undefined);
    const key = all.map((e) => (inForce(e, d) ? '1' : '0')).join('');
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = createChecker({ asOf: d })));
    return c;
  };
  const sameFinding = (a: Finding, b: Finding): boolean => a.start === b.start && a.end === b.end && a.entry === b.entry;
  // explain() gives the findings check() gives, and the candidates the judge dropped, with the rules.
  const decisions: CorpusResult['decisions'] = new Map();
  corpus.lines.forEach((text, i) => {
    chars += text.length;
    const { findings: withPeople, dropped } = checker.explain(text);
    const fs = withPeople.filter((f) => !isPeopleFinding(f)); // people rules on the corpus: bench/people/corpus-check.ts
    for (const d of dropped)
      d.dropBy.forEach((x, k) => {
        const n = decisions.get(x.rule) ?? { any: 0, sole: 0, first: 0 };
        n.any++;
        if (d.dropBy.length === 1) n.sole++;
        if (k === 0) n.first++;
        decisions.set(x.rule, n);
      });
    if (fs.length === 0) return;
    const dated = checkerFor(corpus.dates[i] ?? '').check(text).filter((f) => !isPeopleFinding(f));
    for (const f of fs) findings.push({ line: i + 1, date: corpus.dates[i] ?? '', text, f, asOfDate: dated.some((g) => sameFinding(f, g)) });
  });
  const real = (x: { line: number; f: Finding }): boolean => realErrors.some((r) => r.line === x.line && r.actual === x.f.actual);
  const heldOutLine = (i: number): boolean => (corpus.dates[i] ?? '').startsWith('2026');
  const split: YearSplit = { tuned: { chars: 0, today: 0, asOfDate: 0, nonword: 0 }, heldOut: { chars: 0, today: 0, asOfDate: 0, nonword: 0 } };
  corpus.lines.forEach((text, i) => (heldOutLine(i) ? split.heldOut : split.tuned).chars += text.length);
  for (const x of findings) {
    if (real(x)) continue;
    const g = heldOutLine(x.line - 1) ? split.heldOut : split.tuned;
    g.today++;
    if (x.asOfDate) g.asOfDate++;
    if (x.asOfDate && x.f.entry.startsWith('nonword:')) g.nonword++;
  }
  const tHonest = Date.now();
  const tuned = tunedText(corpus);
  leaveOut = leaveOutRun(corpus, checker, tuned);
  independent = independentRun(corpus, checker, tuned);
  honestMs = Date.now() - tHonest;
  corpusResult = {
    chars,
    lines: corpus.lines.length,
    findings,
    falsePositives: findings.filter((x) => !real(x)).length,
    falsePositivesAsOfDate: findings.filter((x) => x.asOfDate && !real(x)).length,
    decisions,
    split,
    ms: Date.now() - t - honestMs,
  };
}

// ---------------------------------------------------------------- tables
const pct = (x: number): string => x.toFixed(3);
const mark = (ok: boolean): string => (ok ? 'ok' : 'MISSED');

function table(s: Score, c: CorpusResult | undefined): string {
  const rows: string[] = [];
  rows.push('| error type | cases | found | recall | same detail | target |');
  rows.push('|---|---:|---:|---:|---:|---|');
  for (const t of s.perType) rows.push(`| ${t.type} | ${t.total} | ${t.found} | ${pct(t.recall)} | ${t.detailAgrees} | ${mark(t.recall >= TARGETS.recallPerType)} (>= ${TARGETS.recallPerType}) |`);
  rows.push(`| **all positives** | ${s.labels} | ${s.found} | **${pct(s.recall)}** | ${s.perType.reduce((a, t) => a + t.detailAgrees, 0)} | ${mark(s.recall >= TARGETS.recall)} (>= ${TARGETS.recall}) |`);
  rows.push('');
  rows.push('| measure | value | target |');
  rows.push('|---|---:|---|');
  rows.push(`| precision on the dev set (${s.matching} of ${s.findings} findings match a label) | **${pct(s.precision)}** | ${mark(s.precision >= TARGETS.precision)} (>= ${TARGETS.precision}) |`);
  rows.push(`| hard negatives with a finding | ${s.negativesFlagged} of ${s.negatives} | |`);
  rows.push(`| false positives on positives' sentences (outside the label) | ${s.falsePositives.filter((f) => !f.negative).length} | |`);
  if (c) {
    const per100k = (c.falsePositives / c.chars) * 100_000;
    const dated = (c.falsePositivesAsOfDate / c.chars) * 100_000;
    const fuzzy = c.findings.filter((x) => x.f.rule === 'misspelling' && x.f.detail !== 'listed' && !realErrors.some((r) => r.line === x.line && r.actual === x.f.actual)).length;
    rows.push(`| corpus: findings / false positives, default options (${c.lines} documents, ${c.chars} chars) | ${c.findings.length} / ${c.falsePositives} | |`);
    rows.push(`| corpus: false positives per 100,000 chars, default options (as of today) | ${per100k.toFixed(2)} | ${mark(per100k <= TARGETS.fpPer100k)} (<= ${TARGETS.fpPer100k}) |`);
    rows.push(`| corpus: false positives per 100,000 chars, each document as of its own date | **${dated.toFixed(2)}** (${c.falsePositivesAsOfDate}) | ${mark(dated <= TARGETS.fpPer100k)} (<= ${TARGETS.fpPer100k}) |`);
    rows.push(`| corpus: of which fuzzy misspelling findings (per 100,000 chars) | ${(fuzzy / c.chars * 100_000).toFixed(2)} (${fuzzy}) | |`);
    rows.push(...splitRows(c.split, TARGETS.fpPer100k));
  }
  return rows.join('\n');
}

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, '⏎').replace(/[\u200b-\u200d\u2060\ufeff]/g, '⟨ZW⟩').replace(/\u3000/g, '⟨3000⟩').replace(/\u00a0/g, '⟨NBSP⟩');

function missesSection(s: Score): string {
  const out: string[] = ['## Misses (every missed label)', ''];
  const byType = new Map<string, typeof s.misses>();
  for (const m of s.misses) {
    const list = byType.get(m.label.type) ?? [];
    list.push(m);
    byType.set(m.label.type, list);
  }
  for (const [type, list] of byType) {
    out.push(`### ${type} (${list.length})`, '');
    for (const m of list) {
      const l = m.label;
      const ctx = m.text.slice(Math.max(0, l.start - 12), l.start) + '【' + m.text.slice(l.start, l.end) + '】' + m.text.slice(l.end, l.end + 12);
      out.push(`- ${m.id}: ${esc(ctx)} → ${l.expected} (${l.entry}); tifa: ${m.got.length ? esc(m.got.join('; ')) : 'nothing'}`);
    }
    out.push('');
  }
  return out.join('\n');
}

function devFalsePositivesSection(s: Score): string {
  const out: string[] = ['## False positives on the dev set (every one)', ''];
  for (const fp of s.falsePositives) {
    const f = fp.finding;
    const ctx = fp.text.slice(Math.max(0, f.start - 12), f.start) + '【' + fp.text.slice(f.start, f.end) + '】' + fp.text.slice(f.end, f.end + 12);
    out.push(`- ${fp.id}${fp.negative ? ' (negative)' : ''}: ${esc(ctx)} — ${esc(briefFinding(f))} entry ${f.entry}`);
  }
  return out.join('\n') + '\n';
}

/**
 * Every corpus false positive that remains when each document is checked as of its own date, with
 * the review's reason (corpus-reviewed-false-positives.json) or "not reviewed yet". Only the
 * matched text is quoted, never the sentence around it.
 */
function corpusFalsePositivesSection(c: CorpusResult): string {
  const out: string[] = ['## Corpus false positives, each document as of its own date (every one, with its review)', ''];
  const all = c.findings.filter((x) => x.asOfDate && !realErrors.some((r) => r.line === x.line && r.actual === x.f.actual));
  // The held-out 2026 slice is counted, never looked at: its findings are not listed (nobody tunes on them).
  const remaining = all.filter((x) => !x.date.startsWith('2026'));
  const heldOutCounts = new Map<string, number>();
  const stageOf = (f: Finding): string => `${f.rule}/${f.detail}${f.entry.startsWith('nonword:') ? ' (non-word stage)' : ''}`;
  for (const x of all) if (x.date.startsWith('2026')) heldOutCounts.set(stageOf(x.f), (heldOutCounts.get(stageOf(x.f)) ?? 0) + 1);
  let unreviewed = 0;
  for (const { line, date, f } of remaining) {
    const r = reviewed.find((x) => x.line === line && x.actual === f.actual);
    if (!r) unreviewed++;
    out.push(`- L${line} ${date} ${f.rule}/${f.detail} ${esc(f.actual)} → ${f.expected.join('|')}: ${r ? `[${r.kind}] ${r.why}` : '**not reviewed yet**'}`);
  }
  out.push('', `${remaining.length - unreviewed} of ${remaining.length} reviewed (bench/accuracy/corpus-reviewed-false-positives.json).`);
  const held = [...heldOutCounts].map(([k, n]) => `${k} ${n}`).join(', ');
  out.push('', `Held-out 2026 slice: ${all.length - remaining.length} findings as of their dates (${held || 'none'}), counted only: not listed, not reviewed, never used to tune.`);
  return out.join('\n') + '\n';
}

/** How often each rule of the judge drops a corpus candidate: at all, alone (no other rule would), first in table order. */
function decisionsSection(c: CorpusResult): string {
  const out: string[] = [
    '## Judge decisions on the corpus (candidates dropped, per rule)',
    '',
    'From `checker.explain`: every rule is asked about every candidate. "alone" counts candidates no other rule drops (what the rule is needed for); "first" credits each candidate to the first rule in table order, as a check does.',
    '',
    '| rule | drops | alone | first |',
    '|---|---:|---:|---:|',
  ];
  for (const [id, n] of [...c.decisions].sort((a, b) => b[1].any - a[1].any)) out.push(`| ${id} | ${n.any} | ${n.sole} | ${n.first} |`);
  return out.join('\n') + '\n';
}

function corpusFindingsMd(c: CorpusResult): string {
  const out: string[] = [
    '# Every tifa finding on the corpus',
    '',
    `Generated by \`npm run bench:accuracy\`; ${c.findings.length} findings on ${c.lines} documents (${c.chars} chars); the held-out 2026 slice's findings are counted in results.md, not listed here. Not committed (it quotes corpus text).`,
    'Each line: corpus line, date, rule/detail ([not as of its date] when checking as of the document date drops it), actual → expected, confidence, context (±20 chars, the finding in 【】).',
    'A finding that is a real error in the corpus goes into bench/accuracy/corpus-real-errors.json (line, actual, why).',
    '',
  ];
  const byEntry = new Map<string, CorpusResult['findings']>();
  // The held-out 2026 slice is counted in results.md, never listed for review.
  for (const x of c.findings.filter((y) => !y.date.startsWith('2026'))) {
    const list = byEntry.get(x.f.entry) ?? [];
    list.push(x);
    byEntry.set(x.f.entry, list);
  }
  const groups = [...byEntry.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  out.push('| entry | findings |', '|---|---:|');
  for (const [entry, list] of groups) out.push(`| ${entry} (${list[0]!.f.expected.join('、')}) | ${list.length} |`);
  out.push('');
  for (const [entry, list] of groups) {
    out.push(`## ${entry} — expected ${list[0]!.f.expected.join('、')} (${list.length})`, '');
    for (const { line, date, text, f, asOfDate: asOf } of list) {
      const ctx = text.slice(Math.max(0, f.start - 20), f.start) + '【' + text.slice(f.start, f.end) + '】' + text.slice(f.end, f.end + 20);
      out.push(`- L${line} ${date} ${f.rule}/${f.detail}${asOf ? '' : ' [not as of its date]'} ${esc(f.actual)} → ${f.expected.join('|')} (${f.confidence.toFixed(2)}): ${esc(ctx)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

const summary = table(score, corpusResult);
const header = [
  '# tifa accuracy report',
  '',
  `Generated by \`npm run bench:accuracy\` (bench/accuracy/report.ts) with default options. Dev set: test/fixtures/accuracy/ ` +
    `(${positives.length} positives, ${negatives.length} hard negatives; bench/accuracy/generate.ts). ` +
    `A label is found when a finding overlaps its span and an expected string contains the labelled phrase; "same detail" counts found labels whose finding has the labelled detail.`,
  '',
].join('\n');
// A held-out set's report goes beside it, so the committed report stays that of the dev set.
const honest = leaveOut && independent ? `${honestSection(leaveOut, independent)}\n` : '';
const kinds = perKindSection(positives, score, checker.entries, leaveOut, independent);
writeFileSync(join(heldOut ? devSetDir : OUT_DIR, 'results.md'), `${header}\n${summary}\n\n${kinds}\n${honest}${missesSection(score)}\n${devFalsePositivesSection(score)}${corpusResult ? `\n${corpusFalsePositivesSection(corpusResult)}\n${decisionsSection(corpusResult)}` : ''}\n${peopleSection(people)}`);
if (corpusResult) writeFileSync(join(OUT_DIR, 'corpus-findings.md'), corpusFindingsMd(corpusResult));

console.log(summary);
console.log(`\n${kinds}`);
if (honest) console.log(honest);
console.log(`\npeople rules: recall ${people.recall.toFixed(3)} (${people.found}/${people.labels}), precision ${people.precision.toFixed(3)} (${people.matching}/${people.findings})`);
console.log(`\ndev set ${devMs} ms${corpusResult ? `, corpus ${corpusResult.ms} ms, leave-out and independent runs ${honestMs} ms` : ''}, total ${Date.now() - t0} ms`);
console.log(`wrote bench/accuracy/results.md${corpusResult ? ' and bench/accuracy/corpus-findings.md' : ''}`);
const ok =
  score.recall >= TARGETS.recall &&
  score.perType.every((t) => t.recall >= TARGETS.recallPerType) &&
  score.precision >= TARGETS.precision &&
  people.recall >= PEOPLE_TARGETS.recall &&
  people.precision >= PEOPLE_TARGETS.precision &&
  (!corpusResult || (corpusResult.falsePositivesAsOfDate / corpusResult.chars) * 100_000 <= TARGETS.fpPer100k) &&
  (!leaveOut || leaveOut.score.recall >= LEAVE_OUT_TARGET);
if (!ok) process.exitCode = 1;
