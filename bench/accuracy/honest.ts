/**
 * What the dev set cannot show, because it is drawn from the lexicon (issue 13 §5):
 *
 * - the LEAVE-OUT run: a seeded random fifth of the curated mandated phrases and typo pairs is
 *   taken out of the lexicon (bench/accuracy/lexicon-without.ts); each left-out phrase or pair gets
 *   one error inside a real 2019–2025 corpus sentence that holds it (a template sentence when none
 *   does), and recall is scored on exactly those with the reduced lexicon. What is found then comes
 *   from fuzzy search around the phrases left in, the phrase bank, the non-word stage: not from the
 *   left-out entries.
 * - INDEPENDENT SUBSTITUTES: the wrong → right pairs of ../shared/reference/common-confusions.md
 *   (§1, §2, §4, §5, §6; same length, pairs marked ⚠️ left out), a source that owes nothing to tifa's
 *   confusion tables. Each wrong form goes into a corpus sentence that holds the right one. Scored
 *   twice: with the lexicon as shipped (which may list the pair), and with every entry that lists
 *   the wrong form taken out (detection alone).
 *
 * The corpus sentences are 2019–2025 only: the 2026 slice is held out. A sentence is used only when
 * tifa reports nothing on it as written (so every finding after the edit is about the edit).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChecker, type Checker, type CheckerOptions, type Finding } from '../../src/index.js';
import type { LexiconEntry } from '../../src/lexicon/types.js';
import { createConfusion } from '../../src/confusion/index.js';
import { loadBuiltinData } from '../../src/data/builtin.js';
import { Rng, repoRoot, type Corpus } from './common.js';
import { builtinSourcesWithout } from './lexicon-without.js';
import { corpusPass, reminedComeback } from './remine.js';
import { isBankEntry } from '../../src/lexicon/bank.js';
import { isPeopleFinding } from '../people/score.js';

export const LEAVE_OUT_SEED = 20261202;
/** The share of curated phrases and pairs taken out. */
const FRACTION = 0.2;
const MAX_SENTENCE = 120;
export const LEAVE_OUT_TARGET = 0.85;

/** One planted error: the sentence with the error, its span, the right text. */
export interface Planted {
  /** What the error was put into: a mandated phrase id or a typo pair id, or an independent pair. */
  source: string;
  text: string;
  start: number;
  end: number;
  wrong: string;
  right: string;
  /** How the error was made: listed-variant | typo-pair | substitution | omission | transposition | duplication | independent. */
  how: string;
  /** The kind of the hidden set this error is (misspelling, wrong formulation, omission, insertion). */
  kind: string;
  /** True when no corpus sentence held the phrase and a template sentence was used. */
  template: boolean;
}

export interface PlantedScore {
  cases: number;
  /** Cases a finding corrects (its expected holds the right text, or its correction gives the sentence back). */
  found: number;
  /** Cases with a finding whose expected holds the right text (the criterion of score.ts, stricter about where the finding ends). */
  foundHoldingRight: number;
  recall: number;
  templates: number;
  /** Found cases by the detail of the finding that found them (listed, substitution, ..., or the rule for non-word findings). */
  byDetail: Map<string, number>;
  /** Per kind and per way of making the error: cases, found. */
  byKind: Map<string, { cases: number; found: number }>;
  byHow: Map<string, { cases: number; found: number }>;
  /** Per length of the right text (2, 3, 4-5, 6+ characters): which stage has to find it (non-word detection below 4, fuzzy search from 4). */
  byLength: Map<string, { cases: number; found: number }>;
  /** Findings that match no planted error (in sentences tifa left quiet before the edit). */
  otherFindings: number;
  /** All findings on the planted sentences; precision = (findings - otherFindings) / findings. */
  findings: number;
  misses: Planted[];
}

// ---------------------------------------------------------------- corpus text 2019–2025
interface Text {
  all: string;
  /** Where each document starts in `all`, and its year. */
  starts: number[];
  years: string[];
}

/** The 2019–2025 documents as one string (the held-out 2026 slice never takes part). */
export function tunedText(corpus: Corpus): Text {
  const lines: string[] = [];
  const starts: number[] = [];
  const years: string[] = [];
  let at = 0;
  corpus.lines.forEach((l, i) => {
    const date = corpus.dates[i] ?? '';
    if (date.startsWith('2026')) return;
    lines.push(l);
    starts.push(at);
    years.push(date.slice(0, 4));
    at += l.length + 1;
  });
  return { all: lines.join('\n'), starts, years };
}

