/**
 * The HTTP service as a fastify app (built, not started: server.ts listens). Routes:
 *   POST /v1/check     JSON {text|html, options} or a raw text/html / text/plain body in any charset
 *   GET  /healthz      200 once every worker thread has its checker, else 503
 *   GET  /metrics      Prometheus text
 *   GET  /openapi.json the API described
 * Every error is JSON `{ "error": { "code", "message" } }`: 400 malformed JSON or a field of the
 * wrong type (named), 413 body over the limit, 415 other content types, 404 unknown path, 405
 * a known path with another method, 503 busy or not ready, 500 a check that failed. A failing
 * request never takes the process down. Checks run on the pool, never on the event loop.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RULE_IDS } from '../cli/formatters/rules.js';
import { canonicalEncoding, charsetOfContentType } from '../encoding/index.js';
import type { CheckPool } from './check-pool.js';
import { PoolBusyError } from './check-pool.js';
import type { CheckTask } from './check-task.js';
import { Metrics } from './metrics.js';
import { openApiDocument } from './openapi.js';

export interface AppOptions {
  /** The pool the checks run on. */
  pool: Pick<CheckPool, 'check' | 'threads' | 'queued'>;
  /** Largest request body in bytes. Default: 10 MB. */
  maxBody?: number;
  /** Resolves once the pool is ready (healthz answers 503 before, and with the reason if it rejects). Default: ready. */
  ready?: Promise<void>;
  /** Where server errors (5xx) are reported. Default: nowhere. */
  log?: (line: string) => void;
  /** The version shown in /openapi.json. Default: 0.0.0. */
  version?: string;
}

export const DEFAULT_MAX_BODY = 10 * 1024 * 1024;

/** An error answered as `{ error: { code, message } }` with this status. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const JSON_FIELDS = ['text', 'html', 'asOf', 'rules', 'minConfidence', 'directives', 'explain'];
const QUERY_FIELDS = ['asOf', 'rules', 'minConfidence', 'directives', 'explain', 'encoding'];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

/** Per-request options, after validation. */
interface RequestOptions {
  asOf?: string;
  rules?: string[];
  minConfidence?: number;
  directives?: boolean;
  explain?: boolean;
  encoding?: string;
}

const bad = (message: string): HttpError => new HttpError(400, 'invalid_request', message);

function checkOption(name: string, value: unknown, out: RequestOptions, where: string): void {
  switch (name) {
    case 'asOf':
      if (typeof value !== 'string' || !DATE.test(value)) throw bad(`${where}asOf must be a date YYYY, YYYY-MM or YYYY-MM-DD`);
      out.asOf = value;
      return;
    case 'rules':
      if (!Array.isArray(value) || !value.every((r) => typeof r === 'string')) throw bad(`${where}rules must be an array of rule ids`);
      for (const r of value as string[]) if (!(RULE_IDS as string[]).includes(r)) throw bad(`${where}rules: unknown rule "${r}" (${RULE_IDS.join(', ')})`);
      out.rules = value as string[];
      return;
    case 'minConfidence':
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw bad(`${where}minConfidence must be a number from 0 to 1`);
      out.minConfidence = value;
      return;
    case 'directives':
    case 'explain':
      if (typeof value !== 'boolean') throw bad(`${where}${name} must be true or false`);
      out[name] = value;
      return;
    case 'encoding': {
      const encoding = typeof value === 'string' ? canonicalEncoding(value) : undefined;
      if (encoding === undefined) throw bad(`${where}encoding: unknown encoding "${String(value)}"`);
      out.encoding = encoding;
      return;
    }
  }
}

/** Options from the query string (raw bodies; also allowed with JSON, where the body's own fields win). */
function queryOptions(query: unknown): RequestOptions {
  const out: RequestOptions = {};
  for (const [name, raw] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (!QUERY_FIELDS.includes(name)) throw bad(`unknown query parameter "${name}" (known: ${QUERY_FIELDS.join(', ')})`);
    if (typeof raw !== 'string') throw bad(`query parameter ${name} is given more than once`);
    const value = name === 'rules' ? raw.split(',').filter((r) => r !== '') : name === 'minConfidence' ? (raw.trim() === '' ? NaN : Number(raw)) : name === 'directives' || name === 'explain' ? (raw === 'true' ? true : raw === 'false' ? false : raw) : raw;
    checkOption(name, value, out, 'query parameter ');
  }
  return out;
}

