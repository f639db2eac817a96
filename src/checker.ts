/**
 * createChecker: compiles the lexicons once into an immutable checker whose `check(text)` is pure
 * (text in, findings out). See README "How it works" for the pipeline.
 */
import { LexiconError, OptionsError, type LexiconIssue } from './errors.js';
import { loadBuiltinData } from './data/builtin.js';
import { CharKind, createNormalizer, type Normalizer } from './normalize/index.js';
import { parseLexiconFile } from './lexicon/parse.js';
import { validateEntries } from './lexicon/validate.js';
import { textCheckFor } from './lexicon/text-check.js';
import type { LexiconEntry } from './lexicon/types.js';
import { buildAnchorFilters, buildMatchModel, HitType, type MatchModel } from './match/model.js';
import { scan, ScanState, type ScanContext } from './match/scan.js';
import { resolveSegmenter } from './segment/index.js';
import { readsAsRealWords } from './fuzzy/guard.js';
import { spacesSeparateWords } from './fuzzy/spacing.js';
import { EDGE_OMISSION_LENGTH, type FuzzyCandidate } from './fuzzy/index.js';
import { contextAllows, sentenceHolds } from './findings/context.js';
import { outdatedNameIsHistory } from './findings/history.js';
import { typoCrossesWord } from './findings/typo-boundary.js';
import { messageFor } from './findings/messages.js';
import { LocationIndex } from './findings/location.js';
import { SpanIndex } from './findings/spans.js';
import { createConfusion } from './confusion/index.js';
import type { ErrorDetail, Finding, RuleId, Segmenter, Severity } from './types.js';
import { checkHtmlWith } from './html/check-html.js';
import { checkStream, type StreamOptions, type StreamSource } from './stream/index.js';

/** A user lexicon: YAML text in the format of dictionaries/FORMAT.md, and a name for error messages. */
export interface LexiconSource {
  /** Shown in errors as `name:line: reason` (usually the file path). */
  name: string;
  /** The YAML text. */
  text: string;
}

export interface CheckerOptions {
  /** Use the built-in lexicons. Default: true. */
  builtins?: boolean;
  /** Extra lexicons, validated like the built-in ones. Default: none. */
  lexicons?: readonly LexiconSource[];
  /** Strings inside which nothing is reported (e.g. a quoted historical name). Default: none. */
  allow?: readonly string[];
  /** Check as of this date (YYYY, YYYY-MM, YYYY-MM-DD or a Date): entries not yet or no longer in force are skipped. Default: today. */
  asOf?: string | Date;
  /** Search unlisted misspellings of mandated phrases and typo words. Default: true. */
  fuzzy?: boolean;
  /** Segmenter used to tell typos from real words: 'jieba' (@node-rs/jieba), 'nodejieba', 'none', or your own. Default: 'jieba'. */
  segmenter?: Segmenter | 'jieba' | 'nodejieba' | 'none';
  /** Drop findings whose confidence is below this, in [0, 1]. Default: 0. */
  minConfidence?: number;
}

export interface Checker {
  /** Checks plain text; findings sorted by position, offsets into `text` (see Finding). Never throws on content. */
  check(text: string): Finding[];
  /**
   * Checks an HTML string: visible text and visible attributes only (see src/html/extract.ts);
   * findings sorted by position, `start`/`end`/`line`/`column`/`actual` refer to `html` itself and
   * `text` holds the decoded text. Inline directives are not applied here (see applyDirectives).
   */
  checkHtml(html: string): Finding[];
  /**
   * Checks a stream (a Node Readable of text or UTF-8 bytes, or any (async) iterable of strings or
   * Uint8Arrays) in bounded memory; yields the findings `check` would return on the whole text, with
   * offsets and line/column over the whole stream. See src/stream/index.ts for the window contract.
   */
  checkStream(source: StreamSource, options?: StreamOptions): AsyncGenerator<Finding, void, undefined>;
  /** The entries in force for this checker (after `asOf`), in load order. */
  readonly entries: readonly LexiconEntry[];
  /** The normalizer's one-to-one map (used by adapters that need the matching form of text). */
  readonly normalizer: Normalizer;
}

