/**
 * Public types of tifa.
 *
 * OFFSET CONTRACT: every `start`/`end` is a half-open range `[start, end)` of UTF-16 code units
 * into the exact string the caller passed (the raw HTML when `checkHtml` was called), so that
 * `input.slice(finding.start, finding.end) === finding.actual` always holds: for HTML input
 * `actual` is that source slice (it may contain tags and entities) and `text` the decoded text.
 * Matching itself runs over UTF-16 code units of the normalized text (see DESIGN in README).
 */

/** Stable rule ids. */
export type RuleId =
  | 'wrong-formulation'
  | 'misspelling'
  | 'banned-term'
  | 'outdated-name'
  | 'common-typo'
  | 'lookalike-char'
  // people table (dictionaries/people/, src/people/):
  | 'leader-name'       // a leader's name misspelt where the context shows a person
  | 'leader-title'      // a title next to a name that the person did not hold on asOf
  | 'leader-order'      // a list of one body's members out of protocol order
  | 'former-official';  // a current title for a person the table records as removed (warning)

export type Severity = 'error' | 'warning' | 'info';

/** The kind of a lexicon entry. */
/** The kind of a lexicon entry; `allow` entries are known correct texts inside which nothing is reported. */
export type EntryKind = 'mandated' | 'banned' | 'outdated' | 'typo' | 'allow';

/** How the text deviates from the expected form. */
export type ErrorDetail =
  | 'listed'          // the exact wrong text is listed in the lexicon
  | 'substitution'    // one (or two, for phrases of 6+ characters) homophone / look-alike characters
  | 'omission'        // a character is missing (漏字)
  | 'insertion'       // an extra character
  | 'duplication'     // a character written twice
  | 'transposition'   // two neighbouring characters swapped
  | 'noise'           // spaces, zero-width or stray characters inside the phrase
  | 'lookalike'       // look-alike code points (Kangxi radicals, compatibility ideographs ...)
  | 'traditional'     // traditional characters inside a simplified phrase
  | 'fullwidth'       // full-width Latin letters or digits inside the phrase
  | 'title'           // leader-title: a title the person did not hold on that date
  | 'order'           // leader-order: members out of protocol order; wrong-formulation: an enumeration out of its mandated order
  | 'pairing'         // wrong-formulation: an object after the verb of another fixed pair (坚定“四个意识”)
  | 'removed';        // former-official: the person was removed from office

export interface Finding {
  /** Stable rule id. */
  rule: RuleId;
  severity: Severity;
  /** UTF-16 offset of the first code unit of the offending text (inclusive). */
  start: number;
  /** UTF-16 offset just past the offending text (exclusive). */
  end: number;
  /** 1-based line of `start` (lines end at \n, \r\n or \r). */
  line: number;
  /** 1-based column of `start`, in UTF-16 code units. */
  column: number;
  /** The offending text: `input.slice(start, end)` (for HTML input the source slice, tags included). */
  actual: string;
  /** The mandated form, the replacement or suggestions (may be empty for a banned term with no replacement). */
  expected: string[];
  /** Chinese message: what is wrong and what to write. */
  message: string;
  /** Id of the lexicon entry behind the finding. */
  entry: string;
  /** How the text deviates. */
  detail: ErrorDetail;
  /** How sure tifa is, in [0, 1]: 1 for listed forms, lower for fuzzy findings. */
  confidence: number;
  /** The curator's note on the entry. */
  note?: string;
  /** Where the entry comes from. */
  source?: string;
  /**
   * For HTML input only: the decoded text behind the finding (entities decoded, tags removed),
   * e.g. `脱贫攻艰` where `actual` is `脱贫</b>攻艰`. Absent for text input, where it equals `actual`.
   */
  text?: string;
  /**
   * Present (and > 1) when this finding stands for a run of the same error back to back: `count`
   * look-alike code points one after another, or the same wrong text written `count` times with
   * nothing between (中华明族中华明族). `start`/`end`/`actual` cover the whole run and each
   * `expected` form is the fix for the whole run. Absent for a single occurrence.
   */
  count?: number;
  /** With `explain: true` only: how the judge decided to report it (see README "How it works"). */
  explain?: FindingTrace;
}

/** One rule of the judge that drops a candidate (or would, for a shadow rule), with its evidence (tokens and counts). */
export interface RuleDecision {
  rule: string;
  evidence: string;
}

/** The judge's trace of a reported finding. */
export interface FindingTrace {
  /** Ids of the judge's rules that looked at the finding and let it pass. */
  passed: string[];
  /** Ids of rules that apply but are off (no segmenter, or a segmenter without frequencies). */
  off: string[];
  /** What the measured-only rules (the word-probability score) would decide. */
  shadow: RuleDecision[];
  /** For a fuzzy finding: the window around it as the segmenter read it (tokens joined by |). */
  reading?: string;
}

/** A candidate the judge dropped (listed by `checker.explain`). */
export interface DroppedCandidate extends FindingTrace {
  start: number;
  end: number;
  actual: string;
  rule: RuleId;
  detail: ErrorDetail;
  entry: string;
  expected: string[];
  /** For a fuzzy candidate: the edit (明→民, 漏“民”). */
  edit?: string;
  /** The rules that drop it (with a trace every rule is asked, so there may be several). */
  dropBy: RuleDecision[];
}

/** Splits text into words; used to tell a typo from a real word in a small window. */
export interface Segmenter {
  /** Must return tokens whose concatenation is `text`. */
  cut(text: string): string[];
  /**
   * Optional: dictionary frequency of a word (0 when unknown). Without it every multi-character
   * token counts as a real word.
   */
  frequency?(word: string): number;
  /**
   * Optional: the dictionary's part-of-speech tag of a word (jieba's tag set: n, v, a, r, p ...;
   * '' when unknown). Without it an inserted character is judged by its frequency alone.
   */
  tag?(word: string): string;
  /**
   * Optional: the thresholds of this segmenter's dictionary, when its counts are not jieba's
   * (see src/judge/calibration.ts). Without it, `frequency()` is read on jieba's scale.
   */
  calibration?: { dictionary: string; frequency: Partial<Record<'word' | 'crossing' | 'glue' | 'morpheme' | 'veryCommonWord' | 'commonWord' | 'commonChar' | 'suffixWord', number>> };
}
