/**
 * createChecker: compiles the lexicons once into an immutable checker whose `check(text)` is pure
 * (text in, findings out). See README "How it works" for the pipeline.
 */
import { LexiconError, OptionsError, type LexiconIssue } from './errors.js';
import { builtinConfusion, builtinNormalizer, loadBuiltinData, storedBuiltinModel } from './data/builtin.js';
import { resolveModel } from './data/stored-model.js';
import { openCompiledLexicons, type OpenedLexicons } from './data/lexicon-file.js';
import type { Normalizer } from './normalize/index.js';
import { parseLexiconFile, toIsoDate } from './lexicon/parse.js';
import { validateEntries } from './lexicon/validate.js';
import { textCheckFor } from './lexicon/text-check.js';
import type { LexiconEntry } from './lexicon/types.js';
import { scan, ScanState, type ScanContext } from './match/scan.js';
import { confusionBits } from './fuzzy/align.js';
import { resolveSegmenter } from './segment/index.js';
import type { DroppedCandidate, Finding, Segmenter } from './types.js';
import { checkHtmlWith, type HtmlCheckOptions } from './html/check-html.js';
import { blockScanContext } from './html/block-context.js';
import { calibrationFor, type Calibration } from './judge/index.js';
import { propose, type Pipeline } from './stages/propose.js';
import { judge } from './stages/judge.js';
import { resolve } from './stages/resolve.js';
import { locate } from './stages/locate.js';
import { checkStream, windowed, type StreamOptions, type StreamSource } from './stream/index.js';
import { collapseRepeats, withLookalikeRuns } from './findings/runs.js';
import { createPeopleStage, mergePeopleFindings } from './people/stage.js';
import { createSequenceStage, mergeSequenceFindings } from './sequence/stage.js';
import { validateCheckerOptions } from './options/checker.js';
import { DEFAULT_NONWORD_OPTIONS, loadNonwordTable, NonwordStage } from './nonword/index.js';

/** A user lexicon: YAML text in the format of dictionaries/FORMAT.md, and a name for error messages. */
export interface YamlLexiconSource {
  /** Shown in errors as `name:line: reason` (usually the file path). */
  name: string;
  /** The YAML text. */
  text: string;
}

/** User lexicons compiled by `tifa lexicon compile` (or compileLexicons): loaded without parsing, validating or building. */
export interface CompiledLexiconSource {
  /** Shown in errors (usually the file path). */
  name: string;
  /** The compiled file's bytes. */
  compiled: Uint8Array;
}

/** A user lexicon: YAML text, or a compiled lexicon file. */
export type LexiconSource = YamlLexiconSource | CompiledLexiconSource;

/** createChecker's options; each has its check in src/options/checker.ts (tied to this type at compile time). */
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
  /**
   * Report short non-words one confusable slip from a frequent word (src/nonword/: built-in data, not a
   * lexicon; needs fuzzy search and a segmenter with frequencies). Default: with the built-in lexicons.
   */
  nonword?: boolean;
  /**
   * The evidence, in nats, a non-word draft needs to be reported (NonwordOptions.margin of
   * src/nonword/stage.ts): higher reports fewer non-words, finding fewer slips and raising fewer false
   * alarms (bench/accuracy/tradeoff.ts measures both). Default: 7.5, tuned on 2019-2025 only.
   */
  nonwordMargin?: number;
  /** Segmenter used to tell typos from real words: 'jieba' (@node-rs/jieba without HMM, given its dictionary's words on demand from dist/data/frequency.bin), 'table' (the same cut computed by tifa over dist/data/frequency.bin, without the native module: the same tokens), 'nodejieba', 'none', or your own. Default: 'jieba'. */
  segmenter?: Segmenter | 'jieba' | 'table' | 'nodejieba' | 'none';
  /** Drop findings whose confidence is below this, in [0, 1]. Default: 0. */
  minConfidence?: number;
  /**
   * Attach to every finding the judge's trace (`finding.explain`: the rules that let it pass, the
   * rules that were off, the window as the segmenter read it). Slower: every rule is asked. Default: false.
   */
  explain?: boolean;
}

/** A check with the judge's trace: the findings, and every candidate the judge dropped with the rules that dropped it. */
export interface Explained {
  findings: Finding[];
  dropped: DroppedCandidate[];
}

