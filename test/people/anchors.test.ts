import { describe, expect, it } from 'vitest';
import { findAnchors } from '../../src/people/anchors.js';
import { loadBuiltinPeople } from '../../src/people/builtin.js';
import { buildPeopleTable } from '../../src/people/table.js';

const { table } = buildPeopleTable(loadBuiltinPeople());

describe('findAnchors (one pass over a text for the people checks)', () => {
  it('finds nothing, and says so, in a text without any name, title form or 同志', () => {
    expect(findAnchors('今天天气很好，农民忙着收割小麦。', table)).toBeUndefined();
    expect(findAnchors('', table)).toBeUndefined();
  });

  it('finds names, title forms before a name and short forms after one, with their offsets', () => {
    const text = '国务院总理李强出席。李强总理强调，赵乐际同志';
    const a = findAnchors(text, table)!;
    expect(a.names.map((o) => text.slice(o.start, o.end))).toEqual(['李强', '李强', '赵乐际']);
    // the longest form at each end (国务院总理, not 总理); 总理 after the second 李强 too
    expect(a.titleForms.map((t) => text.slice(t.start, t.end))).toEqual(['国务院总理', '总理']);
    expect(a.afterForms.map((f) => f.text)).toEqual(['总理', '总理', '同志']);
    expect(a.afterStartingAt.get(text.indexOf('总理强调'))).toBe('总理');
    expect(a.afterStartingAt.has(text.indexOf('同志'))).toBe(false); // 同志 is no title
  });

  it('leaves out a form that a 副 before it turns into another title', () => {
    const text = '国务院副总理丁薛祥';
    const a = findAnchors(text, table)!;
    expect(a.titleForms.map((t) => text.slice(t.start, t.end))).toEqual(['国务院副总理']);
    expect(a.afterForms.map((f) => f.text)).toEqual(['副总理']); // 总理 of 副总理 is none of its own
  });
});