/** Validates options at the boundary; names the offending option. */
function checkOptions(options: CheckerOptions): void {
  if (typeof options !== 'object' || options === null) throw new OptionsError('options', 'must be an object');
  const known = ['builtins', 'lexicons', 'allow', 'asOf', 'fuzzy', 'segmenter', 'minConfidence'];
  for (const key of Object.keys(options)) if (!known.includes(key)) throw new OptionsError(`options.${key}`, `is not a known option (${known.join(', ')})`);
  if (options.builtins !== undefined && typeof options.builtins !== 'boolean') throw new OptionsError('options.builtins', 'must be a boolean');
  if (options.fuzzy !== undefined && typeof options.fuzzy !== 'boolean') throw new OptionsError('options.fuzzy', 'must be a boolean');
  if (options.lexicons !== undefined) {
    if (!Array.isArray(options.lexicons)) throw new OptionsError('options.lexicons', 'must be an array of { name, text }');
    options.lexicons.forEach((l, i) => {
      if (typeof l !== 'object' || l === null || typeof l.name !== 'string' || typeof l.text !== 'string') throw new OptionsError(`options.lexicons[${i}]`, 'must be { name: string, text: string }');
    });
  }
  if (options.allow !== undefined) {
    if (!Array.isArray(options.allow)) throw new OptionsError('options.allow', 'must be an array of strings');
    options.allow.forEach((a, i) => {
      if (typeof a !== 'string' || a.trim() === '') throw new OptionsError(`options.allow[${i}]`, 'must be a non-empty string');
    });
  }
  if (options.minConfidence !== undefined && !(typeof options.minConfidence === 'number' && options.minConfidence >= 0 && options.minConfidence <= 1)) {
    throw new OptionsError('options.minConfidence', 'must be a number in [0, 1]');
  }
  const seg = options.segmenter;
  if (seg !== undefined && seg !== 'jieba' && seg !== 'nodejieba' && seg !== 'none' && (typeof seg !== 'object' || seg === null || typeof seg.cut !== 'function')) {
    throw new OptionsError('options.segmenter', "must be 'jieba', 'nodejieba', 'none' or an object with cut(text)");
  }
}

/** YYYY-MM-DD of an asOf option. */
export function asOfDate(asOf: string | Date | undefined): string {
  if (asOf === undefined) return new Date().toISOString().slice(0, 10);
  if (asOf instanceof Date) {
    if (Number.isNaN(asOf.getTime())) throw new OptionsError('options.asOf', 'is an invalid Date');
    return asOf.toISOString().slice(0, 10);
  }
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(asOf));
  if (!m) throw new OptionsError('options.asOf', 'must be YYYY, YYYY-MM, YYYY-MM-DD or a Date');
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
  // A calendar date: the month 01-12, the day within it (2020-02-30 and 2020-99-99 are no dates).
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  if (month < 1 || month > 12 || day < 1 || day > days) {
    throw new OptionsError('options.asOf', `is no calendar date: ${String(asOf)}`);
  }
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

/** Whether an entry is in force on a date. */
export function inForce(entry: LexiconEntry, date: string): boolean {
  return (entry.since === undefined || entry.since <= date) && (entry.until === undefined || date < entry.until);
}

/** Loads, validates and filters every lexicon; throws LexiconError listing every issue. */
export function loadEntries(options: CheckerOptions, normalizer: Normalizer, builtinEntries: () => readonly LexiconEntry[]): LexiconEntry[] {
  const all: LexiconEntry[] = options.builtins === false ? [] : [...builtinEntries()];
  const issues: LexiconIssue[] = [];
  const check = textCheckFor(normalizer);
  for (const source of options.lexicons ?? []) {
    const parsed = parseLexiconFile(source.name, source.text, check);
    all.push(...parsed.entries);
    issues.push(...parsed.issues);
  }
  // The built-in lexicon was validated when it was compiled; cross-checks are needed only once a
  // user's lexicon joins it.
  if ((options.lexicons ?? []).length > 0) issues.push(...validateEntries(all, normalizer.key));
  if (issues.length > 0) throw new LexiconError(issues);
  return all;
}

const PRIORITY: Record<RuleId, number> = {
  'wrong-formulation': 0,
  'banned-term': 0,
  'outdated-name': 0,
  'common-typo': 0,
  misspelling: 1,
  'lookalike-char': 2,
};

interface Draft {
  rule: RuleId;
  severity: Severity;
  start: number;
  end: number;
  expected: string[];
  entry: LexiconEntry;
  detail: ErrorDetail;
  confidence: number;
  edit?: string;
  /** Fuzzy findings: text position of the edit. */
  editPos?: number;
  fuzzy: boolean;
}

