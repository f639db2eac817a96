import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';
import { compileLexicon } from '../../src/build/lexicon.js';
import { parseLexiconFile } from '../../src/lexicon/parse.js';
import { BANK_EDIT_LENGTH, BANK_HOLD_MARGIN, bankWithoutClashes, listedTexts, searchedEdits } from '../../src/lexicon/bank.js';
import { anchorPieces } from '../../src/fuzzy/index.js';
import { createJiebaSegmenter } from '../../src/segment/index.js';
import { bodyNameSlips, DEFAULT_TERMS, isBodyName, keepsSlip } from '../../bench/phrase-bank/tiers.js';
import { bankYaml, TERM_TIER_NOTE } from '../../bench/phrase-bank/bank-file.js';
import { DEFAULT_SELECT, reasonToLeaveOut } from '../../bench/phrase-bank/select.js';
import type { LexiconEntry } from '../../src/lexicon/types.js';

const root = join(import.meta.dirname, '..', '..');
const bankLexicon = (text: string, header = 'kind: mandated\ncategory: bank\nseverity: warning\nsource: 测试\n') => ({
  name: 'bank-test.yaml',
  text: `${header}entries:\n  - {id: bank.t1, text: ${text}}\n`,
});

describe('lexicon files: category and severity at the top are defaults for the entries', () => {
  const check = (): undefined => undefined;
  it('applies them where an entry does not set its own', () => {
    const yaml = 'kind: mandated\ncategory: bank\nseverity: warning\nsource: s\nentries:\n  - {id: a, text: 甲乙丙丁}\n  - {id: b, text: 戊己庚辛, severity: info, category: core}\n';
    const { entries, issues } = parseLexiconFile('f.yaml', yaml, check);
    expect(issues).toEqual([]);
    expect(entries.map((e) => [e.id, e.category, e.severity])).toEqual([
      ['a', 'bank', 'warning'],
      ['b', 'core', 'info'],
    ]);
  });
  it('a bad default is an issue at its line', () => {
    const { issues } = parseLexiconFile('f.yaml', 'kind: mandated\nseverity: loud\nsource: s\nentries:\n  - {id: a, text: 甲乙丙丁}\n', check);
    expect(issues).toEqual([{ file: 'f.yaml', line: 2, reason: 'severity must be one of error, warning, info' }]);
  });
});

describe('bank phrases (category bank): fuzzy targets, less sure, curated entries win', () => {
  const phrase = '新一轮科技革命和产业变革';
  const wrong = '抓住新一轮科技革命和产业变格的机遇。';
  it('finds a misspelling of a bank phrase at warning, less sure than a curated phrase', () => {
    const bank = createChecker({ builtins: false, lexicons: [bankLexicon(phrase)] }).check(wrong);
    const curated = createChecker({ builtins: false, lexicons: [bankLexicon(phrase, 'kind: mandated\nsource: 测试\n')] }).check(wrong);
    expect(bank.map((f) => [f.rule, f.actual, f.expected[0], f.severity, f.entry])).toEqual([['misspelling', '新一轮科技革命和产业变格', phrase, 'warning', 'bank.t1']]);
    expect(curated.map((f) => f.severity)).toEqual(['error']);
    expect(bank[0]!.confidence).toBeLessThan(curated[0]!.confidence);
    expect(createChecker({ builtins: false, lexicons: [bankLexicon(phrase)] }).check('抓住新一轮科技革命和产业变革的机遇。')).toEqual([]);
  });
  it('where a bank finding overlaps a curated one, the curated one is reported', () => {
    const checker = createChecker({ lexicons: [bankLexicon('培育和践行社会主义核心价值观')] });
    const found = checker.check('要培育和践行社会主义核心价值值观。');
    expect(found.map((f) => [f.actual, f.expected[0], f.severity])).toEqual([['社会主义核心价值值观', '社会主义核心价值观', 'error']]);
    // alone, the bank phrase finds it
    const alone = createChecker({ builtins: false, lexicons: [bankLexicon('培育和践行社会主义核心价值观')] }).check('要培育和践行社会主义核心价值值观。');
    expect(alone.map((f) => f.entry).filter((id) => !id.startsWith('nonword:'))).toEqual(['bank.t1']);
  });
});

