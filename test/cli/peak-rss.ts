/**
 * Runs the tifa CLI on the arguments after this script, in a process of its own, then writes its
 * peak resident set size as the last line of stderr (`peak-rss BYTES`): tests that bound memory
 * read it (test/cli/max-findings.test.ts).
 */
import { cli } from '../../src/cli/index.js';

const code = await cli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: async () => new Uint8Array(),
  cwd: process.cwd(),
  env: process.env,
});
process.stderr.write(`peak-rss ${process.resourceUsage().maxRSS * 1024}\n`);
process.exitCode = code;
