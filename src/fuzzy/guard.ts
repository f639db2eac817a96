/**
 * False-positive guards for fuzzy candidates. A candidate that already passed the confusion-aware
 * alignment is still not a typo when the text around it reads as real words:
 * - the inserted or left-out character is a function character (中华各民族, 统筹好发展和安全,
 *   党自我革命), or a substituted one belongs to a frequent word;
 * - a frequent word crosses the candidate's boundary, gluing its edge to the text outside
 *   (全国安全形势 is not 国家安全 missing 家: 国 belongs to 全国);
 * Runs only on candidates, on a small window, so segmentation never touches the whole text.
 */
import type { Segmenter } from '../types.js';
import type { FuzzyCandidate } from './index.js';
import { isHan } from './align.js';
import { lineUsesSpaces } from './spacing.js';

/** Multi-character words at least this frequent (jieba dictionary counts) count as real words. */
export const MIN_WORD_FREQUENCY = 100;
/**
 * A dictionary word that crosses the candidate's edge glues it to the text outside (jieba without
 * HMM returns only dictionary words as multi-character tokens, and compounds such as 依法治国 have
 * tiny counts, so any count will do).
 */
export const MIN_CROSSING_FREQUENCY = 1;
/**
 * A stray edge character glues to its outside neighbour only through a word seen at least this
 * often (这一, 更大); jieba's rarest entries are mostly names (强华) and would glue anything.
 */
export const MIN_GLUE_FREQUENCY = 10;

/**
 * Function characters: leaving one out of a phrase (更加紧密地团结 -> 更加紧密团结, 党的自我革命 ->
 * 党自我革命) or putting one in (中华各民族) is a wording choice, not a misspelling.
 */
const FUNCTION_CHARS = new Set('的地得之和与及并而且或在对于为以把被了着过各每其该此这那也都就又还更很好等们到则'.split('').map((c) => c.charCodeAt(0)));

/**
 * Suffixes of bodies' names: a name cut before one names a field or a body of another level
 * (住房和城乡建设领域, 人力资源和社会保障局), not a misspelling of the ministry.
 */
const BODY_SUFFIXES = new Set('部局厅委院会室办署处司科所长'.split('').map((c) => c.charCodeAt(0)));

/**
 * Particles and conjunctions a political phrase may drop without becoming wrong (更加紧密地团结 ->
 * 更加紧密团结, 建设者和接班人 -> 建设者、接班人); 以 or 为 may not (以习近平同志为核心的党中央).
 */
const DROPPABLE_CHARS = new Set('的地得之和与及并而且或了着过们等'.split('').map((c) => c.charCodeAt(0)));

/** Conjunctions: one joins two things, so at a phrase's first or last character it is a piece of a word (碳中和). */
const CONJUNCTIONS = new Set('和与及并而且或'.split('').map((c) => c.charCodeAt(0)));

/** Prepositions that stand before a noun phrase (从|国家数据局, 向|全球发展倡议). */
const PREPOSITIONS = new Set('从向自由给跟同让使将'.split('').map((c) => c.charCodeAt(0)));
/** Negations: a phrase's edge character replaced by one of these ends the phrase (安全不动摇). */
const NEGATIONS = new Set('不没未非无'.split('').map((c) => c.charCodeAt(0)));
/** Copulas and auxiliaries that join a subject to its predicate (新时代是中国特色社会主义新时代, 大湾区将建设). */
const COPULAS = new Set('是将要'.split('').map((c) => c.charCodeAt(0)));

/** A space typed to separate items (ASCII or ideographic; a no-break space comes from markup). */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x3000;
}

/** Whether an omitted or inserted character is a function character. */
export function isFunctionChar(code: number): boolean {
  return FUNCTION_CHARS.has(code);
}
/** Characters of context on each side of the candidate given to the segmenter. */
const WINDOW = 6;

/**
 * Whether the phrase's first or last character is a body-name suffix rather than part of a word
 * (设|部, 理|局, but 社会 in 小康社会).
 */
function isNameSuffix(phrase: string, last: boolean, frequency: (w: string) => number): boolean {
  const pair = last ? phrase.slice(-2) : phrase.slice(0, 2);
  return frequency(pair) < MIN_WORD_FREQUENCY;
}

/** Whether the text on either side of [start, end) continues with a Han character (not set off by punctuation). */
function runsOnIntoHan(text: string, start: number, end: number, isSkip: (c: number) => boolean): boolean {
  return hanBeside(text, start - 1, -1, isSkip) || hanBeside(text, end, 1, isSkip);
}

/** Whether the first visible character from `from` in direction `step` is Han; a line break sets text off. */
function hanBeside(text: string, from: number, step: 1 | -1, isSkip: (c: number) => boolean): boolean {
  for (let i = from; i >= 0 && i < text.length; i += step) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return false;
    // Letters and digits run on as well (SDR篮子货币: the stump belongs to an abbreviation).
    if (!isSkip(c)) return isHan(c) || isAlnum(c);
  }
  return false;
}

