/**
 * The page extensions, declared once: which files are read as HTML, and which a directory walk
 * picks up by default (`tifa check`, `tifa queue add`, the pre-commit hook, the saved-pages loop,
 * the worker pool). PDF and DOCX (src/documents) are read when named, not found by a walk.
 */

/** Extensions read as HTML (lower case); every other page file is text. */
export const HTML_EXTENSIONS: readonly string[] = ['.html', '.htm', '.shtml', '.xhtml'];

/** Extensions of plain-text pages picked up by a directory walk. */
export const TEXT_EXTENSIONS: readonly string[] = ['.txt', '.md'];

/** What a directory walk picks up when no `--ext` / `ext` is given: HTML, then text. */
export const DEFAULT_EXTENSIONS: readonly string[] = [...HTML_EXTENSIONS, ...TEXT_EXTENSIONS];
