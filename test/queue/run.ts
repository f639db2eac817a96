/** Runs `tifa queue ...` in memory (the worker stops on --exit-when-empty, never on a signal here). */
import { queueCli } from '../../src/queue/cli.js';

export interface QueueRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function queue(argv: string[], options: { cwd: string; stdin?: string }): Promise<QueueRun> {
  let stdout = '';
  let stderr = '';
  const code = await queueCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: options.cwd,
    env: {},
    readStdin: async () => options.stdin ?? '',
    stopSignal: new Promise(() => undefined),
  });
  return { code, stdout, stderr };
}
