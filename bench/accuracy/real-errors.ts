/**
 * Real misspellings reported in public notices and documented incidents, hand-listed from
 * /work/shared/reference (leaders-and-real-typos.md §2–§4, common-confusions.md §2,
 * inspection-notice-dehong-2020q2.txt). The generator puts each wrong form into a real corpus
 * sentence that holds the right form, replacing it in place. `right` must be (or hold) a phrase of
 * the built-in lexicon; pairs whose right form is not in the lexicon are skipped and listed by the
 * generator.
 */
export interface RealError {
  wrong: string;
  right: string;
  /** The detail tifa should give: 'listed' when the lexicon lists the wrong form. */
  detail: string;
  source: string;
}

export const REAL_ERRORS: readonly RealError[] = [
  { wrong: '以习近平总书记为核心的党中央', right: '以习近平同志为核心的党中央', detail: 'listed', source: '德宏州2020年二季度政府网站抽查通报 附件4 (陇川县护国乡人民政府)' },
  { wrong: '中华人民共合国', right: '中华人民共和国', detail: 'listed', source: '广西区政府办公厅2018年第三季度政府网站检查通报 (广西商务厅网站), leaders-and-real-typos.md §3 #4' },
  { wrong: '中共人民共和国', right: '中华人民共和国', detail: 'listed', source: '重庆市永川区政府门户网站 2018年政府信息公开年度报告, leaders-and-real-typos.md §3 #5' },
  { wrong: '中华人民大和国', right: '中华人民共和国', detail: 'listed', source: '景泰县上沙沃镇2015年政府信息公开年度报告, leaders-and-real-typos.md §3 #6' },
  { wrong: '中国人民共和国', right: '中华人民共和国', detail: 'listed', source: '官方媒体2018-08-21中萨建交报道, leaders-and-real-typos.md §3 #8' },
  { wrong: '习近乎', right: '习近平', detail: 'listed', source: '《人民日报》网络版2025-10-30, leaders-and-real-typos.md §2' },
  { wrong: '习进平', right: '习近平', detail: 'listed', source: '《南宁晚报》2011-07-03 / 《海西晨报》2013-06, leaders-and-real-typos.md §2' },
  { wrong: '刁近平', right: '习近平', detail: 'listed', source: '央视网 2010, leaders-and-real-typos.md §2' },
  { wrong: '温家室', right: '温家宝', detail: 'listed', source: '《人民日报》2010-12-30 第4版标题, leaders-and-real-typos.md §2' },
  { wrong: '中国最后领导人', right: '中国最高领导人', detail: 'listed', source: '新华社2016-03-13稿件及改稿通知, leaders-and-real-typos.md §2' },
  { wrong: '扫黑险恶', right: '扫黑除恶', detail: 'substitution', source: '100余个政府网站 2019-06 (长江日报), leaders-and-real-typos.md §3 #9' },
  { wrong: '检查院', right: '检察院', detail: 'listed', source: '榆林公检法联合通告 2014-07, leaders-and-real-typos.md §3 #10' },
  { wrong: '领导小姐', right: '领导小组', detail: 'substitution', source: '重庆南岸区广告牌、黄山市公安局红头文件, leaders-and-real-typos.md §3 #11' },
  { wrong: '杜会主义', right: '社会主义', detail: 'substitution', source: '政府网站 (明报 2019-02-28 报道), leaders-and-real-typos.md §3 #13' },
  { wrong: '除恶无尽', right: '除恶务尽', detail: 'substitution', source: '扫黑除恶办公室横幅, leaders-and-real-typos.md §3 #25' },
  { wrong: '北京东奥会', right: '北京冬奥会', detail: 'substitution', source: '自媒体标题, leaders-and-real-typos.md §3 #27' },
  { wrong: '习近平近新时代中国特色社会主义思想', right: '习近平新时代中国特色社会主义思想', detail: 'insertion', source: '崇阳县2024年一季度政府网站抽查通报 (2024-04-15), leaders-and-real-typos.md §3 #29' },
  { wrong: '财拨款', right: '财政拨款', detail: 'omission', source: '崇阳县2024年一季度政府网站抽查通报, leaders-and-real-typos.md §3 #30' },
  { wrong: '财政拔款', right: '财政拨款', detail: 'substitution', source: '崇阳县2024年一季度政府网站抽查通报, leaders-and-real-typos.md §3 #31' },
  { wrong: '贯彻落实党的二十大报告精神', right: '贯彻落实党的二十大精神', detail: 'listed', source: '崇阳县2024年一季度政府网站抽查通报, leaders-and-real-typos.md §3 #32' },
  { wrong: '改革开发', right: '改革开放', detail: 'substitution', source: '共产党员网2021-08-29 校对差错, leaders-and-real-typos.md §4.1' },
  { wrong: '人大党委会', right: '人大常委会', detail: 'listed', source: '共产党员网2021-08-29 校对差错, leaders-and-real-typos.md §4.1' },
  { wrong: '与时倶进', right: '与时俱进', detail: 'substitution', source: '共产党员网2021-08-29 校对差错, leaders-and-real-typos.md §4.1' },
  { wrong: '收人分配', right: '收入分配', detail: 'substitution', source: '共产党员网2021-08-29 校对差错, leaders-and-real-typos.md §4.1' },
  { wrong: '贫团人口', right: '贫困人口', detail: 'substitution', source: '共产党员网2021-08-29 校对差错, leaders-and-real-typos.md §4.1' },
  { wrong: '坏败了党的优良传统', right: '败坏了党的优良传统', detail: 'transposition', source: '中文编辑校对网 bianjiao.net, leaders-and-real-typos.md §4.3' },
  { wrong: '筑牢中华民族共同体意识', right: '铸牢中华民族共同体意识', detail: 'listed', source: 'm.yd166.com, common-confusions.md §5' },
  { wrong: '人民当家做主', right: '人民当家作主', detail: 'listed', source: 'formulations.md #130, common-confusions.md §5' },
  { wrong: '共商国事', right: '共商国是', detail: 'listed', source: 'bluepacific.com.cn, common-confusions.md §5' },
  { wrong: '国家发展与改革委员会', right: '国家发展和改革委员会', detail: 'listed', source: 'feifmx.com, common-confusions.md §5' },
  { wrong: '国家权利机关', right: '国家权力机关', detail: 'listed', source: 'bluepacific.com.cn, common-confusions.md §5' },
];