export interface Checker {
  /** Checks plain text; findings sorted by position, offsets into `text` (see Finding). Never throws on content. */
  check(text: string): Finding[];
  /**
   * Checks an HTML string: visible text and visible attributes only (see src/html/extract.ts);
   * findings sorted by position, `start`/`end`/`line`/`column`/`actual` refer to `html` itself and
   * `text` holds the decoded text. Inline directives are not applied here (see applyDirectives).
   * With `options.until`, the check stops at the first finding for which it returns true (a cap
   * on findings; see HtmlCheckOptions).
   */
  checkHtml(html: string, options?: HtmlCheckOptions): Finding[];
  /**
   * Checks a stream (a Node Readable of text or UTF-8 bytes, or any (async) iterable of strings or
   * Uint8Arrays) in bounded memory; yields the findings `check` would return on the whole text, with
   * offsets and line/column over the whole stream. See src/stream/index.ts for the window contract.
   */
  checkStream(source: StreamSource, options?: StreamOptions): AsyncGenerator<Finding, void, undefined>;
  /**
   * Checks plain text like `check`, with the judge's trace: every finding carries `explain`, and
   * every candidate the judge dropped is listed with the rules that dropped it and their evidence.
   */
  explain(text: string): Explained;
  /** The entries in force for this checker (after `asOf`), in load order. */
  readonly entries: readonly LexiconEntry[];
  /** The normalizer's one-to-one map (used by adapters that need the matching form of text). */
  readonly normalizer: Normalizer;
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
  // A calendar date, checked as the lexicons' since/until are (2020-02-30 and 2020-99-99 are none).
  const iso = toIsoDate(m[0]);
  if (iso === undefined) throw new OptionsError('options.asOf', `is no calendar date: ${String(asOf)}`);
  return iso;
}

/** Whether an entry is in force on a date. */
export function inForce(entry: LexiconEntry, date: string): boolean {
  return (entry.since === undefined || entry.since <= date) && (entry.until === undefined || date < entry.until);
}

/** Loads, validates and filters every lexicon; throws LexiconError listing every issue. */
export function loadEntries(options: CheckerOptions, normalizer: Normalizer, builtinEntries: () => readonly LexiconEntry[], compiled: readonly OpenedLexicons[] = []): LexiconEntry[] {
  const builtins = options.builtins !== false;
  const all: LexiconEntry[] = builtins ? [...builtinEntries()] : [];
  const issues: LexiconIssue[] = [];
  const check = textCheckFor(normalizer);
  // Compiled lexicons first, in the order of the file they were compiled into (their stored model counts so).
  for (const c of compiled) for (const e of c.entries) all.push(e);
  const yaml = (options.lexicons ?? []).filter((s): s is YamlLexiconSource => 'text' in s);
  for (const source of yaml) {
    const parsed = parseLexiconFile(source.name, source.text, check);
    // A loop, not push(...spread): spreading passes every element as an argument, which overflows
    // the stack for a lexicon of a few hundred thousand entries.
    for (const e of parsed.entries) all.push(e);
    for (const i of parsed.issues) issues.push(i);
  }
  // The built-in lexicon was validated when it was compiled; cross-checks are needed only once a
  // user's lexicon joins it.
  // A compiled file was validated against the built-in lexicon when compiled (or alone, without it).
  const unvalidated = yaml.length > 0 || compiled.length > 1 || compiled.some((c) => builtins && !c.builtins);
  if (unvalidated) for (const i of validateEntries(all, normalizer.key)) issues.push(i);
  if (issues.length > 0) throw new LexiconError(issues);
  return all;
}

