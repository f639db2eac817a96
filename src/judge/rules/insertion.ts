/**
 * Rules for an extra character in a phrase (insertion): wording, a modifier, or a word the text
 * means, rather than a slip of the keyboard.
 */
import type { Segmenter } from '../../types.js';
import { COPULAS, DROPPABLE_CHARS, FUNCTION_CHARS, isFunctionChar, isHan, MODALS } from '../chars.js';
import type { Reading } from '../reading.js';
import { counted, onReading, type JudgeRule } from '../rule.js';

const INSERTION = ['insertion'] as const;

/** The inserted function character or copula of a non-fixed phrase, if any. */
function insertedFunctionChar(r: Reading): number | undefined {
  const c = r.candidate.editChar;
  return !r.target.fixed && c !== undefined && (isFunctionChar(c) || COPULAS.has(c)) ? c : undefined;
}

/**
 * Part-of-speech tags (jieba's set) of words that can modify the word after them: nouns,
 * distinguishing words, adjectives, time and place words (before a noun), adverbs (before a verb).
 */
const MODIFIER_TAG = /^(n|b|a|t|f|s|d)/;

/** An adverb or a modal modifies all of the predicate after it (应|和谐共生), an adjective the word after it wherever it stands (黄河|全|流域). */
function modifiesAnywhere(char: number, segmenter: Segmenter): boolean {
  return MODALS.has(char) || (segmenter.tag !== undefined && /^[da]/.test(segmenter.tag(String.fromCharCode(char))));
}

/** Whether the character can modify the word after it (any character where the segmenter has no tags). */
function canModify(char: number, segmenter: Segmenter): boolean {
  if (!segmenter.tag || FUNCTION_CHARS.has(char) || DROPPABLE_CHARS.has(char) || MODALS.has(char)) return true;
  return MODIFIER_TAG.test(segmenter.tag(String.fromCharCode(char)));
}