const ENDS = '。！？；!?\n';
/** The sentence around all[pos, pos + len), at most MAX_SENTENCE characters (cut to clauses when longer). */
function sentenceAt(all: string, pos: number, len: number): { text: string; at: number } | undefined {
  let s = pos;
  while (s > 0 && !ENDS.includes(all[s - 1]!) && pos - s < 200) s--;
  let e = pos + len;
  while (e < all.length && all[e] !== '\n' && e - pos < 200) {
    e++;
    if (ENDS.includes(all[e - 1]!)) break;
  }
  if (e - s > MAX_SENTENCE) {
    // the clauses around the phrase, up to 50 characters each side
    const a = all.lastIndexOf('，', Math.max(s, pos - 50));
    const b = all.indexOf('，', Math.min(e, pos + len + 50));
    s = a >= s && a < pos ? a + 1 : Math.max(s, pos - 50);
    e = b >= 0 && b < e ? b + 1 : Math.min(e, pos + len + 50);
  }
  const text = all.slice(s, e).trim();
  const at = pos - (s + all.slice(s, e).indexOf(text));
  if (text.length < len + 6 || at < 0) return undefined;
  return { text, at };
}

const checkQuiet = (c: Checker, text: string): Finding[] => c.check(text).filter((f) => !isPeopleFinding(f));

/**
 * A clean corpus sentence holding `right` (tifa reports nothing on it), with the place of `right`
 * in it; undefined when no such sentence is found among the first occurrences.
 */
function cleanSentence(t: Text, right: string, full: Checker, rng: Rng, used: Set<string>): { text: string; at: number } | undefined {
  const pos: number[] = [];
  for (let at = t.all.indexOf(right); at >= 0 && pos.length < 400; at = t.all.indexOf(right, at + 1)) pos.push(at);
  rng.shuffle(pos);
  for (const p of pos.slice(0, 12)) {
    const s = sentenceAt(t.all, p, right.length);
    if (!s || used.has(s.text)) continue;
    if (checkQuiet(full, s.text).length > 0) continue;
    used.add(s.text);
    return s;
  }
  return undefined;
}

/** The template sentence for a phrase no corpus sentence holds (counted in the report). */
const TEMPLATE = (x: string): { text: string; at: number } => {
  const head = '会议指出，要准确把握';
  return { text: `${head}${x}的基本要求，结合实际抓好落实。`, at: head.length };
};

function plant(s: { text: string; at: number }, right: string, wrong: string, rest: Omit<Planted, 'text' | 'start' | 'end' | 'wrong' | 'right' | 'template'>, template: boolean): Planted {
  const text = s.text.slice(0, s.at) + wrong + s.text.slice(s.at + right.length);
  return { ...rest, text, start: s.at, end: s.at + wrong.length, wrong, right, template };
}

// ---------------------------------------------------------------- errors for a phrase with no listed wrong form
/** Character counts of the tuned text (substitutes and the check that an edit is no real word sequence). */
function charFrequencies(t: Text): Uint32Array {
  const freq = new Uint32Array(65536);
  for (let i = 0; i < t.all.length; i++) freq[t.all.charCodeAt(i)]!++;
  return freq;
}

const NUMERAL = /[零〇一二三四五六七八九十百千万两]/;

/** One error of a seeded kind in `p` that occurs nowhere in the tuned text (so it is no real word sequence). */
function errorFor(p: string, rng: Rng, t: Text, sub: (c: number) => number[]): { wrong: string; how: string; kind: string } | undefined {
  const makers: Array<() => { wrong: string; how: string; kind: string } | undefined> = [
    () => {
      const i = rng.int(p.length);
      const cands = sub(p.charCodeAt(i));
      if (cands.length === 0) return undefined;
      return { wrong: p.slice(0, i) + String.fromCharCode(rng.pick(cands)) + p.slice(i + 1), how: 'substitution', kind: 'misspelling' };
    },
    () => {
      if (p.length < 4) return undefined;
      const i = 1 + rng.int(p.length - 2);
      if (NUMERAL.test(p[i]!)) return undefined;
      return { wrong: p.slice(0, i) + p.slice(i + 1), how: 'omission', kind: 'omission' };
    },
    () => {
      const i = rng.int(p.length - 1);
      if (p[i] === p[i + 1]) return undefined;
      return { wrong: p.slice(0, i) + p[i + 1] + p[i] + p.slice(i + 2), how: 'transposition', kind: 'misspelling' };
    },
    () => {
      const i = rng.int(p.length);
      return { wrong: p.slice(0, i + 1) + p[i] + p.slice(i + 1), how: 'duplication', kind: 'insertion' };
    },
  ];
  // substitutions twice as often as the others: they are most of what real pages get wrong
  const order = [0, 0, 1, 2, 3];
  for (let tries = 0; tries < 12; tries++) {
    const e = makers[rng.pick(order)]!();
    if (e && e.wrong !== p && !t.all.includes(e.wrong)) return e;
  }
  return undefined;
}

