import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/cli/check-file.js';
import type { Finding } from '../../src/index.js';
import { seedChecker } from '../helpers.js';
import { run, SEED } from './run.js';

describe('--max-findings stops the work (issue 11, problem 4)', () => {
  const checker = seedChecker({ asOf: '2024-01-01' });

  it('checkSource with stopAfter checks text window by window and stops at the cap', () => {
    // Four million characters, a finding every second one (no run: a look-alike, then a plain character).
    const text = '⼀a'.repeat(2_000_000);
    const windows: number[] = [];
    const counting = { check: (t: string): Finding[] => (windows.push(t.length), checker.check(t)), checkHtml: (h: string) => checker.checkHtml(h) };
    const r = checkSource(counting, text, { kind: 'text', stopAfter: { count: 10, keep: () => true } });
    expect(r.findings.map((f) => f.start)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(r.stopped).toBe(true);
    expect(windows).toHaveLength(1); // one small window, not the whole text
    expect(windows[0]!).toBeLessThan(text.length / 10);
  });

  it('the findings before the cap are those a full check reports first, directives and filters applied', () => {
    const text = `${'中华明族，'.repeat(30)}\ntifa-disable-next-line\n${'⼀a中华明族，'.repeat(30)}`;
    const all = checkSource(checker, text, { kind: 'text' });
    const keep = (f: Finding): boolean => f.rule === 'lookalike-char';
    const capped = checkSource(checker, text, { kind: 'text', stopAfter: { count: 5, keep } });
    expect(capped.findings.filter(keep)).toEqual(all.findings.filter(keep).slice(0, 5));
    expect(capped.findings).toEqual(all.findings.slice(0, capped.findings.length));
  });

  it('the CLI reports the first N findings of a large input and says it stopped', async () => {
    const r = await run(['check', ...SEED, '-f', 'jsonl', '--max-findings', '10', '-'], { stdin: '⼀a'.repeat(2_000_000) });
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Finding);
    expect(lines.map((f) => f.start)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(r.stderr).toContain('stopped after 10 findings (--max-findings)');
  });
});
