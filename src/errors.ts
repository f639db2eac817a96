/** One problem in a lexicon file, located by file and 1-based line. */
export interface LexiconIssue {
  file: string;
  line: number;
  reason: string;
}

/**
 * Thrown when lexicon data (built-in or a user's) is invalid. `issues` lists every problem found;
 * the message has one `file:line: reason` line per issue.
 */
export class LexiconError extends Error {
  readonly issues: readonly LexiconIssue[];
  constructor(issues: readonly LexiconIssue[]) {
    super(issues.map((i) => `${i.file}:${i.line}: ${i.reason}`).join('\n'));
    this.name = 'LexiconError';
    this.issues = issues;
  }
}

/** Thrown for invalid options passed to `createChecker` or the CLI; `path` names the option. */
export class OptionsError extends TypeError {
  readonly path: string;
  constructor(path: string, reason: string) {
    super(`${path} ${reason}`);
    this.name = 'OptionsError';
    this.path = path;
  }
}

/**
 * Thrown when the `segmenter` option cannot be used: an optional segmenter package that is not
 * installed (at `createChecker`), or a segmenter that breaks its contract (`cut(text)` must return
 * an array of strings whose concatenation is `text`; at the first call that breaks it). A kind of
 * OptionsError whose `path` is `options.segmenter`.
 */
export class SegmenterError extends OptionsError {
  constructor(message: string) {
    super('options.segmenter', message);
    this.name = 'SegmenterError';
    this.message = message;
  }
}
