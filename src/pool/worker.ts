/**
 * The pool's worker program (see ./index.ts), a piscina task module: the default export checks one
 * task (a file, or one range of a large text file) and returns its result. Built into
 * dist/worker.js, a real file beside the bundles, so a worker never depends on eval'd source or on
 * the caller's working directory; from source (tsx, vitest) it is loaded through tsx's loader.
 *
 * It imports the entry module named in `workerData.entry` (tifa's own dist/index.js by default)
 * at run time, never at bundle time: the entry is an option (a test passes a fake one). The
 * checker is created once, when the thread starts, before its first task arrives.
 */
import { workerData } from 'node:worker_threads';
import { runTask, setUp } from './tasks.js';
import type { WorkerData, WorkerReply, WorkerTask } from './protocol.js';

const data = workerData as WorkerData;

// Started with the thread, not with the first task: the checker is built while the pool plans.
const setup = setUp(data);

/** A batch of tasks: one result each (a read or check error as a result), or the setup error (the pool then stops). */
export default async function checkTasks(batch: WorkerTask[]): Promise<WorkerReply[]> {
  const ready = await setup;
  if ('setupError' in ready) return batch.map(() => ({ setupError: ready.setupError }));
  return batch.map((task) => runTask(task, ready, data));
}
