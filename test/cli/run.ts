import { cli, type CliIO } from '../../src/cli/index.js';
import { fixture } from '../helpers.js';

export const SEED = ['--no-builtins', '--lexicon', fixture('lexicons/seed.yaml'), '--as-of', '2024-01-01'];

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in memory. */
export async function run(argv: string[], options: { cwd?: string; stdin?: Uint8Array | string; tty?: boolean; stderrTty?: boolean; env?: Record<string, string>; now?: () => number } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty === true },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.stderrTty === true },
    readStdin: async () => options.stdin ?? '',
    cwd: options.cwd ?? fixture('.'),
    env: options.env ?? {},
    ...(options.now ? { now: options.now } : {}),
  };
  const code = await cli(argv, io);
  return { code, stdout, stderr };
}
