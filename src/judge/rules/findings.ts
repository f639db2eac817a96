/**
 * Rules for every finding, listed or fuzzy: the user's allow list and minimum confidence, known
 * texts, correctly written phrases around the match, the entry's own context rules (`unless:`),
 * headline spacing, outdated names told as history, and listed typos read across a word boundary.
 */
import { contextRuleHolding, sentenceHolds } from '../../findings/context.js';
import { historyEvidence, markedAsFormer, pastActNamed, postInBiography, reformTold } from '../../findings/history.js';
import { wordAcrossTypo } from '../../findings/typo-boundary.js';
import { spacesSeparateWords } from '../../fuzzy/spacing.js';
import { counted, type JudgeRule } from '../rule.js';

const OUTDATED = { rules: ['outdated-name'] } as const;

export const FINDING_RULES: readonly JudgeRule[] = [
  {
    id: 'min-confidence',
    appliesTo: {},
    needs: 'nothing',
    doc: 'The `minConfidence` option: a finding less sure than the caller asks for is not reported.',
    examples: [{ quiet: '推动构建新发展楼格局', found: '巴斯夫集团、国家发展与改革委员会、广东省有关负责人致辞。', options: { minConfidence: 0.95 } }],
    decide: (v) => (v.draft.confidence < v.scene.minConfidence ? `confidence ${v.draft.confidence} < ${v.scene.minConfidence}` : undefined),
  },
  {
    id: 'allow-list',
    appliesTo: {},
    needs: 'nothing',
    doc: 'Inside a text of an `allow` entry or of the `allow` option nothing is reported (an allowed text vouches for its wording, not for look-alike code points inside it).',
    examples: [{ quiet: '据新发展楼格局报道', found: '推动构建新发展楼格局', options: { allow: ['新发展楼格局报道'] } }],
    decide: (v) => (v.scene.allowed.contains(v.start, v.end) ? 'inside an allowed text' : undefined),
  },
  {
    id: 'known-text',
    appliesTo: { fuzzy: ['substitution', 'omission', 'insertion', 'duplication', 'transposition'] },
    needs: 'nothing',
    doc: 'A fuzzy candidate whose text is listed in the lexicon (a phrase, a variant, an allow entry such as 印度人民院) is that text, not a misspelling of another.',
    examples: [{ quiet: '全国人大常委会委员长主持会议。', found: '全国人大常委会付委员长主持会议。' }],
    decide: (v) => (v.scene.knownKeys.has(v.scene.key(v.actual)) ? `${v.actual} is listed` : undefined),
  },
  {
    id: 'edit-inside-correct-phrase',
    appliesTo: { fuzzy: ['substitution', 'omission', 'insertion', 'duplication', 'transposition'] },
    needs: 'nothing',
    doc: 'A fuzzy candidate may contain a correctly written phrase, or share its exact part with one (中共中央宣部: 中央), but its edit must not fall inside a correctly written phrase.',
    examples: [{ quiet: '二是有效发挥在全面依法治国中的重要作用；', found: '二是有效推进法制中国建设；' }],
    decide: (v) => {
      const { start, end } = v;
      const at = v.draft.editPos ?? start;
      let hit: [number, number] | undefined;
      v.scene.correct.someOverlapping(start, end, (a, b) => (!(start <= a && b <= end) && a <= at && at < b ? ((hit = [a, b]), true) : false));
      return hit && `edit inside ${v.text.slice(hit[0], hit[1])}`;
    },
  },
  {
    id: 'entry-context',
    appliesTo: {},
    needs: 'nothing',
    doc: "The entry's own context rules (`unless:` before, after, sentence, yearBefore) hold around the match.",
    examples: [{ quiet: '环保部门正通过遥感无人机对环境展开监测。', found: '环保部发布通知。' }],
    decide: (v) => {
      const rule = contextRuleHolding(v.draft.entry.unless, v.text, v.start, v.end, v.scene.key);
      return rule && `unless ${JSON.stringify(rule)}`;
    },
  },
  {
    id: 'headline-spacing',
    appliesTo: { rules: ['misspelling'], details: ['noise'] },
    needs: 'segmenter',
    doc: "A typed space between two words of a correctly written phrase, on a line that sets items apart with spaces, separates headline items (【新发展 新格局】, 习近平 同志们：); one inside a word or in running prose is a slip (中 华民族).",
    examples: [{ quiet: '国开行贷款助力“碳达峰 碳中和” 国家开发银行日前决定', found: '各民族要铸牢中 华民族共同体意识。' }],
    decide: (v) => {
      const segmenter = v.scene.segmenter();
      if (v.draft.fuzzy || v.draft.detail !== 'noise' || !segmenter) return undefined;
      return spacesSeparateWords(v.text, v.start, v.end, v.scene.key(v.actual), segmenter, v.scene.isSkip) ? 'spaces between words on a spaced line' : undefined;
    },
  },
  {
    id: 'history-beside-new-name',
    appliesTo: OUTDATED,
    needs: 'nothing',
    doc: 'An old name in a sentence that also gives the new one and shows it speaks of the change or the past (从中央财经领导小组到中央财经委员会, 此前, 组建, 当时) is history; a sentence about today with both names still reports the old one.',
    examples: [{ quiet: '从中央财经领导小组到中央财经委员会', found: '国家卫生计生委、国家卫生健康委联合印发通知' }],
    decide: (v) => (sentenceHolds(v.text, v.start, v.end, v.draft.expected, v.scene.key) ? historyEvidence(v.text, v.start, v.end, v.draft.entry.since, true) : undefined),
  },
  {
    id: 'history-evidence',
    appliesTo: OUTDATED,
    needs: 'nothing',
    doc: 'A sentence with a post held then, a former name or a career (时任, 前身, 曾任, 原名, 更名为) or a year before the reform speaks of the old body itself.',
    examples: [{ quiet: '李斌时任国家卫生计生委主任。', found: '李斌是国家卫生计生委主任。' }],
    decide: (v) => historyEvidence(v.text, v.start, v.end, v.draft.entry.since, false),
  },
  {
    id: 'history-reform',
    appliesTo: OUTDATED,
    needs: 'nothing',
    doc: 'The clause after an old name tells its reform (武警森林部队集体转制后, 公安消防部队移交应急管理部门).',
    examples: [{ quiet: '成立仅有3年，武警森林部队集体转制后，', found: '武警森林部队正在扑救山火。' }],
    decide: (v) => (reformTold(v.text, v.end) ? 'reform told after the name' : undefined),
  },
  {
    id: 'history-past-act',
    appliesTo: OUTDATED,
    needs: 'nothing',
    doc: 'An old name followed by a past act of the body: its numbered meeting or a document it adopted (中央深改组第七次会议, 审议通过的方案).',
    examples: [{ quiet: '在中央深改组第七次会议上', found: '中央深改组召开会议，审议了方案。' }],
    decide: (v) => (pastActNamed(v.text, v.end) ? 'past act after the name' : undefined),
  },
  {
    id: 'history-biography',
    appliesTo: OUTDATED,
    needs: 'nothing',
    doc: 'An old name followed by a post, in a sentence with a verb of a career (曾任, 兼任 ... 组长), is a biography.',
    examples: [{ quiet: '他兼任国家科技领导小组组长、中央外事工作领导小组组长等。', found: '中央外事工作领导小组组长主持会议。' }],
    decide: (v) => (postInBiography(v.text, v.start, v.end) ? 'a post in a biography' : undefined),
  },
  {
    id: 'history-marked-former',
    appliesTo: OUTDATED,
    needs: 'nothing',
    doc: '原 or 前 as a word of its own before the name (with a place between: 原湖北省武汉市环保局) marks a former body; not 太原, 目前, 三天前.',
    examples: [{ quiet: '原中国银监会副主席蔡鄂生等人被查处。', found: '中国银监会副主席今天表示。' }],
    decide: (v) => (markedAsFormer(v.text, v.start, v.scene.segmenter()) ? 'marked as former' : undefined),
  },
  {
    id: 'typo-across-word',
    appliesTo: { rules: ['common-typo'], details: ['listed'] },
    needs: 'frequencies',
    doc: 'A listed two-character typo read across a word boundary (按|排除) is two words, not the typo.',
    examples: [{ quiet: '经审核确定的排除商品，按排除办法办理', found: '要按排好今年的工作' }],
    decide: (v) => {
      const segmenter = v.scene.segmenter();
      const min = v.scene.calibration().frequency?.word;
      if (!segmenter || min === undefined || v.draft.detail !== 'listed') return undefined;
      const w = wordAcrossTypo(v.text, v.start, v.end, segmenter, min);
      return w && `${counted(w.word, w.frequency)} across the match`;
    },
  },
];
