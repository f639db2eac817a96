import { describe, expect, it } from 'vitest';
import { createChecker, LexiconError, OptionsError } from '../../src/index.js';
import { cli, type CliIO } from '../../src/cli/index.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const lexicon = (name: string, text: string) => ({ name, text });
const user = (yaml: string, options = {}) => createChecker({ builtins: false, lexicons: [lexicon('user.yaml', yaml)], ...options });

describe('user lexicons', () => {
  it('a banned term with its replacement', () => {
    const c = user('kind: banned\nsource: test\nentries:\n  - id: b-bei\n    text: 北朝鲜\n    replacement: 朝鲜\n');
    const [f] = c.check('他访问了北朝鲜。');
    expect(f).toMatchObject({ rule: 'banned-term', start: 4, end: 7, actual: '北朝鲜', expected: ['朝鲜'], entry: 'b-bei', severity: 'error' });
    expect(f!.message).toContain('朝鲜');
  });

  it('an outdated name with its date, as of a page date', () => {
    const yaml = 'kind: outdated\nsource: test\nentries:\n  - id: o-gs\n    text: 国家工商行政管理总局\n    replacement: 国家市场监督管理总局\n    since: 2018-03-17\n';
    expect(user(yaml).check('国家工商行政管理总局发布通知')).toMatchObject([{ rule: 'outdated-name', severity: 'warning', expected: ['国家市场监督管理总局'] }]);
    expect(user(yaml, { asOf: '2017-06-01' }).check('国家工商行政管理总局发布通知')).toEqual([]);
    expect(user(yaml, { asOf: new Date('2019-01-01') }).check('国家工商行政管理总局发布通知')).toHaveLength(1);
  });

  it('a typo with its right word, and its fuzzy misspellings', () => {
    const c = user('kind: typo\nsource: test\nentries:\n  - id: t-zjzl\n    text: 再接再励\n    correct: 再接再厉\n');
    expect(c.check('大家再接再励。')).toMatchObject([{ rule: 'common-typo', actual: '再接再励', expected: ['再接再厉'] }]);
    expect(c.check('大家再接再厉。')).toEqual([]);
    // Its first character written twice beside it is a duplication at the edge (issue 13 §2); an extra character of another word outside it is not.
    expect(c.check('大家再再接再厉。')).toMatchObject([{ rule: 'misspelling', detail: 'duplication', actual: '再再接再厉', expected: ['再接再厉'] }]);
    expect(c.check('大家现在再接再厉。')).toEqual([]);
    expect(c.check('大家再接接再厉。')).toMatchObject([{ rule: 'misspelling', detail: 'duplication', expected: ['再接再厉'] }]);
  });

  it('builtins: false checks only the user lexicon; builtins add to it', () => {
    const yaml = 'kind: mandated\nsource: test\nentries:\n  - id: m-test\n    text: 测试短语表述\n';
    expect(user(yaml).entries.map((e) => e.id)).toEqual(['m-test']);
    const both = createChecker({ lexicons: [lexicon('u.yaml', yaml)] });
    expect(both.entries.length).toBeGreaterThan(1);
  });
});

describe('context rules (unless)', () => {
  const yaml = `kind: banned
source: test
entries:
  - id: b-zhmg
    text: 中华民国
    replacement: [台湾地区]
    unless:
      - yearBefore: 1949
      - sentence: [辛亥革命]
  - id: b-shijiuda
    text: 十九大
    replacement: 党的十九大
    unless:
      - before: [党的, 中共]
  - id: b-after
    text: 新冠
    replacement: 新冠肺炎
    unless:
      - after: [肺炎, 病毒]
`;
  const c = user(yaml);
  it.each([
    ['1912年中华民国成立。', 0],
    ['辛亥革命后建立了中华民国。', 0],
    ['所谓中华民国政府不是国家。', 1],
    ['2020年，中华民国的说法是错误的。', 1],
    ['学习党的十九大精神', 0],
    ['学习中共十九大精神', 0],
    ['学习十九大精神', 1],
    ['新冠肺炎疫情', 0],
    ['新冠疫情', 1],
  ])('%s -> %i finding(s)', (text, n) => {
    expect(c.check(text)).toHaveLength(n);
  });
});

describe('allow list', () => {
  it('suppresses findings inside an allowed string only', () => {
    const yaml = 'kind: banned\nsource: test\nentries:\n  - id: b-bei\n    text: 北朝鲜\n    replacement: 朝鲜\n';
    const c = user(yaml, { allow: ['《北朝鲜研究》'] });
    expect(c.check('参阅《北朝鲜研究》一书。')).toEqual([]);
    expect(c.check('参阅《北朝鲜研究》一书，北朝鲜')).toHaveLength(1);
  });

  it('vouches for wording, not for look-alike code points or spaces inside the allowed text', () => {
    const yaml = 'kind: mandated\nsource: test\nentries:\n  - id: m-rmfy\n    text: 人民法院\n';
    const c = user(yaml, { allow: ['人民法院原院长'] });
    expect(c.check('人民法院原院长')).toEqual([]);
    expect(c.check('人⺠法院原院长')).toMatchObject([{ rule: 'misspelling', detail: 'lookalike', actual: '人⺠法院' }]);
  });
});

