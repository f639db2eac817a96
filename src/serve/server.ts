/**
 * `tifa serve` without the command line: a check pool, the app, a listening socket. `close()`
 * finishes the requests in flight (new ones get 503), then stops the worker threads.
 */
import type { CheckerOptions } from '../checker.js';
import { buildApp, DEFAULT_MAX_BODY } from './app.js';
import { createCheckPool, type CheckSendOptions } from './check-pool.js';
import type { CheckTask } from './check-task.js';

export interface ServeOptions {
  /** Interface to listen on. Default: 127.0.0.1 (loopback only; put a proxy in front for more). */
  host?: string;
  /** Port; 0 picks a free one. Default: 8080. */
  port?: number;
  /** Worker threads checking requests. Default: os.availableParallelism(). */
  jobs?: number;
  /** Checker options, as plain data. Default: {}. */
  checker?: CheckerOptions;
  /** Largest request body in bytes. Default: 10 MB. */
  maxBody?: number;
  /** Where server errors are reported. Default: nowhere. */
  log?: (line: string) => void;
  /** Version for /openapi.json. */
  version?: string;
}

export interface RunningServer {
  /** `http://HOST:PORT` with the port actually bound. */
  url: string;
  host: string;
  port: number;
  /** Resolves once every worker has built its checker (healthz 200); rejects with the setup error. */
  ready: Promise<void>;
  /** Stops accepting, finishes the requests in flight, stops the workers. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8080;

export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const pool = await createCheckPool({ ...(options.jobs !== undefined ? { jobs: options.jobs } : {}), checker: options.checker ?? {} });
  // Checks in flight, so that close() lets them end even when their client has gone (the server
  // closes once its sockets do; stopping the threads first would fail those checks).
  const inFlight = new Set<Promise<unknown>>();
  const tracked = {
    threads: pool.threads,
    get queued() {
      return pool.queued;
    },
    check<T extends CheckTask>(task: T, send?: CheckSendOptions) {
      const p = pool.check(task, send);
      const forget = (): void => {
        inFlight.delete(settled);
      };
      const settled: Promise<void> = p.then(forget, forget);
      inFlight.add(settled);
      return p;
    },
  };
  const ready = pool.ready();
  ready.catch(() => undefined); // observed by the caller; never an unhandled rejection
  let app;
  try {
    app = await buildApp({ pool: tracked, maxBody: options.maxBody ?? DEFAULT_MAX_BODY, ready, ...(options.log ? { log: options.log } : {}), ...(options.version ? { version: options.version } : {}) });
    await app.listen({ host, port: options.port ?? DEFAULT_PORT });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await pool.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port ?? DEFAULT_PORT;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    host,
    port,
    ready,
    close() {
      closing ??= app
        .close()
        .then(() => Promise.allSettled([...inFlight]))
        .then(() => pool.close());
      return closing;
    },
  };
}