/** ASCII or full-width letters and digits. */
function isAlnum(c: number): boolean {
  const a = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
  return (a >= 0x30 && a <= 0x39) || (a >= 0x41 && a <= 0x5a) || (a >= 0x61 && a <= 0x7a);
}

/** How many phrase characters (visible code units) of the candidate stand before its edit. */
function phraseCharsBefore(text: string, candidate: FuzzyCandidate, isSkip: (c: number) => boolean): number {
  let k = 0;
  for (let i = candidate.start; i < candidate.editPos; i++) if (!isSkip(text.charCodeAt(i))) k++;
  return k;
}

/** Whether an insertion after `k` phrase characters falls between two of the phrase's words. */
function atPhraseBoundary(k: number, words: readonly string[]): boolean {
  let end = 0;
  for (const w of words) {
    end += w.length;
    if (end === k) return true;
    if (end > k) return false;
  }
  return false;
}

/**
 * Whether an insertion after `k` phrase characters stands right before the phrase's last word, its
 * head (全国政协|副|主席, 国家|水|安全, 高质量|新|发展): where a modifier goes. One further in
 * (人力|美|资源社会保障部, 中国人民政治|事|协商会议) splits the name itself. (The rest of a word the
 * insertion falls inside counts as one word: 攻坚|决|战.)
 */
function beforeLastWord(k: number, words: readonly string[]): boolean {
  let end = 0;
  let after = 0;
  for (const w of words) if ((end += w.length) > k) after++;
  return after <= 1;
}

/** Whether the character at `at` forms a dictionary word with its visible Han neighbour in direction `step`. */
function strayGlued(text: string, at: number, step: 1 | -1, frequency: (w: string) => number, isSkip: (c: number) => boolean, joined: (a: number, b: number) => boolean): boolean {
  const outside = nextVisible(text, at + step, step, isSkip);
  if (outside < 0 || !isHan(text.charCodeAt(outside))) return false;
  const word = step < 0 ? text[outside]! + text[at]! : text[at]! + text[outside]!;
  // The segmenter must read the two as one word too: 最高|家权力机关 holds no 高家.
  return frequency(word) >= MIN_GLUE_FREQUENCY && joined(Math.min(at, outside), Math.max(at, outside));
}

function nextVisible(text: string, from: number, step: 1 | -1, isSkip: (c: number) => boolean): number {
  for (let i = from; i >= 0 && i < text.length; i += step) if (!isSkip(text.charCodeAt(i))) return i;
  return -1;
}

/**
 * An omission that leaves a single character between the gap and the candidate's edge (法治_国,
 * 伟大_国) is only evidence of a typo if that character does not form a word with the text beside
 * it (依法, 国际): the segmenter's own choice is not enough, so the bigram is looked up directly.
 */
function loneEdgeGlued(text: string, candidate: FuzzyCandidate, fixed: boolean, frequency: (w: string) => number, isSkip: (c: number) => boolean): boolean {
  const visibleBetween = (a: number, b: number): number => {
    let n = 0;
    for (let i = a; i < b; i++) if (!isSkip(text.charCodeAt(i))) n++;
    return n;
  };
  if (visibleBetween(candidate.start, candidate.editPos) === 1) {
    const outside = nextVisible(text, candidate.start - 1, -1, isSkip);
    const edge = nextVisible(text, candidate.start, 1, isSkip);
    const glued = outside >= 0 && isHan(text.charCodeAt(outside));
    if (!fixed && glued && isFunctionChar(text.charCodeAt(edge))) return true;
    if (outside >= 0 && isHan(text.charCodeAt(outside)) && frequency(text[outside]! + text[edge]!) >= MIN_CROSSING_FREQUENCY) return true;
  }
  if (visibleBetween(candidate.editPos, candidate.end) === 1) {
    const outside = nextVisible(text, candidate.end, 1, isSkip);
    const edge = nextVisible(text, candidate.end - 1, -1, isSkip);
    const glued = outside >= 0 && isHan(text.charCodeAt(outside));
    if (!fixed && glued && isFunctionChar(text.charCodeAt(edge))) return true;
    if (outside >= 0 && isHan(text.charCodeAt(outside)) && frequency(text[edge]! + text[outside]!) >= MIN_CROSSING_FREQUENCY) return true;
  }
  return false;
}

/** Whether the stump's edge word `fragment` and one to three characters of the text beside the cut make a dictionary word. */
function gluesOn(text: string, candidate: FuzzyCandidate, fragment: string, head: boolean, frequency: (w: string) => number, isSkip: (c: number) => boolean): boolean {
  let outside = '';
  let i = head ? candidate.start - 1 : candidate.end;
  while (outside.length < 3 && i >= 0 && i < text.length) {
    const c = text.charCodeAt(i);
    i += head ? -1 : 1;
    if (isSkip(c)) continue;
    if (!isHan(c)) break;
    outside = head ? String.fromCharCode(c) + outside : outside + String.fromCharCode(c);
    if (frequency(head ? outside + fragment : fragment + outside) > 0) return true;
  }
  return false;
}

