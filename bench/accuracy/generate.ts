/**
 * Seeded, reproducible generator of the labelled accuracy dev set (test/fixtures/accuracy/).
 *
 *   npx tsx bench/accuracy/generate.ts [--seed N]
 *
 * Positives: a real corpus sentence holding a phrase of the built-in lexicon (mandated phrase, or
 * the right word of a typo entry), with that phrase corrupted in place by one error type (see
 * ERROR_TYPES). Substitute characters come from tifa's confusion tables (homophone, near-homophone,
 * look-alike), restricted to characters common in the corpus, so they are the slips an IME or OCR
 * makes. A corruption whose text (without noise) occurs anywhere in the corpus outside the phrase
 * itself is dropped: 21 M characters of edited news prove it is a real word sequence, not an error.
 * Plus the lexicon's listed variants and hand-listed real errors from public notices.
 *
 * Negatives: correct corpus sentences that hold near-misses (strings one edit away from a phrase,
 * listed near-miss words, the same anchors), names and numbers, and correct text with line ends and
 * paragraph indentation next to phrases.
 *
 * Labels are by construction. No sentence appears twice; cases are capped per phrase.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createChecker } from '../../src/index.js';
import { loadBuiltinData } from '../../src/data/builtin.js';
import { createNormalizer, CharKind } from '../../src/normalize/index.js';
import { createConfusion } from '../../src/confusion/index.js';
import { NormalizeClass, parseNormalize } from '../../src/confusion/normalize-table.js';
import type { LexiconEntry } from '../../src/index.js';
import { devSetDir, NEGATIVES_FILE, POSITIVES_FILE, readCorpus, Rng, type Case, type ErrorType, type Label } from './common.js';
import { REAL_ERRORS, REAL_IN_CORPUS } from './real-errors.js';

const seedArg = process.argv.indexOf('--seed');
const SEED = seedArg >= 0 ? Number(process.argv[seedArg + 1]) : 20260611;
const rng = new Rng(SEED);

// The error model tifa promises (issue 4), fixed here so the dev set does not move with the code:
// phrases of 4+ Han characters are searched; 6+ may carry two substitutions; 5+ may lose an edge character.
const MIN_FUZZY_LENGTH = 4;
const TWO_SUBS_LENGTH = 6;
const EDGE_OMISSION_LENGTH = 5;
const isFuzzyEligible = (t: string): boolean => t.length >= MIN_FUZZY_LENGTH && t.length <= 64 && /^[\u3400-\u4dbf\u4e00-\u9fff]+$/.test(t);

/** Cases per generated error type. */
const PER_TYPE = 40;
/** Positive cases per phrase (all types together). */
const PER_PHRASE = 4;
const MAX_SENTENCE = 120;
const MIN_SENTENCE = 12;
/** Corpus frequency a substitute or inserted character needs (IME candidates are common characters). */
const MIN_SUB_FREQ = 300;
const MIN_LOOKALIKE_FREQ = 1;

// ---------------------------------------------------------------- data
const t0 = Date.now();
const checker = createChecker();
const data = loadBuiltinData();
const normalizer = createNormalizer(data.normalizeTsv);
const { map, classes } = parseNormalize(data.normalizeTsv);
const confusion = createConfusion({ pinyinTsv: data.pinyinTsv, lookalikeTsv: data.lookalikeTsv });
const corpus = readCorpus();
const ALL = corpus.lines.join('\n');
const lineStarts: number[] = [];
{
  let p = 0;
  for (const l of corpus.lines) {
    lineStarts.push(p);
    p += l.length + 1;
  }
}
const freq = new Uint32Array(65536);
for (let i = 0; i < ALL.length; i++) freq[ALL.charCodeAt(i)]!++;
console.log(`corpus: ${corpus.lines.length} lines, ${ALL.length} chars (${Date.now() - t0} ms)`);

const isHan = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;
/** A plain character: Han, not normalized by tifa (not traditional, not a look-alike code point). */
const plainHan = (c: number): boolean => isHan(c) && map[c] === c && classes[c] === 0;

/** Reverse tables: simplified char -> code points of a class that normalize to it. */
const reverse = new Map<number, Map<number, number[]>>();
for (let c = 0; c < 65536; c++) {
  const cls = classes[c]!;
  if (cls === 0) continue;
  const to = map[c]!;
  let byClass = reverse.get(cls);
  if (!byClass) reverse.set(cls, (byClass = new Map()));
  let list = byClass.get(to);
  if (!list) byClass.set(to, (list = []));
  list.push(c);
}
const formsOf = (cls: number, ch: string): number[] => reverse.get(cls)?.get(ch.charCodeAt(0)) ?? [];

