/**
 * The people stage of a check: loads the built-in people table and users' `kind: people` lexicons
 * once (throwing LexiconError with `file:line: reason` for bad files), then turns the pure
 * checks of check.ts into findings. createChecker calls it beside the phrase stages and merges.
 */
import { LexiconError, type LexiconIssue } from '../errors.js';
import { builtinConfusion } from '../data/builtin.js';
import { LocationIndex } from '../findings/location.js';
import type { Finding } from '../types.js';
import { loadBuiltinPeople } from './builtin.js';
import { checkPeople, type ConfusionOf } from './check.js';
import { isPeopleYaml, parsePeopleFile } from './parse.js';
import { buildPeopleTable, type PeopleTable } from './table.js';
import type { PeopleFile } from './types.js';

export interface PeopleStageOptions {
  /** Use the built-in table (dictionaries/people/). Default: true. */
  builtins?: boolean;
  /** Lexicon sources; those with `kind: people` join the table, the others are ignored here. Default: none. */
  lexicons?: readonly { name: string; text: string }[];
  /** YYYY-MM-DD: the date titles are judged on. */
  asOf: string;
  /** Drop findings whose confidence is below this. Default: 0. */
  minConfidence?: number;
}

export interface PeopleStage {
  /** Findings of the four people rules, sorted by position, offsets into `text`. */
  check(text: string): Finding[];
  readonly table: PeopleTable;
}

/** Whether a lexicon source is a people table (routed here rather than to the phrase lexicons). */
export const isPeopleSource = (source: { text: string }): boolean => isPeopleYaml(source.text);

export function createPeopleStage(options: PeopleStageOptions): PeopleStage {
  const files: PeopleFile[] = options.builtins === false ? [] : [...loadBuiltinPeople()];
  const issues: LexiconIssue[] = [];
  for (const source of options.lexicons ?? []) {
    if (!isPeopleSource(source)) continue;
    const parsed = parsePeopleFile(source.name, source.text);
    issues.push(...parsed.issues);
    files.push(parsed.table);
  }
  const built = buildPeopleTable(files);
  issues.push(...built.issues);
  if (issues.length > 0) throw new LexiconError(issues);
  const table = built.table;
  let confusion: ConfusionOf | undefined;
  const getConfusion = (): ConfusionOf => {
    if (confusion) return confusion;
    // The parsed tables of dist/data/confusion.bin, shared with the phrase stages.
    const c = builtinConfusion();
    return (confusion = (a, b) => c.kind(a, b));
  };
  const minConfidence = options.minConfidence ?? 0;
  return {
    table,
    check(text: string): Finding[] {
      if (table.people.length === 0) return [];
      const raw = checkPeople(text, table, { asOf: options.asOf, confusion: getConfusion() });
      if (raw.length === 0) return [];
      const location = new LocationIndex(text);
      return raw
        .filter((f) => f.confidence >= minConfidence)
        .map((f) => {
          const at = location.locate(f.start)!;
          const actual = text.slice(f.start, f.end);
          const finding: Finding = {
            rule: f.rule,
            severity: f.severity,
            start: f.start,
            end: f.end,
            line: at.line,
            column: at.column,
            actual,
            expected: f.expected,
            message: f.listedUnder ? `${quote(actual)}列于${quote(f.listedUnder)}之下，但${f.why}${f.expected.length > 0 && f.rule === 'leader-title' ? `，应为${f.expected.map(quote).join('或')}` : ''}` : messageOf(f.rule, actual, f.expected, f.why),
            entry: f.entry,
            detail: f.detail,
            confidence: f.confidence,
          };
          if (f.source) finding.source = f.source;
          return finding;
        });
    },
  };
}

const quote = (s: string): string => `“${s}”`;

function messageOf(rule: Finding['rule'], actual: string, expected: readonly string[], why: string): string {
  const want = expected.length > 0 ? `，应为${expected.map(quote).join('或')}` : '';
  switch (rule) {
    case 'leader-name':
      return `${why}${want}`;
    case 'leader-title':
      return `职务${quote(actual)}与姓名不符：${why}${want}`;
    case 'leader-order':
      return `领导人排序有误：${why}`;
    default:
      return `${why}`;
  }
}

/**
 * Merges the people findings into the phrase findings: a misspelt name the lexicon already reports
 * (a listed wrong form such as 习近乎) is reported once, by the lexicon.
 */
export function mergePeopleFindings(base: Finding[], people: Finding[]): Finding[] {
  if (people.length === 0) return base;
  const kept = people.filter((p) => p.rule !== 'leader-name' || !base.some((b) => b.start < p.end && p.start < b.end && (b.rule === 'wrong-formulation' || b.rule === 'misspelling')));
  if (kept.length === 0) return base;
  return [...base, ...kept].sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}