/** Whether a typed space stands between visible characters of [start, end). */
function holdsTypedSpace(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end - 1; i++) if (isSpace(text.charCodeAt(i))) return true;
  return false;
}

/**
 * Part-of-speech tags (jieba's set) of words that can modify the word after them: nouns,
 * distinguishing words, adjectives, time and place words (before a noun), adverbs (before a verb).
 */
const MODIFIER_TAG = /^(n|b|a|t|f|s|d)/;
/** Modal verbs, which stand before a predicate (人与自然应和谐共生). */
const MODALS = new Set('应能会要可须需该愿敢'.split('').map((c) => c.charCodeAt(0)));

/**
 * Whether the character is an adverb or a modal, which modifies all of the predicate after it
 * (应|和谐共生), or an adjective, which modifies the word after it wherever it stands (黄河|全|流域).
 */
function modifiesAnywhere(char: number, segmenter: Segmenter): boolean {
  return MODALS.has(char) || (segmenter.tag !== undefined && /^[da]/.test(segmenter.tag(String.fromCharCode(char))));
}

/** Whether the character can modify the word after it (any character where the segmenter has no tags). */
function canModify(char: number, segmenter: Segmenter): boolean {
  if (!segmenter.tag || FUNCTION_CHARS.has(char) || DROPPABLE_CHARS.has(char) || MODALS.has(char)) return true;
  return MODIFIER_TAG.test(segmenter.tag(String.fromCharCode(char)));
}

/** Chinese numeral characters. */
const NUMERALS = new Set('零〇一二三四五六七八九十百千万两'.split('').map((c) => c.charCodeAt(0)));
function isNumeral(c: number): boolean {
  return NUMERALS.has(c);
}

const HARD_WRAP = /[\r\n]/;

/**
 * Segments `window` as a reader sees it: hard line wraps (CR, LF) are taken out before the
 * segmenter runs, so a word wrapped across two lines (无所作 LF 为) stays one word, then put back
 * inside the token they fell in (or as tokens of their own between words). The tokens join back
 * to `window`; undefined when the segmenter rewrote the text.
 */
function cutAcrossWraps(window: string, segmenter: Segmenter): string[] | undefined {
  if (!HARD_WRAP.test(window)) {
    const tokens = segmenter.cut(window);
    return tokens.join('') === window ? tokens : undefined;
  }
  let plain = '';
  const at: number[] = []; // window index of each character of `plain`
  for (let i = 0; i < window.length; i++) {
    const c = window.charCodeAt(i);
    if (c === 10 || c === 13) continue;
    plain += window[i];
    at.push(i);
  }
  const cut = segmenter.cut(plain);
  if (cut.join('') !== plain) return undefined;
  const tokens: string[] = [];
  let k = 0; // index into plain
  let prevEnd = 0; // window index after the last token
  for (const t of cut) {
    if (t.length === 0) continue;
    const first = at[k]!;
    const last = at[k + t.length - 1]!;
    if (first > prevEnd) tokens.push(window.slice(prevEnd, first)); // wraps between words
    tokens.push(window.slice(first, last + 1));
    prevEnd = last + 1;
    k += t.length;
  }
  if (prevEnd < window.length) tokens.push(window.slice(prevEnd));
  return tokens;
}

/** Whether an invisible character or a no-break space stands between visible ones in [start, end). */
function holdsInnerNoise(text: string, start: number, end: number, isSkip: (c: number) => boolean): boolean {
  for (let i = start + 1; i < end - 1; i++) {
    const c = text.charCodeAt(i);
    // Typed spaces (ASCII, ideographic) also separate headline items (精神 明天); an invisible
    // character or a no-break space inside Han text never does.
    if (isSkip(c) && c !== 10 && c !== 13 && c !== 0x20 && c !== 0x3000) return true;
  }
  return false;
}

/**
 * Whether an omission at the phrase's edge broke the phrase's own edge word (全球|安全倡议 ->
 * 球安全倡议, 习近平|经济思想 -> 近平经济思想, 命运共同体 -> 命运共同), leaving a fragment that does
 * not join the text beside it. A cut between two words (生态环境|部 -> 生态环境) leaves whole
 * words, which the text may well mean. `joined(a, b)` tells whether the segmenter, reading the
 * text, put the characters at a and b into one word.
 */
