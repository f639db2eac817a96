import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';
import { compileLexicon } from '../../src/build/lexicon.js';
import { isBankEntry } from '../../src/lexicon/bank.js';
import { IDIOM_CATEGORY } from '../../src/lexicon/idiom.js';
import { chooseIdioms, DEFAULT_IDIOM_SELECT, knownSiblings, listedSlip, listedSlips, looksLikeSlipOf, qualifies, siblingIndex, type IdiomStat } from '../../bench/idiom/select.js';

const root = join(import.meta.dirname, '..', '..');
const idiomLexicon = (text: string, header = 'kind: mandated\ncategory: idiom-bank\nseverity: warning\nsource: 测试\n') => ({
  name: 'idiom-test.yaml',
  text: `${header}entries:\n  - {id: idiom.t1, text: ${text}}\n`,
});
const stat = (text: string, count: number, docs: number, tag = 'i'): IdiomStat => ({ text, count, tag, docs, yearMask: docs > 0 ? 1 : 0 });
// every pair of different characters counts as confusable in these rule tests
const anyPair = (): boolean => true;

describe('idiom rules (bench/idiom/select.ts)', () => {
  it('a word never written in 2019–2025 and barely counted beside a sibling is a slip, not an idiom', () => {
    expect(looksLikeSlipOf(stat('再接再励', 3, 0, 'l'), stat('再接再厉', 240, 30))).toBe(true);
    expect(looksLikeSlipOf(stat('老奸巨滑', 28, 0), stat('老奸巨猾', 48, 0))).toBe(true);
    expect(looksLikeSlipOf(stat('察颜观色', 14, 0), stat('察言观色', 64, 0))).toBe(true);
    // both real: the weaker is written in edited copy, or counted well by itself
    expect(looksLikeSlipOf(stat('出乎意料', 204, 2), stat('出人意料', 284, 3))).toBe(false);
    expect(looksLikeSlipOf(stat('天崩地裂', 35, 0), stat('山崩地裂', 31, 0))).toBe(false);
  });
  it('leaves out slips and thin evidence (jieba\'s floor count, whatever the documents), keeps real siblings as known texts, most documents first', () => {
    const idioms = [stat('再接再厉', 240, 30), stat('再接再励', 3, 0, 'l'), stat('山崩地裂', 31, 0), stat('冷僻成语', 5, 0), stat('越来越快', 3, 8, 'l'), stat('贯彻落实', 3, 1683)];
    const words = [...idioms, stat('天崩地裂', 35, 0, 'x')];
    const choice = chooseIdioms(idioms, words, anyPair, new Set());
    expect(choice.targets.map((s) => s.text)).toEqual(['再接再厉', '山崩地裂']);
    expect(choice.known.map((s) => s.text)).toEqual(['天崩地裂']);
    expect(Object.fromEntries(choice.leftOut)).toEqual({ 'too little evidence': 4 });
    // an excluded (curated) text is no target, and no known text either
    expect(chooseIdioms(idioms, words, anyPair, new Set(['再接再厉'])).targets.map((s) => s.text)).toEqual(['山崩地裂']);
    expect(knownSiblings([stat('山崩地裂', 31, 0)], siblingIndex(words), anyPair, new Set(['天崩地裂']))).toEqual([]);
  });
  it('lists as wrong forms only the slips of an idiom written in 2019–2025 that are never written there and counted far less (or at the floor)', () => {
    expect(listedSlip(stat('损人利已', 3, 0), stat('损人利己', 29, 7))).toBe(true);
    expect(listedSlip(stat('挺而走险', 10, 0), stat('铤而走险', 128, 3))).toBe(true);
    // both written: accepted spellings (异形词); counted alike; the idiom itself never written
    expect(listedSlip(stat('出乎意料', 204, 2), stat('出人意料', 284, 3))).toBe(false);
    expect(listedSlip(stat('一哄而散', 51, 0), stat('一哄而上', 28, 7))).toBe(false);
    expect(listedSlip(stat('察颜观色', 14, 0), stat('察言观色', 64, 0))).toBe(false);
    // a word of its own, though never written and counted far less
    expect(listedSlip(stat('为人处世', 3, 0), stat('为人处事', 31, 1))).toBe(false);
    const targets = [stat('损人利己', 29, 7)];
    const index = siblingIndex([...targets, stat('损人利已', 3, 0)]);
    expect([...listedSlips(targets, [], index, anyPair, () => true)]).toEqual([['损人利己', ['损人利已']]]);
    expect([...listedSlips(targets, [], index, anyPair, () => false)]).toEqual([]);
  });
  it('a word cnchar-idiom lists is an idiom whatever jieba\'s tag, taken with a lower count (10), never at jieba\'s floor', () => {
    const listed = (text: string, count: number, docs: number, tag: string): IdiomStat => ({ ...stat(text, count, docs, tag), listed: true });
    const o = DEFAULT_IDIOM_SELECT;
    expect(qualifies(listed('休养生息', 82, 29, 'n'), o)).toBe(true);
    expect(qualifies(listed('黄粱美梦', 10, 0, 'nr'), o)).toBe(true);
    expect(qualifies(listed('拾金不昧', 11, 0, 'i'), o)).toBe(true);
    // the same words by jieba's tag alone: not idioms (n, nr), or too little evidence (i below 20)
    expect(qualifies(stat('休养生息', 82, 29, 'n'), o)).toBe(false);
    expect(qualifies(stat('拾金不昧', 11, 0), o)).toBe(false);
    // listed but rare and never written, or at jieba's floor though written (共贺新禧 beside 恭贺新禧)
    expect(qualifies(listed('悬梁刺股', 5, 0, 'n'), o)).toBe(false);
    expect(qualifies(listed('恭贺新禧', 3, 2, 'l'), o)).toBe(false);
  });
  it('a target that looks like a slip of a sibling word is left out', () => {
    const idioms = [stat('老奸巨滑', 28, 0)];
    const choice = chooseIdioms(idioms, [...idioms, stat('老奸巨猾', 48, 0, 'x')], anyPair, new Set());
    expect(choice.targets).toEqual([]);
    expect(Object.fromEntries(choice.leftOut)).toEqual({ 'looks like a slip of a sibling word': 1 });
  });
});

