/** The `tifa` executable: a thin shell over `cli()` (argv, stdin bytes, exit code). */
import { cli } from './cli/index.js';

/**
 * A reader that goes away early (`tifa lexicon list | head -1`) is a normal end of the run, as for
 * other Unix tools: stop quietly, with the exit code set so far (0 when none), never a stack trace.
 */
function endQuietlyOnBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}
endQuietlyOnBrokenPipe(process.stdout);
endQuietlyOnBrokenPipe(process.stderr);

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

process.exitCode = await cli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin,
  cwd: process.cwd(),
  env: process.env,
});
