import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/index.js';
import { LexiconError } from '../../src/errors.js';
import { checkSequences, compileSequences } from '../../src/sequence/check.js';
import { parseSequenceFile } from '../../src/sequence/parse.js';
import { createSequenceStage } from '../../src/sequence/stage.js';

const builtin = parseSequenceFile('dictionaries/sequence/formulations.yaml', readFileSync(new URL('../../dictionaries/sequence/formulations.yaml', import.meta.url), 'utf8'));
const compiled = compileSequences(builtin.entries);
const hits = (text: string) => checkSequences(text, compiled).map((h) => ({ actual: text.slice(h.start, h.end), expected: h.expected, entry: h.entry.id, kind: h.kind }));

describe('the built-in sequence file', () => {
  it('parses without issues', () => {
    expect(builtin.issues).toEqual([]);
    expect(builtin.entries.length).toBeGreaterThan(10);
  });
});

describe('order of enumerations', () => {
  it('finds a wrong order, with the span of the enumeration and the mandated order in the same slots', () => {
    const text = '统筹推进经济建设、文化建设、政治建设、社会建设、生态文明建设。';
    expect(hits(text)).toEqual([
      { actual: '经济建设、文化建设、政治建设、社会建设、生态文明建设', expected: '经济建设、政治建设、文化建设、社会建设、生态文明建设', entry: 's-wu-wei-yi-ti', kind: 'order' },
    ]);
    const found = checkSequences(text, compiled)[0]!;
    expect(found.start).toBe(4);
    expect(found.end).toBe(text.length - 1);
  });

  it('keeps the separators as written (quotation marks, 和)', () => {
    const text = '增强政治意识、核心意识、大局意识和看齐意识';
    expect(hits(text)).toEqual([{ actual: '政治意识、核心意识、大局意识和看齐意识', expected: '政治意识、大局意识、核心意识和看齐意识', entry: 's-si-ge-yi-shi', kind: 'order' }]);
    expect(hits('坚持创新、绿色、协调、开放、共享的新发展理念')[0]!.expected).toBe('创新、协调、绿色、开放、共享');
  });

  it('finds the order of other enumerations of current documents (乡村振兴总要求, 六稳, 伟大建党精神)', () => {
    expect(hits('按照产业兴旺、乡风文明、生态宜居、治理有效、生活富裕的总要求')[0]!.expected).toBe('产业兴旺、生态宜居、乡风文明、治理有效、生活富裕');
    expect(hits('做好稳就业、稳外贸、稳金融、稳外资、稳投资、稳预期工作')[0]!.entry).toBe('s-liu-wen');
    expect(hits('坚持真理、坚守理想，担当使命、践行初心')[0]!.expected).toBe('坚持真理、坚守理想，践行初心、担当使命');
    expect(hits('坚决反对官僚主义、形式主义、享乐主义和奢靡之风')[0]!.expected).toBe('形式主义、官僚主义、享乐主义和奢靡之风');
    expect(hits('反对形式主义、官僚主义')).toEqual([]);
    expect(hits('国务院、党中央高度重视')[0]!.expected).toBe('党中央、国务院');
    expect(hits('富强、民主、文明、和谐，平等、自由、公正、法治，爱国、敬业、诚信、友善')[0]!.expected).toBe('富强、民主、文明、和谐，自由、平等、公正、法治，爱国、敬业、诚信、友善');
  });

  it('is quiet on the right order', () => {
    expect(hits('经济建设、政治建设、文化建设、社会建设、生态文明建设')).toEqual([]);
    expect(hits('坚定道路自信、理论自信、制度自信、文化自信')).toEqual([]);
    expect(hits('全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党')).toEqual([]);
    expect(hits('富强、民主、文明、和谐，自由、平等、公正、法治，爱国、敬业、诚信、友善')).toEqual([]);
  });

  it('is quiet on partial enumerations (two of five fields)', () => {
    expect(hits('加强政治建设、经济建设')).toEqual([]);
    expect(hits('文化建设、经济建设和社会建设')).toEqual([]);
    expect(hits('开放、创新')).toEqual([]);
  });

  it('is quiet where the items are not one listing (other words between them, another sentence)', () => {
    // a comma ends a clause unless the entry lists clause-like items (commas: true)
    expect(hits('全国政协副主席代表全国政协，全国人大常委会副委员长代表全国人大常委会')).toEqual([]);
    expect(hits('党中央，国务院')).toEqual([]);
    expect(hits('文化建设取得新进展。经济建设、政治建设稳步推进，社会建设和生态文明建设也有成效')).toEqual([]);
    expect(hits('文化建设方面，政治建设方面，经济建设方面，社会建设方面，生态文明建设方面')).toEqual([]);
  });

  it('is quiet on a list of five things that are not the 五位一体 (党的建设)', () => {
    expect(hits('全面推进党的政治建设、思想建设、组织建设、作风建设、纪律建设，把制度建设贯穿其中')).toEqual([]);
    expect(hits('物质文明、政治文明、精神文明、社会文明、生态文明协调发展')).toEqual([]);
  });

  it('judges a listing that repeats an item as two listings', () => {
    expect(hits('政治意识、大局意识、政治意识、核心意识')).toEqual([]);
  });
});