describe('validation errors name the file and line', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['missing source', 'kind: banned\nentries:\n  - id: b-x\n    text: 北朝鲜\n', /^bad\.yaml:3: missing `source`/],
    ['unknown kind', 'kind: nope\nentries: []\n', /^bad\.yaml:1: `kind` must be one of/],
    ['unknown field', 'kind: banned\nsource: s\nentries:\n  - id: b-x\n    text: 北朝鲜\n    colour: red\n', /^bad\.yaml:6: unknown field `colour`/],
    ['variant equal to phrase', 'kind: mandated\nsource: s\nentries:\n  - id: m-x\n    text: 中华民族\n    variants: [中华民族]\n', /^bad\.yaml:6: variant "中华民族" equals the phrase/],
    ['traditional characters', 'kind: mandated\nsource: s\nentries:\n  - id: m-x\n    text: 中華民族\n', /^bad\.yaml:5: text "中華民族" has a traditional character "華"/],
    ['space inside', 'kind: mandated\nsource: s\nentries:\n  - id: m-x\n    text: 中华 民族\n', /^bad\.yaml:5: text "中华 民族" has a space/],
    ['bad id', 'kind: mandated\nsource: s\nentries:\n  - id: M X\n    text: 中华民族\n', /^bad\.yaml:4: id "M X" must match/],
    ['duplicate id', 'kind: mandated\nsource: s\nentries:\n  - id: m-x\n    text: 中华民族\n  - id: m-x\n    text: 脱贫攻坚\n', /^bad\.yaml:6: duplicate id "m-x" \(first at bad\.yaml:4\)/],
    ['both mandated and banned', 'kind: mandated\nsource: s\nentries:\n  - id: m-x\n    text: 中华民族\n', /both banned and mandated/],
    ['bad date', 'kind: banned\nsource: s\nentries:\n  - id: b-x\n    text: 北朝鲜\n    since: 2018-13-01\n', /^bad\.yaml:6: `since` must be a date/],
    ['YAML syntax', 'kind: banned\nentries:\n  - id: [\n', /^bad\.yaml:\d+: YAML:/],
  ];
  it.each(cases)('%s', (name, yaml, message) => {
    const extra = name === 'both mandated and banned' ? [lexicon('other.yaml', 'kind: banned\nsource: s\nentries:\n  - id: b-y\n    text: 中华民族\n')] : [];
    let error: unknown;
    try {
      createChecker({ builtins: false, lexicons: [lexicon('bad.yaml', yaml), ...extra] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LexiconError);
    expect((error as LexiconError).message).toMatch(message);
    expect((error as LexiconError).issues.length).toBeGreaterThan(0);
  });

  it('a mandated phrase containing a banned term', () => {
    expect(() =>
      createChecker({
        builtins: false,
        lexicons: [lexicon('a.yaml', 'kind: mandated\nsource: s\nentries:\n  - id: m-x\n    text: 反对台湾总统选举\n'), lexicon('b.yaml', 'kind: banned\nsource: s\nentries:\n  - id: b-x\n    text: 台湾总统\n')],
      }),
    ).toThrow(/a\.yaml:4: mandated phrase "反对台湾总统选举" contains the banned term "台湾总统"/);
  });

  it('options are validated with their path', () => {
    expect(() => createChecker({ minConfidence: 2 })).toThrow(OptionsError);
    expect(() => createChecker({ asOf: 'yesterday' })).toThrow(/options\.asOf/);
    expect(() => createChecker({ lexicons: [{ name: 1 }] as never })).toThrow(/options\.lexicons\[0\]/);
    expect(() => createChecker({ colour: 'red' } as never)).toThrow(/options\.colour is not a known option/);
  });
});

describe('CLI with lexicon files', () => {
  const run = async (argv: string[], cwd: string) => {
    let stdout = '';
    let stderr = '';
    const io: CliIO = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, readStdin: async () => '', cwd, env: {} };
    const code = await cli(argv, io);
    return { code, stdout, stderr };
  };
  const dir = mkdtempSync(join(tmpdir(), 'tifa-lex-'));
  writeFileSync(join(dir, 'page.txt'), '他访问了北朝鲜。\n');
  writeFileSync(join(dir, 'good.yaml'), 'kind: banned\nsource: test\nentries:\n  - id: b-bei\n    text: 北朝鲜\n    replacement: 朝鲜\n');
  writeFileSync(join(dir, 'broken.yaml'), 'kind: banned\nsource: test\nentries:\n  - id: b-bei\n    text: 北朝鲜\n    replacment: 朝鲜\n');
  writeFileSync(join(dir, 'allow.txt'), '# allowed strings\n访问了北朝鲜\n');

  it('--lexicon and --no-builtins', async () => {
    const r = await run(['check', '--no-builtins', '--lexicon', 'good.yaml', '--format', 'jsonl', 'page.txt'], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ file: 'page.txt', rule: 'banned-term', start: 4, end: 7 });
  });

  it('a broken lexicon file: file:line: reason, exit 2, nothing checked', async () => {
    const r = await run(['check', '--no-builtins', '--lexicon', 'broken.yaml', 'page.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('broken.yaml:6: unknown field `replacment` for a banned entry\n');
  });

  it('--allow FILE', async () => {
    const r = await run(['check', '--no-builtins', '--lexicon', 'good.yaml', '--allow', 'allow.txt', 'page.txt'], dir);
    expect(r.code).toBe(0);
  });

  it('lexicon list prints every active entry as jsonl and the counts on stderr', async () => {
    const r = await run(['lexicon', 'list', '--no-builtins', '--lexicon', 'good.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l))).toMatchObject([{ id: 'b-bei', kind: 'banned', text: '北朝鲜', replacement: ['朝鲜'], source: 'test' }]);
    expect(r.stderr).toMatch(/banned 1/);
  });
});