/** A JSON body -> the task and its options; names the field that is wrong. */
function jsonTask(body: unknown, query: RequestOptions): { task: CheckTask; options: RequestOptions } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad('the body must be a JSON object with "text" or "html"');
  const options: RequestOptions = { ...query };
  const fields = body as Record<string, unknown>;
  for (const [name, value] of Object.entries(fields)) {
    if (!JSON_FIELDS.includes(name)) throw bad(`unknown field "${name}" (known: ${JSON_FIELDS.join(', ')})`);
    if ((name === 'text' || name === 'html') && typeof value !== 'string') throw bad(`${name} must be a string`);
    checkOption(name, value, options, '');
  }
  if (options.encoding !== undefined) throw bad('query parameter encoding applies to raw text/html or text/plain bodies only');
  const hasText = 'text' in fields;
  const hasHtml = 'html' in fields;
  if (hasText === hasHtml) throw bad(hasText ? 'give "text" or "html", not both' : 'the body needs a "text" or an "html" field (a string)');
  const task: CheckTask = hasText ? { text: fields.text as string, kind: 'text' } : { text: fields.html as string, kind: 'html' };
  return { task, options };
}

function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  return reply.code(error.status).type('application/json; charset=utf-8').send({ error: { code: error.code, message: error.message } });
}

/** Maps fastify's own errors (body limit, media type, bad content-length ...) and ours to the envelope. */
function toHttpError(error: unknown, maxBody: number): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof PoolBusyError) return new HttpError(503, 'busy', `${error.message}; retry later`);
  const e = error as { statusCode?: number; code?: string; message?: string };
  switch (e.statusCode) {
    case 413:
      return new HttpError(413, 'body_too_large', `the request body is larger than the limit of ${maxBody} bytes (--max-body)`);
    case 415:
      return new HttpError(415, 'unsupported_media_type', 'Content-Type must be application/json, text/html or text/plain');
    case 400:
      return new HttpError(400, 'bad_request', e.message ?? 'bad request');
  }
  if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) return new HttpError(e.statusCode, 'bad_request', e.message ?? 'bad request');
  return new HttpError(500, 'internal', `the check failed: ${e.message ?? String(error)}`);
}

/** Bodies arrive as bytes: JSON is decoded here (UTF-8, strictly), pages in the worker (any charset). */
function addBodyParsers(app: FastifyInstance, metrics: Metrics): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    const bytes = body as Buffer;
    metrics.bytes(bytes.length);
    if (bytes.length === 0) return done(new HttpError(400, 'invalid_json', 'the body is empty; send a JSON object with "text" or "html"'), undefined);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return done(new HttpError(400, 'invalid_json', 'a JSON body must be UTF-8 (send other encodings raw, as text/html or text/plain with a charset)'), undefined);
    }
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(new HttpError(400, 'invalid_json', `malformed JSON: ${(error as Error).message}`), undefined);
    }
  });
  app.addContentTypeParser(['text/html', 'text/plain'], { parseAs: 'buffer' }, (_request, body, done) => {
    metrics.bytes((body as Buffer).length);
    done(null, body);
  });
}

/** Times every request for the metrics. */
function addTiming(app: FastifyInstance, metrics: Metrics): void {
  const started = new WeakMap<FastifyRequest, bigint>();
  app.addHook('onRequest', async (request) => {
    started.set(request, process.hrtime.bigint());
  });
  app.addHook('onResponse', async (request, reply) => {
    const t0 = started.get(request);
    const seconds = t0 === undefined ? 0 : Number(process.hrtime.bigint() - t0) / 1e9;
    metrics.request(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, seconds);
  });
}

/** Every error as the JSON envelope; 404 for unknown paths. */
function addErrorHandling(app: FastifyInstance, maxBody: number, log: (line: string) => void): void {
  app.setErrorHandler((error, _request, reply) => {
    const http = toHttpError(error, maxBody);
    if (http.status === 500) log(`tifa: ${http.message}`);
    return sendError(reply, http);
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, new HttpError(404, 'not_found', `no route ${request.method} ${request.url.split('?')[0]} (see GET /openapi.json)`)));
}