// Texts that give listed findings (banned, outdated, variants, typo words): a sentence holding one
// would carry a second, unlabelled error, so such sentences are not used (see allowsListed).
const entries = checker.entries;
const listedTexts: Array<{ key: string; entry: LexiconEntry }> = [];
for (const e of entries) {
  if (e.kind === 'banned' || e.kind === 'outdated' || e.kind === 'typo') listedTexts.push({ key: normalizer.key(e.text), entry: e });
  for (const v of e.variants) listedTexts.push({ key: normalizer.key(v), entry: e });
}
const knownKeys = new Set<string>();
for (const e of entries) {
  knownKeys.add(normalizer.key(e.text));
  for (const v of e.variants) knownKeys.add(normalizer.key(v));
  for (const r of e.replacement) knownKeys.add(normalizer.key(r));
}

/** Whether a listed text in the sentence is excused by one of its entry's `unless` rules (simplified reading of FORMAT.md). */
function excused(sentence: string, at: number, key: string, entry: LexiconEntry): boolean {
  for (const rule of entry.unless) {
    if ('before' in rule && rule.before.some((b) => sentence.slice(0, at).endsWith(b))) return true;
    if ('after' in rule && rule.after.some((a) => sentence.slice(at + key.length).startsWith(a))) return true;
    if ('sentence' in rule && rule.sentence.some((s) => sentence.includes(s))) return true;
    if ('yearBefore' in rule) {
      for (const m of sentence.matchAll(/(\d{4})年/g)) if (Number(m[1]) < rule.yearBefore) return true;
    }
  }
  return false;
}

/** The texts a person confirmed as real errors where the accuracy report reviewed the corpus's findings. */
const REVIEWED_IN_CORPUS = [...new Set((JSON.parse(readFileSync(new URL('./corpus-real-errors.json', import.meta.url), 'utf8')) as Array<{ actual: string }>).map((r) => r.actual))];

/** True when the sentence holds no listed wrong text (or only excused ones), nor a reviewed real error of the corpus. */
function cleanOfListed(sentence: string): boolean {
  if (REAL_IN_CORPUS.some((r) => sentence.includes(r.wrong))) return false;
  if (REVIEWED_IN_CORPUS.some((wrong) => sentence.includes(wrong))) return false;
  for (const { key, entry } of listedTexts) {
    let at = sentence.indexOf(key);
    while (at >= 0) {
      if (entry.kind === 'mandated' || !excused(sentence, at, key, entry)) return false;
      at = sentence.indexOf(key, at + 1);
    }
  }
  return true;
}

/** Every character plain (no skip, traditional, look-alike or full-width code units). */
function plainText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (normalizer.kind[s.charCodeAt(i)] !== CharKind.Plain) return false;
  return true;
}

const lineOf = (pos: number): number => {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};
const originOf = (pos: number): string => {
  const l = lineOf(pos);
  return `xwlb ${corpus.dates[l] || '?'} line ${l + 1}`;
};

const END = new Set(['。', '！', '？', '；', '!', '?']);
/** The sentence around corpus [pos, pos+len): bounded by sentence ends, spaces and line ends. */
function sentenceAround(pos: number, len: number): { text: string; at: number } | undefined {
  let s = pos;
  while (s > 0) {
    const ch = ALL[s - 1]!;
    if (END.has(ch) || ch === ' ' || ch === '\n') break;
    s--;
  }
  let e = pos + len;
  while (e < ALL.length) {
    const ch = ALL[e]!;
    if (ch === ' ' || ch === '\n') break;
    e++;
    if (END.has(ch)) break;
  }
  // Drop a closing quote's orphan at the start.
  while (s < pos && (ALL[s] === '”' || ALL[s] === '’' || ALL[s] === '，' || ALL[s] === '、')) s++;
  if (e - s > MAX_SENTENCE) {
    // Shrink to clauses around the phrase (bounded by ，).
    let cs = pos;
    while (cs > s && ALL[cs - 1] !== '，') cs--;
    let ce = pos + len;
    while (ce < e && ALL[ce] !== '，') ce++;
    if (ce < e) ce++; // keep the comma
    for (;;) {
      let grown = false;
      if (cs > s) {
        let ns = cs - 1;
        while (ns > s && ALL[ns - 1] !== '，') ns--;
        if (ce - ns <= MAX_SENTENCE) {
          cs = ns;
          grown = true;
        }
      }
      if (ce < e) {
        let ne = ce + 1;
        while (ne < e && ALL[ne - 1] !== '，') ne++;
        if (ne - cs <= MAX_SENTENCE) {
          ce = ne;
          grown = true;
        }
      }
      if (!grown) break;
    }
    s = cs;
    e = ce;
    if (e - s > MAX_SENTENCE) return undefined;
  }
  if (e - s < Math.max(MIN_SENTENCE, len + 4)) return undefined;
  return { text: ALL.slice(s, e), at: pos - s };
}

