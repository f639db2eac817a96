/**
 * `--redis URL` -> connection options for BullMQ and for our own client. redis://[user:pass@]host[:port][/db],
 * rediss:// for TLS. The password never appears in anything printed (see `describeRedis`).
 */
import { CommandError } from '../serve/checker-options.js';

export interface RedisConnection {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls?: Record<string, never>;
  /** BullMQ needs workers' commands to wait for a reconnect rather than fail. */
  maxRetriesPerRequest: null;
}

export function parseRedisUrl(value: string): RedisConnection {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CommandError(`--redis must be a URL such as redis://127.0.0.1:6379, not "${value}"`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new CommandError(`--redis must be a redis:// or rediss:// URL, not "${value}"`);
  const db = url.pathname === '' || url.pathname === '/' ? 0 : Number(url.pathname.slice(1));
  if (!Number.isInteger(db) || db < 0) throw new CommandError(`--redis: the database "${url.pathname.slice(1)}" must be a whole number`);
  const connection: RedisConnection = { host: url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port: url.port === '' ? 6379 : Number(url.port), db, maxRetriesPerRequest: null };
  if (url.username !== '') connection.username = decodeURIComponent(url.username);
  if (url.password !== '') connection.password = decodeURIComponent(url.password);
  if (url.protocol === 'rediss:') connection.tls = {};
  return connection;
}

/** host:port/db, for messages (no credentials). */
export function describeRedis(c: RedisConnection): string {
  return `${c.host.includes(':') ? `[${c.host}]` : c.host}:${c.port}/${c.db}`;
}

/**
 * Our own client (the results hash); BullMQ makes its own from the same options. The first
 * connection must succeed (a clear error otherwise, not endless retries). A `persistent` client
 * (a worker's) then rides out a Redis restart as BullMQ's own connections do: it reconnects for
 * ever and its commands wait for the connection instead of failing the page.
 */
export async function redisClient(connection: RedisConnection, options: { persistent?: boolean } = {}): Promise<import('ioredis').Redis> {
  const { Redis } = await import('ioredis');
  const probe = new Redis({ ...connection, maxRetriesPerRequest: 3, lazyConnect: true, retryStrategy: (times: number) => (times > 5 ? null : 200) });
  try {
    await probe.connect();
  } catch (error) {
    probe.disconnect();
    throw new CommandError(`cannot connect to redis at ${describeRedis(connection)}: ${(error as Error).message}`);
  }
  if (!options.persistent) return probe;
  probe.disconnect();
  const client = new Redis({ ...connection, maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(times * 200, 5000) });
  // Connection errors are retried; without a listener ioredis would print each one.
  client.on('error', () => undefined);
  return client;
}
