/**
 * `tifa check --fix` for one input: the certain fixes (see src/fix) written back in the input's own
 * encoding, byte order mark kept, every byte outside the fixed spans unchanged. The pure part
 * (bytes and text in, new bytes out) is here; reading and writing files is the caller's.
 *
 * Node can decode GBK, GB18030 and Big5 but not encode them; iconv-lite encodes. Before anything
 * is written, the unfixed text is encoded again and must give back the file's bytes exactly (it
 * does not when the file has bad bytes, or where the two libraries map a code point differently):
 * otherwise the file is left as it is, with the reason. A replacement the encoding cannot write
 * (a simplified character in a Big5 file) is skipped, the other fixes are applied.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Checker } from '../checker.js';
import { fix, type FixResult } from '../fix/index.js';
import { detectEncoding, sniffBom } from '../encoding/index.js';
import { checkSource, type SourceKind } from './check-file.js';
import type { Finding } from '../types.js';
import { lazyModule } from '../util/require.js';

const iconv = lazyModule<typeof import('iconv-lite')>('iconv-lite');
const jsdiff = lazyModule<typeof import('diff')>('diff');

type Encode = (text: string) => Uint8Array;

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** The decoder tifa reads an encoding with (decode.ts reads GBK with the GB18030 decoder). */
const decoderName = (encoding: string): string => (encoding === 'gbk' ? 'gb18030' : encoding);

/** An encoder for a WHATWG encoding name, or undefined when tifa cannot write it. */
export function encoderFor(encoding: string): Encode | undefined {
  const name = decoderName(encoding);
  if (name === 'utf-8') return (t) => Buffer.from(t, 'utf8');
  if (name === 'utf-16le') return (t) => Buffer.from(t, 'utf16le');
  const iconvName = name === 'utf-16be' ? 'utf-16be' : name;
  if (!iconv().encodingExists(iconvName)) return undefined;
  return (t) => iconv().encode(t, iconvName, { addBOM: false });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

export interface FixedInput {
  /** What fix() did with the findings. */
  fixed: FixResult;
  /** The new bytes of the file (BOM included); absent when nothing was applied or for string input. */
  bytes?: Uint8Array;
  /** Why nothing at all was applied to this input (its bytes cannot be written back exactly). */
  refused?: string;
}

/**
 * Fixes one decoded input. `original` is the input's bytes (absent when it came as a string);
 * `text` and `encoding` are what it was decoded to and with.
 */
export function fixInput(findings: readonly Finding[], text: string, original?: { bytes: Uint8Array; encoding: string; replacements: number }): FixedInput {
  const nothing = (refused: string): FixedInput => ({ fixed: { text, applied: [], skipped: findings.map((finding) => ({ finding, reason: 'rejected' as const })) }, refused });
  if (original === undefined) return { fixed: fix(text, findings) };
  const { bytes, encoding, replacements } = original;
  if (replacements > 0) return nothing(`${replacements} ${replacements === 1 ? 'byte sequence' : 'byte sequences'} not valid ${encoding} would be lost`);
  const encode = encoderFor(encoding);
  if (encode === undefined) return nothing(`cannot write ${encoding}`);
  const bom = sniffBom(bytes);
  const bomLength = bom !== undefined && bom.encoding === decoderName(encoding) ? bom.bomLength : 0;
  if (!sameBytes(encode(text), bytes.subarray(bomLength))) return nothing(`writing ${encoding} back would change bytes outside the fixes`);
  const decoder = new TextDecoder(decoderName(encoding), { ignoreBOM: true });
  const writable = new Map<string, boolean>(); // a page repeats its few replacements many times
  const canWrite = (replacement: string): boolean => {
    let ok = writable.get(replacement);
    if (ok === undefined) writable.set(replacement, (ok = decoder.decode(encode(replacement)) === replacement));
    return ok;
  };
  const fixed = fix(text, findings, { accept: (_f, replacement) => canWrite(replacement) });
  if (fixed.applied.length === 0) return { fixed };
  return { fixed, bytes: Buffer.concat([bytes.subarray(0, bomLength), encode(fixed.text)]) };
}

/** A unified diff (`--- a/name`, `+++ b/name`, 3 lines of context); '' when nothing changed. */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  return jsdiff().createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3, headerOptions: jsdiff().FILE_HEADERS_ONLY });
}

/** What the fixing pass needs of one checked input (the CLI's own result type has more). */
export interface CheckedInput {
  findings: Finding[];
  text: string;
  kind: SourceKind;
  suppressed: number;
  encoding?: string;
  replacements: number;
  /** Set for a PDF or DOCX: its text was extracted, there is no page text to rewrite. */
  document?: unknown;
  /** Set when the input could not be read (reported by the caller). */
  problem?: unknown;
  /** Set when the encoding is an uncertain guess: such a file is not rewritten. */
  encodingWarning?: string;
}