export const INSERTION_RULES: readonly JudgeRule[] = [
  {
    id: 'duplication-edge-makes-word',
    appliesTo: { fuzzy: ['duplication'] },
    needs: 'frequencies',
    doc: "A phrase's first or last character written again outside it is the next word when it is a function character or a copula (实事求是是马克思主义的精髓, 碳达峰碳中和和“1+N”政策体系), or when it begins (or ends) a dictionary word outside it (中央统战部部长, 中国共产党党员, 学习习近平新时代中国特色社会主义思想, 《中国共产党党和国家机关基层组织工作条例》).",
    examples: [
      { quiet: '海关总署署长出席会议', found: '推动构建人类命运共同体体，促进共同发展' },
      { quiet: '文章指出，实事求是是马克思主义的精髓', found: '铸牢中华民族共同体意识识，' },
    ],
    decide: onReading((r, f) => {
      const step = r.candidate.edgeDuplication;
      if (step === undefined) return undefined;
      const c = r.text.charCodeAt(r.editPos);
      if (isFunctionChar(c) || COPULAS.has(c)) return `${String.fromCharCode(c)} is a function character or a copula`;
      // Any dictionary word will do (党和国家 and 多国 count 3 in jieba): the character begins (or ends) a word of the text.
      for (let length = 2; length <= 4; length++) {
        const from = step > 0 ? r.editPos : r.editPos - length + 1;
        if (from < 0 || from + length > r.text.length) break;
        const word = r.text.slice(from, from + length);
        if (![...word].every((c) => isHan(c.charCodeAt(0)))) break;
        const n = r.frequency(word);
        if (n >= f.crossing) return counted(word, n);
      }
      return undefined;
    }),
  },
  {
    id: 'insertion-function-between-words',
    appliesTo: { fuzzy: INSERTION },
    needs: 'segmenter',
    doc: 'A function character or copula put in between two words of a political phrase is wording (改革和开放, 有意或无意); one inside a word breaks it (全国政协主与席).',
    examples: [{ quiet: '这个新时代是中国特色社会主义新时代', found: '政治局常委、全国政协主与席汪洋主持会议' }],
    decide: onReading((r) => {
      const c = insertedFunctionChar(r);
      return c !== undefined && r.editAtBoundary ? `${String.fromCharCode(c)} between ${r.phraseWords.join('|')}` : undefined;
    }),
  },
  {
    id: 'insertion-function-glued-outside',
    appliesTo: { fuzzy: INSERTION },
    needs: 'frequencies',
    doc: "A function character put inside a word is still wording where the candidate's edge belongs to a word outside it, so the phrase is not there (科技强则国|家强).",
    examples: [{ quiet: '科技兴则民族兴，科技强则国家强。', found: '坚持“一国两制”、“港要人治港”、“澳人治澳”' }],
    decide: onReading((r) => {
      if (insertedFunctionChar(r) === undefined) return undefined;
      if (r.strayGlued(r.start, -1)) return `${r.pairWith(r.start, -1)!.word} across the edge`;
      if (r.strayGlued(r.end - 1, 1)) return `${r.pairWith(r.end - 1, 1)!.word} across the edge`;
      return undefined;
    }),
  },
  {
    id: 'insertion-very-common-word',
    appliesTo: { fuzzy: INSERTION },
    needs: 'frequencies',
    doc: "A character put into a political phrase that makes a very frequent word with the phrase's character beside it is a different text (体育强中国强, 人类与自然).",
    examples: [{ quiet: '少年强中国强，体育强中国强', found: '推动构建新发展楼格局' }],
    decide: onReading((r, f) => {
      if (r.target.fixed || r.candidate.editChar === undefined) return undefined;
      for (const step of [-1, 1] as const) {
        const pair = r.pairWith(r.editPos, step);
        if (pair && pair.other >= r.start && pair.other < r.end && r.frequency(pair.word) >= f.veryCommonWord) return counted(pair.word, r.frequency(pair.word));
      }
      return undefined;
    }),
  },
  {
    id: 'insertion-inside-longer-word',
    appliesTo: { fuzzy: INSERTION },
    needs: 'frequencies',
    doc: 'An added character inside a longer dictionary word makes a variant of the expression (不为人所知), not a slip (大有作实为 leaves 作 alone).',
    examples: [{ quiet: '这一大屠杀很长时间内并不为人所知，', found: '凝聚力量，同意心协力、砥砺奋进' }],
    decide: onReading((r) => {
      const t = r.spans.find((s) => s.holdsEdit && s.visible >= 3 && s.frequency > 0);
      return t && counted(t.token, t.frequency);
    }),
  },
  {
    id: 'insertion-edge-taken-outside',
    appliesTo: { fuzzy: INSERTION },
    needs: 'frequencies',
    doc: "The candidate's first or last character taken by a frequent word from outside, where it is only a piece of the phrase's own word, and the inserted character making a word inside: the phrase is not there (大势|不可阻挡 is not 势不可挡).",
    examples: [{ quiet: '中华民族实现伟大复兴的历史大势不可阻挡。', found: '凝聚力量，同意心协力、砥砺奋进' }],
    decide: onReading((r, f) => {
      for (const t of r.spans) {
        if (!t.crossesEdge || t.visible < 2 || t.frequency < f.word || Math.min(t.end, r.end) - Math.max(t.start, r.start) !== 1) continue;
        // Both signs together: an accidental word across the edge (草场上|风) alone is common.
        const edgeChar = t.start < r.start ? r.target.text[0]! : r.target.text[r.target.length - 1]!;
        if (!r.phraseWords.includes(edgeChar) && r.insertedMakesWord(f.word)) return `${counted(t.token, t.frequency)} takes ${edgeChar}`;
      }
      return undefined;
    }),
  },
  {
    id: 'insertion-modifier',
    appliesTo: { fuzzy: INSERTION },
    needs: 'frequencies',
    doc:
      'An extra character that leaves every character of the phrase inside a word, is a common word of its own and can modify what follows (a particle, adverb, modal, noun, adjective) modifies the phrase: 全国政协|副|主席, 国家|水|安全, 乡村|必|振兴. A noun only before the head (人力|美|资源社会保障部 is a slip); in an idiom only a particle.',
    examples: [
      { quiet: '全国政协副主席何立峰出席', found: '人力美资源社会保障部、教育部联合印发' },
      { quiet: '习近平强调，人与自然应和谐共生。', found: '”倡议、全球我发展倡议和全球安全倡议' },
      { quiet: '要坚持改革和开放，', found: '举世更瞩目的盛会' },
    ],
    decide: onReading((r, f) => {
      const c = r.candidate.editChar;
      if (c === undefined || r.stats.strayPhraseChars > 0 || r.frequency(String.fromCharCode(c)) < f.morpheme) return undefined;
      if (r.target.idiom && !DROPPABLE_CHARS.has(c)) return undefined;
      if (!(canModify(c, r.segmenter) || r.insertedMakesWord(f.word))) return undefined;
      if (!(modifiesAnywhere(c, r.segmenter) || r.beforeLastWord)) return undefined;
      return `${counted(String.fromCharCode(c), r.frequency(String.fromCharCode(c)))} ${r.segmenter.tag?.(String.fromCharCode(c)) ?? ''} in ${r.cut}`;
    }),
  },
];