const used = new Set<string>();

/** Corpus positions of `s` (up to `cap`, in order). */
function positions(s: string, cap: number): number[] {
  const out: number[] = [];
  for (let at = ALL.indexOf(s); at >= 0 && out.length < cap; at = ALL.indexOf(s, at + 1)) out.push(at);
  return out;
}

/** Random distinct clean sentences holding `phrase` (not yet used). */
function sentencesWith(phrase: string, want: number, accept: (sentence: string, at: number) => boolean = () => true): Array<{ text: string; at: number; origin: string }> {
  const pos = rng.shuffle(positions(phrase, 5000));
  const out: Array<{ text: string; at: number; origin: string }> = [];
  const seen = new Set<string>();
  for (const p of pos) {
    if (out.length >= want) break;
    const s = sentenceAround(p, phrase.length);
    if (!s || used.has(s.text) || seen.has(s.text)) continue;
    if (!plainText(s.text) || !cleanOfListed(s.text) || !accept(s.text, s.at)) continue;
    seen.add(s.text);
    out.push({ ...s, origin: originOf(p) });
  }
  return out;
}

/**
 * Whether `core` occurs in the corpus other than inside an occurrence of `phrase` (then it is a
 * real word sequence, not an error).
 */
function occursOutside(core: string, phrase: string): boolean {
  const inner: number[] = [];
  for (let k = phrase.indexOf(core); k >= 0; k = phrase.indexOf(core, k + 1)) inner.push(k);
  for (let at = ALL.indexOf(core); at >= 0; at = ALL.indexOf(core, at + 1)) {
    if (!inner.some((k) => ALL.startsWith(phrase, at - k))) return true;
  }
  return false;
}

// ---------------------------------------------------------------- corruptions
interface Corruption {
  /** The text that replaces the phrase (may hold noise). */
  text: string;
  detail: string;
  /** The corrupted text without noise, normalized (for the corpus check); undefined when it normalizes to the phrase. */
  key?: string;
}

type Maker = (p: string) => Corruption | undefined;

const subCandidates = (ch: string, kind: 'homophone' | 'near-homophone' | 'lookalike' | 'any'): number[] => {
  const c = ch.charCodeAt(0);
  return confusion.candidates(c).filter((x) => {
    if (!plainHan(x)) return false;
    const k = confusion.kind(c, x);
    if (kind !== 'any' && k !== kind) return false;
    return freq[x]! >= (k === 'lookalike' ? MIN_LOOKALIKE_FREQ : MIN_SUB_FREQ);
  });
};

/** Characters common enough to be typed by mistake (insertions). */
const COMMON: number[] = [];
{
  const all: number[] = [];
  for (let c = 0x4e00; c <= 0x9fff; c++) if (plainHan(c) && freq[c]! > 0) all.push(c);
  all.sort((a, b) => freq[b]! - freq[a]!);
  COMMON.push(...all.slice(0, 1500));
}

function substitute(p: string, kind: 'homophone' | 'near-homophone' | 'lookalike' | 'any', count: number): Corruption | undefined {
  const chars = [...p];
  const idx = rng.shuffle(chars.map((_, i) => i));
  const chosen: number[] = [];
  for (const i of idx) {
    if (chosen.length === count) break;
    const cands = subCandidates(chars[i]!, kind);
    if (cands.length === 0) continue;
    chars[i] = String.fromCharCode(rng.pickWeighted(cands, (x) => Math.sqrt(freq[x]!)));
    chosen.push(i);
  }
  if (chosen.length < count) return undefined;
  const text = chars.join('');
  return { text, detail: 'substitution', key: text };
}

