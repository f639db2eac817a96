/**
 * Checking one task of the pool (./index.ts): a file, or one range of a large text file, read and
 * checked as the pool's options say. Used by the worker program (./worker.ts) and by the calling
 * thread when it checks too (the pool's `mainThread` option).
 */
import { readFileSync } from 'node:fs';
import type { Checker, CheckerOptions } from '../checker.js';
import type { Finding } from '../types.js';
import { findingFilter } from '../findings/filter.js';
import { checkRange, planRanges } from './ranges.js';
import type { WorkerData, WorkerReply, WorkerTask } from './protocol.js';

interface BytesResult {
  findings: unknown[];
  text: string;
  kind: 'html' | 'text';
  suppressed: number;
  encoding: string;
  encodingSource: string;
  replacements: number;
  encodingWarning?: string;
  bytes: number;
  stopped?: boolean;
}

export interface EntryModule {
  createChecker(options: CheckerOptions): Checker;
  checkBytes?(checker: Pick<Checker, 'check' | 'checkHtml'>, bytes: Uint8Array, options: { kind: 'html' | 'text'; directives: boolean; encoding?: string; stopAfter?: { count: number; keep: (f: Finding) => boolean } }): BytesResult;
}

const describe = (e: unknown): string => {
  const message = e !== null && typeof e === 'object' ? (e as { message?: unknown }).message : undefined;
  return typeof message === 'string' && message !== '' ? message : String(e);
};
const codeOf = (e: unknown): string | undefined => (e !== null && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined);

function unreadable(task: WorkerTask, e: unknown): WorkerReply {
  const code = codeOf(e);
  return { id: task.id, error: { message: `cannot read ${task.file}: ${code ?? describe(e)}`, ...(code === undefined ? {} : { code }) } };
}

function checkFailed(task: WorkerTask, e: unknown): WorkerReply {
  return { id: task.id, error: { message: `check failed on ${task.file}: ${describe(e)}`, code: 'CHECK_FAILED' } };
}

/** The entry module: a .ts entry (from source, in development and tests) goes through tsx's API. */
async function loadEntry(data: WorkerData): Promise<EntryModule> {
  if (data.tsxApi) {
    const api = (await import(data.tsxApi)) as { tsImport(specifier: string, parent: string): Promise<EntryModule> };
    return api.tsImport(data.entry, data.entry);
  }
  return (await import(data.entry)) as EntryModule;
}

/** A thread's checker and entry module, or why they could not be made (reported as the pool's setup error). */
export type Setup = { entry: EntryModule; checker: Checker } | { setupError: { message: string; name: string } };

/** Loads the entry module and creates the checker the tasks of `data` are checked with. */
export async function setUp(data: WorkerData): Promise<Setup> {
  let entry: EntryModule;
  try {
    entry = await loadEntry(data);
  } catch (e) {
    return { setupError: { message: `cannot load ${data.entry}: ${describe(e)}`, name: 'Error' } };
  }
  try {
    if (data.source && typeof entry.checkBytes !== 'function') throw new Error(`${data.entry} exports no checkBytes (needed by the source option)`);
    return { entry, checker: entry.createChecker(data.options) };
  } catch (e) {
    const name = e !== null && typeof e === 'object' ? (e as { name?: unknown }).name : undefined;
    return { setupError: { message: describe(e), name: typeof name === 'string' && name !== '' ? name : 'Error' } };
  }
}

/**
 * A checker that checks only one range of the text it is given (the ranges planned from that
 * text), so that checkBytes decodes the whole file and applies its directives to the whole text.
 */
