/** HTML adapter: visible text with an offset map, findings mapped back, inline directives. */
export { extractHtml, htmlComments, type ExtractedHtml, type HtmlComment } from './extract.js';
export { OffsetMap, type Segment } from './offset-map.js';
export { checkHtmlWith, mapFindings, type HtmlCheckOptions } from './check-html.js';
export { applyDirectives, htmlDirectives, textDirectives, parseDirective, type Directive, type DirectiveKind } from './directives.js';