const NUMERAL = /[零〇一二三四五六七八九十百千万两]/;
/** Drops p[i]; not a digit of a numeral, which leaves another number (党的二十大 -> 党的二大, the 2nd congress). */
const omit = (p: string, i: number): Corruption | undefined => {
  if (NUMERAL.test(p[i]!) && (NUMERAL.test(p[i - 1] ?? '') || NUMERAL.test(p[i + 1] ?? ''))) return undefined;
  const text = p.slice(0, i) + p.slice(i + 1);
  return { text, detail: 'omission', key: text };
};

function insertion(p: string): Corruption | undefined {
  const g = 1 + rng.int(p.length - 1);
  const cands = COMMON.filter((c) => c !== p.charCodeAt(g - 1) && c !== p.charCodeAt(g));
  const x = String.fromCharCode(rng.pickWeighted(cands, (c) => Math.sqrt(freq[c]!)));
  const text = p.slice(0, g) + x + p.slice(g);
  return { text, detail: 'insertion', key: text };
}

function duplication(p: string): Corruption | undefined {
  if (p.length < 3) return undefined;
  const i = 1 + rng.int(p.length - 2);
  const text = p.slice(0, i + 1) + p[i] + p.slice(i + 1);
  return { text, detail: 'duplication', key: text };
}

function transposition(p: string): Corruption | undefined {
  const idx = rng.shuffle([...Array(p.length - 1).keys()]);
  for (const i of idx) {
    if (p[i] === p[i + 1]) continue;
    const text = p.slice(0, i) + p[i + 1] + p[i] + p.slice(i + 2);
    return { text, detail: 'transposition', key: text };
  }
  return undefined;
}

const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\ufeff', '\u2060'];
function addNoise(c: Corruption, noise: string): Corruption {
  const g = 1 + rng.int(c.text.length - 1);
  return { ...c, text: c.text.slice(0, g) + noise + c.text.slice(g) };
}
const noiseOf = (kind: 'space' | 'ideographic' | 'zero-width' | 'nbsp' | 'any'): string => {
  const k = kind === 'any' ? rng.pick(['space', 'ideographic', 'zero-width', 'nbsp'] as const) : kind;
  return k === 'space' ? rng.pick([' ', ' ', '  ']) : k === 'ideographic' ? '\u3000' : k === 'nbsp' ? '\u00a0' : rng.pick(ZERO_WIDTH);
};

function replaceForms(p: string, cls: number, all: boolean): Corruption | undefined {
  const chars = [...p];
  const idx = rng.shuffle(chars.map((_, i) => i)).filter((i) => formsOf(cls, chars[i]!).length > 0);
  if (idx.length === 0) return undefined;
  const n = all ? idx.length : 1;
  for (const i of idx.slice(0, n)) {
    const forms = formsOf(cls, chars[i]!);
    // Prefer forms seen in real text (common traditional characters) where there is a choice.
    chars[i] = String.fromCharCode(cls === NormalizeClass.traditional ? forms.reduce((a, b) => (freq[b]! > freq[a]! ? b : a)) : rng.pick(forms));
  }
  return { text: chars.join(''), detail: cls === NormalizeClass.traditional ? 'traditional' : 'lookalike' };
}