function breaksEdgeWord(text: string, candidate: FuzzyCandidate, words: readonly string[], head: boolean, segmenter: Segmenter, frequency: (w: string) => number, isSkip: (c: number) => boolean, joined: (a: number, b: number) => boolean): boolean {
  const word = head ? words[0] : words[words.length - 1];
  if (word === undefined) return false;
  // A one-character word cut off leaves the stump's edge broken when the next word is one
  // character too (新|质|生产力 -> 质生产力).
  const next = head ? words[1] : words[words.length - 2];
  if (word.length < 2 && (next === undefined || next.length !== 1)) return false;
  const fragment = word.length >= 2 ? (head ? word.slice(1) : word.slice(0, -1)) : next!;
  // A fragment that is a word of its own is the text's meaning where the phrase's word was a pair
  // (生态|环境); of a longer word (共同体, 委员会, 新时代) it is a stump, unless it joins the text
  // beside it into a word (移民管理|体制, 管理|部门).
  // A numeral fragment counts something else (党的二十|届三中全会).
  if (fragment.length >= 2 && frequency(fragment) > 0 && (word.length < 3 || [...fragment].every((ch) => isNumeral(ch.charCodeAt(0))) || gluesOn(text, candidate, fragment, head, frequency, isSkip))) return false;
  // The fragment's character next to the cut must not form a word with the text outside, in the
  // segmenter's reading of the text (最高|家 is no 高家, 支持|球 no 持球).
  const edge = head ? nextVisible(text, candidate.start, 1, isSkip) : nextVisible(text, candidate.end - 1, -1, isSkip);
  const outside = head ? nextVisible(text, candidate.start - 1, -1, isSkip) : nextVisible(text, candidate.end, 1, isSkip);
  if (edge < 0 || outside < 0) return true;
  const pair = head ? text[outside]! + text[edge]! : text[edge]! + text[outside]!;
  if (frequency(pair) >= MIN_GLUE_FREQUENCY && joined(Math.min(edge, outside), Math.max(edge, outside))) return false;
  // And the text outside must end (or start) with a whole word or a particle at the cut (参与|球安全倡议,
  // 从|家数据局), not with a lone character standing where the missing one was (全面依法治|省 is
  // 依法治省, a sibling).
  const outsideText = head ? text.slice(Math.max(0, outside - 3), outside + 1) : text.slice(outside, outside + 4);
  const outsideWords = segmenter.cut(outsideText);
  const beside = head ? outsideWords[outsideWords.length - 1] : outsideWords[0];
  if (beside === undefined || !isHan(beside.charCodeAt(0))) return false;
  if (beside.length >= 2) return frequency(beside) > 0;
  const b = beside.charCodeAt(0);
  if (isFunctionChar(b) || PREPOSITIONS.has(b) || COPULAS.has(b)) return true;
  // After a tail cut, a lone character that opens more text starts the next words (中央军委副主|何卫东);
  // one that closes the clause stands where the missing one was (全面依法治|省（市）).
  if (head) return false;
  const after = nextVisible(text, outside + 1, 1, isSkip);
  return after >= 0 && isHan(text.charCodeAt(after));
}

/**
 * Whether the candidate's text, segmented with its context, reads as real words (so it is not a
 * typo). `isSkip` tells code units ignored inside phrases (they are not counted).
 */
/** What the guard needs to know of the phrase a candidate stands for. */
export interface GuardTarget {
  /** The phrase (normalized). */
  text: string;
  /** Phrase length in code units. */
  length: number;
  /**
   * A fixed expression (an idiom or a common word from a typo entry): every edit inside it is an
   * error, even of a function character (言而无信 -> 言无信). Mandated political phrases are not
   * fixed in that sense: 更加紧密地团结 and 更加紧密团结 are both correct.
   */
  fixed: boolean;
  /**
   * An idiom (成语, lexicon category `idiom`): it takes no modifier at all, only a particle
   * (举世|更|瞩目 is a slip; 改革|和|开放 and 非营利|性|机构 are wording).
   */
  idiom?: boolean;
}

/**
 * An inserted character this frequent as a word of its own (水, 核, 副, 必, 原 ...) between words
 * of the phrase is a modifier; a rare one (鑫, 隆, 症) is a slip of the keyboard.
 */
export const MIN_MORPHEME_FREQUENCY = 3000;

/** A word this frequent (人类 9464, 中国 129470) formed by an inserted character is meant text. */
export const VERY_COMMON_WORD_FREQUENCY = 5000;

/**
 * A short phrase missing a character whose stump reads as a common word plus a common character
 * in running text (更大|作为, 推出|新一轮) says something else; a real slip leaves a rare stump
 * (锐|不当, 惴|不安) or a less common word (中华|族), and one set off by punctuation stands for the
 * phrase (，中民族，).
 */
export const COMMON_WORD_FREQUENCY = 3000;
export const COMMON_CHAR_FREQUENCY = 10000;
const SHORT_PHRASE = 5;

/**
 * A body-name suffix bound into a word at least this frequent (检察院 7469, 管理局 500, 理事会 498)
 * cannot be cut off without breaking the word; below it the suffix follows a field (建设部 88,
 * 安全部 33) or names an event whose short form is usual (冬奥会 107: 北京冬奥).
 */
const SUFFIX_WORD_FREQUENCY = 300;

/** Phrases this long are distinctive: an omission at their edge needs no stray-character evidence. */
const LONG_PHRASE = 8;

/** Candidates of phrases up to this length that still read as frequent words are not typos (中国现代化). */
const COVERED_OMISSION_MAX_LENGTH = 7;
/**
 * An edge cut set off by punctuation is a slip however the stump reads, for a phrase this long; a
 * shorter stump is often a term of its own (发展理念, 科学发展, 新型工业).
 */
