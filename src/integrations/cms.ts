/**
 * A CMS pre-publish hook: an article's HTML in, a verdict out. `pass` is false when a finding of
 * `failOn` severity or above remains after inline directives; `highlighted` is the article with
 * each finding in a `<mark>` for the editor's preview.
 */
import type { Checker } from '../checker.js';
import { checkSource } from '../cli/check-file.js';
import type { Finding, Severity } from '../types.js';
import { highlightHtml, type HighlightOptions } from './highlight.js';

export interface PrePublishOptions extends HighlightOptions {
  /** Lowest severity that blocks publishing. Default: error. */
  failOn?: Severity;
  /** Apply inline tifa-disable comments. Default: true. */
  directives?: boolean;
}

export interface PrePublishResult {
  pass: boolean;
  findings: Finding[];
  /** The HTML with `<mark>` around each finding (see highlightHtml). */
  highlighted: string;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function prePublishCheck(checker: Pick<Checker, 'check' | 'checkHtml'>, html: string, options: PrePublishOptions = {}): PrePublishResult {
  const { findings } = checkSource(checker, html, { kind: 'html', directives: options.directives !== false });
  const failOn = RANK[options.failOn ?? 'error'];
  const highlightOptions: HighlightOptions = {};
  if (options.tag !== undefined) highlightOptions.tag = options.tag;
  if (options.className !== undefined) highlightOptions.className = options.className;
  return { pass: !findings.some((f) => RANK[f.severity] >= failOn), findings, highlighted: highlightHtml(html, findings, highlightOptions) };
}
