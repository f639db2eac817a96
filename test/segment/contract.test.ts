import { describe, expect, it } from 'vitest';
import { createChecker, createJiebaSegmenter, createNodejiebaSegmenter, OptionsError, SegmenterError, type Segmenter } from '../../src/index.js';
import { NODEJIEBA_MISSING } from '../../src/segment/index.js';
import { run, SEED } from '../cli/run.js';
import { fixture } from '../helpers.js';
import { loadConfig } from '../../src/config/index.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A text whose check asks the segmenter for cuts, frequencies and tags (an inserted character).
const ASKS_THE_SEGMENTER = '人力美资源社会保障部';
const jieba = createJiebaSegmenter();

/** A segmenter of the caller's (jieba underneath) that is fine except for what `patch` changes. */
function segmenter(patch: Partial<Record<keyof Segmenter, unknown>>): Segmenter {
  return { cut: (t: string) => jieba.cut(t), frequency: (w: string) => jieba.frequency!(w), tag: (w: string) => jieba.tag!(w), ...patch } as Segmenter;
}

describe('a segmenter of the caller that breaks its contract', () => {
  const cases: Array<[string, Partial<Record<keyof Segmenter, unknown>>, RegExp]> = [
    ['cut returns null', { cut: () => null }, /segmenter\.cut\(text\) must return an array of strings whose concatenation is text \(the Segmenter contract\); it returned null for "/],
    ['cut returns a string', { cut: (t: string) => t }, /segmenter\.cut\(text\) must return an array .*; it returned the string "/],
    ['cut returns numbers', { cut: (t: string) => [...t].map((c) => c.charCodeAt(0)) }, /token 0 is a value of type number/],
    ['cut drops a character', { cut: (t: string) => [...t].slice(1) }, /its tokens join to ".*", not "/],
    ['frequency returns NaN', { frequency: () => Number.NaN }, /segmenter\.frequency\(word\) must return a number >= 0 .*NaN/],
    ['tag returns a number', { tag: () => 1 }, /segmenter\.tag\(word\) must return a string .* a value of type number/],
  ];
  it.each(cases)('%s: a SegmenterError naming the contract, not a TypeError', (_name, patch, message) => {
    const checker = createChecker({ segmenter: segmenter(patch) });
    let thrown: unknown;
    try {
      checker.check(ASKS_THE_SEGMENTER);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(SegmenterError);
    expect(thrown).toBeInstanceOf(OptionsError);
    expect((thrown as SegmenterError).path).toBe('options.segmenter');
    expect((thrown as Error).message).toMatch(message);
  });

  it('a frequency or tag that is not a function: at createChecker', () => {
    expect(() => createChecker({ segmenter: segmenter({ frequency: 3 }) })).toThrow(/segmenter\.frequency must be a function when present, not a value of type number/);
    expect(() => createChecker({ segmenter: segmenter({ tag: 'n' }) })).toThrow(SegmenterError);
  });

  it('a segmenter that keeps the contract works as before, its other properties read through', () => {
    const own = Object.assign(segmenter({}), { label: 'mine' });
    const checker = createChecker({ segmenter: own });
    expect(checker.check(ASKS_THE_SEGMENTER)).toEqual(createChecker().check(ASKS_THE_SEGMENTER));
    expect(checker.check(ASKS_THE_SEGMENTER).length).toBeGreaterThan(0);
    expect(checker.check('中华各民族共同开拓了辽阔的疆域')).toEqual([]);
  });
});

describe('nodejieba, an optional package, absent', () => {
  const absent = (id: string): string => {
    throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
  };

  it('is a SegmenterError at creation, one line naming the package and how to install it', () => {
    expect(() => createNodejiebaSegmenter({ resolve: absent })).toThrow(SegmenterError);
    expect(() => createNodejiebaSegmenter({ resolve: absent })).toThrow(NODEJIEBA_MISSING);
    expect(NODEJIEBA_MISSING).not.toMatch(/\n/);
    expect(NODEJIEBA_MISSING).toMatch(/nodejieba.*npm install nodejieba/);
  });

  it('present: found and working (the resolver is only asked where the package is)', () => {
    const asked: string[] = [];
    const seg = createNodejiebaSegmenter({ resolve: (id) => (asked.push(id), require.resolve(id)) });
    expect(seg.cut('中华民族').join('')).toBe('中华民族');
    expect(asked).toEqual(['nodejieba/package.json']);
  });
});

describe('asOf / --as-of: calendar dates only', () => {
  it.each(['2020-02-30', '2020-99-99', '2019-02-29', '1900-02-29', '2020-04-31', '2020-13', '2020-00-10', '2020-01-00'])('rejects %s', (asOf) => {
    expect(() => createChecker({ builtins: false, asOf })).toThrow(new OptionsError('options.asOf', `is no calendar date: ${asOf}`));
  });

  it.each(['2020', '2020-02', '2020-02-29', '2000-02-29', '2021-12-31', '2020-04-30'])('accepts %s', (asOf) => {
    expect(() => createChecker({ builtins: false, asOf })).not.toThrow();
  });

  it('a config file: asOf must be a calendar date too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-asof-'));
    try {
      writeFileSync(join(dir, 'tifa.config.json'), JSON.stringify({ asOf: '2020-02-30' }));
      expect(() => loadConfig(join(dir, 'tifa.config.json'))).toThrow(/tifa\.config\.json: "asOf" must be a calendar date YYYY, YYYY-MM or YYYY-MM-DD$/);
      writeFileSync(join(dir, 'tifa.config.json'), JSON.stringify({ asOf: '2020-02-29' }));
      expect(loadConfig(join(dir, 'tifa.config.json')).config.asOf).toBe('2020-02-29');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the CLI: exit 2, one line', async () => {
    const r = await run(['check', ...SEED.filter((a) => a !== '--as-of' && a !== '2024-01-01'), '--as-of', '2020-02-30', fixture('pages/correct.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tifa: options.asOf is no calendar date: 2020-02-30\n');
  });
});
