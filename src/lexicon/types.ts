import type { EntryKind, Severity } from '../types.js';

/**
 * A declarative context rule: a match is suppressed when any rule of its entry holds.
 * - `before`: the text right before the match (spaces ignored) ends with one of the strings;
 * - `after`: the text right after the match starts with one of the strings;
 * - `sentence`: the sentence holding the match contains one of the strings;
 * - `yearBefore`: the sentence holds a year written as digits followed by 年 that is smaller.
 */
export type ContextRule =
  | { before: string[] }
  | { after: string[] }
  | { sentence: string[] }
  | { yearBefore: number };

/** One validated lexicon entry, as loaded from a YAML file. */
export interface LexiconEntry {
  id: string;
  kind: EntryKind;
  text: string;
  /** mandated: known wrong forms. */
  variants: string[];
  /** banned / outdated: what to write instead. typo: the right word(s). */
  replacement: string[];
  note?: string;
  source: string;
  category?: string;
  severity: Severity;
  /** Whether unlisted misspellings of `text` (mandated) or of the right word (typo) are searched. */
  fuzzy: boolean;
  /** ISO date (YYYY-MM-DD) from which the entry applies. */
  since?: string;
  /** ISO date (YYYY-MM-DD) from which the entry no longer applies. */
  until?: string;
  unless: ContextRule[];
  /** Where the entry was read from (for error messages and `lexicon list`). */
  file: string;
  line: number;
}