describe('the edits searched in a bank phrase (searchedEdits)', () => {
  const found = (phrase: string, text: string) =>
    createChecker({ builtins: false, lexicons: [bankLexicon(phrase)] })
      .check(text)
      .filter((f) => !f.entry.startsWith('nonword:'))
      .map((f) => [f.actual, f.expected[0], f.detail]);
  it(`the first or last character written twice in a bank phrase of ${BANK_EDIT_LENGTH}+ characters (全国政协主席席), not in a shorter one`, () => {
    expect(found('全国政协主席', '中共中央政治局常委、全国政协主席席汪洋主持闭幕会。')).toEqual([['全国政协主席席', '全国政协主席', 'duplication']]);
    expect(found('全国政协主席', '中共中央政治局常委、全国政协主席汪洋主持闭幕会。')).toEqual([]);
    expect(BANK_EDIT_LENGTH).toBe(5);
    expect(found('新发展格局', '构建“新新发展格局”的必要性。')).toEqual([['新新发展格局', '新发展格局', 'duplication']]);
    expect(found('新发展格局', '构建“新发展格局”的必要性。')).toEqual([]);
    // a body's last character before its head's title is no duplication (局|局长), nor is one shorter phrase's
    expect(found('国家铁路局', '国家铁路局局长刘振芳表示。')).toEqual([]);
    expect(found('数字中国', '第四届数字中国国建设峰会。')).toEqual([]);
  });
  it('one edit only, however long: anchors are the halves, and two slips in one bank phrase are not searched', () => {
    const entry = (category?: string): LexiconEntry => ({ id: 'x', kind: 'mandated', text: 'x', variants: [], replacement: [], source: 's', severity: 'warning', fuzzy: true, unless: [], file: 'f', line: 1, ...(category === undefined ? {} : { category }) });
    expect(searchedEdits(entry('bank'), 8, 6)).toEqual({ otherSub: false, edgeDuplication: true, oneEdit: true });
    expect(searchedEdits(entry('bank'), 5, 6)).toEqual({ otherSub: false, edgeDuplication: true, oneEdit: true });
    expect(searchedEdits(entry('bank'), 4, 6)).toEqual({ otherSub: false, edgeDuplication: false, oneEdit: true });
    expect(searchedEdits(entry(), 8, 6)).toEqual({ otherSub: true, edgeDuplication: true, oneEdit: false });
    expect(anchorPieces(8, false)).toEqual([
      [0, 4],
      [4, 4],
    ]);
    expect(anchorPieces(8).length).toBeGreaterThan(2);
    expect(found('统筹疫情防控和经济社会发展', '要统筹疫清防控和经济社会发展。')).toEqual([['统筹疫清防控和经济社会发展', '统筹疫情防控和经济社会发展', 'substitution']]);
    expect(found('统筹疫情防控和经济社会发展', '要统筹疫清防控和经济社会法展。')).toEqual([]);
  });
});

describe("the miner's second tier: names of bodies (bench/phrase-bank/tiers.ts isBodyName)", () => {
  const segmenter = createJiebaSegmenter();
  const tagging = { cut: (t: string) => segmenter.cut(t), tag: (w: string) => segmenter.tag?.(w) ?? '' };
  it.each([
    ['国家互联网信息办公室', true],
    ['全国社会保障基金理事会', true],
    ['国家消防救援局', true],
    ['党组织和党员干部', false],
    ['发展新格局', false],
    ['作出全面部署', false],
    ['作出重大战略部署', false],
  ] as const)('%s: %s', (text, body) => {
    expect(isBodyName(text, tagging)).toBe(body);
  });
});

describe("the miner's name rule (bench/phrase-bank/select.ts): jieba's people's-name tag counts only on words no curated text uses", () => {
  const segmenter = createJiebaSegmenter();
  const tagging = { cut: (t: string) => segmenter.cut(t), tag: (w: string) => segmenter.tag?.(w) ?? '', frequency: (w: string) => segmenter.frequency?.(w) ?? 0 };
  const stat = (text: string) => ({ text, docs: 180, occurrences: 200, aligned: 200, yearMask: 0b1111111, leftExtensionDocs: 0, rightExtensionDocs: 0 });
  const why = (text: string, curated: string[]) => reasonToLeaveOut(stat(text), tagging, [], new Set(curated), { ...DEFAULT_SELECT, minLength: 5 });
  it('a word of official text that jieba tags nr (双循环, 高水平) is no name once a curated text uses it', () => {
    expect(tagging.tag('双循环')).toMatch(/^nr/);
    expect(why('国内国际双循环', [])).toBe('name');
    expect(why('国内国际双循环', ['以国内大循环为主体、国内国际双循环相互促进的新发展格局'])).toBeUndefined();
  });
  it("a news name stays a name (美国总统特朗普), whatever else the curated texts use", () => {
    expect(why('美国总统特朗普', ['以国内大循环为主体、国内国际双循环相互促进的新发展格局'])).toBe('name');
  });
});