export function createChecker(options: CheckerOptions = {}): Checker {
  checkOptions(options);
  const data = loadBuiltinData();
  const normalizer = createNormalizer(data.normalizeTsv);
  const date = asOfDate(options.asOf);
  const entries = loadEntries(options, normalizer, () => data.entries).filter((e) => inForce(e, date));
  const model = buildMatchModel(entries, normalizer, options.allow ?? []);
  const fuzzy = options.fuzzy !== false;
  const minConfidence = options.minConfidence ?? 0;
  // Resolved now (cheap: dictionaries load on the first cut), so that a missing optional segmenter
  // package is a SegmenterError of createChecker, not of the first check.
  const segmenter = resolveSegmenter(options.segmenter);
  const getSegmenter = (): Segmenter | undefined => segmenter;
  let ctx: ScanContext | undefined;
  const getContext = (): ScanContext => {
    if (ctx) return ctx;
    const confusion = createConfusion({ pinyinTsv: data.pinyinTsv, lookalikeTsv: data.lookalikeTsv });
    const bits = (a: number, b: number): number => {
      const k = confusion.kind(a, b);
      return k === null ? 0 : k === 'homophone' ? 1 : k === 'near-homophone' ? 2 : 4;
    };
    const anchorFilters = buildAnchorFilters(model, (c) => confusion.candidates(c), EDGE_OMISSION_LENGTH);
    ctx = { model, anchorFilters, map: normalizer.map, kind: normalizer.kind, confusion: bits, fuzzy, state: new ScanState(model.targets.length) };
    return ctx;
  };
  // HTML: the extracted text has a line break only where a block ends, so there it ends a phrase.
  let hard: { ctx: ScanContext; normalizer: Normalizer } | undefined;
  const getHard = (): { ctx: ScanContext; normalizer: Normalizer } => {
    if (hard) return hard;
    const soft = getContext();
    const kind = normalizer.kind.slice();
    const unitClass = model.unitClass.slice();
    for (const c of [10, 13]) {
      kind[c] = CharKind.Plain;
      unitClass[c] = model.automaton.classOf[c]!;
    }
    const hardNormalizer: Normalizer = { ...normalizer, kind };
    hard = { ctx: { ...soft, kind, model: { ...model, unitClass }, state: new ScanState(model.targets.length) }, normalizer: hardNormalizer };
    return hard;
  };

  return {
    entries,
    normalizer,
    check(text: string): Finding[] {
      if (typeof text !== 'string') throw new TypeError(`check(text): text must be a string, got ${text === null ? 'null' : typeof text}`);
      return findingsFor(text, model, getContext(), normalizer, getSegmenter, minConfidence);
    },
    checkHtml(html: string): Finding[] {
      return checkHtmlWith((text) => {
        const { ctx: hardCtx, normalizer: hardNormalizer } = getHard();
        return findingsFor(text, hardCtx.model, hardCtx, hardNormalizer, getSegmenter, minConfidence);
      }, html);
    },
    checkStream(source: StreamSource, streamOptions?: StreamOptions): AsyncGenerator<Finding, void, undefined> {
      return checkStream((text) => findingsFor(text, model, getContext(), normalizer, getSegmenter, minConfidence), source, streamOptions);
    },
  };
}

const DRIFT_RANK: Partial<Record<ErrorDetail, number>> = { lookalike: 4, traditional: 3, noise: 2, fullwidth: 1 };

/** How text[start, end) differs from its matching form (noise, traditional, look-alike ...), if at all. */
function driftIn(text: string, start: number, end: number, normalizer: Normalizer): ErrorDetail | undefined {
  const { map, kind } = normalizer;
  let detail: ErrorDetail | undefined;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (map[c] === c && kind[c] !== CharKind.Skip) continue;
    if (c === 10 || c === 13) continue; // a hard line wrap inside a phrase is not an error
    const k = normalizer.kind[c];
    const d: ErrorDetail | undefined =
      k === CharKind.Skip ? 'noise' : k === CharKind.Lookalike ? 'lookalike' : k === CharKind.Traditional ? 'traditional' : k === CharKind.Fullwidth ? 'fullwidth' : undefined;
    if (d && (detail === undefined || DRIFT_RANK[d]! > DRIFT_RANK[detail]!)) detail = d;
  }
  return detail;
}

