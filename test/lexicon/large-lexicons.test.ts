import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../src/checker.js';
import { loadBuiltinData } from '../../src/data/builtin.js';
import { validateEntries } from '../../src/lexicon/validate.js';
import type { LexiconEntry } from '../../src/lexicon/types.js';
import { createNormalizer } from '../../src/normalize/index.js';

const normalizer = createNormalizer(loadBuiltinData().normalizeTsv);
/** Han characters the normalizer leaves alone (a lexicon text must be in matching form). */
const ALPHABET: string[] = [];
for (let c = 0x4e00; ALPHABET.length < 3000; c++) if (normalizer.map[c] === c && normalizer.kind[c] === 0) ALPHABET.push(String.fromCharCode(c));
/** A distinct Han string for every number. */
const han = (i: number): string => {
  let s = '';
  do {
    s += ALPHABET[i % ALPHABET.length];
    i = Math.floor(i / ALPHABET.length);
  } while (i > 0);
  return s;
};

const entry = (kind: LexiconEntry['kind'], id: string, text: string): LexiconEntry =>
  ({ id, kind, text, variants: [], replacement: [], severity: 'error', source: 'test', file: 'gen.yaml', line: 1 }) as unknown as LexiconEntry;

/** The rule as first written (every mandated phrase against every banned term): the oracle. */
function containedBannedNaive(entries: readonly LexiconEntry[]): string[] {
  const mandated = new Map<string, LexiconEntry>();
  for (const e of entries) if (e.kind === 'mandated') mandated.set(e.text, e);
  const banned = entries.filter((e) => e.kind === 'banned');
  const out: string[] = [];
  for (const m of mandated.values()) for (const b of banned) if (b.text !== m.text && m.text.includes(b.text)) out.push(`${m.id} ${b.id}`);
  return out;
}
const containedBanned = (entries: readonly LexiconEntry[]): string[] =>
  validateEntries(entries, (s) => s)
    .filter((i) => i.reason.includes('contains the banned term'))
    .map((i) => {
      const m = entries.find((e) => e.kind === 'mandated' && i.reason.startsWith(`mandated phrase "${e.text}"`))!;
      return `${m.id} ${/\(([^)]*)\)$/.exec(i.reason)![1]}`;
    });

describe('large lexicons (issue 11, problem 6)', () => {
  // Before: loadEntries spread each file's entries into push(): "Maximum call stack size exceeded"
  // from about 120,000 entries in one file. (10^6 entries load too, in about 90 s of CPU, nearly
  // all of it the YAML library's document model: see README "Large lexicons".)
  it('a user lexicon of 300,000 entries in one file loads and makes a working checker', () => {
    const n = 300_000;
    const lines = ['kind: banned', 'source: generated', 'entries:'];
    for (let i = 0; i < n; i++) lines.push(`  - id: b-${i}`, `    text: 禁${han(i)}词`);
    const checker = createChecker({ builtins: false, fuzzy: false, segmenter: 'none', lexicons: [{ name: 'big.yaml', text: lines.join('\n') }] });
    expect(checker.entries).toHaveLength(n);
    expect(checker.entries[n - 1]).toMatchObject({ id: `b-${n - 1}`, text: `禁${han(n - 1)}词`, kind: 'banned', line: 3 + 2 * (n - 1) + 1 });
    expect(checker.check(`这是禁${han(123_456)}词。`)).toMatchObject([{ rule: 'banned-term', entry: 'b-123456', start: 2 }]);
  }, 600_000);

  // Before: every mandated phrase was compared with every banned term (20k + 20k: 54 s).
  it('20,000 mandated phrases and 20,000 banned terms validate, with every containment found', () => {
    const entries: LexiconEntry[] = [];
    for (let i = 0; i < 20_000; i++) entries.push(entry('mandated', `m-${i}`, `中${han(i)}国家发展改革${han(i + 7)}委员会`));
    for (let i = 0; i < 20_000; i++) entries.push(entry('banned', `b-${i}`, `禁${han(i)}词`));
    entries.push(entry('banned', 'b-x', '发展改革'));
    const issues = validateEntries(entries, (s) => s);
    expect(issues).toHaveLength(20_000);
    expect(issues[0]!.reason).toBe(`mandated phrase "中${han(0)}国家发展改革${han(7)}委员会" contains the banned term "发展改革" (b-x)`);
  }, 600_000);

  it('finds exactly the containments the pairwise comparison finds, in the same order', () => {
    const text = fc.string({ unit: fc.constantFrom('甲', '乙', '丙', '丁'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.uniqueArray(text, { maxLength: 12 }), fc.uniqueArray(text, { maxLength: 12 }), (mandated, banned) => {
        const entries = [...mandated.map((t, i) => entry('mandated', `m-${i}`, t)), ...banned.map((t, i) => entry('banned', `b-${i}`, t))];
        expect(containedBanned(entries)).toEqual(containedBannedNaive(entries));
      }),
    );
  });
});