// ---------------------------------------------------------------- the leave-out run
export interface LeaveOutRun {
  leftOut: { mandated: number; typo: number; of: { mandated: number; typo: number } };
  planted: Planted[];
  /**
   * Recall with the lexicon a build without the left-out entries would make: the curated entries
   * less those, the phrase bank plus the left-out texts its miner would then take (it leaves texts
   * that curated entries claim to them; its rules applied to counts of those texts: remine.ts).
   */
  score: PlantedScore;
  /** How many left-out texts came back as bank phrases. */
  bankComeback: number;
  /** Per left-out text: 'taken', or the miner's first rule it fails (remine.ts). */
  comebackWhy: Map<string, string>;
  /** The same with the shipped bank only (no left-out text comes back): detection without any list of them. */
  strict: PlantedScore;
  /** The same planted errors with the whole lexicon (the left-out entries back in). */
  withWholeLexicon: PlantedScore;
  /** Phrases that got no error (no edit that is not a real word sequence). */
  skipped: number;
}

/**
 * A configuration of tifa's methods for the runs (bench/accuracy/tradeoff.ts). Without one, the
 * runs measure the defaults. The planted errors stay the same whatever it is: their sentences are
 * chosen with `full` (the default checker), so configurations differ only in what finds them.
 */
export interface MethodOverrides {
  /** Options of the checkers with a reduced lexicon (the non-word stage on, and its margin). */
  checker?: Pick<CheckerOptions, 'nonword' | 'nonwordMargin'>;
  /** false: the mined phrase bank and idiom list left out (and no left-out text mined back): the curated lexicon alone. */
  mined?: boolean;
  /** The configuration's checker with the whole lexicon (the with-whole-lexicon and shipped scores); default: `full`. */
  whole?: Checker;
}

/** The left-out texts the miner takes back, per set of left-out ids: the same in every configuration that keeps the bank. */
const comebackMemo = new Map<string, { passed: LexiconEntry[]; why: Map<string, string> }>();

function minedBack(t: Text, leftM: readonly LexiconEntry[], leftT: readonly LexiconEntry[], ids: ReadonlySet<string>, entries: readonly LexiconEntry[]): { passed: LexiconEntry[]; why: Map<string, string> } {
  const key = [...ids].sort().join(',');
  const memo = comebackMemo.get(key);
  if (memo) return memo;
  const remaining = entries.filter((e) => !isBankEntry(e) && !ids.has(e.id));
  const comeback = reminedComeback(t, [...leftM.map((e) => e.text), ...leftT.map((e) => e.replacement[0]!)], remaining);
  // The miner's corpus pass for the texts taken back: one that finds anything in 2019–2025 leaves.
  const passed = corpusPass(t, comeback.entries, (extraBank) => createChecker({ builtins: false, lexicons: builtinSourcesWithout({ ids, extraBank }) }));
  for (const e of comeback.entries) if (!passed.includes(e)) comeback.why.set(e.text, 'corpus pass');
  const out = { passed, why: comeback.why };
  comebackMemo.set(key, out);
  return out;
}