describe('idioms (category idiom-bank): fuzzy targets, less sure than bank phrases, curated entries win', () => {
  it('finds a homophone slip of an idiom at warning, less sure than a curated phrase, and is quiet on the idiom', () => {
    const wrong = '解决好各自为颤、低水平重复的问题。';
    const idiom = createChecker({ builtins: false, lexicons: [idiomLexicon('各自为战')] }).check(wrong);
    const curated = createChecker({ builtins: false, lexicons: [idiomLexicon('各自为战', 'kind: mandated\nsource: 测试\n')] }).check(wrong);
    expect(idiom.map((f) => [f.rule, f.actual, f.expected[0], f.severity, f.entry])).toEqual([['misspelling', '各自为颤', '各自为战', 'warning', 'idiom.t1']]);
    expect(idiom[0]!.confidence).toBeLessThan(curated[0]!.confidence);
    expect(createChecker({ builtins: false, lexicons: [idiomLexicon('各自为战')] }).check('解决好各自为战、低水平重复的问题。')).toEqual([]);
  });
  it('finds a listed slip that is a word of jieba\'s dictionary (fuzzy search takes it for a word) as a wrong form, at warning', () => {
    const lexicon = { name: 'idiom-test.yaml', text: 'kind: mandated\ncategory: idiom-bank\nseverity: warning\nsource: 测试\nentries:\n  - {id: idiom.t1, text: 委曲求全, variants: [委屈求全]}\n' };
    const found = createChecker({ builtins: false, lexicons: [lexicon] }).check('他一味委屈求全。');
    expect(found.map((f) => [f.rule, f.actual, f.expected[0], f.severity, f.entry])).toEqual([['wrong-formulation', '委屈求全', '委曲求全', 'warning', 'idiom.t1']]);
  });
  it('reports no word slipped in, no cut and no swap of a four-character idiom (another wording, mostly)', () => {
    const checker = createChecker({ builtins: false, lexicons: [idiomLexicon('各自为战')] });
    expect(checker.check('不能各自为了战。').filter((f) => f.entry === 'idiom.t1')).toEqual([]);
    expect(checker.check('不能各为战。').filter((f) => f.entry === 'idiom.t1')).toEqual([]);
    // nor two characters swapped: 游览祖国大好山河 is another wording of 大好河山
    const swapped = createChecker({ builtins: false, lexicons: [idiomLexicon('大好河山')] });
    expect(swapped.check('游览祖国大好山河。')).toEqual([]);
    expect(swapped.check('游览祖国大好河删。').map((f) => f.detail)).toEqual(['substitution']);
  });
  it('is an entry of the mined kind: the curated entry wins where both find the same slip', () => {
    const lexicons = [idiomLexicon('各自为战'), { name: 'curated.yaml', text: 'kind: typo\nsource: 测试\nentries:\n  - {id: t-x, text: 各自为颤, correct: 各自为战}\n' }];
    const found = createChecker({ builtins: false, lexicons }).check('解决好各自为颤的问题。');
    expect(found.map((f) => [f.rule, f.entry])).toEqual([['common-typo', 't-x']]);
  });
});

