// People tables: validation errors as file:line: reason, and a user's local table through `lexicons`.
import { describe, expect, it } from 'vitest';
import { createChecker, LexiconError } from '../../src/index.js';
import { parsePeopleFile } from '../../src/people/parse.js';
import { buildPeopleTable } from '../../src/people/table.js';

const LOCAL = `# 某省领导（示例）
kind: people
sources:
  sheng-2024: "某省人大常委会公告（2024-01-20）"
titles:
  - id: sheng-shengzhang
    text: 某省省长
    aliases: [省长]
    after: [省长]
  - id: sheng-fushengzhang
    text: 某省副省长
    aliases: [副省长]
bodies:
  - id: sheng-gov-2024
    name: 某省人民政府副省长
    series: sheng-vice-governors
    listedAfter: sheng-fushengzhang
    since: 2024-01-20
    members: [zhang-san, li-si-guang]
    source: sheng-2024
people:
  - id: wang-wu-ming
    name: 王五明
    posts:
      - {title: sheng-shengzhang, since: 2024-01-20, source: sheng-2024}
  - id: zhang-san
    name: 张叁
    posts:
      - {title: sheng-fushengzhang, since: 2024-01-20, source: sheng-2024}
  - id: li-si-guang
    name: 李思光
    posts:
      - {title: sheng-fushengzhang, since: 2024-01-20, source: sheng-2024}
`;

describe('a local table through lexicons', () => {
  const c = createChecker({ asOf: '2024-06-01', segmenter: 'none', lexicons: [{ name: 'local.yaml', text: LOCAL }] });
  const rules = (t: string): [string, string, string[]][] => c.check(t).filter((f) => f.rule.startsWith('leader-')).map((f) => [f.rule, f.actual, f.expected]);
  it('quiet when right', () => {
    expect(rules('某省省长王五明出席，副省长张叁、李思光陪同。')).toEqual([]);
  });
  it('a wrong title, a misspelt name and a wrong order of the local leaders', () => {
    expect(rules('某省副省长王五明出席。')).toEqual([['leader-title', '某省副省长', ['某省省长']]]);
    expect(rules('某省省长王五明出席，副省长张叁、李斯光陪同。')).toEqual([['leader-name', '李斯光', ['李思光']]]);
    expect(rules('副省长李思光、张叁陪同。')).toEqual([['leader-order', '李思光、张叁', ['张叁、李思光']]]);
  });
  it('the built-in table still applies beside it', () => {
    expect(rules('国务院副总理李强出席。')).toEqual([['leader-title', '国务院副总理', ['国务院总理']]]);
  });
  it('builtins: false leaves only the local table', () => {
    const local = createChecker({ builtins: false, asOf: '2024-06-01', segmenter: 'none', lexicons: [{ name: 'local.yaml', text: LOCAL }] });
    expect(local.check('国务院副总理李强出席。')).toEqual([]);
  });
});

describe('validation', () => {
  const errors = (text: string): string[] => {
    try {
      createChecker({ segmenter: 'none', lexicons: [{ name: 'bad.yaml', text }] });
      return [];
    } catch (e) {
      expect(e).toBeInstanceOf(LexiconError);
      return (e as LexiconError).message.split('\n');
    }
  };
  it('names file and line for each problem', () => {
    const bad = `kind: people
titles:
  - id: t1
    text: 某市市长
people:
  - id: p1
    name: 张三
    posts:
      - {title: t2, since: 2024-01-01, source: x}
  - id: p1
    name: Zhang San
    posts:
      - {title: t1, since: 2024-13-01}
bodies:
  - id: b1
    name: 某市领导
    since: 2024-01-01
    members: [p1, nobody]
    source: y
`;
    const msgs = errors(bad);
    expect(msgs).toContain('bad.yaml:11: name "Zhang San" must be Chinese characters only (no spaces, Latin or punctuation)');
    expect(msgs).toContain('bad.yaml:13: `since` must be a date YYYY, YYYY-MM or YYYY-MM-DD');
    expect(msgs).toContain('bad.yaml:13: missing `source` (a key of `sources` or a citation)');
    expect(msgs).toContain('bad.yaml:9: unknown title "t2" (define it under `titles`)');
    expect(msgs).toContain('bad.yaml:15: unknown person "nobody" in members');
  });
  it('rejects until before since, unknown fields, a title form owned twice and an open post of a removed person', () => {
    const msgs = errors(`kind: people
titles:
  - {id: a, text: 某市市长, aliases: [市长]}
  - {id: b, text: 某县县长, aliases: [市长]}
people:
  - id: p
    name: 张三
    age: 50
    posts:
      - {title: a, since: 2024-01-01, until: 2023-01-01, source: x}
  - id: q
    name: 李四
    posts:
      - {title: a, since: 2020-01-01, source: x}
    removed: {date: 2022-01-01, what: 免职, source: y}
`);
    expect(msgs).toContain('bad.yaml:8: unknown field `age` for a person (expected id, name, posts, removed, note)');
    expect(msgs).toContain('bad.yaml:4: title form "市长" already belongs to title a (bad.yaml:3)');
    expect(msgs).toContain('bad.yaml:15: 李四 is recorded as removed on 2022-01-01 but still holds an open post (give it `until`)');
    expect(msgs.some((m) => m.startsWith('bad.yaml:10: until (2023-01-01) must be after since (2024-01-01)'))).toBe(true);
  });
  it('the built-in table is valid and every fact has a source', () => {
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    const parsed = parsePeopleFile('dictionaries/people/national.yaml', readFileSync('dictionaries/people/national.yaml', 'utf8'));
    expect(parsed.issues).toEqual([]);
    expect(buildPeopleTable([parsed.table]).issues).toEqual([]);
    for (const p of parsed.table.people) {
      for (const post of p.posts) expect(post.source.length).toBeGreaterThan(10);
      if (p.removed) expect(p.removed.source.length).toBeGreaterThan(10);
    }
    for (const b of parsed.table.bodies) expect(b.source.length).toBeGreaterThan(10);
  });
});

describe('the documented example', () => {
  it('dictionaries/FORMAT.md: the people example parses and builds without an issue', () => {
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    const md = readFileSync('dictionaries/FORMAT.md', 'utf8');
    const block = /```yaml\n(# 某省领导[\s\S]*?)```/.exec(md)?.[1];
    expect(block).toBeDefined();
    const parsed = parsePeopleFile('FORMAT.md', block!);
    expect(parsed.issues).toEqual([]);
    expect(buildPeopleTable([parsed.table]).issues).toEqual([]);
    const c = createChecker({ builtins: false, asOf: '2025-01-01', segmenter: 'none', lexicons: [{ name: 'FORMAT.md', text: block! }] });
    expect(c.check('某省副省长李四出席。').map((f) => [f.rule, f.actual, f.expected])).toEqual([['former-official', '某省副省长', ['原某省副省长']]]);
  });
});
