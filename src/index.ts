/**
 * tifa (提法): checks Chinese text for misspelled mandated phrases, wrong formulations, banned
 * terms, outdated names and common typos, with exact UTF-16 offsets.
 */
export { createChecker } from './checker.js';
export type { Checker, CheckerOptions, Explained, LexiconSource, YamlLexiconSource, CompiledLexiconSource } from './checker.js';
export { compileLexicons } from './data/lexicon-file.js';
export type { CompileLexiconsOptions } from './data/lexicon-file.js';
export { DataFileError } from './match/model-file.js';
export type { Finding, RuleId, Severity, ErrorDetail, EntryKind, Segmenter, FindingTrace, DroppedCandidate, RuleDecision } from './types.js';
export type { LexiconEntry, ContextRule } from './lexicon/types.js';
export { LexiconError, OptionsError, SegmenterError } from './errors.js';
export type { LexiconIssue } from './errors.js';
export { createJiebaSegmenter, createNodejiebaSegmenter } from './segment/index.js';
export type { NodejiebaSegmenterOptions } from './segment/index.js';
export { checkFiles, PoolSetupError } from './pool/index.js';
export type { PoolOptions, PoolFileResult } from './pool/index.js';
export type { StreamSource, StreamOptions } from './stream/index.js';
export { cli } from './cli/index.js';
export type { CliIO } from './cli/index.js';
// Pages in: HTML extraction, bytes and encodings, inline directives, output formats.
export { extractHtml, applyDirectives, htmlDirectives, textDirectives } from './html/index.js';
export type { ExtractedHtml, Directive, DirectiveKind, HtmlCheckOptions } from './html/index.js';
export { decodeBytes } from './encoding/index.js';
export type { DecodedText, DecodeOptions, EncodingSource } from './encoding/index.js';
export { checkFile, checkBytes, checkSource } from './cli/check-file.js';
export { checkDocument, extractDocument, DocumentError } from './documents/index.js';
export type { DocumentCheckResult, DocumentFinding, DocumentKind, DocumentPlace, DocumentText } from './documents/index.js';
export { runCrawl } from './crawl/index.js';
export type { CrawlOptions, CrawlReport, CrawledPage, CrawlScope, CrawlStats, FailedUrl, SkippedUrl } from './crawl/index.js';
export type { FileCheckResult, SourceKind, SourceOptions, SourceResult, BytesOptions } from './cli/check-file.js';
export { FORMATTERS as formatters } from './cli/formatters/index.js';
export type { FileResult, Formatter, FormatOptions } from './cli/formatters/index.js';
export type { TifaConfig } from './config/index.js';
// Automatic fixes: findings with one certain replacement written into the text.
export { fix } from './fix/index.js';
export type { FixResult, FixOptions, AppliedFix, SkippedFix, FixSkipReason } from './fix/index.js';
// Integrations: CMS pre-publish hook, crawler loop, git pre-commit hook.
export { prePublishCheck, highlightHtml, checkSavedPages, runPreCommit } from './integrations/index.js';
export type { PrePublishOptions, PrePublishResult, HighlightOptions, SavedPagesOptions, SavedPagesSummary, PreCommitOptions } from './integrations/index.js';
