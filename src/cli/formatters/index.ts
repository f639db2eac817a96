/** The output formats of `tifa check --format`. Each is a pure function of the results. */
import { checkstyle } from './checkstyle.js';
import { github } from './github.js';
import { html } from './html.js';
import { json, jsonl, jsonlWriter } from './json.js';
import { sarif } from './sarif.js';
import { stylish, stylishWriter } from './stylish.js';
import type { FileWriter, Formatter, FormatOptions } from './types.js';

export const FORMATTERS: Readonly<Record<string, Formatter>> = { stylish, json, jsonl, sarif, github, checkstyle, html };
/** The formats that can be written input by input (the others need every result first). */
export const WRITERS: Readonly<Record<string, (options: FormatOptions) => FileWriter>> = { stylish: stylishWriter, jsonl: jsonlWriter };
export { checkstyle, github, html, json, jsonl, sarif, stylish };
export type { FileResult, FileWriter, Formatter, FormatOptions } from './types.js';