describe('verb–object pairings', () => {
  it('finds an object after the verb of another fixed pair, quotation marks kept', () => {
    expect(hits('全体党员要坚定“四个意识”')).toEqual([{ actual: '坚定“四个意识”', expected: '增强“四个意识”', entry: 's-pair-yishi-zixin-weihu', kind: 'pairing' }]);
    expect(hits('做到四个自信')).toEqual([{ actual: '做到四个自信', expected: '坚定四个自信', entry: 's-pair-yishi-zixin-weihu', kind: 'pairing' }]);
    expect(hits('协调推进“五位一体”总体布局')[0]!.expected).toBe('统筹推进“五位一体”');
  });

  it('is quiet on the right pairs, on verbs an object also takes, and on other words', () => {
    expect(hits('深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”')).toEqual([]);
    expect(hits('切实增强“两个维护”的政治自觉')).toEqual([]);
    expect(hits('坚决拥护“两个确立”')).toEqual([]);
    expect(hits('“四个意识”')).toEqual([]);
  });
});

describe('sequence files', () => {
  it('reports problems with file and line', () => {
    const bad = parseSequenceFile('x.yaml', 'kind: sequence\nentries:\n  - id: s-a\n    label: a\n    items: [甲, 甲]\n    source: s\n  - id: s-b\n    label: b\n    items: [甲, 乙]\n    pairs: []\n    source: s\n');
    expect(bad.issues.map((i) => `${i.line}: ${i.reason}`)).toEqual([
      expect.stringMatching(/^5: `items` has an item twice/),
      expect.stringMatching(/^7: an entry has either `items`/),
    ]);
    expect(() => createSequenceStage({ builtins: false, asOf: '2025-01-01', lexicons: [{ name: 'y.yaml', text: 'kind: sequence\nentries: []\n' }] })).toThrow(LexiconError);
  });

  it('applies a user file passed as a lexicon, and skips entries not in force', () => {
    const text = 'kind: sequence\nsource: 某省文件\nentries:\n  - id: s-jia-yi-bing\n    label: 甲乙丙\n    items: [甲方案, 乙方案, 丙方案]\n    since: 2024-01-01\n';
    const c = createChecker({ builtins: false, lexicons: [{ name: 'mine.yaml', text }], asOf: '2025-01-01' });
    const [f] = c.check('采用乙方案、甲方案、丙方案。');
    expect(f).toMatchObject({ rule: 'wrong-formulation', detail: 'order', actual: '乙方案、甲方案、丙方案', expected: ['甲方案、乙方案、丙方案'], entry: 's-jia-yi-bing', start: 2, end: 13, source: '某省文件' });
    expect(createChecker({ builtins: false, lexicons: [{ name: 'mine.yaml', text }], asOf: '2023-01-01' }).check('采用乙方案、甲方案、丙方案。')).toEqual([]);
  });
});

describe('in the checker', () => {
  const checker = createChecker({ asOf: '2025-06-01' });
  it('reports a wrong order as wrong-formulation with the mandated text as expected', () => {
    // (an order the lexicon does not list as a variant: those are reported by the lexicon)
    const text = '必须增强看齐意识、政治意识、大局意识、核心意识。';
    const f = checker.check(text).filter((x) => x.entry === 's-si-ge-yi-shi');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'wrong-formulation', detail: 'order', expected: ['政治意识、大局意识、核心意识、看齐意识'], line: 1, column: 5 });
  });
  it('reports a listed wrong form once (the lexicon variant wins over the pairing)', () => {
    const f = checker.check('协调推进“五位一体”总体布局');
    expect(f.filter((x) => x.rule === 'wrong-formulation')).toHaveLength(1);
  });
  it('is quiet on the mandated text', () => {
    expect(checker.check('统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局，增强“四个意识”、坚定“四个自信”、做到“两个维护”。')).toEqual([]);
  });
});