describe("the miner's slips of names of bodies (tiers.ts bodyNameSlips): the conjunction written as the other", () => {
  const segmenter = createJiebaSegmenter();
  const tagging = { cut: (t: string) => segmenter.cut(t), tag: (w: string) => segmenter.tag?.(w) ?? '' };
  it('a name of a body gets its conjunction swapped as a variant (国家林业与草原局, 文化与旅游部)', () => {
    expect(bodyNameSlips('国家林业和草原局', tagging)).toEqual(['国家林业与草原局']);
    expect(bodyNameSlips('文化和旅游部', tagging)).toEqual(['文化与旅游部']);
    expect(bodyNameSlips('联合国大会裁军与国际安全委员会', tagging)).toEqual(['联合国大会裁军和国际安全委员会']);
  });
  it('none between two names, in a phrase that is no name, or in a name without a conjunction (和 put in may be the full name: 住房和城乡建设部)', () => {
    expect(bodyNameSlips('最高人民法院和最高人民检察院', tagging)).toEqual([]);
    expect(bodyNameSlips('代表党中央和国务院', tagging)).toEqual([]);
    expect(bodyNameSlips('人与自然和谐共生', tagging)).toEqual([]);
    expect(bodyNameSlips('住房城乡建设部', tagging)).toEqual([]);
  });
  it('a slip edited copy writes stays only while the name is SLIP_RATIO times as frequent', () => {
    expect(keepsSlip(0, 5)).toBe(true);
    expect(keepsSlip(1, 296)).toBe(true);
    expect(keepsSlip(1, 10)).toBe(false);
  });
  it('found as a wrong form of the bank phrase; the name written right is quiet', () => {
    const lexicon = { name: 'bank-test.yaml', text: 'kind: mandated\ncategory: bank\nseverity: warning\nsource: 测试\nentries:\n  - {id: bank.t1, text: 国家林业和草原局, variants: [国家林业与草原局]}\n' };
    const checker = createChecker({ builtins: false, lexicons: [lexicon] });
    const quiet = (f: { entry: string }): boolean => !f.entry.startsWith('nonword:');
    expect(checker.check('国家林业与草原局今天发布消息。').filter(quiet).map((f) => [f.actual, f.expected[0], f.severity])).toEqual([['国家林业与草原局', '国家林业和草原局', 'warning']]);
    expect(checker.check('国家林业和草原局今天发布消息。').filter(quiet)).toEqual([]);
  });
});

describe('which bank phrases clash with curated entries (bankWithoutClashes)', () => {
  const entry = (id: string, kind: LexiconEntry['kind'], text: string, more: Partial<LexiconEntry> = {}): LexiconEntry => ({ id, kind, text, variants: [], replacement: [], source: 's', severity: 'error', fuzzy: true, unless: [], file: 'f', line: 1, ...more });
  const bank = (...texts: string[]): LexiconEntry[] => texts.map((t, i) => entry(`bank.${i}`, 'mandated', t, { category: 'bank', severity: 'warning' }));
  const kept = (curated: LexiconEntry[], texts: string[]): string[] => bankWithoutClashes(curated, bank(...texts), (s) => s).map((e) => e.text);
  it("a new name of an outdated entry is a right text the bank may search (文化和旅游部); the outdated text, a typo's right word are not", () => {
    const curated = [entry('o-1', 'outdated', '国家旅游局', { replacement: ['文化和旅游部'] }), entry('t-1', 'typo', '按装设备', { replacement: ['安装设备'] })];
    expect(listedTexts(curated[0]!)).toEqual(['国家旅游局']);
    expect(kept(curated, ['文化和旅游部', '国家旅游局', '安装设备'])).toEqual(['文化和旅游部']);
  });
  it('a bank phrase holding a curated phrase stays only when BANK_HOLD_MARGIN characters longer; one holding a banned term never', () => {
    expect(BANK_HOLD_MARGIN).toBe(4);
    const curated = [entry('m-1', 'mandated', '人类命运共同体'), entry('m-2', 'mandated', '以人民为中心'), entry('b-1', 'banned', '禁语')];
    expect(kept(curated, ['推动构建人类命运共同体', '坚持以人民为中心', '关于禁语的长长长长规定'])).toEqual(['推动构建人类命运共同体']);
  });
});