const SET_OFF_CUT_LENGTH = 6;

export function readsAsRealWords(text: string, candidate: FuzzyCandidate, target: GuardTarget, segmenter: Segmenter, isSkip: (c: number) => boolean): boolean {
  let from = candidate.start;
  for (let n = 0; from > 0 && n < WINDOW; n++) {
    const c = text.charCodeAt(from - 1);
    if (c === 10 || c === 13 || (c >= 0xdc00 && c <= 0xdfff)) break;
    from--;
  }
  let to = candidate.end;
  for (let n = 0; to < text.length && n < WINDOW; n++) {
    const c = text.charCodeAt(to);
    if (c === 10 || c === 13 || (c >= 0xd800 && c <= 0xdbff)) break;
    to++;
  }
  const window = text.slice(from, to);
  const tokens = cutAcrossWraps(window, segmenter);
  if (tokens === undefined) return false; // a segmenter that rewrites text cannot be trusted here
  // A hard wrap inside a word (无所作 CR LF 为) is not part of the word.
  const lookup = segmenter.frequency?.bind(segmenter);
  const unwrap = HARD_WRAP.test(window);
  const frequency = (w: string): number => (lookup ? lookup(unwrap ? w.replace(/[\r\n]/g, '') : w) : Number.POSITIVE_INFINITY);
  const tokenEnds: number[] = [];
  for (let offset = from, k = 0; k < tokens.length; k++) tokenEnds.push((offset += tokens[k]!.length));
  /** Whether text positions a <= b fall in one token of the window's segmentation. */
  const joined = (a: number, b: number): boolean => {
    if (a < from || b >= to) return false;
    const k = tokenEnds.findIndex((e) => e > a);
    return k >= 0 && b < tokenEnds[k]!;
  };
  /** Whether every visible character of text[a, b) lies in a multi-character word of good frequency. */
  const inWords = (a: number, b: number): boolean => {
    let tStart = from;
    for (const token of tokens) {
      const tEnd = tStart + token.length;
      if (tEnd > a && tStart < b) {
        const visible = [...token].filter((ch) => !isSkip(ch.charCodeAt(0))).length;
        if (visible > 0 && (visible < 2 || frequency(token) < MIN_WORD_FREQUENCY)) return false;
      }
      tStart = tEnd;
    }
    return true;
  };
  // The candidate is one dictionary word of its own (风景画, 损人不利己): not a misspelling. Except
  // a rare entry far rarer than the phrase with a replaced, missing or swapped character: jieba's
  // dictionary records common misspellings too (各抒已见 3 against 各抒己见 46, 颖脱而出, 绞脑汁).
  {
    let offset = from;
    for (const token of tokens) {
      if (offset === candidate.start && offset + token.length === candidate.end && token.length >= 2) {
        const f = frequency(token);
        const recordedSlip = candidate.detail !== 'insertion' && f < MIN_GLUE_FREQUENCY && f * 10 < frequency(target.text);
        if (f > 0 && !recordedSlip) return true;
      }
      offset += token.length;
    }
  }
  const { start, end, editPos, detail } = candidate;
  // The phrase's own segmentation, cut once for all the rules that ask. A segmenter that fails (not
  // installed, a bug in a custom one) must not silently turn the guard off: its error propagates.
  let phraseWordsMemo: string[] | undefined;
  const phraseWords = (): readonly string[] => (phraseWordsMemo ??= segmenter.cut(target.text));
  const editAtBoundary = (): boolean => atPhraseBoundary(phraseCharsBefore(text, candidate, isSkip), phraseWords());
  // An inserted function character is wording (求同而存异, 有意或无意, 改革和开放); an omitted one is wording in
  // a political phrase (党自我革命) but an error in a fixed expression (言无信 for 言而无信).
  // Only between the phrase's words: one inside a word breaks it (全国政协主与席, 港要人治港), unless
  // the candidate's edge belongs to a word outside, so the phrase is not there (科技强则国|家强).
  if (detail === 'insertion' && !target.fixed && candidate.editChar !== undefined && (isFunctionChar(candidate.editChar) || COPULAS.has(candidate.editChar))) {
    if (editAtBoundary()) return true;
    if (strayGlued(text, start, -1, frequency, isSkip, joined) || strayGlued(text, end - 1, 1, frequency, isSkip, joined)) return true;
  }
  // A character put into a political phrase that makes a very frequent word with the phrase's
  // character beside it is a different text (体育强中国强, 人类与自然), not a slip of the keyboard.
  if (detail === 'insertion' && !target.fixed && candidate.editChar !== undefined) {
    for (const step of [-1, 1] as const) {
      const n = nextVisible(text, editPos + step, step, isSkip);
      if (n < start || n >= end) continue;
      const word = step < 0 ? text[n]! + text[editPos]! : text[editPos]! + text[n]!;
      if (frequency(word) >= VERY_COMMON_WORD_FREQUENCY) return true;
    }
  }
  // A character right after a space inside a political phrase starts a second item of a headline
  // (新发展 新格局, 脱贫攻坚 督战): the space separates two texts, it does not break one.
  if (detail === 'insertion' && !target.fixed && editPos > start && isSpace(text.charCodeAt(editPos - 1)) && editAtBoundary()) return true;
  // The phrase's first or last character replaced by a particle, a copula or a negation is the
  // phrase's shorter neighbour followed by ordinary text (生态环境不动摇, 中国是个伟大的国家).
  // A negation or a copula opens a predicate wherever it stands; a particle stands for the replaced
  // character only where that was a word of its own in the phrase (党|的), while one replacing a
  // piece of a word leaves the word broken (人才强|过 for 人才强国, 每|丽中国 for 美丽中国).
  if (detail === 'substitution' && !target.fixed && (candidate.edits ?? 1) === 1 && (editPos === start || editPos === end - 1)) {
    const sub = text.charCodeAt(editPos);
    if (NEGATIONS.has(sub) || COPULAS.has(sub)) return true;
    if (isFunctionChar(sub)) {
      const words = phraseWords();
      if ((editPos === start ? words[0] : words[words.length - 1])?.length === 1) return true;
    }
  }
  // A substituted character that makes a word with a neighbour outside the phrase is probably the
  // intended word (参与权 beside 参与). Not in fixed expressions, where a homophone word is still a
  // slip (世事求是).
  if (detail === 'substitution' && !target.fixed) {
    for (const step of [-1, 1] as const) {
      const n = nextVisible(text, editPos + step, step, isSkip);
      if (n < 0 || !isHan(text.charCodeAt(n))) continue;
      // A word made with the phrase's own neighbour is evidence only where the replaced character
      // is a particle (我党第十九届: 的 -> 第十); otherwise it is the slip itself (办公司, 党委会).
      if (n >= start && n < end && !(candidate.editChar !== undefined && isFunctionChar(candidate.editChar))) continue;
      const word = step < 0 ? text[n]! + text[editPos]! : text[editPos]! + text[n]!;
      if (frequency(word) >= MIN_WORD_FREQUENCY) return true;
    }
  }
  // A particle that is a word of its own in the phrase may be dropped (更加紧密团结, 铆足劲), one
  // inside a word may not (成渝区 for 成渝地区, 言无信 for 言而无信).
  // A digit dropped from a Chinese numeral leaves another number (党的二十大 -> 党的二大, the 2nd
  // congress; 十九大 -> 十大): a different fact, not a misspelling.
  if (detail === 'omission' && candidate.editChar !== undefined && isNumeral(candidate.editChar)) {
    const before = nextVisible(text, editPos - 1, -1, isSkip);
    const after = nextVisible(text, editPos, 1, isSkip);
    if ((before >= start && isNumeral(text.charCodeAt(before))) || (after >= 0 && after < end && isNumeral(text.charCodeAt(after)))) return true;
  }
  // A conjunction at the phrase's edge joins nothing there: it is part of a word (碳中|和).
  const edgeConjunction = candidate.editChar !== undefined && CONJUNCTIONS.has(candidate.editChar) && (editPos === start || editPos === end);
  if (detail === 'omission' && candidate.editChar !== undefined && DROPPABLE_CHARS.has(candidate.editChar) && !edgeConjunction && phraseWords().includes(String.fromCharCode(candidate.editChar))) return true;
  // An extra character between two words of a political phrase that makes a word with its
  // neighbours modifies the phrase (人类与自然, 雄安高新区, 全国政协副主席); inside one of the
  // phrase's words it breaks it (体繁育强国). Idioms take no modifiers.
  const insertionAtBoundary = detail === 'insertion' && !target.fixed && editAtBoundary();
  // An omission whose stump also holds an invisible character between its characters (井 U+200B 有序,
  // 一技 U+00A0 长) is defective text whatever words it makes: the ambiguity rules below, which
  // keep short stumps of ordinary text quiet, do not apply to it.
  // So is a typed space inside the stump that leaves a character outside any word (光正  大 for
  // 光明正大), unless the line sets other items apart with spaces; one between whole words ends a
  // title (劳模精神 明天出版).
  const defective = detail === 'omission' && (holdsInnerNoise(text, start, end, isSkip) || (holdsTypedSpace(text, start, end) && !lineUsesSpaces(text, start, end) && !inWords(start, end)));
  if (detail === 'omission' && !defective && loneEdgeGlued(text, candidate, target.fixed, frequency, isSkip)) return true;
  // For an omission at the candidate's edge: the text index of the character beside the cut.
  let edgeCut = -1;
  let brokenSuffixWord = false; // the cut took the last character of a word such as 检察院
  let cutSetOff = false; // an edge cut with punctuation (not more text) beside it: 人类命运共同。
  if (detail === 'omission' && (editPos === start || editPos === end)) {
    // A phrase cut at its edge: where the cut side runs on into more Han text, the text most likely
    // says something shorter (生态环境|质量, 住房和城乡建设|领域), so only a long phrase counts; a
    // body's name cut before its suffix names a field (生态环境、交通运输、), never counts. Otherwise
    // the stump stands for the phrase (，国者治澳，).
    const head = editPos === start;
    const runsOn = head ? hanBeside(text, start - 1, -1, isSkip) : hanBeside(text, end, 1, isSkip);
    if (runsOn && target.length < LONG_PHRASE && !breaksEdgeWord(text, candidate, phraseWords(), head, segmenter, frequency, isSkip, joined)) return true;
    if (candidate.editChar !== undefined && BODY_SUFFIXES.has(candidate.editChar)) {
      // A suffix that ends a common word (检察院, 管理局, 委员会) cut off leaves a broken word, a
      // slip; one that merely follows a field (环境|部, 安全|部) leaves the field's name.
      // And only where the stump ends in a word (环境, 信息化, 冬奥), which names a field or an
      // event; a stump ending in a broken word (大变|局, 国家监|委) is a slip.
      const suffixWord = head ? target.text.slice(0, 3) : target.text.slice(-3);
      const stumpEnds = head ? [target.text.slice(1, 3), target.text.slice(1, 4)] : [target.text.slice(-3, -1), target.text.slice(-4, -1)];
      // The stump's end must be a word the segmenter keeps whole (冬奥, 联络); a rare dictionary
      // entry it splits (大变 of 大变局) is no evidence.
      const isWord = (w: string): boolean => frequency(w) > 0 && segmenter.cut(w).length === 1;
      if (isNameSuffix(target.text, !head, frequency) && frequency(suffixWord) < SUFFIX_WORD_FREQUENCY && stumpEnds.some(isWord)) return true;
      brokenSuffixWord = true;
    }
    edgeCut = head ? nextVisible(text, start, 1, isSkip) : nextVisible(text, end - 1, -1, isSkip);
    cutSetOff = !runsOn && target.length >= SET_OFF_CUT_LENGTH;
  }
  if (edgeCut >= 0 && isFunctionChar(text.charCodeAt(edgeCut))) return true;
  // Whether the inserted character makes a word with a phrase character beside it (阻|挡, 救|援).
  const insertedMakesWord = (): boolean => {
    for (const step of [-1, 1] as const) {
      const n = nextVisible(text, editPos + step, step, isSkip);
      if (n < start || n >= end) continue;
      const word = step < 0 ? text[n]! + text[editPos]! : text[editPos]! + text[n]!;
      if (frequency(word) >= MIN_WORD_FREQUENCY) return true;
    }
    return false;
  };
  let offset = from;
  let covered = 0; // candidate characters inside frequent multi-character words
  let visibleInCandidate = 0;
  let strayPhraseChars = 0; // phrase characters left as single-character tokens
  let uncommonTokens = 0; // tokens of the candidate that are neither common words nor common characters
  let commonWords = 0; // multi-character tokens among the common ones
  let gluedOutside = false; // some word runs from inside the candidate to outside it
  for (const token of tokens) {
    const tStart = offset;
    const tEnd = offset + token.length;
    offset = tEnd;
    if (tEnd <= start || tStart >= end) continue;
    let visible = 0;
    for (let i = 0; i < token.length; i++) if (!isSkip(token.charCodeAt(i))) visible++;
    if (visible === 0) continue;
    const holdsEdit = detail === 'omission' ? tStart < editPos && editPos < tEnd : tStart <= editPos && editPos < tEnd;
    const crossesEdge = tStart < start || tEnd > end;
    const freq = visible >= 2 || holdsEdit ? frequency(token) : 0;
    // A substituted character inside a frequent word, or a frequent word across a gap, reads as
    // intended text. Not so for the other edits: a swapped pair (国中, 一统) or an inserted
    // character (体繁育) often makes some word while breaking the phrase's own.
    if (visible >= 2 && holdsEdit && !target.fixed && detail === 'substitution' && freq >= MIN_WORD_FREQUENCY && (crossesEdge || (candidate.editChar !== undefined && isFunctionChar(candidate.editChar)))) return true;
    if (visible >= 2 && holdsEdit && insertionAtBoundary && freq >= MIN_WORD_FREQUENCY) return true;
    // A word across the candidate's edge glues it to the outside text, but only counts where it
    // takes in the edit (全国|安全 beside the gap; 参与权 holding the substitute): an exact part of
    // the phrase shared with an outside word (中共中央 holding 中央) is no evidence.
    const touchesEdit = holdsEdit || (detail === 'omission' && (tEnd === editPos || tStart === editPos));
    // (Not where the cut broke the name's suffix word, 最高人民检察|工作报告: the name reads on.)
    if (visible >= 2 && crossesEdge && touchesEdit && !brokenSuffixWord && detail !== 'transposition' && detail !== 'duplication' && freq >= MIN_CROSSING_FREQUENCY) return true;
    const tokenFreq = frequency(token);
    // An added character inside a longer dictionary word makes a variant of the expression
    // (不为人所知), not a slip (大有作实为 leaves 作 alone).
    if (detail === 'insertion' && holdsEdit && visible >= 3 && tokenFreq > 0) return true;
    // The candidate's first or last character taken by a frequent word from outside, where that
    // character is only a piece of the phrase's own word, means the phrase is not there: 大势|不可阻挡
    // is not 势不可挡 with 阻 added, 应急|救援任务 is not 急救任务. (A whole word of the phrase inside
    // an outside word, 中共中央 holding 中央, is no such evidence.)
    if (detail === 'insertion' && crossesEdge && visible >= 2 && tokenFreq >= MIN_WORD_FREQUENCY && Math.min(tEnd, end) - Math.max(tStart, start) === 1) {
      // Both signs together: an accidental word across the edge (草场上|风) alone is common.
      const edgeChar = tStart < start ? target.text[0]! : target.text[target.length - 1]!;
      if (!phraseWords().includes(edgeChar) && insertedMakesWord()) return true;
    }
    // a word reaching outside the candidate makes its stump part of ordinary text (新一轮, 意愿)
    const common = visible >= 2 ? tokenFreq >= COMMON_WORD_FREQUENCY || (crossesEdge && tokenFreq > 0) : tokenFreq >= COMMON_CHAR_FREQUENCY;
    if (!common) uncommonTokens++;
    else if (visible >= 2) commonWords++;
    if (crossesEdge && visible >= 2 && tokenFreq > 0) gluedOutside = true;
    if (visible === 1 && !holdsEdit) {
      // A particle or conjunction of the phrase standing alone (保护|和|发展) is no stray piece.
      if (!isFunctionChar(token.charCodeAt(0))) strayPhraseChars++;
      // A stray character at the candidate's edge that makes a word with the text outside belongs
      // to that text (这一举动, 更大作为), so the phrase is not there to be misspelled.
      if (detail === 'omission' && !defective && (tStart === start || tEnd === end) && strayGlued(text, tStart === start ? start : end - 1, tStart === start ? -1 : 1, frequency, isSkip, joined)) return true;
    }
    const inside = Math.min(tEnd, end) - Math.max(tStart, start);
    visibleInCandidate += inside;
    if (visible >= 2 && freq >= MIN_WORD_FREQUENCY) covered += inside;
  }
  // An extra character that leaves every character of the phrase inside a real word modifies the
  // phrase rather than breaking it (全国政协副主席, 国家水安全, 脱贫攻坚决战, 北京冬残奥会); a typo
  // leaves stray characters behind (体繁育: 体; 一网打城尽: 尽).
  // In an idiom only a particle does that (枉费了心机); any other character breaks it (举世|更|瞩目,
  // 世外|村|桃源). Other fixed words take modifiers (非营利性机构, 改革和开放).
  // It must be a word that can modify what follows (a particle, an adverb or a modal, a noun, a
  // distinguishing word or an adjective: 改革和开放, 乡村必振兴, 人与自然应和谐共生, 国家水安全), or
  // make a word with the phrase beside it (攻坚|决|战, 冬奥|盛|会); a pronoun, a preposition, a verb
  // or a measure word dropped between the phrase's words (全球我发展, 国家据邮政局, 纪律检查领委员会)
  // is a slip. And a noun modifies the phrase's head, its last word (全国政协|副|主席); one further
  // in splits a name (人力|美|资源社会保障部). Adjectives, adverbs and modals may stand before any
  // word (黄河|全|流域…, 人与自然|应|和谐共生).
  if (detail === 'insertion' && strayPhraseChars === 0 && candidate.editChar !== undefined && frequency(String.fromCharCode(candidate.editChar)) >= MIN_MORPHEME_FREQUENCY && (!target.idiom || DROPPABLE_CHARS.has(candidate.editChar)) && (canModify(candidate.editChar, segmenter) || insertedMakesWord()) && (modifiesAnywhere(candidate.editChar, segmenter) || beforeLastWord(phraseCharsBefore(text, candidate, isSkip), phraseWords()))) return true;
  // (A stump of single characters, 力|从|心 or 一|而|上, reads as no words: the rule needs a word in it.)
  if (detail === 'omission' && !defective && target.length <= SHORT_PHRASE && uncommonTokens === 0 && commonWords > 0 && (gluedOutside || runsOnIntoHan(text, start, end, isSkip))) return true;
  // A four-character phrase missing one leaves a three-character stump; where a word runs from it
  // into the text outside (冤错|案件, 真诚|意愿), the stump belongs to that text.
  if (detail === 'omission' && !defective && target.length <= 4 && gluedOutside) return true;
  // A phrase missing a character that still reads as frequent words says something else (中国现代化).
  // Not so where the stump lost the end of a body's name (最高人民检察), or its edge stands
  // against punctuation (构建人类命运共同。): nothing follows that it could be saying instead.
  return detail === 'omission' && !target.fixed && !brokenSuffixWord && !cutSetOff && target.length <= COVERED_OMISSION_MAX_LENGTH && visibleInCandidate > 0 && covered === visibleInCandidate;
}
