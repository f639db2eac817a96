/**
 * A crawler loop over saved pages: every page under a directory (as a crawler or `wget -r`
 * leaves them, in whatever encoding) is decoded, checked and written as JSON lines, one per
 * finding: `{ url, file, encoding, ...finding }`. A page that cannot be read gives one line
 * `{ url, file, error }` and the loop goes on.
 */
import { relative, resolve, sep } from 'node:path';
import type { Checker } from '../checker.js';
import { checkFile } from '../cli/check-file.js';
import { expandInputs } from '../cli/inputs.js';
import { HTML_EXTENSIONS } from '../options/extensions.js';

export interface SavedPagesOptions {
  checker: Pick<Checker, 'check' | 'checkHtml'>;
  /** Directory of saved pages. */
  root: string;
  /** Receives each JSON line (with its "\n"). */
  write: (line: string) => unknown;
  /** Extensions read. Default: HTML_EXTENSIONS (.html .htm .shtml .xhtml). */
  ext?: readonly string[];
  /** The page's URL from its path relative to root (`/` separators). Default: the relative path. */
  urlFor?: (relativePath: string) => string;
}

export interface SavedPagesSummary {
  pages: number;
  findings: number;
  bytes: number;
  /** Pages that could not be read. */
  failed: number;
  /** Pages with bad bytes (U+FFFD produced while decoding). */
  badBytes: number;
}

export async function checkSavedPages(options: SavedPagesOptions): Promise<SavedPagesSummary> {
  const root = resolve(options.root);
  const { files, problems } = await expandInputs([root], root, options.ext ?? HTML_EXTENSIONS);
  const summary: SavedPagesSummary = { pages: 0, findings: 0, bytes: 0, failed: 0, badBytes: 0 };
  for (const path of files) {
    const rel = relative(root, path).split(sep).join('/');
    const url = options.urlFor ? options.urlFor(rel) : rel;
    // A folder that cannot be listed, or a special file (never opened: a FIFO would block), is a failed page.
    const problem = problems.get(path);
    if (problem !== undefined) {
      summary.failed++;
      options.write(`${JSON.stringify({ url, file: rel, error: problem.code })}\n`);
      continue;
    }
    try {
      const result = await checkFile(options.checker, path);
      summary.pages++;
      summary.bytes += result.bytes;
      if (result.replacements > 0) summary.badBytes++;
      for (const f of result.findings) {
        options.write(`${JSON.stringify({ url, file: rel, encoding: result.encoding, ...f })}\n`);
        summary.findings++;
      }
    } catch (error) {
      summary.failed++;
      options.write(`${JSON.stringify({ url, file: rel, error: (error as NodeJS.ErrnoException).code ?? (error as Error).message })}\n`);
    }
  }
  return summary;
}