export interface FixPassOptions {
  /** `write`: rewrite files (stdin: print the fixed text); `dry-run`: print a unified diff, write nothing. */
  mode: 'write' | 'dry-run';
  checker: Pick<Checker, 'check' | 'checkHtml'>;
  /** Fix only what is reported (severity and rule filters). */
  keep: (f: Finding) => boolean;
  directives: boolean;
  /** The encoding forced with --encoding, if any. */
  encoding?: string;
  /** The name a file is shown under. */
  displayName: (file: string) => string;
  /** Standard output (diffs, the fixed text of stdin). */
  out: (s: string) => void;
  /** A line for standard error (what was fixed, what could not be). */
  say: (line: string) => void;
  /** Called for each file that could not be read again or written (the CLI then exits 2). */
  failed?: () => void;
  /**
   * How many more findings are to be reported (the CLI's --max-findings), asked before a fixed
   * text is checked again: that check stops once so many remain. Default: no cap.
   */
  findingsLeft?: () => number | undefined;
}

/**
 * The `--fix` pass between checking and reporting: each input's reported findings are fixed where
 * certain, the file rewritten (or the diff printed), and the fixed text checked again, so that
 * what is passed on, and reported, is what remains (that check stops at `findingsLeft`). Inputs
 * come in the order of `files`, one when the consumer asks for it: a consumer that stops (at
 * --max-findings) leaves the other files unchecked and unfixed.
 */
export async function* fixPass<T extends CheckedInput>(source: AsyncIterable<T>, files: readonly string[], options: FixPassOptions): AsyncGenerator<T> {
  let i = -1;
  for await (const checked of source) {
    const file = files[++i]!;
    if (checked.problem !== undefined) {
      yield checked;
      continue;
    }
    const name = options.displayName(file);
    const stdin = file === '-';
    const findings = checked.findings.filter(options.keep);
    if (checked.document !== undefined) {
      if (findings.length > 0) options.say(`tifa: warning: ${name}: not fixed: documents (PDF, DOCX) are not rewritten\n`);
      yield checked;
      continue;
    }
    let original: Parameters<typeof fixInput>[2];
    if (!stdin && findings.length > 0) {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (error) {
        options.say(`tifa: error: ${name}: not fixed: cannot read it again (${errorCode(error)})\n`);
        options.failed?.();
        yield checked;
        continue;
      }
      // An uncertain guess is not written to: a wrong one would put a second encoding into the file.
      // (Asked again here because results from the worker pool do not carry the warning.)
      const guessed = checked.encodingWarning ?? (options.encoding === undefined ? detectEncoding(bytes, { html: checked.kind === 'html' }).warning : undefined);
      if (guessed !== undefined) {
        options.say(`tifa: warning: ${name}: not fixed: its encoding (${checked.encoding ?? 'unknown'}) is a guess; declare it or pass --encoding\n`);
        yield checked;
        continue;
      }
      original = { bytes, encoding: checked.encoding ?? 'utf-8', replacements: checked.replacements };
    }
    const result = findings.length > 0 ? fixInput(findings, checked.text, original) : { fixed: { text: checked.text, applied: [], skipped: [] } };
    if (result.refused !== undefined) options.say(`tifa: warning: ${name}: not fixed: ${result.refused}\n`);
    const applied = result.fixed.applied.length;
    if (options.mode === 'dry-run') options.out(unifiedDiff(name, checked.text, result.fixed.text));
    else if (stdin) options.out(result.fixed.text);
    else if (result.bytes !== undefined) {
      try {
        await writeFile(file, result.bytes);
      } catch (error) {
        // The file is as it was (or could not be opened): its findings are reported unfixed.
        options.say(`tifa: error: ${name}: not fixed: cannot write it (${errorCode(error)})\n`);
        options.failed?.();
        yield checked;
        continue;
      }
    }
    if (applied === 0) {
      yield checked;
      continue;
    }
    options.say(`tifa: ${name}: ${options.mode === 'dry-run' ? 'would fix' : 'fixed'} ${applied} ${applied === 1 ? 'problem' : 'problems'}\n`);
    const left = options.findingsLeft?.();
    const again = checkSource(options.checker, result.fixed.text, { kind: checked.kind, directives: options.directives, ...(left !== undefined ? { stopAfter: { count: left, keep: options.keep } } : {}) });
    yield { ...checked, text: result.fixed.text, findings: again.findings, suppressed: again.suppressed, ...(again.stopped === true ? { stopped: true } : {}) };
  }
}
