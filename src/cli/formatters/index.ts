/** The output formats of `tifa check --format`. Each is a pure function of the results. */
import { checkstyle } from './checkstyle.js';
import { github } from './github.js';
import { html } from './html.js';
import { json, jsonl } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export const FORMATTERS: Readonly<Record<string, Formatter>> = { stylish, json, jsonl, sarif, github, checkstyle, html };
export { checkstyle, github, html, json, jsonl, sarif, stylish };
export type { FileResult, Formatter, FormatOptions } from './types.js';
