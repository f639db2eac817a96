/**
 * The recall / false-positive tradeoff of tifa's methods (issue 13), per configuration: the methods
 * that give recall beyond the curated lexicon (the non-word stage, the mined phrase bank, the mined
 * idiom list) are also where false positives on new text come from. For each configuration, in one
 * process over one read of the corpus:
 *
 * - leave-out recall (honest.ts `leaveOutRun`, the same 420 planted errors in every configuration),
 *   and its strict form (no left-out text mined back);
 * - independent substitutes, detection only (honest.ts `independentRun`);
 * - the yardstick's tune slice 2019-2025 (bench/nonword/yardstick.ts): sentence recall and precision;
 * - corpus false positives 2019-2025 per 100k characters, each document as of its date (counted as
 *   report.ts counts them: findings that are not reviewed real errors, people rules aside);
 * - the held-out 2026 slice: the COUNT of findings as of their dates, per stage, and nothing else
 *   (its findings are never listed, looked at or tuned on).
 *
 * - the non-word stage's honest false alarms on 2024-2025 with a table built from 2019-2023 (the
 *   shipped table leaves out every string of 2019-2025, so there it has none by construction): they
 *   depend on the margin only, and bench/nonword/tune.ts measures them, run once for every margin
 *   after the rest (a child process, about 40 s; --no-tune skips it).
 *
 *   npm run bench:tradeoff   [-- --only default,margin-9] [-- --yardstick 2000] [-- --no-tune]
 *
 * Writes bench/accuracy/tradeoff.md. Measurements only: no default is chosen from the 2026 counts.
 */
import { execFileSync, execSync } from 'node:child_process';
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChecker, type Checker, type CheckerOptions } from '../../src/index.js';
import { asOfDate, inForce } from '../../src/checker.js';
import { DEFAULT_NONWORD_OPTIONS } from '../../src/nonword/index.js';
import { loadBuiltinData } from '../../src/data/builtin.js';
import { readCorpus, repoRoot, type Corpus } from './common.js';
import { independentRun, leaveOutRun, tunedText, type MethodOverrides } from './honest.js';
import { builtinSourcesWithout } from './lexicon-without.js';
import { countCorpus, type CorpusCounts } from './tradeoff-corpus.js';
import { buildYardstick, scoreYardstick, type YardstickCase } from '../nonword/yardstick.js';
import { isPeopleFinding } from '../people/score.js';
import { stringArg } from '../lib/args.js';

/** One configuration of the methods. */
interface Configuration {
  id: string;
  name: string;
  options: Pick<CheckerOptions, 'nonword' | 'nonwordMargin'>;
  /** false: the mined phrase bank and idiom list left out (the curated lexicon alone). */
  mined: boolean;
  /** The lexicon given as user lexicons (`builtins: false`), as (4) and (5) must: the route checked against the default. */
  viaLexicons?: boolean;
}

const CONFIGURATIONS: readonly Configuration[] = [
  { id: 'default', name: '(1) default: all methods', options: {}, mined: true },
  { id: 'no-nonword', name: '(2) non-word stage off', options: { nonword: false }, mined: true },
  { id: 'margin-9', name: '(3a) non-word margin 9 (default 7.5)', options: { nonwordMargin: 9 }, mined: true },
  { id: 'margin-11', name: '(3b) non-word margin 11', options: { nonwordMargin: 11 }, mined: true },
  { id: 'curated+nonword', name: '(4) mined bank and idiom list off (curated lexicon + non-word stage)', options: {}, mined: false },
  { id: 'curated', name: '(5) curated lexicon only (no mined lists, no non-word stage)', options: { nonword: false }, mined: false },
  { id: 'default-via-lexicons', name: "(1') default, the whole lexicon given as user lexicons (the route of (4) and (5): a check that the route alone changes nothing)", options: {}, mined: true, viaLexicons: true },
];

/** The configuration's non-word margin, or undefined when the stage is off. */
const marginOf = (c: Configuration): number | undefined => (c.options.nonword === false ? undefined : (c.options.nonwordMargin ?? DEFAULT_NONWORD_OPTIONS.margin));

