/**
 * Rules for a missing character (omission): a droppable particle, another number, or a stump that
 * reads as ordinary text (a shorter term, words glued to the text beside it).
 */
import { CONJUNCTIONS, COPULAS, DROPPABLE_CHARS, isFunctionChar, isHan, isNumeral, nextVisible, PREPOSITIONS, runsOnIntoHan, visibleBetween } from '../chars.js';
import type { Reading } from '../reading.js';
import { counted, onReading, type JudgeRule } from '../rule.js';

const OMISSION = ['omission'] as const;

/** Whether the stump's edge word `fragment` and one to three characters of the text beside the cut make a dictionary word. */
function gluesOn(r: Reading, fragment: string, head: boolean): boolean {
  let outside = '';
  let i = head ? r.start - 1 : r.end;
  while (outside.length < 3 && i >= 0 && i < r.text.length) {
    const c = r.text.charCodeAt(i);
    i += head ? -1 : 1;
    if (r.isSkip(c)) continue;
    if (!isHan(c)) break;
    outside = head ? String.fromCharCode(c) + outside : outside + String.fromCharCode(c);
    if (r.frequency(head ? outside + fragment : fragment + outside) > 0) return true;
  }
  return false;
}

/**
 * Whether an omission at the phrase's edge broke the phrase's own edge word (全球|安全倡议 ->
 * 球安全倡议, 命运共同体 -> 命运共同), leaving a fragment that does not join the text beside it. A
 * cut between two words (生态环境|部 -> 生态环境) leaves whole words, which the text may well mean.
 */
function breaksEdgeWord(r: Reading, head: boolean, glue: number): boolean {
  const words = r.phraseWords;
  const word = head ? words[0] : words[words.length - 1];
  if (word === undefined) return false;
  // A one-character word cut off leaves the stump's edge broken when the next word is one
  // character too (新|质|生产力 -> 质生产力).
  const next = head ? words[1] : words[words.length - 2];
  if (word.length < 2 && (next === undefined || next.length !== 1)) return false;
  const fragment = word.length >= 2 ? (head ? word.slice(1) : word.slice(0, -1)) : next!;
  // A fragment that is a word of its own is the text's meaning where the phrase's word was a pair
  // (生态|环境); of a longer word (共同体, 委员会) it is a stump, unless it joins the text beside it
  // into a word (移民管理|体制). A numeral fragment counts something else (党的二十|届三中全会).
  if (fragment.length >= 2 && r.frequency(fragment) > 0 && (word.length < 3 || [...fragment].every((ch) => isNumeral(ch.charCodeAt(0))) || gluesOn(r, fragment, head))) return false;
  // The fragment's character next to the cut must not form a word with the text outside, in the
  // segmenter's reading of the text (最高|家 is no 高家, 支持|球 no 持球).
  const edge = head ? nextVisible(r.text, r.start, 1, r.isSkip) : nextVisible(r.text, r.end - 1, -1, r.isSkip);
  const outside = head ? nextVisible(r.text, r.start - 1, -1, r.isSkip) : nextVisible(r.text, r.end, 1, r.isSkip);
  if (edge < 0 || outside < 0) return true;
  const pair = head ? r.text[outside]! + r.text[edge]! : r.text[edge]! + r.text[outside]!;
  if (r.frequency(pair) >= glue && r.joined(Math.min(edge, outside), Math.max(edge, outside))) return false;
  // And the text outside must end (or start) with a whole word or a particle at the cut (参与|球安全倡议,
  // 从|家数据局), not with a lone character standing where the missing one was (全面依法治|省 is
  // 依法治省, a sibling).
  const outsideText = head ? r.text.slice(Math.max(0, outside - 3), outside + 1) : r.text.slice(outside, outside + 4);
  const outsideWords = r.segmenter.cut(outsideText);
  const beside = head ? outsideWords[outsideWords.length - 1] : outsideWords[0];
  if (beside === undefined || !isHan(beside.charCodeAt(0))) return false;
  if (beside.length >= 2) return r.frequency(beside) > 0;
  const b = beside.charCodeAt(0);
  if (isFunctionChar(b) || PREPOSITIONS.has(b) || COPULAS.has(b)) return true;
  // After a tail cut, a lone character that opens more text starts the next words (中央军委副主|何卫东);
  // one that closes the clause stands where the missing one was (全面依法治|省（市）).
  if (head) return false;
  const after = nextVisible(r.text, outside + 1, 1, r.isSkip);
  return after >= 0 && isHan(r.text.charCodeAt(after));
}