const MAKERS: Record<Exclude<ErrorType, 'listed' | 'real'>, Maker> = {
  'sub-homophone': (p) => substitute(p, 'homophone', 1),
  'sub-near-homophone': (p) => substitute(p, 'near-homophone', 1),
  'sub-lookalike': (p) => substitute(p, 'lookalike', 1),
  'sub-two': (p) => (p.length >= TWO_SUBS_LENGTH ? substitute(p, 'any', 2) : undefined),
  'omission-interior': (p) => (p.length >= MIN_FUZZY_LENGTH ? omit(p, 1 + rng.int(p.length - 2)) : undefined),
  'omission-edge': (p) => (p.length >= EDGE_OMISSION_LENGTH ? omit(p, rng.next() < 0.5 ? 0 : p.length - 1) : undefined),
  insertion: (p) => insertion(p),
  duplication: (p) => duplication(p),
  transposition: (p) => transposition(p),
  'noise-space': (p) => addNoise({ text: p, detail: 'noise' }, noiseOf('space')),
  'noise-ideographic-space': (p) => addNoise({ text: p, detail: 'noise' }, noiseOf('ideographic')),
  'noise-zero-width': (p) => addNoise({ text: p, detail: 'noise' }, noiseOf('zero-width')),
  'noise-nbsp': (p) => addNoise({ text: p, detail: 'noise' }, noiseOf('nbsp')),
  traditional: (p) => replaceForms(p, NormalizeClass.traditional, rng.next() < 0.5),
  'lookalike-kangxi': (p) => replaceForms(p, NormalizeClass.kangxi, false),
  'lookalike-radical': (p) => replaceForms(p, NormalizeClass.radical, false),
  'lookalike-compat': (p) => replaceForms(p, NormalizeClass.compat, false),
  'noise+substitution': (p) => {
    const c = substitute(p, 'any', 1);
    return c && addNoise(c, noiseOf('any'));
  },
  'noise+omission': (p) => {
    const c = p.length >= MIN_FUZZY_LENGTH ? omit(p, 1 + rng.int(p.length - 2)) : undefined;
    return c && addNoise(c, noiseOf('any'));
  },
  'noise+insertion': (p) => {
    const c = insertion(p);
    return c && addNoise(c, noiseOf('any'));
  },
  'noise+transposition': (p) => {
    const c = transposition(p);
    return c && addNoise(c, noiseOf('any'));
  },
  'noise+traditional': (p) => {
    const c = replaceForms(p, NormalizeClass.traditional, false);
    return c && addNoise(c, noiseOf('any'));
  },
};

// ---------------------------------------------------------------- targets
interface Target {
  phrase: string;
  entry: string;
}
const targets: Target[] = [];
{
  const seen = new Set<string>();
  for (const e of entries) {
    const texts = e.kind === 'mandated' ? [e.text] : e.kind === 'typo' ? e.replacement : [];
    if (!e.fuzzy) continue;
    for (const t of texts) {
      const k = normalizer.key(t);
      if (!isFuzzyEligible(k) || seen.has(k)) continue;
      seen.add(k);
      targets.push({ phrase: k, entry: e.id });
    }
  }
}
const mandatedTexts = [...new Set(entries.filter((e) => e.kind === 'mandated' || e.kind === 'typo').flatMap((e) => (e.kind === 'typo' ? e.replacement : [e.text])).map((t) => normalizer.key(t)))];
/** The phrase occurrence is not the inside of a longer lexicon phrase the sentence also holds (so the label's expected is the phrase a reader would fix). */
const longerHolding = (phrase: string): string[] => mandatedTexts.filter((t) => t !== phrase && t.includes(phrase));

console.log(`fuzzy targets: ${targets.length}`);
rng.shuffle(targets);

/**
 * Whether a corruption of `phrase` is also one edit from another lexicon phrase (习近平总书记重要指示批示精神
 * missing 批 reads as 习近平总书记重要指示精神 with 示 doubled): either correction would be right, so such
 * corruptions are not used.
 */
function ambiguous(corrupted: string, phrase: string): boolean {
  for (const q of mandatedTexts) {
    if (q === phrase || Math.abs(q.length - corrupted.length) > 1) continue;
    if (osa(corrupted, q) <= 1) return true;
  }
  return false;
}

// Sentences per target (lazy; a few spares per phrase).
const pool = new Map<string, Array<{ text: string; at: number; origin: string }>>();
function nextSentence(t: Target): { text: string; at: number; origin: string } | undefined {
  let list = pool.get(t.phrase);
  if (!list) {
    const longer = longerHolding(t.phrase);
    list = sentencesWith(t.phrase, PER_PHRASE + 4, (s, at) => !longer.some((l) => {
      for (let k = l.indexOf(t.phrase); k >= 0; k = l.indexOf(t.phrase, k + 1)) if (s.startsWith(l, at - k)) return true;
      return false;
    }) && s.indexOf(t.phrase) === s.lastIndexOf(t.phrase));
    pool.set(t.phrase, list);
  }
  while (list.length > 0) {
    const s = list.shift()!;
    if (!used.has(s.text)) return s;
  }
  return undefined;
}

const positives: Case[] = [];
const perPhrase = new Map<string, number>();
const typeCounts = new Map<string, number>();
const rejected = new Map<string, number>();