/** Honest non-word false alarms on 2024-2025 (table of 2019-2023) and yardstick recall of the stage, per margin, from bench/nonword/tune.ts (cut 1: strings the corpus never wrote, as shipped). */
function honestNonwordAlarms(margins: readonly number[]): Map<number, { alarms: number; recall: number }> {
  const out = new Map<number, { alarms: number; recall: number }>();
  if (margins.length === 0) return out;
  const text = execFileSync('npx', ['tsx', 'bench/nonword/tune.ts', '--margins', margins.join(',')], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const line = /^cut 1: (.*)$/m.exec(text)?.[1] ?? '';
  for (const m of line.matchAll(/m([\d.]+): fp (\d+) R ([\d.]+)/g)) out.set(Number(m[1]), { alarms: Number(m[2]), recall: Number(m[3]) });
  return out;
}

/** A checker of the configuration as of a date: the shipped build, or the curated lexicon given as user lexicons. */
function checkerMaker(c: Configuration): (asOf?: string) => Checker {
  if (c.mined && c.viaLexicons !== true) return (asOf) => createChecker({ ...c.options, ...(asOf ? { asOf } : {}) });
  const lexicons = builtinSourcesWithout({ mined: c.mined });
  return (asOf) => createChecker({ builtins: false, nonword: true, ...c.options, lexicons, ...(asOf ? { asOf } : {}) });
}

/** One checker per distinct set of built-in entries in force (report.ts does the same: only a few dates change the set). */
function datedCheckers(make: (asOf?: string) => Checker): (date: string) => Checker {
  const all = loadBuiltinData().entries;
  const byKey = new Map<string, Checker>();
  return (date) => {
    const d = /^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}` : /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : asOfDate(undefined);
    const key = all.map((e) => (inForce(e, d) ? '1' : '0')).join('');
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = make(d)));
    return c;
  };
}

interface Row {
  c: Configuration;
  leaveOut: { found: number; cases: number; recall: number; strict: number; precision: number };
  independent: { found: number; cases: number; recall: number };
  yardstick?: { recall: number; precision: number; found: number; falseAlarms: number };
  corpus: CorpusCounts;
  ms: number;
}

const defaultChecker = createChecker();

function measure(c: Configuration, corpus: Corpus, tuned: ReturnType<typeof tunedText>, cases: readonly YardstickCase[]): Row {
  const t0 = Date.now();
  const make = checkerMaker(c);
  const whole = make();
  const overrides: MethodOverrides = { checker: c.options, mined: c.mined, whole };
  // The planted errors' sentences are chosen with the default checker, so every configuration meets the same errors.
  const lo = leaveOutRun(corpus, defaultChecker, tuned, overrides);
  const ind = independentRun(corpus, defaultChecker, tuned, overrides);
  log(`${c.id}: leave-out ${lo.score.recall.toFixed(3)}, independent ${ind.detectionOnly.recall.toFixed(3)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  const dated = datedCheckers(make);
  let yardstick: Row['yardstick'];
  if (cases.length > 0) {
    const s = scoreYardstick(cases, (text, date) => dated(date).check(text).filter((f) => !isPeopleFinding(f)));
    yardstick = { recall: s.recall, precision: s.precision, found: s.found, falseAlarms: s.falseAlarms };
  }
  const corpusCounts = countCorpus(corpus, whole, dated);
  const precision = lo.score.findings === 0 ? 1 : (lo.score.findings - lo.score.otherFindings) / lo.score.findings;
  const row: Row = {
    c,
    leaveOut: { found: lo.score.found, cases: lo.score.cases, recall: lo.score.recall, strict: lo.strict.recall, precision },
    independent: { found: ind.detectionOnly.found, cases: ind.detectionOnly.cases, recall: ind.detectionOnly.recall },
    ...(yardstick ? { yardstick } : {}),
    corpus: corpusCounts,
    ms: Date.now() - t0,
  };
  log(`${c.id}: done in ${(row.ms / 1000).toFixed(0)} s`);
  return row;
}

const log = (s: string): void => void process.stderr.write(`[tradeoff ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
const f3 = (x: number): string => x.toFixed(3);
const per100k = (n: number, chars: number): string => ((n / chars) * 100_000).toFixed(2);

/** The honest non-word false alarms per margin, and the characters of 2024-2025 they were counted on. */
interface HonestAlarms {
  byMargin: Map<number, { alarms: number; recall: number }>;
  chars: number;
}

function alarmsCell(c: Configuration, honest: HonestAlarms): string {
  const m = marginOf(c);
  if (m === undefined) return '– (stage off)';
  const a = honest.byMargin.get(m);
  return a ? `${per100k(a.alarms, honest.chars)} (${a.alarms})` : 'not measured';
}

function table(rows: readonly Row[], honest: HonestAlarms): string {
  const out = [
    '| configuration | leave-out recall (found/420) | leave-out strict | leave-out precision | independent, detection only | yardstick tune: recall / precision | FP 2019–2025 per 100k, as of date (count; non-word stage) | non-word stage alone, honest: false alarms 2024–2025 per 100k (count) | held-out 2026: findings as of date (count; non-word stage) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const y = r.yardstick ? `${f3(r.yardstick.recall)} / ${f3(r.yardstick.precision)}` : '–';
    const k = r.corpus;
    out.push(
      `| ${r.c.name} | **${f3(r.leaveOut.recall)}** (${r.leaveOut.found}/${r.leaveOut.cases}) | ${f3(r.leaveOut.strict)} | ${f3(r.leaveOut.precision)} | ${f3(r.independent.recall)} (${r.independent.found}/${r.independent.cases}) | ${y} | **${per100k(k.tuned.asOfDate, k.tuned.chars)}** (${k.tuned.asOfDate}; ${k.tuned.nonword}) | ${alarmsCell(r.c, honest)} | **${k.heldOut.asOfDate}** (${per100k(k.heldOut.asOfDate, k.heldOut.chars)} per 100k; ${k.heldOut.nonword}) |`,
    );
  }
  return out.join('\n');
}

function heldOutStages(rows: readonly Row[]): string {
  const out = ['Held-out 2026 slice, count per stage (counted only: never listed, looked at or tuned on):', ''];
  for (const r of rows) out.push(`- ${r.c.id}: ${[...r.corpus.heldOutStages].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
  return out.join('\n');
}

function commitOf(): string {
  const head = execSync('git rev-parse --short HEAD', { cwd: repoRoot }).toString().trim();
  const dirty = execSync('git status --porcelain --untracked-files=no', { cwd: repoRoot }).toString().trim() !== '';
  return dirty ? `${head} with uncommitted changes` : head;
}

function markdown(rows: readonly Row[], corpus: CorpusCounts, yardstickSize: number, honest: HonestAlarms, ms: number): string {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
  return [
    '# Recall against false positives, per configuration of the methods',
    '',
    `Generated by \`npm run bench:tradeoff\` (bench/accuracy/tradeoff.ts) on ${new Date().toISOString().slice(0, 10)}, tree ${commitOf()}, ${machine}; ${(ms / 60000).toFixed(1)} min in one process (other jobs shared the machine).`,
    '',
    `Corpus: 2019–2025 ${corpus.tuned.chars} chars (the methods were mined and tuned on it, so its false positives are low partly by construction), held-out 2026 slice ${corpus.heldOut.chars} chars (counted only).`,
    `Leave-out and independent runs: bench/accuracy/honest.ts with the configuration's methods; the planted errors and their sentences are the same in every configuration (chosen with the default checker). ` +
      `Leave-out strict: no left-out text mined back into the bank. Configurations (4) and (5) give the curated lexicon (and the sequence lexicons) as user lexicons (\`builtins: false\`), as the leave-out run does.`,
    cases(yardstickSize),
    'False positives: every finding that is not a reviewed real error (corpus-real-errors.json), people rules aside, found both as of today and as of the document\'s date (as bench:accuracy counts them).',
    `Non-word stage alone, honest: bench/nonword/tune.ts (cut 1, as shipped): its drafts on 2024–2025 (${honest.chars} chars) with a table and corpus model built from 2019–2023 only, after its guards; they depend on the margin only (the shipped table leaves out every string of 2019–2025, so the stage has no false positive there by construction). ` +
      `Its yardstick recall, the stage with the other methods: ${[...honest.byMargin].map(([m, a]) => `margin ${m} ${f3(a.recall)}`).join(', ') || 'not measured'}.`,
    '',
    table(rows, honest),
    '',
    heldOutStages(rows),
    '',
  ].join('\n');
}

const cases = (n: number): string =>
  n > 0
    ? `Yardstick: bench/nonword/yardstick.ts tune slice (2019–2025), ${n} sentences, seed 13, every finding counted (people rules aside), checked as of the document's date (yardstick.ts checks as of the quarter's middle and counts people findings: its own figures differ slightly).`
    : 'Yardstick: skipped (--yardstick 0).';

function main(): void {
  const t0 = Date.now();
  const only = stringArg('--only', '').split(',').filter((x) => x !== '');
  const configurations = CONFIGURATIONS.filter((c) => only.length === 0 || only.includes(c.id));
  const yardstickSize = Number(stringArg('--yardstick', '2000'));
  const corpus = readCorpus();
  const tuned = tunedText(corpus);
  const cases = yardstickSize > 0 ? buildYardstick('tune', yardstickSize, 13) : [];
  log(`corpus read, yardstick built (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  const rows = configurations.map((c) => measure(c, corpus, tuned, cases));
  const margins = [...new Set(configurations.flatMap((c) => marginOf(c) ?? []))];
  const chars = corpus.lines.reduce((n, l, i) => n + (/^202[45]/.test(corpus.dates[i] ?? '') ? l.length : 0), 0);
  const honest = { byMargin: process.argv.includes('--no-tune') ? new Map() : honestNonwordAlarms(margins), chars };
  const md = markdown(rows, rows[0]!.corpus, yardstickSize, honest, Date.now() - t0);
  writeFileSync(join(repoRoot, 'bench/accuracy/tradeoff.md'), md);
  process.stdout.write(`${md}\nwrote bench/accuracy/tradeoff.md\n`);
}

main();