/** 405 with an Allow header for the other methods of a known path. */
function allowOnly(app: FastifyInstance, url: string, allowed: readonly string[]): void {
  const allow = allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
  app.route({
    method: METHODS.filter((m) => !allow.includes(m)),
    url,
    exposeHeadRoute: false,
    handler: (request, reply) => sendError(reply.header('allow', allow.join(', ')), new HttpError(405, 'method_not_allowed', `${request.method} is not allowed on ${url} (allowed: ${allow.join(', ')})`)),
  });
}

/** A raw text/html or text/plain body -> the task (its charset from the query or the Content-Type). */
function rawTask(body: Buffer, contentType: string, query: RequestOptions): CheckTask {
  const kind = /^\s*text\/html/i.test(contentType) ? 'html' : 'text';
  const charset = charsetOfContentType(contentType);
  let encoding = query.encoding;
  if (encoding === undefined && charset !== undefined) {
    encoding = canonicalEncoding(charset);
    if (encoding === undefined) throw new HttpError(415, 'unsupported_charset', `unknown charset "${charset}" in Content-Type`);
  }
  // The body itself: fastify's buffer parser hands each request a fresh copy, which the pool then
  // transfers to the worker thread (see checkHandler), so the page is never copied or decoded here.
  return { bytes: body, kind, ...(encoding !== undefined ? { encoding } : {}) };
}

/**
 * POST /v1/check: the body and query -> a task on the pool. The worker thread filters the findings,
 * counts them by rule and serializes the answer (check-response.ts); the event loop only sends it.
 */
function checkHandler(options: AppOptions, metrics: Metrics) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const query = queryOptions(request.query);
    const body = request.body;
    if (body === undefined || body === null) throw new HttpError(400, 'empty_body', 'the request has no body; send JSON {"text": ...} or a text/html or text/plain page');
    const raw = Buffer.isBuffer(body);
    const { task, options: requestOptions } = raw ? { task: rawTask(body, String(request.headers['content-type'] ?? ''), query), options: query } : jsonTask(body, query);
    if (requestOptions.directives !== undefined) task.directives = requestOptions.directives;
    if (requestOptions.asOf !== undefined) task.asOf = requestOptions.asOf;
    if (requestOptions.explain !== undefined) task.explain = requestOptions.explain;
    if (requestOptions.rules !== undefined) task.rules = requestOptions.rules;
    if (requestOptions.minConfidence !== undefined) task.minConfidence = requestOptions.minConfidence;
    const result = await options.pool.check({ ...task, respond: 'json' }, { transfer: raw });
    metrics.checked(result.findingsByRule);
    // A string with a JSON content type goes out as it is (fastify serializes only objects).
    return reply.type('application/json; charset=utf-8').send(result.json);
  };
}

/** Builds the app (routes, parsers, error handling). The caller listens and closes. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { default: fastify } = await import('fastify');
  const maxBody = options.maxBody ?? DEFAULT_MAX_BODY;
  const metrics = new Metrics();
  let readiness: { state: 'starting' | 'ready' | 'failed'; reason?: string } = { state: options.ready ? 'starting' : 'ready' };
  options.ready?.then(
    () => (readiness = { state: 'ready' }),
    (error: unknown) => (readiness = { state: 'failed', reason: error instanceof Error ? error.message : String(error) }),
  );
  const app = fastify({ bodyLimit: maxBody, logger: false, return503OnClosing: true, forceCloseConnections: 'idle' });
  addBodyParsers(app, metrics);
  addTiming(app, metrics);
  addErrorHandling(app, maxBody, options.log ?? (() => undefined));

  app.post('/v1/check', checkHandler(options, metrics));
  allowOnly(app, '/v1/check', ['POST']);

  app.get('/healthz', async (_request, reply) => {
    if (readiness.state === 'ready') return reply.send({ status: 'ok', threads: options.pool.threads });
    throw new HttpError(503, readiness.state === 'failed' ? 'setup_failed' : 'not_ready', readiness.state === 'failed' ? `the checker could not be built: ${readiness.reason}` : 'the workers are still building their checkers');
  });
  allowOnly(app, '/healthz', ['GET']);

  app.get('/metrics', async (_request, reply) => reply.type('text/plain; version=0.0.4; charset=utf-8').send(metrics.render(options.pool)));
  allowOnly(app, '/metrics', ['GET']);

  const document = openApiDocument(options.version ?? '0.0.0');
  app.get('/openapi.json', async (_request, reply) => reply.send(document));
  allowOnly(app, '/openapi.json', ['GET']);

  return app;
}