function addPositive(type: ErrorType, t: Target, s: { text: string; at: number; origin: string }, c: Corruption, origin?: string): void {
  const text = s.text.slice(0, s.at) + c.text + s.text.slice(s.at + t.phrase.length);
  const label: Label = { start: s.at, end: s.at + c.text.length, expected: t.phrase, detail: c.detail, type, entry: t.entry };
  used.add(s.text);
  positives.push({ id: `p${String(positives.length + 1).padStart(4, '0')}-${type}`, text, findings: [label], origin: origin ?? s.origin });
  perPhrase.set(t.phrase, (perPhrase.get(t.phrase) ?? 0) + 1);
  typeCounts.set(type, (typeCounts.get(type) ?? 0) + 1);
}

// Generated types, round-robin over phrases so that every type spreads over many phrases.
const types = Object.keys(MAKERS) as Array<keyof typeof MAKERS>;
let cursor = 0;
for (let round = 0; round < PER_TYPE; round++) {
  for (const type of types) {
    if ((typeCounts.get(type) ?? 0) > round) continue;
    // Find the next phrase (from a rotating cursor) that takes this type.
    for (let tries = 0; tries < targets.length; tries++) {
      const t = targets[cursor++ % targets.length]!;
      if ((perPhrase.get(t.phrase) ?? 0) >= PER_PHRASE) continue;
      let c: Corruption | undefined;
      for (let attempt = 0; attempt < 4 && !c; attempt++) {
        const made = MAKERS[type](t.phrase);
        if (!made) break;
        if (made.key !== undefined) {
          const k = normalizer.key(made.key);
          if (k === t.phrase || knownKeys.has(k) || ambiguous(k, t.phrase) || occursOutside(k, t.phrase)) {
            rejected.set(type, (rejected.get(type) ?? 0) + 1);
            continue;
          }
        }
        c = made;
      }
      if (!c) continue;
      const s = nextSentence(t);
      if (!s) continue;
      // A cut or an addition that merges with the text beside it can leave the phrase whole
      // (中国人民银行行长 missing one 行 still holds 中国人民银行): no error is left to find.
      if ((s.text.slice(0, s.at) + c.text + s.text.slice(s.at + t.phrase.length)).includes(t.phrase)) {
        rejected.set(type, (rejected.get(type) ?? 0) + 1);
        continue;
      }
      addPositive(type, t, s, c);
      break;
    }
  }
}

// Listed variants of mandated entries (rule wrong-formulation), one per entry, capped like a type.
const listedPerEntry = 1;
const LISTED = 2 * PER_TYPE;
for (const e of rng.shuffle(entries.filter((x) => x.kind === 'mandated' && x.variants.length > 0).slice())) {
  if ((typeCounts.get('listed') ?? 0) >= LISTED) break;
  const phrase = normalizer.key(e.text);
  const t: Target = { phrase, entry: e.id };
  for (const v of rng.shuffle(e.variants.slice()).slice(0, listedPerEntry)) {
    const s = sentencesWith(phrase, 1, (sentence) => sentence.indexOf(phrase) === sentence.lastIndexOf(phrase))[0];
    if (!s) continue;
    addPositive('listed', t, s, { text: v, detail: 'listed' });
  }
}

// Real errors from public notices.
const skippedReal: string[] = [];
for (const r of REAL_ERRORS) {
  const holder = mandatedTexts.filter((m) => m.includes(r.right)).sort((a, b) => a.length - b.length)[0];
  if (!holder) {
    skippedReal.push(`${r.wrong}→${r.right} (right form not in the lexicon)`);
    continue;
  }
  const entry = entries.find((e) => normalizer.key(e.text) === holder || e.replacement.some((x) => normalizer.key(x) === holder))!;
  const got = sentencesWith(holder, 2, (sentence) => sentence.indexOf(holder) === sentence.lastIndexOf(holder));
  if (got.length === 0) {
    skippedReal.push(`${r.wrong}→${r.right} (no corpus sentence holds ${holder})`);
    continue;
  }
  for (const s of got) {
    const wrongHolder = holder.replace(r.right, r.wrong);
    addPositive('real', { phrase: holder, entry: entry.id }, s, { text: wrongHolder, detail: r.detail }, `${s.origin}; error: ${r.source}`);
  }
}

