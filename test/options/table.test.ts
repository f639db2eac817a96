import { describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/index.js';
import { validateConfig, type TifaConfig } from '../../src/config/index.js';
import { CHECKER_OPTION_NAMES } from '../../src/options/checker.js';
import { DEFAULT_EXTENSIONS, HTML_EXTENSIONS } from '../../src/options/extensions.js';
import { CONFIG_CHECKS, CRAWL_FLAGS, OPTIONS, parseConfig, type OptionRow } from '../../src/options/table.js';
import { run, SEED } from '../cli/run.js';
import { queueCli, QUEUE_HELP } from '../../src/queue/cli.js';
import { SERVE_HELP } from '../../src/serve/cli.js';

const rows = Object.entries(OPTIONS) as Array<[string, OptionRow]>;

describe('the options table', () => {
  it('every flag with a help group is in --help, under its long name and its short one', () => {
    for (const [flag, row] of rows) {
      const shown = row.group !== undefined ? row.label ?? `--${flag}` : `--${flag}`;
      expect(HELP, flag).toContain(shown);
      if (row.short !== undefined) expect(HELP, flag).toContain(`-${row.short}, --${flag}`);
    }
  });

  it('gives parseArgs only what it reads', () => {
    const config = parseConfig();
    expect(Object.keys(config)).toEqual(rows.map(([flag]) => flag));
    for (const c of Object.values(config) as Array<Record<string, unknown>>) for (const k of Object.keys(c)) expect(['type', 'short', 'multiple']).toContain(k);
  });

  it('config keys come from the table, each with its check', () => {
    const keys = rows.flatMap(([, row]) => (row.config ? [row.config.key] : []));
    expect([...CONFIG_CHECKS.keys()]).toEqual(keys);
    expect(new Set(keys)).toEqual(new Set(['format', 'severity', 'rules', 'maxFindings', 'maxWarnings', 'ext', 'encoding', 'directives', 'ignorePatterns', 'lexicons', 'builtins', 'allow', 'asOf', 'fuzzy', 'segmenter', 'minConfidence']));
    const good: TifaConfig = { format: 'json', severity: 'warning', rules: ['misspelling'], maxFindings: 3, maxWarnings: 0, ext: ['.html'], encoding: 'gbk', directives: false, ignorePatterns: ['a/'], lexicons: ['l.yaml'], builtins: false, allow: ['x'], asOf: '2020-02-29', fuzzy: false, segmenter: 'none', minConfidence: 0.5 };
    expect(validateConfig(good, 'c.json')).toEqual(good);
    expect(() => validateConfig({ asOf: '2021-02-29' }, 'c.json')).toThrow('c.json: "asOf" must be a calendar date');
    expect(() => validateConfig({ maxWarnings: -1 }, 'c.json')).toThrow('c.json: "maxWarnings" must be a whole number ≥ 0');
  });

  it("createChecker's known options are the checks' keys", () => {
    expect([...CHECKER_OPTION_NAMES].sort()).toEqual(['allow', 'asOf', 'builtins', 'explain', 'fuzzy', 'lexicons', 'minConfidence', 'nonword', 'nonwordMargin', 'segmenter']);
  });

  it('one list of page extensions: HTML first, then text', () => {
    expect(DEFAULT_EXTENSIONS).toEqual([...HTML_EXTENSIONS, '.txt', '.md']);
    expect(HELP).toContain(`(${DEFAULT_EXTENSIONS.join(' ')})`);
  });
});

describe('crawl-only flags', () => {
  it('are listed in the table', () => {
    expect(CRAWL_FLAGS).toEqual(['scope', 'max-pages', 'max-depth', 'concurrency', 'delay', 'retries', 'timeout', 'max-bytes', 'state', 'user-agent', 'no-sitemap', 'no-robots', 'no-attachments']);
  });

  it('tifa check and tifa lexicon list reject them with a usage error (exit 2)', async () => {
    const check = await run(['check', ...SEED, '--scope', 'domain', '-'], { stdin: '中华民族' });
    expect(check).toMatchObject({ code: 2, stdout: '', stderr: 'tifa: --scope is an option of tifa crawl, not of tifa check\n' });
    const list = await run(['lexicon', 'list', ...SEED, '--no-robots']);
    expect(list).toMatchObject({ code: 2, stderr: 'tifa: --no-robots is an option of tifa crawl, not of tifa lexicon list\n' });
  });
});

describe('the tables of tifa serve and tifa queue', () => {
  const queue = async (argv: string[]): Promise<{ code: number; stderr: string }> => {
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) }, cwd: process.cwd(), env: {}, readStdin: async () => '' };
    return { code: await queueCli(argv, io), stderr };
  };

  it('a queue command rejects the flags of the others, before connecting', async () => {
    const redis = ['--redis', 'redis://127.0.0.1:1'];
    expect(await queue(['status', ...redis, '--ext', 'html'])).toEqual({ code: 2, stderr: 'tifa: queue status does not take --ext\n' });
    expect(await queue(['add', ...redis, '--format', 'json', 'a.html'])).toEqual({ code: 2, stderr: 'tifa: queue add does not take --format\n' });
    expect(await queue(['results', ...redis, '--lexicon', 'x.yaml'])).toEqual({ code: 2, stderr: 'tifa: queue results does not take --lexicon\n' });
  });

  it("their help lists their flags, check's lexicon flags among them", () => {
    for (const flag of ['--host HOST', '--port N', '-j, --jobs N', '--max-body SIZE', '--lexicon FILE', '--no-builtins', '--allow FILE', '--as-of DATE', '--config FILE', '--no-config', '-h, --help']) expect(SERVE_HELP).toContain(flag);
    for (const flag of ['--ext LIST', '--by-path', '--attempts N', '--backoff-ms N', '-j, --jobs N', '--exit-when-empty', '--lock-ms N', '--stalled-ms N', '--lexicon FILE, --allow FILE', '--queue NAME']) expect(QUEUE_HELP).toContain(flag);
    expect(QUEUE_HELP).toContain('--no-config\n                          as for tifa check\n');
  });
});
