/**
 * `tifa lexicon compile <lexicon.yaml>... -o FILE [--no-builtins]`: validates the lexicons and
 * writes them, with their stored match model, to one compiled file (src/data/lexicon-file.ts),
 * which `--lexicon FILE` and `createChecker({ lexicons: [{ name, compiled }] })` load back without
 * parsing or building.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { compileLexicons } from '../data/lexicon-file.js';

export const LEXICON_COMPILE_USAGE = 'tifa lexicon compile <lexicon.yaml>... -o FILE [--no-builtins]';

export interface LexiconCompileRequest {
  files: readonly string[];
  output: string | undefined;
  builtins: boolean;
  cwd: string;
}

/** Compiles and writes; returns a one-line summary. Errors: `usage` for a bad command line, else the reading/writing problem or a LexiconError. */
export async function lexiconCompile(request: LexiconCompileRequest, usage: (message: string) => Error): Promise<string> {
  if (request.files.length === 0) throw usage(`lexicon compile needs at least one lexicon file (${LEXICON_COMPILE_USAGE})`);
  if (request.output === undefined) throw usage(`lexicon compile needs -o FILE, the file to write (${LEXICON_COMPILE_USAGE})`);
  const sources = await Promise.all(
    request.files.map(async (name) => {
      try {
        return { name, text: await readFile(resolve(request.cwd, name), 'utf8') };
      } catch (error) {
        throw usage(`cannot read lexicon ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    }),
  );
  const bytes = compileLexicons(sources, { builtins: request.builtins });
  try {
    await writeFile(resolve(request.cwd, request.output), bytes);
  } catch (error) {
    throw usage(`cannot write ${request.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return `tifa: compiled ${sources.length} lexicon file${sources.length === 1 ? '' : 's'} into ${request.output} (${(bytes.length / 1048576).toFixed(1)} MB)\n`;
}
