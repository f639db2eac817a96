/**
 * The judge's thresholds, in one place. The frequency thresholds are raw counts of one segmenter's
 * dictionary (jieba's dict.txt: 的 318825, 中国 129470, 排除 1313, 按排 3), so they belong to that
 * dictionary: a segmenter with another dictionary brings its own numbers (`Segmenter.calibration`),
 * and one without `frequency()` has none, so every rule that reads a frequency is off (it decides
 * nothing; `explain` lists it as off) rather than reading every count as infinite.
 */
import type { Segmenter } from '../types.js';

/** Counts of the segmenter's dictionary that the rules compare word frequencies with. */
export interface FrequencyThresholds {
  /** Multi-character words at least this frequent count as real words (排除 1313; the slip 按排 has 3). */
  word: number;
  /**
   * A dictionary word that crosses the candidate's edge glues it to the text outside (jieba without
   * HMM returns only dictionary words as multi-character tokens, and compounds such as 依法治国 have
   * tiny counts, so any count will do).
   */
  crossing: number;
  /**
   * A stray edge character glues to its outside neighbour only through a word seen at least this
   * often (这一, 更大); jieba's rarest entries are mostly names (强华) and would glue anything.
   */
  glue: number;
  /**
   * An inserted character this frequent as a word of its own (水, 核, 副, 必, 原 ...) between words
   * of the phrase is a modifier; a rare one (鑫, 隆, 症) is a slip of the keyboard.
   */
  morpheme: number;
  /** A word this frequent (人类 9464, 中国 129470) formed by an inserted character is meant text. */
  veryCommonWord: number;
  /**
   * A short phrase missing a character whose stump reads as a common word plus a common character
   * in running text (更大|作为, 推出|新一轮) says something else; a real slip leaves a rare stump
   * (锐|不当, 惴|不安) or a less common word (中华|族).
   */
  commonWord: number;
  commonChar: number;
  /**
   * A body-name suffix bound into a word at least this frequent (检察院 7469, 管理局 500, 理事会 498)
   * cannot be cut off without breaking the word; below it the suffix follows a field (建设部 88,
   * 安全部 33) or names an event whose short form is usual (冬奥会 107: 北京冬奥).
   */
  suffixWord: number;
}

/** Lengths (code units) that do not depend on a dictionary. */
export interface LengthThresholds {
  /** Characters of context on each side of a fuzzy candidate given to the segmenter. */
  window: number;
  /** Phrases up to this long whose stump reads as common words in running text are not typos. */
  shortPhrase: number;
  /** Phrases this long are distinctive: an omission at their edge needs no stray-character evidence. */
  longPhrase: number;
  /** Candidates of phrases up to this length that still read as frequent words are not typos (中国现代化). */
  coveredOmissionMax: number;
  /**
   * An edge cut set off by punctuation is a slip however the stump reads, for a phrase this long; a
   * shorter stump is often a term of its own (发展理念, 科学发展, 新型工业).
   */
  setOffCut: number;
}

export interface Calibration {
  /** Which dictionary the counts belong to ('jieba', or the custom segmenter's own name). */
  dictionary: string;
  /** undefined: the segmenter gives no frequencies, and the rules that need them are off. */
  frequency: FrequencyThresholds | undefined;
  length: LengthThresholds;
}

/** The counts of jieba's dictionary (used by @node-rs/jieba and nodejieba alike). */
export const JIEBA_FREQUENCIES: FrequencyThresholds = {
  word: 100,
  crossing: 1,
  glue: 10,
  morpheme: 3000,
  veryCommonWord: 5000,
  commonWord: 3000,
  commonChar: 10000,
  suffixWord: 300,
};

export const LENGTHS: LengthThresholds = {
  window: 6,
  shortPhrase: 5,
  longPhrase: 8,
  coveredOmissionMax: 7,
  setOffCut: 6,
};

/**
 * The calibration for a segmenter: its own thresholds when it brings them, jieba's when it gives
 * frequencies without (the built-in segmenters, and custom ones reading jieba's dictionary), none
 * when it gives no frequencies.
 */
export function calibrationFor(segmenter: Segmenter | undefined): Calibration {
  if (!segmenter || typeof segmenter.frequency !== 'function') return { dictionary: 'none', frequency: undefined, length: LENGTHS };
  const own = segmenter.calibration;
  return { dictionary: own ? own.dictionary : 'jieba', frequency: own ? { ...JIEBA_FREQUENCIES, ...own.frequency } : JIEBA_FREQUENCIES, length: LENGTHS };
}