export function createChecker(options: CheckerOptions = {}): Checker {
  validateCheckerOptions(options);
  const data = loadBuiltinData();
  const normalizer = builtinNormalizer();
  const date = asOfDate(options.asOf);
  // Compiled lexicon files (src/data/lexicon-file.ts) bring entries, other stages' YAML and a stored model.
  const compiled = (options.lexicons ?? []).filter((s): s is CompiledLexiconSource => 'compiled' in s).map((s) => openCompiledLexicons(s.name, s.compiled));
  const texts = [...(options.lexicons ?? []).filter((s): s is YamlLexiconSource => 'text' in s), ...compiled.flatMap((c) => c.texts)];
  const all = loadEntries(options, normalizer, () => data.entries, compiled);
  const entries = all.filter((e) => inForce(e, date));
  // Leaders' names, titles and order (src/people/): its own table (`kind: people` lexicons) and findings.
  const people = createPeopleStage({ builtins: options.builtins !== false, lexicons: texts, asOf: date, minConfidence: options.minConfidence ?? 0 });
  // Enumerations in mandated order and fixed verb–object pairs (src/sequence/): `kind: sequence` lexicons.
  const sequences = createSequenceStage({ builtins: options.builtins !== false, lexicons: texts, asOf: date, normalizer });
  // The match model: mapped in from a stored one when it was stored for these entries (dist/data/model.bin
  // for the built-in lexicon alone, a compiled lexicon file's own), built otherwise (src/data/stored-model.ts).
  const resolved = resolveModel({ all, entries, date, normalizer, allow: options.allow ?? [], stored: storedModelFor(options, compiled), confusion: builtinConfusion });
  const model = resolved.model;
  const fuzzy = options.fuzzy !== false;
  // Resolved now (cheap: dictionaries load on the first cut), so that a missing optional segmenter
  // package is a SegmenterError of createChecker, not of the first check.
  const segmenter = resolveSegmenter(options.segmenter);
  const getSegmenter = (): Segmenter | undefined => segmenter;
  let calibration: Calibration | undefined;
  const pipeline: Pipeline = {
    model,
    normalizer,
    segmenter: getSegmenter,
    calibration: () => (calibration ??= calibrationFor(getSegmenter())),
    minConfidence: options.minConfidence ?? 0,
  };
  // Short non-words one slip from a frequent word (src/nonword/): built-in data, so by default with the
  // built-ins and fuzzy search only; the table loads on the first check.
  let nonword: NonwordStage | undefined;
  const nonwordOptions = { ...DEFAULT_NONWORD_OPTIONS, margin: options.nonwordMargin ?? DEFAULT_NONWORD_OPTIONS.margin };
  if (fuzzy && (options.nonword ?? options.builtins !== false)) pipeline.nonword = (text, seg) => (nonword ??= new NonwordStage(loadNonwordTable(), nonwordOptions)).drafts(text, seg);
  let ctx: ScanContext | undefined;
  const getContext = (): ScanContext => {
    if (ctx) return ctx;
    const confusion = builtinConfusion();
    const bits = confusionBits(confusion);
    const anchorFilters = resolved.anchorFilters();
    ctx = { model, anchorFilters, map: normalizer.map, kind: normalizer.kind, confusion: bits, fuzzy, state: new ScanState(model.targets.length) };
    return ctx;
  };
  let blocks: { ctx: ScanContext; pipeline: Pipeline } | undefined;
  const getBlocks = (): { ctx: ScanContext; pipeline: Pipeline } => {
    if (blocks) return blocks;
    const b = blockScanContext(getContext(), normalizer);
    return (blocks = { ctx: b.ctx, pipeline: { ...pipeline, model: b.ctx.model, normalizer: b.normalizer } });
  };
  const trace = options.explain === true;
  // Large texts are checked window by window (stream/index.ts, windowed): memory follows the
  // input and the findings, not every candidate a page full of errors raises.
  const run = windowed((text: string): Finding[] => mergeSequenceFindings(mergePeopleFindings(findingsFor(text, getContext(), pipeline, trace ? [] : undefined), people.check(text)), sequences.check(text)));
  const runBlocks = windowed((text: string): Finding[] => mergeSequenceFindings(mergePeopleFindings(findingsFor(text, getBlocks().ctx, getBlocks().pipeline, trace ? [] : undefined), people.check(text)), sequences.check(text)));

  return {
    entries,
    normalizer,
    check(text: string): Finding[] {
      if (typeof text !== 'string') throw new TypeError(`check(text): text must be a string, got ${text === null ? 'null' : typeof text}`);
      return run(text);
    },
    explain(text: string): Explained {
      if (typeof text !== 'string') throw new TypeError(`explain(text): text must be a string, got ${text === null ? 'null' : typeof text}`);
      const dropped: DroppedCandidate[] = [];
      return { findings: mergeSequenceFindings(mergePeopleFindings(findingsFor(text, getContext(), pipeline, dropped), people.check(text)), sequences.check(text)), dropped };
    },
    checkHtml(html: string, htmlOptions?: HtmlCheckOptions): Finding[] {
      // In a page, a line break of the extracted text ends a block, so it ends a phrase too.
      return checkHtmlWith(runBlocks, html, htmlOptions);
    },
    checkStream(source: StreamSource, streamOptions?: StreamOptions): AsyncGenerator<Finding, void, undefined> {
      return checkStream(run, source, streamOptions);
    },
  };
}

/** The stored model that may fit the checker's entries: the built-in one, or the one compiled lexicon file's. */
function storedModelFor(options: CheckerOptions, compiled: readonly OpenedLexicons[]): (() => { file: string; bytes: Uint8Array; checked?: boolean } | undefined) | undefined {
  const sources = options.lexicons ?? [];
  const builtins = options.builtins !== false;
  if (sources.length === 0) return builtins ? storedBuiltinModel : undefined;
  const only = compiled[0];
  if (sources.length !== 1 || !only || only.builtins !== builtins) return undefined;
  // Its checksum held when the file was opened.
  return () => ({ file: only.name, bytes: only.model, checked: true });
}

/**
 * One check, stage by stage: scan (one pass of the automaton: hits and fuzzy candidates) ->
 * propose (drafts of findings) -> judge (drop what is not really an error) -> resolve (leftmost-
 * longest) -> locate (line, column, message). With `dropped`, the judge's trace is kept.
 */
function findingsFor(text: string, ctx: ScanContext, pipeline: Pipeline, dropped?: DroppedCandidate[]): Finding[] {
  const scanned = scan(text, ctx);
  const { drafts, scene } = propose(text, scanned, pipeline);
  const chosen = resolve(judge(drafts, scene, dropped));
  // Look-alike code points and repeated findings come as runs, one finding each (findings/runs.ts).
  const phrases = locate(text, chosen);
  return collapseRepeats(text, withLookalikeRuns(text, phrases, scanned.lookalikes, scene.allowed, pipeline.normalizer));
}
