/**
 * Declarative context rules of lexicon entries (`unless:`), evaluated on the text around a match.
 */
import type { ContextRule } from '../lexicon/types.js';

const SENTENCE_END = /[。！？；!?;\n\r]/;
const YEAR = /(\d{4})\s*年/g;

/** Bounds of the sentence holding [start, end): from after the previous terminator to the next one (inclusive). */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  const limit = Math.max(0, start - 500);
  while (from > limit && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = end;
  const stop = Math.min(text.length, end + 500);
  while (to < stop && !SENTENCE_END.test(text[to]!)) to++;
  return [from, Math.min(text.length, to + 1)];
}

/** Whether the sentence holding [start, end) contains one of `words` outside the match itself. */
export function sentenceHolds(text: string, start: number, end: number, words: readonly string[], key: (s: string) => string): boolean {
  if (words.length === 0) return false;
  const [a, b] = sentenceAround(text, start, end);
  const rest = key(text.slice(a, start)) + '\u0000' + key(text.slice(end, b));
  return words.some((w) => w.length > 0 && rest.includes(w));
}

/**
 * Openers that carry the time of the sentence before (1995年3月，任国务院副总理。其间，兼任…): a
 * sentence starting with one of them is dated by the previous sentence of the same paragraph.
 */
const CARRIED_TIME = /^\s*(?:其间|期间|此间|此后|其后|随后|之后|同年|当年|次年|翌年|当时|那时|后来|这一时期)/;

/**
 * Where to look for a year for the sentence starting at `from`: while the sentence opens with a
 * word that carries the previous sentence's time, step back one sentence (at most three, never
 * across a line break, which ends a paragraph).
 */
export function yearScopeStart(text: string, from: number): number {
  for (let step = 0; step < 3 && from > 0 && CARRIED_TIME.test(text.slice(from, from + 8)); step++) {
    if (text[from - 1] === '\n' || text[from - 1] === '\r') break;
    from = sentenceAround(text, from - 1, from - 1)[0];
  }
  return from;
}

/** Whether any rule holds for the match [start, end) of `text`; `key` normalizes for comparison. */
export function contextAllows(rules: readonly ContextRule[], text: string, start: number, end: number, key: (s: string) => string): boolean {
  return contextRuleHolding(rules, text, start, end, key) !== undefined;
}

/** The first rule that holds for the match [start, end) of `text`, if any. */
export function contextRuleHolding(rules: readonly ContextRule[], text: string, start: number, end: number, key: (s: string) => string): ContextRule | undefined {
  if (rules.length === 0) return undefined;
  let sentence: [number, number] | undefined;
  const getSentence = (): [number, number] => (sentence ??= sentenceAround(text, start, end));
  for (const rule of rules) {
    if ('before' in rule) {
      const before = key(text.slice(Math.max(0, start - 40), start));
      if (rule.before.some((s) => before.endsWith(s))) return rule;
    } else if ('after' in rule) {
      const after = key(text.slice(end, end + 40));
      if (rule.after.some((s) => after.startsWith(s))) return rule;
    } else if ('sentence' in rule) {
      const [a, b] = getSentence();
      const s = key(text.slice(a, b));
      if (rule.sentence.some((w) => s.includes(w))) return rule;
    } else {
      const [a, b] = getSentence();
      for (const m of text.slice(yearScopeStart(text, a), b).matchAll(YEAR)) if (Number(m[1]) < rule.yearBefore) return rule;
    }
  }
  return undefined;
}