function findingsFor(
  text: string,
  model: MatchModel,
  ctx: ScanContext,
  normalizer: Normalizer,
  getSegmenter: () => Segmenter | undefined,
  minConfidence: number,
): Finding[] {
  const { hits, candidates, lookalikes } = scan(text, ctx);
  const { hitType, hitRef, entries, targets } = model;
  const drafts: Draft[] = [];
  const correct = new SpanIndex(); // correctly written phrases (hits come sorted by end)
  const allowed = new SpanIndex();
  const fuzzyCandidates: FuzzyCandidate[] = candidates.slice();
  const isSkipUnit = (c: number): boolean => normalizer.kind[c] === CharKind.Skip;
  const headlineSpacing = (t: string, start: number, end: number, original: string): boolean => {
    const segmenter = getSegmenter();
    return segmenter !== undefined && spacesSeparateWords(t, start, end, normalizer.key(original), segmenter, isSkipUnit);
  };

  for (let h = 0; h < hits.length; h++) {
    const p = hits.pattern[h]!;
    const start = hits.start[h]!;
    const end = hits.end[h]!;
    const type = hitType[p]!;
    if (type === HitType.Allow) {
      // An allowed text vouches for its wording, not for look-alike code points or stray spaces
      // inside it (最高人⺠法院原院长 is still wrong).
      if (driftIn(text, start, end, normalizer) === undefined) allowed.add(start, end);
      continue;
    }
    if (type === HitType.Swap) {
      const t = hitRef[p]!;
      fuzzyCandidates.push({ target: t, start, end, detail: 'transposition', confidence: 0.85, editPos: start, edit: '字序颠倒' });
      continue;
    }
    const entry = entries[hitRef[p]!]!;
    // Most hits are correctly written phrases: tell them apart without allocating a substring.
    const drift = driftIn(text, start, end, normalizer);
    const original = drift === undefined && type === HitType.Correct ? '' : text.slice(start, end);
    const base = { start, end, entry, severity: entry.severity, fuzzy: false };
    switch (type) {
      case HitType.Correct: {
        correct.add(start, end);
        // A headline's typed space between two words of the phrase separates items (新发展 新格局).
        if (drift === 'noise' && headlineSpacing(text, start, end, original)) break;
        if (drift) {
          const expected = entry.kind === 'typo' ? normalizer.key(original) : entry.text;
          drafts.push({ ...base, rule: 'misspelling', expected: [expected], detail: drift, confidence: drift === 'noise' ? 0.9 : 0.95 });
        }
        break;
      }
      case HitType.Variant:
        drafts.push({ ...base, rule: 'wrong-formulation', expected: [entry.text], detail: 'listed', confidence: 1 });
        break;
      case HitType.Banned:
        drafts.push({ ...base, rule: 'banned-term', expected: entry.replacement, detail: 'listed', confidence: 1 });
        break;
      case HitType.Outdated:
        drafts.push({ ...base, rule: 'outdated-name', expected: entry.replacement, detail: 'listed', confidence: 1 });
        break;
      case HitType.Typo:
        drafts.push({ ...base, rule: 'common-typo', expected: entry.replacement, detail: 'listed', confidence: 1 });
        break;
    }
  }

  // Fuzzy candidates: dedupe, drop known texts, then the real-word guard.
  if (fuzzyCandidates.length > 0) {
    fuzzyCandidates.sort((a, b) => a.start - b.start || a.end - b.end || a.target - b.target);
    const isSkip = (c: number): boolean => normalizer.kind[c] === CharKind.Skip;
    let prev: FuzzyCandidate | undefined;
    for (const c of fuzzyCandidates) {
      if (prev && prev.start === c.start && prev.end === c.end && prev.target === c.target) continue;
      prev = c;
      if (model.knownKeys.has(normalizer.key(text.slice(c.start, c.end)))) continue;
      const segmenter = getSegmenter();
      if (segmenter) {
        const targetEntry = entries[targets[c.target]!.entry]!;
        const guardTarget = { text: targets[c.target]!.text, length: targets[c.target]!.codes.length, fixed: targetEntry.kind === 'typo', idiom: targetEntry.category === 'idiom' };
        if (readsAsRealWords(text, c, guardTarget, segmenter, isSkip)) continue;
      }
      const target = targets[c.target]!;
      const entry = entries[target.entry]!;
      const draft: Draft = { rule: 'misspelling', severity: entry.severity, start: c.start, end: c.end, expected: [target.text], entry, detail: c.detail, confidence: c.confidence, fuzzy: true, edit: c.edit, editPos: c.editPos };
      drafts.push(draft);
    }
  }

  const kept = drafts.filter((d) => {
    if (d.confidence < minConfidence) return false;
    if (allowed.contains(d.start, d.end)) return false;
    if (d.fuzzy) {
      // A fuzzy candidate may contain a correctly written phrase, or share its exact part with one
      // (中共中央宣部: 中央), but its edit must not fall inside a correctly written phrase.
      const at = d.editPos ?? d.start;
      if (correct.someOverlapping(d.start, d.end, (a, b) => !(d.start <= a && b <= d.end) && a <= at && at < b)) return false;
    } else if (d.rule !== 'misspelling' && correct.someOverlapping(d.start, d.end, (a, b) => a <= d.start && d.end <= b && (a !== d.start || b !== d.end))) {
      return false;
    }
    // An old name in a sentence that also gives the new one is history (从中央财经领导小组到中央财经委员会).
    if (d.rule === 'outdated-name' && sentenceHolds(text, d.start, d.end, d.expected, normalizer.key)) return false;
    // An old name marked as former, or told in its reform, a past act or a biography, is history too.
    if (d.rule === 'outdated-name' && outdatedNameIsHistory(text, d.start, d.end, getSegmenter())) return false;
    // A listed two-character typo read across a word boundary (按|排除) is two words, not the typo.
    if (d.rule === 'common-typo' && d.detail === 'listed') {
      const segmenter = getSegmenter();
      if (segmenter && typoCrossesWord(text, d.start, d.end, segmenter)) return false;
    }
    return !contextAllows(d.entry.unless, text, d.start, d.end, normalizer.key);
  });

  // Leftmost-longest among overlapping findings; listed forms before fuzzy ones.
  kept.sort((a, b) => a.start - b.start || b.end - a.end || PRIORITY[a.rule] - PRIORITY[b.rule] || b.confidence - a.confidence || (a.entry.id < b.entry.id ? -1 : 1));
  const chosen: Draft[] = [];
  let lastEnd = -1;
  for (const d of kept) {
    if (d.start < lastEnd) continue;
    chosen.push(d);
    lastEnd = d.end;
  }

  const location = new LocationIndex(text);
  const findings: Finding[] = chosen.map((d) => {
    const actual = text.slice(d.start, d.end);
    const at = location.locate(d.start)!;
    const finding: Finding = {
      rule: d.rule,
      severity: d.severity,
      start: d.start,
      end: d.end,
      line: at.line,
      column: at.column,
      actual,
      expected: d.expected,
      message: messageFor({ rule: d.rule, detail: d.detail, actual, expected: d.expected, ...(d.edit ? { edit: d.edit } : {}), ...(d.entry.since ? { since: d.entry.since } : {}) }),
      entry: d.entry.id,
      detail: d.detail,
      confidence: Math.round(d.confidence * 100) / 100,
      source: d.entry.source,
    };
    if (d.entry.note !== undefined) finding.note = d.entry.note;
    return finding;
  });

  // Look-alike code points anywhere, unless a phrase finding already covers them.
  if (lookalikes.length > 0) {
    let c = 0; // chosen is sorted and non-overlapping: sweep it alongside the sorted positions
    for (const pos of lookalikes) {
      while (c < chosen.length && chosen[c]!.end <= pos) c++;
      if (c < chosen.length && chosen[c]!.start <= pos) continue;
      if (allowed.contains(pos, pos + 1)) continue;
      const actual = text[pos]!;
      const expected = [String.fromCharCode(normalizer.map[text.charCodeAt(pos)]!)];
      const at = location.locate(pos)!;
      findings.push({
        rule: 'lookalike-char',
        severity: 'warning',
        start: pos,
        end: pos + 1,
        line: at.line,
        column: at.column,
        actual,
        expected,
        message: messageFor({ rule: 'lookalike-char', detail: 'lookalike', actual, expected }),
        entry: `lookalike-u${text.charCodeAt(pos).toString(16)}`,
        detail: 'lookalike',
        confidence: 0.99,
        source: 'Unicode: NFKC/NFC decompositions and EquivalentUnifiedIdeograph.txt',
      });
    }
    findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  }
  return findings;
}