/**
 * Real errors found in the corpus itself (CCTV 新闻联播 text) while reviewing tifa's corpus findings
 * (bench/accuracy/corpus-findings.md): the generator uses these sentences as positives, never as
 * negatives. `right` is the lexicon form.
 */
export const REAL_IN_CORPUS: ReadonlyArray<{ wrong: string; right: string; why: string }> = [
  { wrong: '党的十八以来', right: '党的十八大以来', why: '漏“大”' },
  { wrong: '党的十八大来以来', right: '党的十八大以来', why: '多“来”' },
  { wrong: '各抒已见', right: '各抒己见', why: '己/已 形近' },
  { wrong: '守规距', right: '规矩', why: '距/矩 (规距 is a listed typo)' },
  { wrong: '人民当家做主', right: '人民当家作主', why: '规范表述为“当家作主”' },
  { wrong: '文化与旅游部', right: '文化和旅游部', why: '部委名称用“和”' },
  { wrong: '稳中有进工作总基调', right: '稳中求进工作总基调', why: '规范表述为“稳中求进工作总基调”' },
  { wrong: '百年不遇之大变局', right: '百年未有之大变局', why: '规范表述为“百年未有之大变局”' },
  { wrong: '制度性开放', right: '制度型开放', why: '规范表述为“制度型开放”' },
];
