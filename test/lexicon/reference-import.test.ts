/**
 * The entries imported from the shared reference tables (issue 13): a found twin and a quiet twin
 * for each guard they carry (dictionaries/SOURCES.md, "Import of the shared reference tables").
 */
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';

const checker = createChecker({ asOf: '2025-06-01' });
const found = (text: string, entry: string): void => {
  expect(checker.check(text).map((f) => f.entry)).toContain(entry);
};
const quiet = (text: string, entry: string): void => {
  expect(checker.check(text).map((f) => f.entry)).not.toContain(entry);
};

describe('mandated formulations of the reference', () => {
  it('core vocabulary is a fuzzy target: 民族区域自治, 五位一体, 四个全面', () => {
    found('坚持和完善民族区域自冶', 'm-ref-mzqyzz');
    quiet('坚持和完善民族区域自治', 'm-ref-mzqyzz');
  });
  it('listed wrong forms of unquoted formulations', () => {
    found('统筹推进五位一体战略布局', 'm-ref-wwyt-ztbj');
    quiet('统筹推进五位一体总体布局', 'm-ref-wwyt-ztbj');
    found('把握好以国际循环为主体的新发展格局', 'm-ref-yngndxhwzt');
    quiet('要抓住构建国内大循环为主体、国内国际双循环相互促进的新发展格局', 'm-ref-yngndxhwzt');
  });
});

describe('outdated names of the 1982-1998 reforms and their guards', () => {
  it('an old ministry about today; quiet when marked former, dated, or in a biography in Chinese numerals', () => {
    found('国家体委将于下月举办全国运动会筹备会。', 'o-1998-gjtw');
    quiet('原国家体委老同志座谈会在京举行。', 'o-1998-gjtw');
    quiet('1995年，国家体委颁布了全民健身计划纲要。', 'o-1998-gjtw');
    quiet('一九七〇年，他调到第一机械工业部工作。', 'o-1998-jxgyb');
  });
  it('农业部 of ours, not a foreign ministry nor 农业部门', () => {
    found('农业部近日印发通知，部署春耕生产。', 'o-2018-nyb');
    quiet('美国农业部近日发布报告。', 'o-2018-nyb');
    quiet('各地农业部门组织技术人员下田指导。', 'o-2018-nyb');
    quiet('孟加拉国农业部长表示，将扩大合作。', 'o-2018-nyb');
  });
  it('the US National Economic Council is not 国家经委', () => {
    quiet('白宫国家经济委员会主任哈西特表示。', 'o-1993-gjjjwyh');
  });
  it('local bodies: 旅游局 of a county, not Macao’s nor inside 文化和旅游局', () => {
    found('县旅游局组织开展景区安全检查。', 'o-local-lv-you-ju');
    quiet('澳门特区政府旅游局举办推介活动。', 'o-local-lv-you-ju');
    quiet('扬州市文化广电和旅游局副局长出席。', 'o-local-lv-you-ju');
    quiet('山西省住房和城乡建设厅开展调研。', 'o-local-jian-she-ting');
  });
});

describe('short banned terms with their context', () => {
  it('省省委 of a province', () => {
    found('湖北省省委书记出席会议。', 'b-ref-ssw-13');
    quiet('湖北省委书记出席会议。', 'b-ref-ssw-13');
  });
  it('村长, not 老村长 nor 乡村长期', () => {
    found('各村村长参加培训。', 'b-ref-cun-zhang');
    quiet('老村长带头第一个搬出。', 'b-ref-cun-zhang');
    quiet('这里的乡村长期处于贫困状态。', 'b-ref-cun-zhang');
  });
  it('内地 for 香港 and 澳门, 大陆 for 台湾; not the broadcast territory 中国大陆和澳门地区', () => {
    found('加强大陆和香港的交流合作', 'b-ref-dl-ga-1');
    quiet('加强内地和香港的交流合作', 'b-ref-dl-ga-1');
    quiet('总台拥有中国大陆和澳门地区的独家转播权', 'b-ref-dl-ga-5');
  });
  it('台湾地区领导人 is not called 总统', () => {
    found('蔡英文总统表示', 'b-ref-twzt-4a');
    quiet('台湾地区领导人蔡英文表示', 'b-ref-twzt-4a');
  });
  it('哈萨, not 哈萨克族', () => {
    found('当地哈萨牧民转场。', 'b-ref-ha-sa');
    quiet('当地哈萨克族牧民转场。', 'b-ref-ha-sa');
  });
});

describe('typo pairs of the reference', () => {
  it('方计 and 心须, not 中方计划 nor 中心须', () => {
    found('贯彻党的方计政策。', 't-ref-fang-ji');
    quiet('中方计划明年举办论坛。', 't-ref-fang-ji');
    found('我们心须坚持。', 't-ref-xin-xu');
    quiet('服务中心须于月底前完成。', 't-ref-xin-xu');
  });
  it('a right form that is a sentence fragment is no fuzzy target', () => {
    found('习近平在辞职中说', 't-ref-xjpzczs');
    quiet('习近平在致辞中指出', 't-ref-xjpzczs');
  });
});
