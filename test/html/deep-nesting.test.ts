import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractHtml, htmlComments } from '../../src/html/extract.js';
import { topFirstStack } from '../../src/html/top-first-stack.js';
import { seedChecker } from '../helpers.js';

describe('deep nesting (issue 11, problem 7)', () => {
  // Before: htmlparser2's unshift/shift stack made this quadratic (200k levels: over 30 s).
  it('200,000 nested <div> are parsed to the right text, findings and comments', () => {
    const depth = 200_000;
    const html = `${'<div>'.repeat(depth)}中华明族<!-- c -->${'</div>'.repeat(depth)}`;
    const extracted = extractHtml(html);
    expect(extracted.text.trim()).toBe('中华明族');
    const findings = seedChecker().checkHtml(html);
    expect(findings.map((f) => [f.actual, f.start])).toEqual([['中华明族', depth * 5]]);
    expect(htmlComments(html)).toEqual([{ data: ' c ', start: depth * 5 + 4, end: depth * 5 + 14 }]);
  });

  it('200,000 unclosed nested elements of mixed kinds (implied closes, svg) do not throw', () => {
    const html = `${'<span><svg><p><li>'.repeat(50_000)}脱贫攻艰`;
    expect(extractHtml(html).text).toContain('脱贫攻艰');
  });
});

describe('topFirstStack', () => {
  type Op = { op: 'unshift'; x: string } | { op: 'shift' } | { op: 'truncate'; n: number } | { op: 'read'; i: number } | { op: 'find'; x: string };
  const name = fc.constantFrom('div', 'p', 'form', 'svg', 'li');
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant('unshift' as const), x: name }),
    fc.record({ op: fc.constant('shift' as const) }),
    fc.record({ op: fc.constant('truncate' as const), n: fc.nat(6) }),
    fc.record({ op: fc.constant('read' as const), i: fc.integer({ min: -1, max: 8 }) }),
    fc.record({ op: fc.constant('find' as const), x: name }),
  );

  it('behaves as a plain array with the top at index 0', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 4 }), fc.array(op, { maxLength: 60 }), (initial, ops) => {
        const plain: string[] = initial.slice();
        const stack = topFirstStack<string>(initial);
        for (const o of ops) {
          if (o.op === 'unshift') expect(stack.unshift(o.x)).toBe(plain.unshift(o.x));
          else if (o.op === 'shift') expect(stack.shift()).toBe(plain.shift());
          else if (o.op === 'truncate') {
            if (o.n < plain.length) {
              plain.length = o.n;
              stack.length = o.n;
            }
          } else if (o.op === 'read') expect(stack[o.i]).toBe(plain[o.i]);
          else {
            expect(stack.includes(o.x)).toBe(plain.includes(o.x));
            expect(stack.indexOf(o.x)).toBe(plain.indexOf(o.x));
          }
          expect(stack.length).toBe(plain.length);
        }
        // Anything else is served from a copy, with the same result.
        expect([...stack]).toEqual(plain);
        expect(stack.join(',')).toBe(plain.join(','));
      }),
    );
  });
});
