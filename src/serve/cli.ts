/**
 * `tifa serve [options]`: parses its own options (dispatched from src/cli/index.ts), starts the
 * service, prints `tifa: listening on http://HOST:PORT`, and on SIGTERM or SIGINT finishes the
 * requests in flight and returns 0. Exit code 2 for a usage, config or lexicon problem.
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/index.js';
import { LexiconError, OptionsError } from '../errors.js';
import { DEFAULT_MAX_BODY } from './app.js';
import { checkerOptionsOf, CommandError, positiveInt } from './checker-options.js';
import { DEFAULT_PORT, startServer } from './server.js';
import { helpLines, OPTIONS, parseConfigOf, type OptionRow } from '../options/table.js';

export interface CommandIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
  /** Resolves when the process is asked to stop. Default: the first SIGTERM or SIGINT. */
  stopSignal?: Promise<unknown>;
}

/** The options of tifa serve: its own, then check's lexicon and config rows (src/options/table.ts) with help worded for a service. */
const SERVE_OPTIONS = {
  host: { type: 'string', arg: 'HOST', scope: 'run', group: 'Serve', help: 'interface to listen on (default: 127.0.0.1)' },
  port: { type: 'string', arg: 'N', scope: 'run', group: 'Serve', help: `port; 0 picks a free one (default: ${DEFAULT_PORT})` },
  jobs: { type: 'string', short: 'j', arg: 'N', scope: 'run', group: 'Serve', help: 'worker threads checking requests (default: the cores)' },
  'max-body': { type: 'string', arg: 'SIZE', scope: 'run', group: 'Serve', help: 'largest request body: bytes, or with k / m (default: 10m)' },
  lexicon: { ...OPTIONS.lexicon, group: 'Serve', help: 'add a lexicon file (repeatable)' },
  'no-builtins': { ...OPTIONS['no-builtins'], group: 'Serve' },
  allow: { ...OPTIONS.allow, group: 'Serve', help: 'strings (one per line) inside which nothing is reported' },
  'as-of': { ...OPTIONS['as-of'], group: 'Serve', help: 'default date of the checks (a request may give its own asOf)' },
  config: { ...OPTIONS.config, group: 'Serve' },
  'no-config': { ...OPTIONS['no-config'], group: 'Serve', help: 'do not look for tifa.config.json / package.json "tifa"' },
  help: { ...OPTIONS.help, group: 'Serve' },
} as const satisfies Record<string, OptionRow>;

export const SERVE_HELP = `Usage: tifa serve [options]

Starts the HTTP service: POST /v1/check (JSON {"text"|"html": ...} or a raw text/html or
text/plain page in any charset), GET /healthz, GET /metrics, GET /openapi.json. Prints
"tifa: listening on http://HOST:PORT"; SIGTERM finishes the requests in flight, then exits 0.

${helpLines('Serve', SERVE_OPTIONS)}`;

/** `10m`, `512k`, `1048576` -> bytes. */
export function parseSize(value: string, name: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$/i.exec(value);
  if (!m) throw new CommandError(`${name} must be a size in bytes (e.g. 10m, 512k, 1048576), not "${value}"`);
  const n = Math.floor(Number(m[1]) * ({ '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[m[2]!.toLowerCase()]!);
  if (n < 1) throw new CommandError(`${name} must be at least 1 byte`);
  return n;
}

/** Resolves on the first SIGTERM or SIGINT (and keeps the default handlers away while serving). */
export function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals): void => {
      process.off('SIGTERM', on);
      process.off('SIGINT', on);
      resolve(signal);
    };
    process.on('SIGTERM', on);
    process.on('SIGINT', on);
  });
}

export function describeError(error: unknown): string {
  if (error instanceof LexiconError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const known = error instanceof CommandError || error instanceof ConfigError || error instanceof OptionsError;
  return `tifa: ${known ? message : `error: ${message}`}`;
}

export async function serveCli(argv: readonly string[], io: CommandIO, version = '0.0.0'): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: parseConfigOf(SERVE_OPTIONS),
    }));
  } catch (error) {
    io.stderr.write(`tifa: serve: ${(error as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(SERVE_HELP);
    return 0;
  }
  let server;
  try {
    const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
    if (values.port !== undefined && !(values.port.trim() !== '' && Number.isInteger(port) && port >= 0 && port <= 65535)) throw new CommandError(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
    const jobs = values.jobs === undefined ? undefined : positiveInt(values.jobs, '--jobs');
    const maxBody = values['max-body'] === undefined ? DEFAULT_MAX_BODY : parseSize(values['max-body'], '--max-body');
    const checker = await checkerOptionsOf(
      {
        ...(values.config !== undefined ? { config: values.config } : {}),
        ...(values['no-config'] ? { noConfig: true } : {}),
        ...(values.lexicon ? { lexicon: values.lexicon } : {}),
        ...(values.allow !== undefined ? { allow: values.allow } : {}),
        ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
        ...(values['no-builtins'] ? { noBuiltins: true } : {}),
      },
      io.cwd,
    );
    const stop = io.stopSignal ?? stopSignal();
    server = await startServer({ host: values.host ?? '127.0.0.1', port, ...(jobs !== undefined ? { jobs } : {}), checker, maxBody, version, log: (line) => io.stderr.write(`${line}\n`) });
    io.stdout.write(`tifa: listening on ${server.url}\n`);
    // A checker that cannot be built (a lexicon error) ends the service with its message.
    const outcome = await Promise.race([stop.then(() => 'stop' as const), server.ready.then(() => stop.then(() => 'stop' as const))]);
    if (outcome === 'stop') await server.close();
    return 0;
  } catch (error) {
    await server?.close().catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      io.stderr.write(`tifa: cannot listen on ${values.host ?? '127.0.0.1'}:${values.port ?? DEFAULT_PORT}: ${code === 'EADDRINUSE' ? 'the port is in use' : code === 'EACCES' ? 'permission denied' : 'no such address on this machine'} (${code})\n`);
      return 2;
    }
    io.stderr.write(`${describeError(error)}\n`);
    return 2;
  }
}