// Real errors found in the corpus itself: the corpus sentence as it is.
for (const r of REAL_IN_CORPUS) {
  const holder = mandatedTexts.includes(r.right) ? r.right : (mandatedTexts.filter((m) => r.right.includes(m)).sort((a, b) => b.length - a.length)[0] ?? r.right);
  const entry = entries.find((e) => normalizer.key(e.text) === holder || e.replacement.some((x) => normalizer.key(x) === holder));
  let took = 0;
  for (const at of positions(r.wrong, 50)) {
    if (took >= 2) break;
    const s = sentenceAround(at, r.wrong.length);
    if (!s || used.has(s.text) || !plainText(s.text)) continue;
    const start = s.at;
    used.add(s.text);
    const label: Label = { start, end: start + r.wrong.length, expected: holder, detail: 'listed', type: 'real', entry: entry?.id ?? '?' };
    positives.push({ id: `p${String(positives.length + 1).padStart(4, '0')}-real`, text: s.text, findings: [label], origin: `${originOf(at)}; real error in the corpus: ${r.why}` });
    typeCounts.set('real', (typeCounts.get('real') ?? 0) + 1);
    took++;
  }
}

// ---------------------------------------------------------------- negatives
const negatives: Case[] = [];
const negKinds = new Map<string, number>();
function addNegative(kind: string, text: string, origin: string): void {
  used.add(text);
  negatives.push({ id: `n${String(negatives.length + 1).padStart(4, '0')}-${kind}`, text, findings: [], origin, kind });
  negKinds.set(kind, (negKinds.get(kind) ?? 0) + 1);
}