function rangeChecker(checker: Checker, part: NonNullable<WorkerTask['part']>): { proxy: Pick<Checker, 'check' | 'checkHtml'>; checked: () => { range: { emitFrom: number; cut: number }; findings: Finding[] } | undefined } {
  let checked: { range: { emitFrom: number; cut: number }; findings: Finding[] } | undefined;
  const proxy = {
    check(text: string): Finding[] {
      const range = planRanges(text, part.count)[part.index]!;
      const findings = checkRange((t) => checker.check(t), text, range);
      checked = { range: { emitFrom: range.emitFrom, cut: range.cut }, findings };
      return findings;
    },
    checkHtml(): Finding[] {
      throw new Error('a range of a file is checked as text only');
    },
  } as Pick<Checker, 'check' | 'checkHtml'>;
  return { proxy, checked: () => checked };
}

/** With the `source` option: bytes in, `checkBytes` of the entry (encoding, HTML or text, directives). */
function runSource(task: WorkerTask, entry: EntryModule, checker: Checker, o: NonNullable<WorkerData['source']>): WorkerReply {
  let bytes: Buffer;
  try {
    bytes = readFileSync(task.file);
  } catch (e) {
    return unreadable(task, e);
  }
  try {
    const name = task.file.toLowerCase();
    const kind = o.kind ?? (o.htmlExtensions.some((e) => name.endsWith(e)) ? 'html' : 'text');
    const stopAfter = o.stopAfter === undefined ? {} : { stopAfter: { count: o.stopAfter.count, keep: findingFilter(o.stopAfter) } };
    const ranged = task.part === undefined ? undefined : rangeChecker(checker, task.part);
    const r = entry.checkBytes!(ranged?.proxy ?? checker, bytes, { kind, directives: o.directives !== false, ...(o.encoding ? { encoding: o.encoding } : {}), ...stopAfter });
    const checked = ranged?.checked();
    const range = checked?.range;
    const first = task.part === undefined || task.part.index === 0;
    let suppressed = r.suppressed;
    if (checked !== undefined) {
      // every range sees the findings of its window's margins: count only the suppressed ones it emits
      const kept = new Set(r.findings);
      suppressed = checked.findings.filter((f) => !kept.has(f) && f.start >= checked.range.emitFrom && f.start < checked.range.cut).length;
    }
    return {
      id: task.id,
      findings: r.findings,
      ...(first ? { text: r.text } : {}),
      ...(range !== undefined ? { range } : {}),
      source: { kind: r.kind, suppressed, encoding: r.encoding, encodingSource: r.encodingSource, replacements: r.replacements, bytes: r.bytes, ...(r.encodingWarning !== undefined ? { encodingWarning: r.encodingWarning } : {}), ...(r.stopped === true ? { stopped: true } : {}) },
    };
  } catch (e) {
    return checkFailed(task, e);
  }
}

/** Without `source`: the file read as UTF-8 and given to `check`, or `checkHtml` by its ending. */
function runPlain(task: WorkerTask, checker: Checker, data: WorkerData): WorkerReply {
  let text: string;
  try {
    text = readFileSync(task.file, 'utf8');
  } catch (e) {
    return unreadable(task, e);
  }
  try {
    if (task.part !== undefined) {
      const range = planRanges(text, task.part.count)[task.part.index]!;
      const findings = checkRange((t) => checker.check(t), text, range);
      const reply: WorkerReply = { id: task.id, findings, range: { emitFrom: range.emitFrom, cut: range.cut } };
      if (data.includeText && task.part.index === 0) reply.text = text;
      return reply;
    }
    const name = task.file.toLowerCase();
    const findings = data.html.some((e) => name.endsWith(e)) ? checker.checkHtml(text) : checker.check(text);
    return data.includeText ? { id: task.id, findings, text } : { id: task.id, findings };
  } catch (e) {
    return checkFailed(task, e);
  }
}

/** One task's result (a read or check error as a result, never a throw). */
export function runTask(task: WorkerTask, ready: { entry: EntryModule; checker: Checker }, data: WorkerData): WorkerReply {
  return data.source ? runSource(task, ready.entry, ready.checker, data.source) : runPlain(task, ready.checker, data);
}
