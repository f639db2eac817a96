/**
 * The judge on fuzzy candidates (src/judge/): correct sentences it keeps quiet, and near twins with
 * a real slip that are still reported. (Each rule's own quiet/found pair lives with the rule and is
 * checked by judge-examples.test.ts; these tables pin the judge as a whole.) Sentences are from (or
 * shaped like) the shared corpus of official news; the twins are the slips the guard must not hide.
 */
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';

const checker = createChecker();
const fuzzy = (text: string) => checker.check(text).filter((f) => f.rule === 'misspelling');

describe('guards keep correct text quiet', () => {
  it.each([
    ['a function character put in (中华各民族)', '中华各民族共同开拓了辽阔的疆域'],
    ['a particle that stands alone dropped (更加紧密团结)', '更加紧密团结在以习近平同志为核心的党中央周围'],
    ['a word glued across the edge (全国|安全)', '全国安全形势总体稳定'],
    ['a body name cut before its suffix names a field', '生态环境、交通运输、住房和城乡建设等部门'],
    ['an edge character replaced by a negation', '坚持维护国家安全不动摇'],
    ['an inserted character making a very common word', '少年强中国强，体育强中国强'],
    ['a copula put in', '这个新时代是中国特色社会主义新时代'],
    ['a character after a headline space between the phrase words', '【新发展 新格局】创新引领'],
    ['an edge cut beside letters (an abbreviation)', '人民币在SDR篮子货币中权重上调'],
    ['an event suffix dropped (北京冬奥)', '宣传北京冬奥，推广冰雪运动'],
    ['a typed space after a headline (精神 明天)', '大力弘扬劳模精神 明天（11月24日）出版'],
    ['a sibling formation (依法治省)', '党委全面依法治省（市）委员会办公室主任'],
    ['an edge character taken by a word outside (大势|不可阻挡)', '中华民族实现伟大复兴的历史大势不可阻挡。'],
    ['an added character inside a longer word (为人所知)', '这一大屠杀很长时间内并不为人所知，'],
    ['a particle put into a fixed word', '要坚持改革和开放，'],
    ['a particle replaced, making a word with the phrase (我党第十九届)', '佐科表示，我党第十九届六中全会'],
    ['a copula at the phrase edge (中国是个伟大的国家)', '中国是个伟大的国家'],
    ['a numeral stump counting something else (党的二十|届)', '要统筹好党的二十届三中、四中全会部署各项改革任务'],
    ['a stump word that joins the text beside it (移民管理|体制)', '公安现役部队改革、国家移民管理体制改革等各项改革推进有力'],
    ['a common stump word before more text (中华民族共同|家园)', '坚定守护中华民族共同家园'],
    ['a short head-cut stump set off by punctuation is a term (发展理念)', '要践行“绿水青山就是金山银山”发展理念，推进生态文明建设'],
    ['a modifier in a phrase whose conjunction stands alone (黄河|全|流域…和…)', '黄河保护立法要紧紧围绕黄河全流域生态保护和高质量发展，'],
    ['a function character whose candidate ends in a word outside (科技强则国|家)', '科技兴则民族兴，科技强则国家强。'],
    ['a digit dropped from a numeral leaves another number (党的二大)', '党的一大通过中国共产党第一个纲领和决议、党的二大制定的《中国共产党章程》'],
    ['a modifier before the phrase head (全国政协|副|主席)', '全国政协副主席何立峰出席'],
    ['a noun modifier before the phrase head (国家|水|安全)', '为保障国家水安全和保护生态'],
    ['a word wrapped across two lines reads as the word (无所作 LF 为)', '不能畏首畏尾，搞成暮气沉沉、无所作\n为的一潭死水'],
    ['an adverb put before the phrase verb (乡村必振兴)', '民族要复兴，乡村必振兴。'],
    ['a modal put before the phrase predicate (应和谐共生)', '习近平强调，人与自然应和谐共生。'],
    ['a verb making a word with the phrase (攻坚|决|战)', '2020年是脱贫攻坚决战决胜之年'],
  ])('%s: %s', (_, text) => {
    expect(fuzzy(text)).toEqual([]);
  });
});

