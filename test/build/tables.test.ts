import { describe, expect, it } from 'vitest';
import { generateTables, OUTPUT_FILES, projectRoot, staleFiles } from '../../src/build/build-tables.js';

describe('dictionaries/derived', () => {
  it('is up to date with `npx tsx src/build/build-tables.ts`', async () => {
    const root = projectRoot();
    const tables = await generateTables(root);
    expect([...tables.files.keys()]).toEqual([...OUTPUT_FILES]);
    // if this fails: run `npx tsx src/build/build-tables.ts` and commit dictionaries/derived/
    expect(staleFiles(root, tables)).toEqual([]);
  }, 60_000);

  it('is deterministic: LF only, no timestamps, same output twice', async () => {
    const a = await generateTables();
    const b = await generateTables();
    for (const [path, content] of a.files) {
      expect(content).toBe(b.files.get(path));
      expect(content.includes('\r')).toBe(false);
      expect(content.endsWith('\n')).toBe(true);
      expect(/\b20\d\d-\d\d-\d\dT/.test(content)).toBe(false);
    }
  }, 60_000);

  it('writes one-code-unit rows and a < b look-alike pairs', async () => {
    const { files } = await generateTables();
    const rows = (path: string) =>
      files.get(path)!.split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split('\t'));
    const normalize = rows('dictionaries/derived/normalize.tsv');
    const sources = new Set(normalize.map((r) => r[0]));
    for (const [from, to, cls] of normalize) {
      expect(from!.length).toBe(1);
      expect(to!.length).toBe(1);
      expect(['traditional', 'kangxi', 'radical', 'compat', 'stroke']).toContain(cls);
      expect(sources.has(to)).toBe(false);
    }
    expect(sources.size).toBe(normalize.length);
    const seen = new Set<string>();
    for (const [a, b, basis] of rows('dictionaries/derived/lookalike-pairs.tsv')) {
      expect(a!.charCodeAt(0)).toBeLessThan(b!.charCodeAt(0));
      expect(basis).toMatch(/^(curated|cjk-decomp:[a-z-]+|unihan:shape)$/);
      expect(seen.has(a! + b!)).toBe(false);
      seen.add(a! + b!);
    }
    for (const [ch, syllables] of rows('dictionaries/derived/pinyin.tsv')) {
      expect(ch!.length).toBe(1);
      const list = syllables!.split(' ');
      expect(list).toEqual([...new Set(list)].sort());
      for (const s of list) expect(s).toMatch(/^[a-z]+$/);
    }
  }, 60_000);
});