/** For each side where one visible character stands between the gap and the candidate's edge: that character and its visible neighbour outside. */
function loneEdges(r: Reading): Array<{ edge: number; outside: number; word: string }> {
  const out: Array<{ edge: number; outside: number; word: string }> = [];
  if (visibleBetween(r.text, r.start, r.editPos, r.isSkip) === 1) {
    const outside = nextVisible(r.text, r.start - 1, -1, r.isSkip);
    const edge = nextVisible(r.text, r.start, 1, r.isSkip);
    if (outside >= 0 && isHan(r.text.charCodeAt(outside))) out.push({ edge, outside, word: r.text[outside]! + r.text[edge]! });
  }
  if (visibleBetween(r.text, r.editPos, r.end, r.isSkip) === 1) {
    const outside = nextVisible(r.text, r.end, 1, r.isSkip);
    const edge = nextVisible(r.text, r.end - 1, -1, r.isSkip);
    if (outside >= 0 && isHan(r.text.charCodeAt(outside))) out.push({ edge, outside, word: r.text[edge]! + r.text[outside]! });
  }
  return out;
}

export const OMISSION_RULES: readonly JudgeRule[] = [
  {
    id: 'omission-numeral',
    appliesTo: { fuzzy: OMISSION },
    needs: 'segmenter',
    doc: 'A digit dropped from a Chinese numeral leaves another number (党的二十大 -> 党的二大, the 2nd congress): a different fact, not a misspelling.',
    examples: [{ quiet: '党的一大通过中国共产党第一个纲领和决议、党的二大制定的《中国共产党章程》', found: '学习贯彻党的二十精神。' }],
    decide: onReading((r) => {
      const c = r.candidate.editChar;
      if (c === undefined || !isNumeral(c)) return undefined;
      const before = nextVisible(r.text, r.editPos - 1, -1, r.isSkip);
      const after = nextVisible(r.text, r.editPos, 1, r.isSkip);
      const beside = (before >= r.start && isNumeral(r.text.charCodeAt(before))) || (after >= 0 && after < r.end && isNumeral(r.text.charCodeAt(after)));
      return beside ? `${String.fromCharCode(c)} dropped beside a numeral` : undefined;
    }),
  },
  {
    id: 'omission-droppable-particle',
    appliesTo: { fuzzy: OMISSION },
    needs: 'segmenter',
    doc: 'A particle that is a word of its own in the phrase may be dropped (更加紧密团结, 铆足劲); one inside a word may not (成渝区 for 成渝地区), nor a conjunction at the edge, which is part of a word (碳中|和).',
    examples: [{ quiet: '更加紧密团结在以习近平同志为核心的党中央周围', found: '第四，积极稳妥推进碳达峰碳中。' }],
    decide: onReading((r) => {
      const c = r.candidate.editChar;
      if (c === undefined || !DROPPABLE_CHARS.has(c)) return undefined;
      if (CONJUNCTIONS.has(c) && (r.editPos === r.start || r.editPos === r.end)) return undefined;
      return r.phraseWords.includes(String.fromCharCode(c)) ? `${String.fromCharCode(c)} is a word of ${r.phraseWords.join('|')}` : undefined;
    }),
  },
  {
    id: 'omission-lone-edge-particle',
    appliesTo: { fuzzy: OMISSION },
    needs: 'segmenter',
    doc: "An omission that leaves a lone function character between the gap and the candidate's edge, run on by Han text, makes the stump part of that text (not in fixed expressions).",
    examples: [{ quiet: '坚持以民为中心，要紧扣服务大局。', found: '坚持以人民未中心，要紧扣服务大局。' }],
    decide: onReading((r) => {
      if (r.defective || r.target.fixed) return undefined;
      const e = loneEdges(r).find((x) => isFunctionChar(r.text.charCodeAt(x.edge)));
      return e && `${r.text[e.edge]} beside ${r.text[e.outside]}`;
    }),
  },
  {
    id: 'omission-lone-edge-glued',
    appliesTo: { fuzzy: OMISSION },
    needs: 'frequencies',
    doc: "An omission that leaves a single character between the gap and the candidate's edge (法治_国, 伟大_国) is no typo when that character forms a dictionary word with the text beside it (依法, 国际).",
    examples: [{ quiet: '金砖国家海关署长会议呼吁合作', found: '金砖国家海关总暑会议呼吁合作' }],
    decide: onReading((r, f) => {
      if (r.defective) return undefined;
      const e = loneEdges(r).find((x) => r.frequency(x.word) >= f.crossing);
      return e && counted(e.word, r.frequency(e.word));
    }),
  },
  {
    id: 'omission-edge-short-phrase',
    appliesTo: { fuzzy: OMISSION },
    needs: 'frequencies',
    doc: "A phrase under eight characters cut at its edge, where the cut side runs on into more Han text, most likely says something shorter (生态环境|质量), unless the cut broke the phrase's edge word and left a fragment (球安全倡议).",
    examples: [
      { quiet: '人民币在SDR篮子货币中权重上调', found: '欢迎尼方支持和参与球安全倡议、全球文明倡议' },
      { quiet: '下一步将加强与毗邻国家移民管理部门的执法合作', found: '学习贯彻近平经济思想，把思想' },
    ],
    decide: onReading((r, f) => {
      const edge = r.edgeCut;
      if (!edge || !edge.runsOn || r.target.length >= r.calibration.length.longPhrase || breaksEdgeWord(r, edge.head, f.glue)) return undefined;
      return `${edge.head ? 'head' : 'tail'} cut runs on, whole words left: ${r.cut}`;
    }),
  },
  {
    id: 'omission-body-suffix',
    appliesTo: { fuzzy: OMISSION },
    needs: 'frequencies',
    doc:
      "A body's name cut before its suffix names a field or an event (生态环境、交通运输、, 北京冬奥): the suffix only followed a field (环境|部) and the stump ends in a word the segmenter keeps whole. One that ends a common word (检察院, 管理局) leaves a broken word, a slip.",
    examples: [{ quiet: '宣传北京冬奥，推广冰雪运动', found: '记者从国家中医药管理了解到' }],
    decide: onReading((r, f) => {
      const edge = r.edgeCut;
      if (!edge || !r.brokenSuffixWord) return undefined;
      const { head } = edge;
      const t = r.target.text;
      const pair = head ? t.slice(0, 2) : t.slice(-2);
      // The suffix is the name's, not part of a word (设|部, 理|局, but 社会 in 小康社会).
      if (r.frequency(pair) >= f.word) return undefined;
      const suffixWord = head ? t.slice(0, 3) : t.slice(-3);
      if (r.frequency(suffixWord) >= f.suffixWord) return undefined;
      // The stump's end must be a word the segmenter keeps whole (冬奥, 联络); a rare dictionary
      // entry it splits (大变 of 大变局) is no evidence.
      const stumpEnds = head ? [t.slice(1, 3), t.slice(1, 4)] : [t.slice(-3, -1), t.slice(-4, -1)];
      const word = stumpEnds.find((w) => r.frequency(w) > 0 && r.segmenter.cut(w).length === 1);
      return word && `${counted(suffixWord, r.frequency(suffixWord))}; stump ends in ${word}`;
    }),
  },
  {
    id: 'omission-edge-cut-particle',
    appliesTo: { fuzzy: OMISSION },
    needs: 'segmenter',
    doc: "An edge cut that leaves a function character at the stump's edge: the stump is ordinary text.",
    examples: [{ quiet: '宣讲团带来的二十大精神，让乡亲们对未来有了更清晰的目标。', found: '宣讲团带来党的二十精神。' }],
    decide: onReading((r) => {
      const edge = r.edgeCut;
      return edge && edge.at >= 0 && isFunctionChar(r.text.charCodeAt(edge.at)) ? `${r.text[edge.at]} at the cut` : undefined;
    }),
  },
  {
    id: 'omission-stump-common-words',
    appliesTo: { fuzzy: OMISSION },
    needs: 'frequencies',
    doc: 'A phrase of up to five characters whose stump reads as common words in running text says something else (更大|作为, 推出|新一轮); a real slip leaves a rare stump (惴|不安), and a stump of single characters reads as no words (力|从|心).',
    examples: [{ quiet: '中央宣传思想工作领导小组成员参加会议。', found: '中央宣传布部长参加会议。' }],
    decide: onReading((r) => {
      const s = r.stats;
      if (r.defective || r.target.length > r.calibration.length.shortPhrase || s.uncommonTokens > 0 || s.commonWords === 0) return undefined;
      return s.gluedOutside || runsOnIntoHan(r.text, r.start, r.end, r.isSkip) ? `common words ${r.cut}` : undefined;
    }),
  },
  {
    id: 'omission-four-glued',
    appliesTo: { fuzzy: OMISSION },
    needs: 'frequencies',
    doc: 'A four-character phrase missing one leaves a three-character stump; where a word runs from it into the text outside (冤错|案件, 真诚|意愿), the stump belongs to that text.',
    examples: [{ quiet: '一批重大刑事冤错案件被依法纠正。', found: '一批冤假错按被依法纠正。' }],
    decide: onReading((r) => (!r.defective && r.target.length <= 4 && r.stats.gluedOutside ? `word across the edge in ${r.cut}` : undefined)),
  },
  {
    id: 'omission-covered-by-words',
    appliesTo: { fuzzy: OMISSION },
    needs: 'frequencies',
    doc:
      'A phrase of up to seven characters missing one whose stump still reads as frequent words says something else (中国现代化). Not where the stump lost the end of a body name (最高人民检察), or stands against punctuation (构建人类命运共同。).',
    examples: [
      { quiet: '坚定守护中华民族共同家园', found: '发展、推进祖国统一大业，推动构建人类命运共同。' },
      { quiet: '要践行“绿水青山就是金山银山”发展理念，推进生态文明建设', found: '指出，发展质生产力对于推动高质量发展' },
    ],
    decide: onReading((r) => {
      const s = r.stats;
      if (r.target.fixed || r.brokenSuffixWord || r.cutSetOff || r.target.length > r.calibration.length.coveredOmissionMax) return undefined;
      return s.visibleInCandidate > 0 && s.covered === s.visibleInCandidate ? `frequent words ${r.cut}` : undefined;
    }),
  },
];