describe('the committed bank (dictionaries/bank/phrases.yaml)', () => {
  const compiled = compileLexicon(root);
  const bank = compiled.entries.filter((e) => e.category === 'bank');
  it('loads as mandated phrases of category bank at warning, none a curated text', () => {
    expect(bank.length).toBeGreaterThanOrEqual(900);
    expect(bank.every((e) => e.kind === 'mandated' && e.severity === 'warning' && /^bank\.[0-9a-f]{10}$/.test(e.id))).toBe(true);
    // the sibling wordings (known texts, not searched) come after the phrases
    expect(bank.filter((e) => e.fuzzy).length).toBeGreaterThanOrEqual(900);
    const curated = new Set(compiled.entries.filter((e) => e.category !== 'bank').flatMap(listedTexts));
    expect(bank.filter((e) => curated.has(e.text))).toEqual([]);
  });
  it('holds a second tier of names of bodies mined under lower thresholds (5 documents, 2 years)', () => {
    const file = readFileSync(join(root, 'dictionaries/bank/phrases.yaml'), 'utf8');
    expect(file.match(/ 机构名\}/g)?.length ?? 0).toBeGreaterThanOrEqual(300);
    expect(file).toContain('text: 消防救援局, note: 18篇 5年 机构名}');
    // names of bodies with their conjunction slips
    expect(file).toContain('text: 民族和宗教委员会, variants: [民族与宗教委员会], note:');
  });
  it('one mined phrase misspelt is found at warning by the default checker', () => {
    const mined = PINNED_PHRASE;
    expect(readFileSync(join(root, 'dictionaries/bank/phrases.yaml'), 'utf8')).toContain(`text: ${mined},`);
    const found = createChecker().check(PINNED_WRONG);
    expect(found.map((f) => [f.rule, f.expected[0], f.severity, f.entry.startsWith('bank.')])).toEqual([['misspelling', mined, 'warning', true]]);
    expect(createChecker().check(PINNED_WRONG.replace(PINNED_ACTUAL, mined))).toEqual([]);
  });
});

const PINNED_PHRASE = '统筹疫情防控和经济社会发展';
const PINNED_ACTUAL = '统筹疫情防控和经济社会法展';
const PINNED_WRONG = `要${PINNED_ACTUAL}。`;

describe("the miner's third tier: terms of 4 characters (tiers.ts DEFAULT_TERMS; off by default, bench/phrase-bank/results.md)", () => {
  const segmenter = createJiebaSegmenter();
  const tagging = { cut: (t: string) => segmenter.cut(t), tag: (w: string) => segmenter.tag?.(w) ?? '', frequency: (w: string) => segmenter.frequency?.(w) ?? 0 };
  const terms = { ...DEFAULT_SELECT, minLength: DEFAULT_TERMS.length, maxLength: DEFAULT_TERMS.length, minDocs: DEFAULT_TERMS.minDocs, minYears: DEFAULT_TERMS.minYears };
  const stat = (text: string, docs: number, yearMask: number) => ({ text, docs, occurrences: docs, aligned: docs, yearMask, leftExtensionDocs: 0, rightExtensionDocs: 0 });
  it('takes a term of 4 characters in enough documents of 6 of 7 years, and nothing of another length', () => {
    expect(reasonToLeaveOut(stat('数字经济', 824, 0b1111111), tagging, [], new Set(), terms)).toBeUndefined();
    expect(reasonToLeaveOut(stat('数字经济', 824, 0b0011111), tagging, [], new Set(), terms)).toBe('years');
    expect(reasonToLeaveOut(stat('数字经济', 39, 0b1111111), tagging, [], new Set(), terms)).toBe('years');
    expect(reasonToLeaveOut(stat('数字经济发展', 824, 0b1111111), tagging, [], new Set(), terms)).toBe('length');
  });
  it("writes the tier's word into the note (remine.ts reads the size cut from it)", () => {
    const yaml = bankYaml([stat('数字经济', 824, 0b1111111)], [], 'test', () => 7, new Map([['数字经济', TERM_TIER_NOTE]]));
    expect(yaml).toContain(`text: 数字经济, note: 824篇 7年 ${TERM_TIER_NOTE}}`);
  });
  it('a bank term of 4 characters is found transposed, with a confusable substitution, with a character doubled inside; the right text is quiet', () => {
    const checker = createChecker({ builtins: false, lexicons: [bankLexicon('数字经济')] });
    expect(checker.check('大力发展字数经济。').map((f) => f.detail)).toEqual(['transposition']);
    expect(checker.check('大力发展数字经计。').map((f) => f.detail)).toEqual(['substitution']);
    expect(checker.check('大力发展数字字经济。').map((f) => f.detail)).toEqual(['duplication']);
    expect(checker.check('大力发展数字经济。')).toEqual([]);
  });
});
