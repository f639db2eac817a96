/**
 * The pieces of the leave-out and independent-substitutes runs (bench/accuracy/honest.ts): the
 * lexicon rebuilt as user lexicons checks like the built-in one, a left-out entry is really gone,
 * the independent pairs are read as the reference file lays them out, and dev-set labels map to
 * the hidden set's kinds.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChecker, type Finding } from '../../src/index.js';
import { builtinSourcesWithout, lexiconsWithout } from '../../bench/accuracy/lexicon-without.js';
import { independentPairs, restores, scorePlanted, tunedText, type Planted } from '../../bench/accuracy/honest.js';
import { corpusPass, gramStatOf } from '../../bench/accuracy/remine.js';
import type { LexiconEntry } from '../../src/lexicon/types.js';
import { hiddenKind } from '../../bench/accuracy/honest-report.js';
import { readDevSet, repoRoot, type Label } from '../../bench/accuracy/common.js';
import { isPeopleFinding } from '../../bench/people/score.js';

const brief = (fs: Finding[]): string[] => fs.filter((f) => !isPeopleFinding(f)).map((f) => `${f.start}-${f.end} ${f.rule}/${f.detail} ${f.expected.join('|')}`);

describe('the built-in lexicon as user lexicons', () => {
  it('checks the dev set as the built-in lexicon does (nothing left out)', () => {
    const full = createChecker();
    const rebuilt = createChecker({ builtins: false, lexicons: builtinSourcesWithout({}) });
    for (const c of readDevSet().positives.slice(0, 150)) expect(brief(rebuilt.check(c.text)), c.id).toEqual(brief(full.check(c.text)));
  });

  it('without an entry, its listed wrong form is no longer listed', () => {
    const text = '平心而论，凭心而论这件事。';
    const full = createChecker();
    expect(full.check(text).map((f) => `${f.actual} ${f.detail}`)).toEqual(['凭心而论 listed']);
    const without = createChecker({ builtins: false, lexicons: builtinSourcesWithout({ wrongForms: new Set(['凭心而论']) }) });
    expect(without.check(text).filter((f) => f.detail === 'listed')).toEqual([]);
  });
});

describe('independent pairs from common-confusions.md', () => {
  const file = join(repoRoot, '../shared/reference/common-confusions.md');
  it.runIf(existsSync(file))('reads each Wrong column with its Right column, same length, no ⚠️ rows, only §1 §2 §4 §5 §6', () => {
    const pairs = independentPairs(file);
    expect(pairs.length).toBeGreaterThan(200);
    const has = (w: string, r: string): boolean => pairs.some((p) => p.wrong === w && p.right === r);
    expect(has('按装', '安装')).toBe(true); // §1, first column pair
    expect(has('编篡', '编纂')).toBe(true); // §1, second column pair
    expect(has('驾车途径', '驾车途经')).toBe(true); // §2
    expect(has('名符其实', '名副其实')).toBe(true); // §6, third column pair
    expect(pairs.some((p) => p.wrong === '冒然')).toBe(false); // ⚠️
    // columns stay aligned after a ⚠️ cell: 密秘 → 秘密 is read, the Right cell 贸然 is never a wrong form
    expect(has('密秘', '秘密')).toBe(true);
    expect(pairs.some((p) => p.wrong === '贸然')).toBe(false);
    expect(pairs.some((p) => p.wrong === '蒜苔')).toBe(false); // §3 is not read
    for (const p of pairs) expect(p.wrong.length, p.wrong).toBe(p.right.length);
  });
});

describe('the held-out slice', () => {
  it('never takes part in the planted runs: only 2019-2025 documents are searched for sentences', () => {
    const t = tunedText({ lines: ['二〇二五年的句子', '二〇二六年的句子', '没有日期的句子'], dates: ['20251231', '20260101', ''] });
    expect(t.all).toBe('二〇二五年的句子\n没有日期的句子');
  });
});

describe('scoring planted errors', () => {
  it('found when a finding over the span expects the right text', () => {
    const p: Planted = { source: 'x', text: '我们要凭心而论地看待。', start: 3, end: 7, wrong: '凭心而论', right: '平心而论', how: 'typo-pair', kind: 'misspelling', template: false };
    const s = scorePlanted([p, { ...p, text: '我们要平心而论地看待。', wrong: '平心而论' }], createChecker());
    expect(s.cases).toBe(2);
    expect(s.found).toBe(1);
    expect(s.byKind.get('misspelling')).toEqual({ cases: 2, found: 1 });
  });
});

describe('scoring planted errors: a correction that gives the sentence back', () => {
  it('found when a shorter phrase inside the right one is corrected (人才强国国战略: 人才强国国 -> 人才强国)', () => {
    const p: Planted = { source: 'x', text: '深入实施人才强国国战略。', start: 4, end: 11, wrong: '人才强国国战略', right: '人才强国战略', how: 'duplication', kind: 'insertion', template: false };
    const shorter = createChecker({ builtins: false, lexicons: [{ name: 'x.yaml', text: 'kind: mandated\nentries:\n  - {id: m-x, text: 人才强国, source: test}\n' }] });
    expect(scorePlanted([p], shorter)).toMatchObject({ found: 1, foundHoldingRight: 0, otherFindings: 0 });
  });
  it('a correction restores only when the corrected sentence is the one before the error', () => {
    const p: Planted = { source: 'x', text: '深入实施人才强国国战略。', start: 4, end: 11, wrong: '人才强国国战略', right: '人才强国战略', how: 'duplication', kind: 'insertion', template: false };
    const finding = (start: number, end: number, expected: string): Pick<Finding, 'start' | 'end' | 'expected'> => ({ start, end, expected: [expected] });
    expect(restores(p, finding(4, 9, '人才强国'))).toBe(true);
    expect(restores(p, finding(4, 9, '人才强'))).toBe(false);
    expect(restores(p, finding(4, 11, '人才强国战略'))).toBe(true);
  });
});

describe('mining again for the leave-out run (remine.ts)', () => {
  it("counts a text as the miner does: documents, years, occurrences on token boundaries, each side's longest extension", () => {
    const t = { all: '国家铁路局发布。\n据国家铁路局统计\n铁路局', starts: [0, 9, 18], years: ['2019', '2021', '2021'] };
    const cut = (run: string): string[] => run.match(/国家|铁路局|发布|据|统计|./g)!;
    expect(gramStatOf(t, '国家铁路局', cut)).toEqual({ text: '国家铁路局', docs: 2, occurrences: 2, aligned: 2, yearMask: 0b101, leftExtensionDocs: 1, rightExtensionDocs: 1 });
    expect(gramStatOf(t, '家铁', cut)).toMatchObject({ docs: 2, aligned: 0 });
  });
  it('the corpus pass drops a text taken back that finds something in the tuned text, and keeps one that finds nothing', () => {
    const t = { all: '要统筹疫清防控和经济社会发展。\n国家互联网信息办公室发布通知。', starts: [0, 16], years: ['2020', '2021'] };
    const bank = ['统筹疫情防控和经济社会发展', '国家互联网信息办公室'].map((text, i): LexiconEntry => ({ id: `bank.left-out-${i}`, kind: 'mandated', text, variants: [], replacement: [], source: 's', category: 'bank', severity: 'warning', fuzzy: true, unless: [], file: 'f', line: 0 }));
    const checkerWith = (b: readonly LexiconEntry[]) => createChecker({ builtins: false, lexicons: lexiconsWithout(b, {}) });
    expect(corpusPass(t, bank, checkerWith).map((e) => e.text)).toEqual(['国家互联网信息办公室']);
  });
});

describe('the hidden set kinds of dev-set labels', () => {
  const label = (type: Label['type'], detail = 'substitution'): Label => ({ start: 0, end: 1, expected: 'x', detail, type, entry: 'e' });
  it.each([
    [label('sub-homophone'), undefined, 'misspelling'],
    [label('omission-edge', 'omission'), undefined, 'omission'],
    [label('noise+omission', 'omission'), undefined, 'omission'],
    [label('duplication', 'duplication'), undefined, 'insertion'],
    [label('noise-zero-width', 'noise'), undefined, 'insertion'],
    [label('lookalike-kangxi', 'lookalike'), undefined, 'look-alike code points'],
    [label('traditional', 'traditional'), undefined, 'look-alike code points'],
    [label('listed', 'listed'), 'mandated', 'wrong formulation'],
    [label('listed', 'listed'), 'banned', 'sensitive'],
    [label('real', 'listed'), 'outdated', 'outdated name'],
    [label('real', 'substitution'), 'mandated', 'misspelling'],
  ] as const)('%j of a %s entry is %s', (l, entryKind, kind) => {
    expect(hiddenKind(l, entryKind)).toBe(kind);
  });
});
