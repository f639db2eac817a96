/**
 * The pool's worker program (see ./index.ts). Built into dist/worker.js, a real file beside the
 * bundles, so a worker never depends on eval'd source or on the caller's working directory; from
 * source (tsx, vitest) it is loaded through tsx's API.
 *
 * It imports the entry module named in `workerData.entry` (tifa's own dist/index.js by default)
 * at run time, never at bundle time: the entry is an option (a test passes a fake one).
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Checker, CheckerOptions } from '../checker.js';
import type { Finding } from '../types.js';
import { findingFilter } from '../findings/filter.js';
import type { WorkerData, WorkerReply, WorkerTask } from './protocol.js';

interface EntryModule {
  createChecker(options: CheckerOptions): Checker;
  checkBytes?(checker: Checker, bytes: Uint8Array, options: { kind: 'html' | 'text'; directives: boolean; encoding?: string; stopAfter?: { count: number; keep: (f: Finding) => boolean } }): {
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
  };
}

const data = workerData as WorkerData;
const port = parentPort!;
const pending: WorkerTask[] = [];
let checker: Checker | undefined;
let entry: EntryModule | undefined;

const describe = (e: unknown): string => {
  const message = e !== null && typeof e === 'object' ? (e as { message?: unknown }).message : undefined;
  return typeof message === 'string' && message !== '' ? message : String(e);
};
const codeOf = (e: unknown): string | undefined => (e !== null && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined);
const send = (reply: WorkerReply): void => port.postMessage(reply);

function unreadable(task: WorkerTask, e: unknown): void {
  const code = codeOf(e);
  send({ id: task.id, error: { message: `cannot read ${task.file}: ${code ?? describe(e)}`, ...(code === undefined ? {} : { code }) } });
}

function checkFailed(task: WorkerTask, e: unknown): void {
  send({ id: task.id, error: { message: `check failed on ${task.file}: ${describe(e)}`, code: 'CHECK_FAILED' } });
}

/** With the `source` option: bytes in, `checkBytes` of the entry (encoding, HTML or text, directives). */
function runSource(task: WorkerTask, o: NonNullable<WorkerData['source']>): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(task.file);
  } catch (e) {
    unreadable(task, e);
    return;
  }
  try {
    const name = task.file.toLowerCase();
    const kind = o.kind ?? (o.htmlExtensions.some((e) => name.endsWith(e)) ? 'html' : 'text');
    const stopAfter = o.stopAfter === undefined ? {} : { stopAfter: { count: o.stopAfter.count, keep: findingFilter(o.stopAfter) } };
    const r = entry!.checkBytes!(checker!, bytes, { kind, directives: o.directives !== false, ...(o.encoding ? { encoding: o.encoding } : {}), ...stopAfter });
    send({
      id: task.id,
      findings: r.findings,
      text: r.text,
      source: { kind: r.kind, suppressed: r.suppressed, encoding: r.encoding, encodingSource: r.encodingSource, replacements: r.replacements, bytes: r.bytes, ...(r.encodingWarning !== undefined ? { encodingWarning: r.encodingWarning } : {}), ...(r.stopped === true ? { stopped: true } : {}) },
    });
  } catch (e) {
    checkFailed(task, e);
  }
}

function run(task: WorkerTask): void {
  if (data.source) return runSource(task, data.source);
  let text: string;
  try {
    text = readFileSync(task.file, 'utf8');
  } catch (e) {
    unreadable(task, e);
    return;
  }
  try {
    const name = task.file.toLowerCase();
    const findings = data.html.some((e) => name.endsWith(e)) ? checker!.checkHtml(text) : checker!.check(text);
    send(data.includeText ? { id: task.id, findings, text } : { id: task.id, findings });
  } catch (e) {
    checkFailed(task, e);
  }
}

port.on('message', (task: WorkerTask) => {
  if (checker) run(task);
  else pending.push(task);
});

/** The entry module: a .ts entry (from source, in development and tests) goes through tsx's API. */
async function loadEntry(): Promise<EntryModule> {
  if (data.tsxApi) {
    const api = (await import(data.tsxApi)) as { tsImport(specifier: string, parent: string): Promise<EntryModule> };
    return api.tsImport(data.entry, data.entry);
  }
  return (await import(data.entry)) as EntryModule;
}

loadEntry().then(
  (m) => {
    try {
      entry = m;
      if (data.source && typeof m.checkBytes !== 'function') throw new Error(`${data.entry} exports no checkBytes (needed by the source option)`);
      checker = m.createChecker(data.options);
    } catch (e) {
      const name = e !== null && typeof e === 'object' ? (e as { name?: unknown }).name : undefined;
      send({ setupError: { message: describe(e), name: typeof name === 'string' && name !== '' ? name : 'Error' } });
      return;
    }
    send({ ready: true });
    for (const t of pending.splice(0)) run(t);
  },
  (e: unknown) => send({ setupError: { message: `cannot load ${data.entry}: ${describe(e)}`, name: 'Error' } }),
);