export function leaveOutRun(corpus: Corpus, full: Checker, t: Text = tunedText(corpus), overrides: MethodOverrides = {}): LeaveOutRun {
  const rng = new Rng(LEAVE_OUT_SEED);
  const data = loadBuiltinData();
  const entries = data.entries;
  const mandated = entries.filter((e) => e.kind === 'mandated' && !isBankEntry(e));
  const typos = entries.filter((e) => e.kind === 'typo');
  const pickFifth = (xs: readonly LexiconEntry[]): LexiconEntry[] => rng.shuffle([...xs]).slice(0, Math.round(xs.length * FRACTION));
  const leftM = pickFifth(mandated);
  const leftT = pickFifth(typos);
  const ids = new Set([...leftM, ...leftT].map((e) => e.id));
  const options = { builtins: false, nonword: true, ...overrides.checker };
  const mined = overrides.mined !== false;
  const reduced = createChecker({ ...options, lexicons: builtinSourcesWithout({ ids, mined }) });
  const comeback = mined ? minedBack(t, leftM, leftT, ids, entries) : { passed: [], why: new Map<string, string>() };
  const passed = comeback.passed;
  const remined = createChecker({ ...options, lexicons: builtinSourcesWithout({ ids, extraBank: passed, mined }) });

  const freq = charFrequencies(t);
  const confusion = createConfusion({ pinyinTsv: data.pinyinTsv, lookalikeTsv: data.lookalikeTsv });
  const sub = (c: number): number[] => confusion.candidates(c).filter((x) => x >= 0x4e00 && x <= 0x9fff && freq[x]! >= 300);
  const used = new Set<string>();
  const planted: Planted[] = [];
  let skipped = 0;
  for (const e of leftM) {
    const variants = e.variants.filter((v) => v.length > 0);
    const err = variants.length > 0 ? { wrong: rng.pick(variants), how: 'listed-variant', kind: 'wrong formulation' } : errorFor(e.text, rng, t, sub);
    if (!err) {
      skipped++;
      continue;
    }
    const s = cleanSentence(t, e.text, full, rng, used);
    planted.push(plant(s ?? TEMPLATE(e.text), e.text, err.wrong, { source: e.id, how: err.how, kind: err.kind }, !s));
  }
  for (const e of leftT) {
    const right = e.replacement[0]!;
    const s = cleanSentence(t, right, full, rng, used);
    planted.push(plant(s ?? TEMPLATE(right), right, e.text, { source: e.id, how: 'typo-pair', kind: 'misspelling' }, !s));
  }
  return {
    leftOut: { mandated: leftM.length, typo: leftT.length, of: { mandated: mandated.length, typo: typos.length } },
    planted,
    score: scorePlanted(planted, remined),
    bankComeback: passed.length,
    comebackWhy: comeback.why,
    strict: scorePlanted(planted, reduced),
    withWholeLexicon: scorePlanted(planted, overrides.whole ?? full),
    skipped,
  };
}

// ---------------------------------------------------------------- independent substitutes
const CONFUSIONS_FILE = join(repoRoot, '../shared/reference/common-confusions.md');
const HAN_ONLY = /^[\u4e00-\u9fff]+$/;

/** The same-length wrong → right pairs of the sections named above (rows marked ⚠️ left out). */
export function independentPairs(file: string = CONFUSIONS_FILE): Array<{ wrong: string; right: string; section: string }> {
  if (!existsSync(file)) return [];
  const out: Array<{ wrong: string; right: string; section: string }> = [];
  const seen = new Set<string>();
  let section = '';
  let wrongColumns: number[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const h = /^## (\d+)\./.exec(line);
    if (h) [section, wrongColumns] = [h[1]!, []];
    if (!['1', '2', '4', '5', '6'].includes(section) || !line.startsWith('|')) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    // The header names the columns: each "Wrong…" column is followed by its "Right…" column.
    if (cells.some((c) => c.startsWith('Wrong'))) {
      wrongColumns = cells.flatMap((c, i) => (c.startsWith('Wrong') && (cells[i + 1] ?? '').startsWith('Right') ? [i] : []));
      continue;
    }
    for (const i of wrongColumns) {
      const [a, b] = [cells[i] ?? '', cells[i + 1] ?? ''];
      if (!HAN_ONLY.test(a) || !HAN_ONLY.test(b) || a.length !== b.length || a === b || seen.has(a)) continue;
      out.push({ wrong: a, right: b, section });
      seen.add(a);
    }
  }
  return out;
}

export interface IndependentRun {
  pairs: number;
  planted: Planted[];
  /** The lexicon as shipped (it may list the pair). */
  shipped: PlantedScore;
  /** Every entry that lists a wrong form of these pairs taken out: detection alone. */
  detectionOnly: PlantedScore;
  /** Pairs whose wrong form the shipped lexicon lists. */
  listed: number;
}

