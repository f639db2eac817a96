/**
 * tifa serve over real HTTP on 127.0.0.1: every route, every error code, raw GBK bodies, and the
 * findings (offsets included) equal to what the library returns for the same input.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBytes } from '../../src/cli/check-file.js';
import { createChecker, type Checker } from '../../src/index.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { encodeGbk } from '../encoding/gbk-encoder.js';

const MAX_BODY = 256 * 1024;
let server: RunningServer;
let checker: Checker;

beforeAll(async () => {
  server = await startServer({ host: '127.0.0.1', port: 0, jobs: 1, maxBody: MAX_BODY, version: '9.9.9' });
  checker = createChecker();
  await server.ready;
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const post = (body: NonNullable<RequestInit['body']>, contentType: string, query = ''): Promise<Response> =>
  fetch(`${server.url}/v1/check${query}`, { method: 'POST', headers: { 'content-type': contentType }, body });
const postJson = (value: unknown, query = ''): Promise<Response> => post(JSON.stringify(value), 'application/json', query);

async function expectError(response: Response, status: number, code: string, message?: RegExp): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  if (message) expect(body.error.message).toMatch(message);
}

const TEXT = '坚持以人民为中心的发展思相，打赢脱贫攻艰战。\n𠮷中华明族伟大复兴';
const HTML = '<html><head><title>通知</title></head><body><p>打赢<b>脱贫</b>攻艰战</p><p title="中华明族">x</p></body></html>';

describe('tifa serve', () => {
  it('prints a URL with the port bound and answers /healthz once ready', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
    const r = await fetch(`${server.url}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ok', threads: 1 });
  });

  it('POST JSON text: exactly the library findings, offsets into the string sent', async () => {
    const r = await postJson({ text: TEXT });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { findings: unknown[]; kind: string; suppressed: number };
    const expected = checker.check(TEXT);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(body).toEqual({ findings: JSON.parse(JSON.stringify(expected)), kind: 'text', suppressed: 0 });
    for (const f of body.findings as Array<{ start: number; end: number; actual: string }>) expect(TEXT.slice(f.start, f.end)).toBe(f.actual);
  });

  it('POST JSON html: the library checkHtml findings, offsets into the HTML', async () => {
    const body = (await (await postJson({ html: HTML })).json()) as { findings: unknown[]; kind: string };
    expect(body.kind).toBe('html');
    expect(body.findings).toEqual(JSON.parse(JSON.stringify(checker.checkHtml(HTML))));
    expect(body.findings.length).toBeGreaterThanOrEqual(2);
  });

  it('per-request options: rules, minConfidence, directives, explain, asOf', async () => {
    const all = checker.check(TEXT);
    const rules = [all[0]!.rule];
    const byRule = (await (await postJson({ text: TEXT, rules })).json()) as { findings: Array<{ rule: string }> };
    expect(byRule.findings).toEqual(JSON.parse(JSON.stringify(all.filter((f) => rules.includes(f.rule)))));
    const sure = (await (await postJson({ text: TEXT, minConfidence: 0.99 })).json()) as { findings: Array<{ confidence: number }> };
    expect(sure.findings.length).toBe(all.filter((f) => f.confidence >= 0.99).length);
    const disabled = '<!-- tifa-disable -->\n脱贫攻艰战';
    expect(((await (await postJson({ text: disabled })).json()) as { suppressed: number }).suppressed).toBeGreaterThan(0);
    expect(((await (await postJson({ text: disabled, directives: false })).json()) as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
    const explained = (await (await postJson({ text: TEXT, explain: true })).json()) as { findings: Array<{ start: number; explain?: unknown }> };
    expect(explained.findings.map((f) => f.start)).toEqual(all.map((f) => f.start));
    for (const f of explained.findings) expect(f.explain).toBeTypeOf('object');
    const dated = await postJson({ text: TEXT, asOf: '2015-01-01' });
    expect(dated.status).toBe(200);
    const viaQuery = await post(TEXT, 'text/plain; charset=utf-8', `?rules=${rules[0]}&minConfidence=0&asOf=2024`);
    expect(((await viaQuery.json()) as { findings: unknown[] }).findings.length).toBe(byRule.findings.length);
  });

  it('raw GBK text/plain and text/html, with and without a charset: decoded as checkFile does', async () => {
    const plain = encodeGbk(TEXT.replace('𠮷', ''));
    const expected = checkBytes(checker, plain, { kind: 'text' });
    for (const contentType of ['text/plain; charset=gbk', 'text/plain']) {
      const body = (await (await post(plain, contentType)).json()) as { findings: unknown[]; encoding: string; replacements: number; kind: string };
      expect(body.kind).toBe('text');
      expect(['gbk', 'gb18030']).toContain(body.encoding);
      expect(body.replacements).toBe(0);
      expect(body.findings).toEqual(JSON.parse(JSON.stringify(expected.findings)));
    }
    const page = encodeGbk('<html><head><meta charset="gbk"></head><body><p>打赢脱贫攻艰战，实现中华明族伟大复兴</p></body></html>');
    const html = (await (await post(page, 'text/html')).json()) as { findings: Array<{ start: number; end: number; actual: string }>; encoding: string; kind: string };
    const expectedHtml = checkBytes(checker, page, { kind: 'html' });
    expect(html.kind).toBe('html');
    expect(html.encoding).toBe('gbk');
    expect(html.findings).toEqual(JSON.parse(JSON.stringify(expectedHtml.findings)));
    for (const f of html.findings) expect(expectedHtml.text.slice(f.start, f.end)).toBe(f.actual);
  });

  it('the body sent is JSON.stringify of { findings, kind, suppressed[, encoding, replacements] }, byte for byte', async () => {
    const page = new TextEncoder().encode(`<html><head><meta charset="utf-8"></head><body>${HTML.repeat(20)}</body></html>`);
    const raw = await post(page, 'text/html; charset=utf-8', '?minConfidence=0.5');
    expect(raw.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const r = checkBytes(checker, page, { kind: 'html' });
    const findings = r.findings.filter((f) => f.confidence >= 0.5);
    expect(findings.length).toBeGreaterThan(20);
    expect(await raw.text()).toBe(JSON.stringify({ findings, kind: 'html', suppressed: r.suppressed, encoding: r.encoding, replacements: r.replacements }));
    const json = await postJson({ text: TEXT, rules: ['misspelling'] });
    expect(await json.text()).toBe(JSON.stringify({ findings: checker.check(TEXT).filter((f) => f.rule === 'misspelling'), kind: 'text', suppressed: 0 }));
  });

  it('400 for malformed JSON, wrong types (naming the field), unknown fields, no body', async () => {
    await expectError(await post('{"text": "脱贫', 'application/json'), 400, 'invalid_json', /malformed JSON/);
    await expectError(await post('', 'application/json'), 400, 'invalid_json');
    await expectError(await postJson({ text: 5 }), 400, 'invalid_request', /^text must be a string/);
    await expectError(await postJson({ html: ['x'] }), 400, 'invalid_request', /^html must be a string/);
    await expectError(await postJson({ text: 'x', minConfidence: 'high' }), 400, 'invalid_request', /minConfidence/);
    await expectError(await postJson({ text: 'x', rules: ['nope'] }), 400, 'invalid_request', /rules: unknown rule "nope"/);
    await expectError(await postJson({ text: 'x', asOf: 'yesterday' }), 400, 'invalid_request', /asOf/);
    await expectError(await postJson({ text: 'x', explain: 'yes' }), 400, 'invalid_request', /^explain must be true or false/);
    await expectError(await postJson({ text: 'x', colour: 'red' }), 400, 'invalid_request', /unknown field "colour"/);
    await expectError(await postJson({ text: 'x', html: 'y' }), 400, 'invalid_request', /not both/);
    await expectError(await postJson(['x']), 400, 'invalid_request', /JSON object/);
    await expectError(await post('x', 'text/plain', '?minConfidence=2'), 400, 'invalid_request', /minConfidence/);
    await expectError(await post('x', 'text/plain', '?foo=1'), 400, 'invalid_request', /unknown query parameter "foo"/);
    await expectError(await fetch(`${server.url}/v1/check`, { method: 'POST' }), 400, 'empty_body');
  });

  it('413 above the body limit, 415 for other content types or an unknown charset', async () => {
    await expectError(await post('中'.repeat(MAX_BODY), 'text/plain; charset=utf-8'), 413, 'body_too_large', new RegExp(`${MAX_BODY} bytes`));
    await expectError(await post('<a/>', 'application/xml'), 415, 'unsupported_media_type');
    await expectError(await post('x', 'text/plain; charset=klingon'), 415, 'unsupported_charset', /klingon/);
  });

  it('404 for unknown paths, 405 with Allow for known paths', async () => {
    await expectError(await fetch(`${server.url}/v2/check`), 404, 'not_found', /\/v2\/check/);
    const get = await fetch(`${server.url}/v1/check`);
    expect(get.headers.get('allow')).toBe('POST');
    await expectError(get, 405, 'method_not_allowed');
    const del = await fetch(`${server.url}/healthz`, { method: 'DELETE' });
    expect(del.headers.get('allow')).toBe('GET, HEAD');
    await expectError(del, 405, 'method_not_allowed');
    await expectError(await fetch(`${server.url}/metrics`, { method: 'POST', body: 'x' }), 405, 'method_not_allowed');
  });

  it('GET /metrics: Prometheus text with requests, bytes, findings by rule and a latency histogram', async () => {
    await postJson({ text: TEXT });
    const r = await fetch(`${server.url}/metrics`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await r.text();
    expect(text).toMatch(/^tifa_http_requests_total\{method="POST",route="\/v1\/check",status="200"\} \d+$/m);
    expect(text).toMatch(/^tifa_http_requests_total\{method="POST",route="\/v1\/check",status="400"\} \d+$/m);
    expect(text).toMatch(/^tifa_http_request_body_bytes_total [1-9]\d*$/m);
    expect(text).toMatch(/^tifa_findings_total\{rule="misspelling"\} [1-9]\d*$/m);
    expect(text).toMatch(/^tifa_http_request_duration_seconds_bucket\{route="\/v1\/check",le="\+Inf"\} [1-9]\d*$/m);
    expect(text).toMatch(/^tifa_http_request_duration_seconds_count\{route="\/v1\/check"\} [1-9]\d*$/m);
    expect(text).toMatch(/^# TYPE tifa_http_request_duration_seconds histogram$/m);
  });

  it('GET /openapi.json describes the API and the finding schema', async () => {
    const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as { openapi: string; info: { version: string }; paths: Record<string, unknown>; components: { schemas: Record<string, { required?: string[] }> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe('9.9.9');
    expect(Object.keys(doc.paths).sort()).toEqual(['/healthz', '/metrics', '/openapi.json', '/v1/check']);
    // Every field a finding has is described, and the required ones are always present.
    const finding = checker.check(TEXT)[0]!;
    const schema = doc.components.schemas.Finding as { required: string[]; properties: Record<string, unknown> };
    for (const key of Object.keys(finding)) expect(schema.properties).toHaveProperty(key);
    for (const key of schema.required) expect(finding).toHaveProperty(key);
    // Live answers validate against the document's own schemas (JSON Schema 2020-12, as OpenAPI 3.1 says).
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema(doc, 'openapi.json');
    const checkResponse = ajv.compile({ $ref: 'openapi.json#/components/schemas/CheckResponse' });
    const errorResponse = ajv.compile({ $ref: 'openapi.json#/components/schemas/Error' });
    for (const body of [await (await postJson({ text: TEXT })).json(), await (await postJson({ html: HTML, explain: true })).json(), await (await post(encodeGbk('中华明族'), 'text/plain')).json()]) {
      expect(checkResponse(body), JSON.stringify(checkResponse.errors)).toBe(true);
    }
    expect(errorResponse(await (await postJson({ text: 1 })).json())).toBe(true);
    expect(checkResponse({ findings: [{ rule: 'nope' }], kind: 'text', suppressed: 0 })).toBe(false);
  });

  it('still healthy after all those bad requests', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
