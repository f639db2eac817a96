/**
 * tifa (提法): checks Chinese text for misspelled mandated phrases, wrong formulations, banned
 * terms, outdated names and common typos, with exact UTF-16 offsets.
 */
export { createChecker } from './checker.js';
export type { Checker, CheckerOptions, LexiconSource } from './checker.js';
export type { Finding, RuleId, Severity, ErrorDetail, EntryKind, Segmenter } from './types.js';
export type { LexiconEntry, ContextRule } from './lexicon/types.js';
export { LexiconError, OptionsError } from './errors.js';
export type { LexiconIssue } from './errors.js';
export { createJiebaSegmenter, createNodejiebaSegmenter } from './segment/index.js';
export { checkFiles, PoolSetupError } from './pool/index.js';
export type { PoolOptions, PoolFileResult } from './pool/index.js';
export type { StreamSource, StreamOptions } from './stream/index.js';
export { cli } from './cli/index.js';
export type { CliIO } from './cli/index.js';
