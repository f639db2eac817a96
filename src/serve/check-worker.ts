/**
 * The worker-thread side of the check pool (see check-pool.ts); bundled by the build as
 * dist/check-worker.js. Each thread builds its checker once, from plain options in workerData,
 * and one more per distinct `asOf` a request asks for (a few kept: building one takes ~0.5 s).
 */
import { workerData } from 'node:worker_threads';
import { createChecker, type Checker } from '../checker.js';
import { answerCheckTask, type CheckTaskJson, type CheckTaskResult, type CheckWorkerData, type WorkerMessage } from './check-task.js';

const data = workerData as CheckWorkerData;
/** Checkers by asOf and explain ('' = the pool's own options); the default one is never evicted. */
const checkers = new Map<string, Checker>();
const MAX_EXTRA_CHECKERS = 4;

function checkerFor(asOf: string | undefined, explain?: boolean): Checker {
  const key = asOf === undefined && explain === undefined ? '' : `${asOf ?? ''}|${explain ?? ''}`;
  let checker = checkers.get(key);
  if (checker) return checker;
  checker = createChecker({ ...data.checker, ...(asOf !== undefined ? { asOf } : {}), ...(explain !== undefined ? { explain } : {}) });
  if (key !== '' && checkers.size > MAX_EXTRA_CHECKERS) {
    const oldest = [...checkers.keys()].find((k) => k !== '');
    if (oldest !== undefined) checkers.delete(oldest);
  }
  checkers.set(key, checker);
  return checker;
}

export default function run(message: WorkerMessage): CheckTaskResult | CheckTaskJson | { ready: true } {
  if ('warm' in message) {
    checkerFor(undefined);
    return { ready: true };
  }
  return answerCheckTask(checkerFor(message.task.asOf, message.task.explain), message.task);
}
