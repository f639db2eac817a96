/** `tifa check --explain`: the judge's trace in json/jsonl, the rule ids in stylish. */
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

describe('check --explain', () => {
  const text = '推动构建新发展楼格局\n';
  it('jsonl carries the trace of every finding', async () => {
    const r = await run(['check', '--explain', '-f', 'jsonl', '-'], { stdin: text });
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout.trim().split('\n')[0]!);
    expect(f).toMatchObject({ actual: '新发展楼格局', explain: { passed: expect.arrayContaining(['insertion-modifier']), off: [], reading: expect.stringContaining('楼') } });
  });
  it('stylish shows the rule ids, and nothing without the flag', async () => {
    const r = await run(['check', '--explain', '-'], { stdin: text });
    expect(r.stdout).toMatch(/passed: .*insertion-modifier/);
    const plain = await run(['check', '-'], { stdin: text });
    expect(plain.stdout).not.toContain('passed:');
    const json = await run(['check', '-f', 'jsonl', '-'], { stdin: text });
    expect(JSON.parse(json.stdout.trim()).explain).toBeUndefined();
  });
});