export function independentRun(corpus: Corpus, full: Checker, t: Text = tunedText(corpus), overrides: MethodOverrides = {}): IndependentRun {
  const rng = new Rng(LEAVE_OUT_SEED + 1);
  const pairs = independentPairs();
  const entries = loadBuiltinData().entries;
  const wrongForms = new Set(pairs.map((p) => p.wrong));
  const listedForms = new Set<string>();
  for (const e of entries) {
    if (e.kind === 'typo' && wrongForms.has(e.text)) listedForms.add(e.text);
    for (const v of e.variants) if (wrongForms.has(v)) listedForms.add(v);
  }
  const used = new Set<string>();
  const planted: Planted[] = [];
  for (const p of pairs) {
    const s = cleanSentence(t, p.right, full, rng, used);
    planted.push(plant(s ?? TEMPLATE(p.right), p.right, p.wrong, { source: `§${p.section} ${p.wrong}→${p.right}`, how: 'independent', kind: 'misspelling' }, !s));
  }
  const without = createChecker({ builtins: false, nonword: true, ...overrides.checker, lexicons: builtinSourcesWithout({ wrongForms, mined: overrides.mined !== false }) });
  return { pairs: pairs.length, planted, shipped: scorePlanted(planted, overrides.whole ?? full), detectionOnly: scorePlanted(planted, without), listed: listedForms.size };
}

// ---------------------------------------------------------------- scoring
/** The sentence as it was before the error was put in. */
const originalOf = (p: Planted): string => p.text.slice(0, p.start) + p.right + p.text.slice(p.end);

/**
 * Whether the finding's correction gives the sentence back: its span replaced by its first expected
 * string is the sentence before the error. A finding of a shorter phrase inside the right one
 * corrects it so (人才强国国战略: 人才强国国 → 人才强国).
 */
export function restores(p: Planted, f: Pick<Finding, 'start' | 'end' | 'expected'>): boolean {
  const e = f.expected[0];
  return e !== undefined && p.text.slice(0, f.start) + e + p.text.slice(f.end) === originalOf(p);
}

/**
 * Found: a finding overlaps the planted span and corrects it: one of its expected strings holds the
 * right text (as in score.ts), or its correction gives the sentence back (`restores`). The first
 * alone is counted too (`foundHoldingRight`).
 */
export function scorePlanted(planted: readonly Planted[], checker: Checker): PlantedScore {
  const byDetail = new Map<string, number>();
  const byKind = new Map<string, { cases: number; found: number }>();
  const byHow = new Map<string, { cases: number; found: number }>();
  const byLength = new Map<string, { cases: number; found: number }>();
  const lengthClass = (n: number): string => (n <= 2 ? '2' : n === 3 ? '3' : n <= 5 ? '4-5' : '6+');
  const misses: Planted[] = [];
  let found = 0;
  let foundHoldingRight = 0;
  let otherFindings = 0;
  let findings = 0;
  const bump = (m: Map<string, { cases: number; found: number }>, k: string, hit: boolean): void => {
    const n = m.get(k) ?? { cases: 0, found: 0 };
    n.cases++;
    if (hit) n.found++;
    m.set(k, n);
  };
  for (const p of planted) {
    const fs = checkQuiet(checker, p.text);
    findings += fs.length;
    const overlapping = (f: Finding): boolean => f.start < p.end && p.start < f.end;
    const holdsRight = (f: Finding): boolean => overlapping(f) && f.expected.some((e) => e.includes(p.right));
    const hit = fs.find(holdsRight) ?? fs.find((f) => overlapping(f) && restores(p, f));
    if (fs.some(holdsRight)) foundHoldingRight++;
    otherFindings += fs.filter((f) => !(overlapping(f) && (restores(p, f) || f.expected.some((e) => e !== '' && (e.includes(p.right) || p.right.includes(e)))))).length;
    if (hit) {
      found++;
      const d = hit.detail === 'listed' ? `${hit.rule} (listed)` : `${hit.rule}/${hit.detail}`;
      byDetail.set(d, (byDetail.get(d) ?? 0) + 1);
    } else misses.push(p);
    bump(byKind, p.kind, !!hit);
    bump(byHow, p.how, !!hit);
    bump(byLength, lengthClass(p.right.length), !!hit);
  }
  return { cases: planted.length, found, foundHoldingRight, recall: planted.length === 0 ? 1 : found / planted.length, templates: planted.filter((p) => p.template).length, byDetail, byKind, byHow, byLength, otherFindings, findings, misses };
}