describe('the committed idiom list (dictionaries/idiom/idioms.yaml)', () => {
  const compiled = compileLexicon(root);
  const idioms = compiled.entries.filter((e) => e.category === IDIOM_CATEGORY);
  it('loads as mandated phrases of category idiom-bank at warning, mined entries, none a curated or bank text', () => {
    expect(idioms.length).toBeGreaterThanOrEqual(1000);
    expect(idioms.every((e) => e.kind === 'mandated' && e.severity === 'warning' && /^idiom\.[0-9a-f]{10}$/.test(e.id) && isBankEntry(e))).toBe(true);
    const others = new Set(compiled.entries.filter((e) => e.category !== IDIOM_CATEGORY).flatMap((e) => [e.text, ...e.variants, ...e.replacement]));
    expect(idioms.filter((e) => others.has(e.text))).toEqual([]);
    expect(new Set(idioms.map((e) => e.text)).size).toBe(idioms.length);
  });
  it('one idiom misspelt is found at warning by the default checker, and written right is quiet', () => {
    expect(idioms.some((e) => e.text === PINNED_IDIOM && e.fuzzy)).toBe(true);
    const found = createChecker().check(`这些成绩${PINNED_WRONG}。`);
    expect(found.map((f) => [f.rule, f.expected[0], f.severity, f.entry.startsWith('idiom.')])).toEqual([['misspelling', PINNED_IDIOM, 'warning', true]]);
    expect(createChecker().check(`这些成绩${PINNED_IDIOM}。`)).toEqual([]);
  });
  it('an idiom only cnchar-idiom makes one (jieba tags 休养生息 n) is found misspelt at warning, and written right is quiet', () => {
    expect(idioms.some((e) => e.text === LISTED_ONLY_IDIOM && e.fuzzy && e.note?.startsWith('词 cnchar '))).toBe(true);
    const found = createChecker().check(`经过多年${LISTED_ONLY_WRONG}，经济逐步恢复。`);
    expect(found.map((f) => [f.rule, f.actual, f.expected[0], f.severity, f.entry.startsWith('idiom.')])).toEqual([['misspelling', LISTED_ONLY_WRONG, LISTED_ONLY_IDIOM, 'warning', true]]);
    expect(createChecker().check(`经过多年${LISTED_ONLY_IDIOM}，经济逐步恢复。`)).toEqual([]);
  });
  it('lists no wrong form of a curated typo as an idiom or a known sibling', () => {
    const wrong = new Set(compiled.entries.filter((e) => e.kind === 'typo').map((e) => e.text));
    expect(idioms.filter((e) => wrong.has(e.text)).map((e) => e.text)).toEqual([]);
  });
});

const PINNED_IDIOM = '来之不易';
const PINNED_WRONG = '来之不宜';
const LISTED_ONLY_IDIOM = '休养生息';
const LISTED_ONLY_WRONG = '修养生息';

describe.skipIf(!existsSync(join(root, '../shared/corpus/xwlb-2019.txt.gz')))('the idiom list is reproducible from jieba\'s dictionary and the 2019–2025 corpus', () => {
  it('every target is a candidate of the rules with the counts its note gives, most documents first; the known siblings are those of the targets', async () => {
    const { reproduceCandidates } = await import('../../bench/idiom/reproduce.js');
    const yaml = readFileSync(join(root, 'dictionaries/idiom/idioms.yaml'), 'utf8');
    const r = reproduceCandidates(root, yaml);
    expect(r.notInCandidates).toEqual([]);
    expect(r.wrongNotes).toEqual([]);
    expect(r.outOfOrder).toEqual([]);
    expect(r.known).toEqual(r.expectedKnown);
    expect(r.slips.length).toBeGreaterThan(0);
    expect(r.slips).toEqual(r.expectedSlips);
  }, 120_000);
});
