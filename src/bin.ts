/** The `tifa` executable: a thin shell over `cli()` (argv, stdin bytes, exit code). */
import { cli } from './cli/index.js';

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
