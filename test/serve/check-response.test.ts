/**
 * The answer shaped on the worker thread (check-response.ts): the serialized body is byte for
 * byte what the service sent before it moved there (the findings filtered on the event loop, then
 * JSON.stringify of `{ findings, kind, suppressed[, encoding, replacements] }`), the counts by rule
 * match the body, and the pool hands bytes over (transfer) or answers with objects (the queue).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBytes, checkSource } from '../../src/cli/check-file.js';
import { createChecker, type Checker, type Finding } from '../../src/index.js';
import { createCheckPool, type CheckPool } from '../../src/serve/check-pool.js';
import { countByRule, jsonResponse } from '../../src/serve/check-response.js';
import { runCheckTask, type CheckTask } from '../../src/serve/check-task.js';
import { encodeGbk } from '../encoding/gbk-encoder.js';

const TEXT = '坚持以人民为中心的发展思相，打赢脱贫攻艰战。\n𠮷中华明族伟大复兴，巩固拓展脱贫攻艰成果。';
const HTML = `<!doctype html><html><head><meta charset="utf-8"><title>通知</title></head><body>${'<p>打赢<b>脱贫</b>攻艰战，实现中华明族伟大复兴，增强“四个意识”。</p>\n'.repeat(40)}</body></html>`;

/** The old answer, built as app.ts built it before: filter, then the object fastify serialized. */
function oldBody(checker: Checker, task: CheckTask): string {
  const options = { directives: task.directives !== false, ...(task.kind !== undefined ? { kind: task.kind } : {}) };
  const fromBytes = task.bytes !== undefined;
  const r = fromBytes ? checkBytes(checker, task.bytes!, options) : checkSource(checker, task.text!, options);
  const { rules, minConfidence } = task;
  const findings = rules === undefined && minConfidence === undefined ? r.findings : r.findings.filter((f: Finding) => (rules === undefined || rules.includes(f.rule)) && (minConfidence === undefined || f.confidence >= minConfidence));
  const response: Record<string, unknown> = { findings, kind: r.kind, suppressed: r.suppressed };
  if (fromBytes) {
    response.encoding = (r as ReturnType<typeof checkBytes>).encoding;
    response.replacements = (r as ReturnType<typeof checkBytes>).replacements;
  }
  return JSON.stringify(response);
}

let checker: Checker;
let pool: CheckPool;
beforeAll(async () => {
  checker = createChecker();
  pool = await createCheckPool({ jobs: 1 });
  await pool.ready();
}, 60_000);
afterAll(async () => {
  await pool?.close();
});

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('the answer built on the worker thread', () => {
  const tasks: Array<[string, CheckTask]> = [
    ['text', { text: TEXT }],
    ['html string', { text: HTML, kind: 'html' }],
    ['raw html bytes', { bytes: utf8(HTML), kind: 'html' }],
    ['raw GBK text', { bytes: encodeGbk(TEXT.replace('𠮷', '')), kind: 'text' }],
    ['invalid UTF-8 bytes', { bytes: new Uint8Array([...utf8('脱贫攻艰'), 0xff, 0xfe, ...utf8('战')]), kind: 'text', encoding: 'utf-8' }],
    ['directives', { text: '<!-- tifa-disable -->\n脱贫攻艰战' }],
    ['rules', { text: TEXT, rules: ['misspelling'] }],
    ['minConfidence', { bytes: utf8(HTML), kind: 'html', minConfidence: 0.9 }],
    ['no findings', { text: '今天天气很好。' }],
  ];
  it.each(tasks)('%s: the body is JSON.stringify of the old response shape, byte for byte', (_name, task) => {
    const answer = jsonResponse(task, runCheckTask(checker, task));
    expect(answer.json).toBe(oldBody(checker, task));
    const findings = (JSON.parse(answer.json) as { findings: Finding[] }).findings;
    expect(answer.findingsByRule).toEqual(countByRule(findings));
    expect(Object.values(answer.findingsByRule).reduce((a, b) => a + b, 0)).toBe(findings.length);
  });

  it('the test pages have findings of several rules, some filtered out', () => {
    const all = runCheckTask(checker, { bytes: utf8(HTML), kind: 'html' }).findings;
    expect(all.length).toBeGreaterThan(40);
    expect(runCheckTask(checker, { text: TEXT, rules: ['misspelling'] }).findings.length).toBeLessThan(runCheckTask(checker, { text: TEXT }).findings.length);
  });

  it('the pool: respond json from the thread equals the in-thread answer; transfer empties the caller\'s bytes', async () => {
    const bytes = utf8(HTML);
    const expected = oldBody(checker, { bytes: utf8(HTML), kind: 'html' });
    const answer = await pool.check({ bytes, kind: 'html', respond: 'json' }, { transfer: true });
    expect(answer.json).toBe(expected);
    expect(bytes.byteLength).toBe(0);
    // A view of a larger buffer (as Node pools small ones) is copied once, then handed over.
    const backing = new Uint8Array(bytes.length + 64 + utf8(HTML).length);
    backing.set(utf8(HTML), 64);
    const view = backing.subarray(64, 64 + utf8(HTML).length);
    expect((await pool.check({ bytes: view, kind: 'html', respond: 'json' }, { transfer: true })).json).toBe(expected);
    expect(backing.byteLength).toBeGreaterThan(0);
    // Without transfer the caller keeps its bytes.
    const kept = utf8(HTML);
    expect((await pool.check({ bytes: kept, kind: 'html', respond: 'json' })).json).toBe(expected);
    expect(kept.byteLength).toBeGreaterThan(0);
  });

  it('the pool: respond objects (the queue worker) gives the findings as objects, filtered', async () => {
    const result = await pool.check({ text: TEXT, rules: ['misspelling'], respond: 'objects' });
    expect(JSON.parse(JSON.stringify(result.findings))).toEqual(JSON.parse(JSON.stringify(checker.check(TEXT).filter((f) => f.rule === 'misspelling'))));
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.kind).toBe('text');
  });
});
