/**
 * How elements affect the extracted text. Names are lower case, as htmlparser2 reports them in
 * HTML mode. Anything not listed is inline (the browser default for unknown elements too).
 */

/** Elements whose content a reader never sees as page text; nothing inside them is checked. */
export const HIDDEN_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'noembed',
  'noframes',
  'object',
  // ruby annotations (pinyin above the characters) would cut the annotated phrase apart
  'rt',
  'rp',
]);

/**
 * Block-level (and other phrase-ending) elements: opening or closing one ends the current phrase,
 * so the extractor inserts a line break ("\n"), which no phrase match crosses.
 */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'button', 'caption', 'center', 'col', 'colgroup',
  'datalist', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html',
  'input', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'optgroup', 'option', 'p', 'plaintext', 'pre',
  'section', 'select', 'summary', 'table', 'tbody', 'td', 'textarea', 'tfoot', 'th', 'thead', 'title', 'tr', 'ul',
  'xmp', 'svg', 'math',
]);

/** Elements inside which source line breaks are kept as line breaks (elsewhere they render as a space). */
export const PREFORMATTED_ELEMENTS: ReadonlySet<string> = new Set(['pre', 'textarea', 'listing', 'plaintext', 'xmp']);

/**
 * Elements whose text is shown but cannot hold markup (the browser shows tags there literally or
 * drops them), so an adapter must not insert a `<mark>` inside them.
 */
export const TEXT_ONLY_ELEMENTS: ReadonlySet<string> = new Set(['title', 'textarea', 'option', 'optgroup', 'select', 'datalist', 'xmp', 'plaintext']);

/** Attributes a reader sees (tooltips, image alternatives, placeholders, labels read aloud). */
export const VISIBLE_ATTRIBUTES: ReadonlySet<string> = new Set(['title', 'alt', 'placeholder', 'aria-label']);

/** `<meta name=...>` / `<meta property=...>` values whose `content` is page text (search snippets, share cards). */
export const TEXT_META_NAMES: ReadonlySet<string> = new Set(['description', 'keywords', 'og:title', 'og:description', 'twitter:title', 'twitter:description']);