describe('the slips beside them are still reported', () => {
  it.each([
    ['a body suffix cut off a word (检察院)', '最高人民法院、最高人民检察、全国政协', '最高人民检察', '最高人民检察院', 'omission'],
    ['a body suffix cut off in running text', '记者从国家中医药管理了解到', '国家中医药管理', '国家中医药管理局', 'omission'],
    ['the first word of a phrase broken (全球)', '欢迎尼方支持和参与球安全倡议、全球文明倡议', '球安全倡议', '全球安全倡议', 'omission'],
    ['the first word of a phrase broken (习近平)', '学习贯彻近平经济思想，把思想', '近平经济思想', '习近平经济思想', 'omission'],
    ['an edge character replaced by a homophone', '坚持维护国家安全布动摇', '国家安全布', '国家安全部', 'substitution'],
    ['a character after a space inside a word', '同中华优秀传 周统文化相结合', '同中华优秀传 周统文化相结合', '同中华优秀传统文化相结合', 'insertion'],
    ['an inserted character without a space', '推动构建新发展楼格局', '新发展楼格局', '新发展格局', 'insertion'],
    ['a word made with a neighbour inside an idiom (同意|心|协力)', '凝聚力量，同意心协力、砥砺奋进', '同意心协力', '同心协力', 'insertion'],
    ['a common character between the words of an idiom', '举世更瞩目的盛会', '举世更瞩目', '举世瞩目', 'insertion'],
    ['a substitute making a word inside the phrase (办公司)', '国务院台湾事务办公司发言人', '国务院台湾事务办公司', '国务院台湾事务办公室', 'substitution'],
    ['one of a doubled character missing (惴惴不安)', '赵林英惴不安，但没多久', '惴不安', '惴惴不安', 'omission'],
    ['an omission with an invisible character inside', '凭借一技\u00a0长实现人生价值', '一技\u00a0长', '一技之长', 'omission'],
    ['a one-character word cut off before another (新|质|生产力)', '指出，发展质生产力对于推动高质量发展', '质生产力', '新质生产力', 'omission'],
    ['a tail cut followed by more text (中央军委副主|何卫东)', '中央军委副主何卫东主持', '中央军委副主', '中央军委副主席', 'omission'],
    ['a suffix cut off a broken word (国家监|委)', '中央组织部、中央纪委国家监联合印发了通知', '中央纪委国家监', '中央纪委国家监委', 'omission'],
    ['the first word broken after a preposition', '记者从家数据局了解到', '家数据局', '国家数据局', 'omission'],
    ['a conjunction at the phrase edge is no particle (碳中|和)', '第四，积极稳妥推进碳达峰碳中。', '积极稳妥推进碳达峰碳中', '积极稳妥推进碳达峰碳中和', 'omission'],
    ['a suffix cut off a word the segmenter does not keep (大变|局)', '面对世界百年未有之大变，中巴要站在历史正确一边', '世界百年未有之大变', '世界百年未有之大变局', 'omission'],
    ['a stump of a longer word before a new word (委员|关于)', '审议国家监察委员关于开展反腐败国际追逃追赃', '国家监察委员', '国家监察委员会', 'omission'],
    ['a dictionary pair across the cut that the text does not read (最高|家)', '全国人大代表是最高家权力机关的组成人员', '家权力机关', '国家权力机关', 'omission'],
    ['typed spaces inside an idiom stump in running prose', '坚持诚信办企业、光正  大搞经营；', '光正  大', '光明正大', 'omission'],
    ['a tail cut set off by punctuation, the stump reading as words (命运共同。)', '发展、推进祖国统一大业，推动构建人类命运共同。', '推动构建人类命运共同', '推动构建人类命运共同体', 'omission'],
    ['a broken suffix word read on by a word across the cut (检察|工作)', '议国务院、最高人民法院、最高人民检察工作报告24个', '最高人民检察', '最高人民检察院', 'omission'],
    ['a function character inside a word of the phrase (主|与|席)', '政治局常委、全国政协主与席汪洋主持会议', '全国政协主与席', '全国政协主席', 'insertion'],
    ['a copula inside a word of the phrase (港|要|人治港)', '坚持“一国两制”、“港要人治港”、“澳人治澳”', '港要人治港', '港人治港', 'insertion'],
    ['a particle replacing a piece of the phrase edge word (强|过 for 强国)', '加快建设科技强国、人才强过建设，提升', '人才强过', '人才强国', 'substitution'],
    ['a particle replacing the first piece of a word (每|丽中国)', '还就健全每丽中国建设保障体系', '每丽中国', '美丽中国', 'substitution'],
    ['an idiom stump of single characters before punctuation (力|从|心)', '缺乏执法权而力从心。', '力从心', '力不从心', 'omission'],
    ['a noun splitting a name before its last words (人力|美|资源社会保障部)', '人力美资源社会保障部、教育部联合印发', '人力美资源社会保障部', '人力资源社会保障部', 'insertion'],
    ['a slip wrapped across two lines', '各民族要牢固树立中华明\n族共同体意识', '中华明\n族共同体意识', '中华民族共同体意识', 'substitution'],
    ['a pronoun between the words of a phrase (全球|我|发展倡议)', '”倡议、全球我发展倡议和全球安全倡议', '全球我发展倡议', '全球发展倡议', 'insertion'],
    ['a preposition between the words of a body name (国家|据|邮政局)', '国家据邮政局相关负责人介绍', '国家据邮政局', '国家邮政局', 'insertion'],
    ['a verb between the words of a body name (纪律检查|领|委员会)', '下，各级纪律检查领委员会推进全面从严治党', '纪律检查领委员会', '纪律检查委员会', 'insertion'],
    ['a broken first word after a verb (支持|球)', '汤方支持球发展倡议。', '球发展倡议', '全球发展倡议', 'omission'],
  ])('%s: %s', (_, text, actual, expected, detail) => {
    const found = fuzzy(text);
    expect(found.map((f) => [f.actual, f.expected, f.detail])).toEqual([[actual, [expected], detail]]);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(actual);
  });
});