/** Damerau-Levenshtein (optimal string alignment) distance, small strings. */
function osa(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

// (a) Near-misses found in the corpus: a string one edit from a phrase (sharing one of its halves).
const NEAR_AUTO = 170;
{
  let added = 0;
  for (const t of rng.shuffle(targets.slice())) {
    if (added >= NEAR_AUTO) break;
    const p = t.phrase;
    const m = p.length >> 1;
    let took = 0;
    for (const [off, piece] of rng.shuffle([[0, p.slice(0, m)], [m, p.slice(m)]] as Array<[number, string]>)) {
      if (took > 0) break;
      const pos = rng.shuffle(positions(piece, 3000));
      for (const at of pos) {
        const base = at - off;
        if (ALL.startsWith(p, base) || (off > 0 && ALL.startsWith(p, base - 1)) || ALL.startsWith(p, base + 1)) continue;
        let best = 99;
        let bestS = 0;
        let bestL = 0;
        for (let s = base - 1; s <= base + 1; s++) {
          for (let L = p.length - 1; L <= p.length + 1; L++) {
            if (s < 0 || ALL.slice(s, s + L).includes('\n')) continue;
            const d = osa(p, ALL.slice(s, s + L));
            if (d < best) {
              best = d;
              bestS = s;
              bestL = L;
            }
          }
        }
        if (best !== 1) continue;
        const near = ALL.slice(bestS, bestS + bestL);
        if (knownKeys.has(near)) continue;
        const sent = sentenceAround(bestS, bestL);
        if (!sent || used.has(sent.text) || !plainText(sent.text) || !cleanOfListed(sent.text)) continue;
        addNegative('near-miss', sent.text, `${originOf(bestS)}; near-miss ${near} ~ ${p}`);
        took++;
        added++;
        break;
      }
    }
  }
}

// (b) Listed near-miss words: real words one character from a phrase, or sharing its anchors.
const NEAR_WORDS = [
  '中华民国', '中华各民族', '中华儿女', '中华文明', '中华文化', '民族团结', '民族地区', '各民族', '攻坚克难', '攻坚战', '脱贫致富',
  '国家安监', '国家安全', '祖国大地', '祖国各地', '社会主义制度', '社会主义国家', '人民代表大会', '人民当家', '全国人民', '中国人民',
  '人民共和', '共和国', '新时代新征程', '中国特色', '特色社会', '党中央国务院', '党的领导', '改革开放以来', '全面深化', '从严治党',
  '高质量发展', '高质量', '共同富裕', '乡村振兴', '生态文明', '生态环境', '美丽中国', '一带一路', '人类命运', '命运共同体', '依法治国',
  '国家治理', '治理体系', '现代化建设', '中国式现代化', '民族复兴', '伟大复兴', '伟大事业', '共同体意识', '政治局常委', '常委会',
  '委员长', '总书记', '国务院总理', '国务院', '全国政协', '政协委员', '人大代表', '政府工作报告', '国民经济', '十四五', '二〇三五年',
  '新发展理念', '新发展格局', '发展格局', '双循环', '数字经济', '实体经济', '新质生产力', '生产力', '科技创新', '自立自强', '粮食安全',
  '能源安全', '网络安全', '安全生产', '应急管理', '交通运输', '文化和旅游', '生态环境部', '国家能源', '党的自我革命', '自我革命',
];
const PER_WORD = 3;
for (const w of NEAR_WORDS) {
  for (const s of sentencesWith(w, PER_WORD)) addNegative('near-word', s.text, `${s.origin}; holds ${w}`);
}

// (c) Names and numbers: leaders' names (with titles and figures), one-character-off names.
const NAMES = ['习近平', '李强', '赵乐际', '王沪宁', '蔡奇', '丁薛祥', '李希', '韩正', '何立峰', '张国清', '刘国中', '王小洪', '吴政隆', '谌贻琴', '李克强', '栗战书', '汪洋', '王岐山', '张又侠', '刘金国', '张军', '应勇', '王毅'];
for (const n of NAMES) {
  for (const s of sentencesWith(n, 2, (sentence) => /\d/.test(sentence))) addNegative('name-number', s.text, `${s.origin}; name ${n}`);
}

// (d) Line ends and paragraph indentation next to phrases: a news item's title, a line end (and
// sometimes the usual two U+3000 of paragraph indentation), then the first sentence of its body.
const SEPARATORS = ['\n', '\n\u3000\u3000', ' \n', '\r\n\u3000\u3000'];
{
  const want = 60;
  let added = 0;
  const order = rng.shuffle([...corpus.lines.keys()]);
  const phraseSet = targets.map((t) => t.phrase);
  for (const li of order) {
    if (added >= want) break;
    const line = corpus.lines[li]!;
    const sp = line.indexOf(' ');
    if (sp < 4) continue;
    const title = line.slice(0, sp);
    if (!isHan(title.charCodeAt(title.length - 1))) continue;
    // Prefer titles that end with a phrase (or its first half): the fuzzy search reads past the line end there.
    const endsNear = phraseSet.some((p) => title.endsWith(p) || title.endsWith(p.slice(0, p.length >> 1)));
    if (!endsNear && rng.next() < 0.9) continue;
    let bodyEnd = sp + 1;
    while (bodyEnd < line.length && !END.has(line[bodyEnd]!) && line[bodyEnd] !== ' ') bodyEnd++;
    if (bodyEnd < line.length && END.has(line[bodyEnd]!)) bodyEnd++;
    const body = line.slice(sp + 1, bodyEnd);
    const sep = rng.pick(SEPARATORS);
    const text = title + sep + body;
    if (text.length > MAX_SENTENCE || body.length < 8 || used.has(text)) continue;
    if (!plainText(title + body) || !cleanOfListed(title + body)) continue;
    addNegative('line-end', text, `xwlb ${corpus.dates[li] || '?'} line ${li + 1}; title + line end + body`);
    added++;
  }
}
// (e) Hard-wrapped text: a correct sentence with a phrase, broken into lines of fixed width.
{
  let added = 0;
  for (const t of rng.shuffle(targets.slice())) {
    if (added >= 30) break;
    const s = sentencesWith(t.phrase, 1)[0];
    if (!s || s.text.length < 24) continue;
    const width = 8 + rng.int(10);
    let wrapped = '';
    for (let i = 0; i < s.text.length; i += width) wrapped += (i > 0 ? '\n' : '') + s.text.slice(i, i + width);
    if (used.has(wrapped)) continue;
    used.add(s.text);
    addNegative('hard-wrap', wrapped, `${s.origin}; wrapped at ${width}`);
    added++;
  }
}

// ---------------------------------------------------------------- write
mkdirSync(devSetDir, { recursive: true });
writeFileSync(POSITIVES_FILE, positives.map((c) => JSON.stringify(c)).join('\n') + '\n');
writeFileSync(NEGATIVES_FILE, negatives.map((c) => JSON.stringify(c)).join('\n') + '\n');

console.log(`seed ${SEED}: ${positives.length} positives over ${perPhrase.size} phrases, ${negatives.length} negatives (${Date.now() - t0} ms)`);
console.log('positives by type:', Object.fromEntries(typeCounts));
console.log('corruptions rejected as real text in the corpus:', Object.fromEntries(rejected));
console.log('negatives by kind:', Object.fromEntries(negKinds));
if (skippedReal.length > 0) console.log(`real errors skipped:\n  ${skippedReal.join('\n  ')}`);
