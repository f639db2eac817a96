/**
 * What the phrase bank adds: bank phrases that the curated lexicon does not list, each with one
 * realistic error (a homophone substitution, an omission, a duplication, a transposition: in turn)
 * put into a real 2026 sentence holding the phrase (the held-out slice: measured, never tuned on).
 * Recall with and without the bank, and precision (a finding that is not on the error, or any
 * finding on the same sentence left correct, is a false positive).
 *
 *   npx tsx bench/phrase-bank/recall.ts [--bank FILE] [--limit 600] [--seed 13]
 *
 * Homophones come from pinyin-pro (not from tifa's own tables), among the 3,500 characters most
 * frequent in the 2019–2025 corpus.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pinyin } from 'pinyin-pro';
import { createChecker, type Finding } from '../../src/index.js';
import { CORPUS_DIR, repoRoot } from '../accuracy/common.js';
import { bankSourceText, curatedKeys, curatedSources } from './bank-file.js';
import { readDocs } from './mine.js';
import { seededRandom } from '../lib/random.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const bankFile = arg('--bank') ?? join(repoRoot, 'dictionaries/bank/phrases.yaml');
const limit = Number(arg('--limit') ?? 600);
const random = seededRandom(Number(arg('--seed') ?? 13));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const bankText = bankSourceText(repoRoot, readFileSync(bankFile, 'utf8'));
const curated = curatedKeys(repoRoot);
const phrases = [...bankText.matchAll(/text: ([^,}]+),/g)].map((m) => m[1]!).filter((t) => !curated.has(t));

// Homophones among frequent characters.
const charCount = new Map<string, number>();
for (const d of readDocs()) for (const c of d.text) if (/\p{Script=Han}/u.test(c)) charCount.set(c, (charCount.get(c) ?? 0) + 1);
const common = [...charCount].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3500).map(([c]) => c);
const byReading = new Map<string, string[]>();
const readingOf = (c: string): string => pinyin(c, { toneType: 'none' });
for (const c of common) {
  const r = readingOf(c);
  byReading.set(r, [...(byReading.get(r) ?? []), c]);
}

// 2026 sentences (held out), each phrase's first sentence that holds it.
const sentences: string[] = [];
const text2026 = gunzipSync(readFileSync(join(CORPUS_DIR, 'xwlb-2026.txt.gz'))).toString('utf8');
for (const line of text2026.split('\n')) for (const s of line.split(/(?<=[。！？；])/)) if (s.length >= 10 && s.length <= 300) sentences.push(s);

type Kind = 'homophone' | 'omission' | 'duplication' | 'transposition';
const KINDS: Kind[] = ['homophone', 'omission', 'duplication', 'transposition'];
interface Case {
  phrase: string;
  kind: Kind;
  clean: string;
  wrong: string;
  start: number;
  end: number;
}

/** The phrase with one error of `kind` at an interior character, or undefined when none fits. */
function corrupt(phrase: string, kind: Kind): string | undefined {
  const i = 1 + Math.floor(random() * (phrase.length - 2));
  const c = phrase[i]!;
  if (kind === 'homophone') {
    const others = (byReading.get(readingOf(c)) ?? []).filter((h) => h !== c);
    return others.length === 0 ? undefined : phrase.slice(0, i) + pick(others) + phrase.slice(i + 1);
  }
  if (kind === 'omission') return phrase.slice(0, i) + phrase.slice(i + 1);
  if (kind === 'duplication') return phrase.slice(0, i + 1) + c + phrase.slice(i + 1);
  if (phrase[i + 1] === c || i + 1 >= phrase.length - 1) return undefined;
  return phrase.slice(0, i) + phrase[i + 1] + c + phrase.slice(i + 2);
}

const cases: Case[] = [];
let k = 0;
for (const phrase of phrases) {
  if (cases.length >= limit) break;
  const clean = sentences.find((s) => s.includes(phrase));
  if (!clean) continue;
  const kind = KINDS[k++ % KINDS.length]!;
  const wrongPhrase = corrupt(phrase, kind);
  if (!wrongPhrase || clean.includes(wrongPhrase)) continue;
  const at = clean.indexOf(phrase);
  cases.push({ phrase, kind, clean, wrong: clean.slice(0, at) + wrongPhrase + clean.slice(at + phrase.length), start: at, end: at + wrongPhrase.length });
}

const curatedLexicons = curatedSources(repoRoot);
const checkers = {
  without: createChecker({ builtins: false, lexicons: curatedLexicons }),
  with: createChecker({ builtins: false, lexicons: [...curatedLexicons, { name: 'dictionaries/bank/phrases.yaml', text: bankText }] }),
};
const onError = (f: Finding, c: Case): boolean => f.start < c.end && c.start < f.end;
for (const [name, checker] of Object.entries(checkers)) {
  const found = new Map<Kind, number>();
  let tp = 0;
  let fp = 0;
  let cleanFp = 0;
  for (const c of cases) {
    const fs = checker.check(c.wrong);
    if (fs.some((f) => onError(f, c))) {
      tp++;
      found.set(c.kind, (found.get(c.kind) ?? 0) + 1);
    }
    fp += fs.filter((f) => !onError(f, c)).length;
    cleanFp += checker.check(c.clean).length;
  }
  const per = KINDS.map((kind) => {
    const n = cases.filter((c) => c.kind === kind).length;
    return `${kind} ${(found.get(kind) ?? 0)}/${n}`;
  }).join(', ');
  const precision = tp / Math.max(1, tp + fp + cleanFp);
  console.log(`${name} bank: recall ${(tp / cases.length).toFixed(3)} (${tp} of ${cases.length}: ${per}); precision ${precision.toFixed(3)} (${fp} findings off the error, ${cleanFp} on the clean sentences)`);
}
