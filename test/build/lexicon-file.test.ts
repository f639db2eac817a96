import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChecker, type Checker } from '../../src/index.js';
import { compileLexicons, openCompiledLexicons } from '../../src/data/lexicon-file.js';
import { DataFileError, writeDataFile } from '../../src/match/model-file.js';
import { LexiconError } from '../../src/errors.js';
import { loadBuiltinData } from '../../src/data/builtin.js';
import { inForceMask, readStoredModel } from '../../src/data/stored-model.js';
import { fixture, readFixture } from '../helpers.js';
import { run } from '../cli/run.js';

const seed = { name: 'seed.yaml', text: readFixture('lexicons/seed.yaml') };
const extra = {
  name: 'extra.yaml',
  text: 'kind: mandated\nsource: test\nentries:\n  - id: x-shuzi-xiangcun\n    text: 数字乡村建设行动\n  - id: x-old\n    text: 旧的提法说法\n    until: 2020-01-01\n',
};
const people = {
  name: 'people.yaml',
  text: 'kind: people\nsources:\n  s: "某省公告（2024-01-20）"\ntitles:\n  - id: sz\n    text: 某省省长\n    aliases: [省长]\npeople:\n  - id: ww\n    name: 王五明\n    posts:\n      - {title: sz, since: 2024-01-20, source: s}\n',
};
const positives = readFixture('accuracy/positives.jsonl').trim().split('\n').slice(0, 120).map((l) => (JSON.parse(l) as { text: string }).text);
const texts = [...positives, '要加快数字乡村建设行冻，推动中华明族伟大复兴。', '某省省长李四出席会议。', '袓国安全，脱贫功坚。'];
const findings = (c: Checker) => texts.map((t) => c.check(t));

describe('compiled lexicons (tifa lexicon compile)', () => {
  for (const builtins of [false, true]) {
    it(`finds what the YAML finds, entries and people tables included (builtins: ${builtins})`, { timeout: 120_000 }, () => {
      // The seed lexicon repeats built-in phrases (an error beside them).
      const sources = builtins ? [extra, people] : [seed, extra, people];
      const compiled = compileLexicons(sources, { builtins });
      // The stored model fits the entries in force today: it is mapped in, not rebuilt.
      const opened = openCompiledLexicons('lex.tifa', compiled);
      const all = [...(builtins ? loadBuiltinData().entries : []), ...opened.entries];
      const mask = inForceMask(all, '2025-06-01');
      expect(readStoredModel('lex.tifa', opened.model, all, mask, all.filter((_, i) => mask[i] === 1))).toBeDefined();
      for (const asOf of ['2025-06-01', '2019-06-01']) {
        const fromYaml = createChecker({ builtins, lexicons: sources, asOf });
        const fromFile = createChecker({ builtins, lexicons: [{ name: 'lex.tifa', compiled }], asOf });
        expect(fromFile.entries).toEqual(fromYaml.entries);
        expect(findings(fromFile)).toEqual(findings(fromYaml));
      }
    });
  }

  it('mixes with YAML sources and other compiled files (validated together then)', () => {
    const a = compileLexicons([seed], { builtins: false });
    const both = createChecker({ builtins: false, lexicons: [{ name: 'a.tifa', compiled: a }, extra], asOf: '2025-01-01' });
    const yaml = createChecker({ builtins: false, lexicons: [seed, extra], asOf: '2025-01-01' });
    expect(findings(both)).toEqual(findings(yaml));
    // the same file twice: its entries clash with themselves
    expect(() => createChecker({ builtins: false, lexicons: [{ name: 'a.tifa', compiled: a }, { name: 'b.tifa', compiled: a }] })).toThrow(LexiconError);
  });

  it('refuses bad lexicons at compile time, as createChecker does', () => {
    expect(() => compileLexicons([{ name: 'bad.yaml', text: 'kind: mandated\nentries:\n  - id: x\n' }])).toThrow(LexiconError);
  });

  it('names the file and what is wrong for a damaged file, another kind of data file, or another built-in lexicon', () => {
    const good = compileLexicons([extra], { builtins: true });
    const damaged = good.slice();
    damaged[damaged.length - 5]! ^= 1;
    expect(() => createChecker({ lexicons: [{ name: 'damaged.tifa', compiled: damaged }] })).toThrow(new DataFileError('damaged.tifa', 'damaged: checksum mismatch'));
    expect(() => openCompiledLexicons('model.bin', writeDataFile({ some: 'thing' }))).toThrow('model.bin: not a compiled lexicon file (a tifa data file of another kind)');
    const other = writeDataFile({ kind: 'tifa-lexicons', builtins: true, builtinKey: 'f'.repeat(64), sources: [], entries: [], texts: [], model: new Uint8Array(8) });
    expect(() => createChecker({ lexicons: [{ name: 'old.tifa', compiled: other }] })).toThrow('old.tifa: compiled with another built-in lexicon (another version of tifa): compile it again with `tifa lexicon compile`');
    expect(() => createChecker({ lexicons: [{ name: 'x', compiled: 'nope' as unknown as Uint8Array }] })).toThrow(/options\.lexicons\[0\]/);
  });

  it('CLI: compiles with -o and loads the file back with --lexicon', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tifa-compile-'));
    writeFileSync(join(dir, 'extra.yaml'), extra.text);
    writeFileSync(join(dir, 'page.txt'), '要加快数字乡村建设行冻。\n');
    const compiled = await run(['lexicon', 'compile', fixture('lexicons/seed.yaml'), 'extra.yaml', '-o', 'lex.tifa', '--no-builtins'], { cwd: dir });
    expect(compiled.stderr).toMatch(/^tifa: compiled 2 lexicon files into lex\.tifa/);
    expect(compiled.code).toBe(0);
    expect(existsSync(join(dir, 'lex.tifa'))).toBe(true);
    const fromFile = await run(['check', '--no-builtins', '--lexicon', 'lex.tifa', '--format', 'json', 'page.txt'], { cwd: dir });
    const fromYaml = await run(['check', '--no-builtins', '--lexicon', fixture('lexicons/seed.yaml'), '--lexicon', 'extra.yaml', '--format', 'json', 'page.txt'], { cwd: dir });
    expect(fromFile.code).toBe(1);
    expect(fromFile.stdout).toBe(fromYaml.stdout);
    const noOutput = await run(['lexicon', 'compile', 'extra.yaml'], { cwd: dir });
    expect([noOutput.code, noOutput.stderr]).toEqual([2, expect.stringContaining('lexicon compile needs -o FILE')]);
    writeFileSync(join(dir, 'cut.tifa'), readFileSync(join(dir, 'lex.tifa')).subarray(0, 64));
    const cut = await run(['check', '--lexicon', 'cut.tifa', 'page.txt'], { cwd: dir });
    expect([cut.code, cut.stderr]).toEqual([2, expect.stringMatching(/^tifa: cut\.tifa: damaged: 64 bytes, the header says \d+/)]);
  });
});
