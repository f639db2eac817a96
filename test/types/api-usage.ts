// Compiled (not run) by test/types/typecheck.test.ts: the public API's types as a consumer sees them.
import { createChecker, type Finding, type CheckerOptions, type RuleId, type TifaConfig } from '../../src/index.js';

const checker = createChecker({ builtins: true, fuzzy: true, asOf: '2024-06-30', allow: ['大美中国'], minConfidence: 0.5, segmenter: 'jieba' });
const findings: Finding[] = checker.check('中华明族');
const first = findings[0];
if (first) {
  const rule: RuleId = first.rule;
  const span: [number, number] = [first.start, first.end];
  const expected: string[] = first.expected;
  void rule;
  void span;
  void expected;
}

// @ts-expect-error an unknown option does not compile
createChecker({ colour: 'red' });
// @ts-expect-error a segmenter must be a known name or an object with cut()
createChecker({ segmenter: 'thulac' });
// @ts-expect-error asOf is a string or a Date
createChecker({ asOf: 20240630 });
// @ts-expect-error check takes a string
checker.check(42);
// @ts-expect-error findings are read-only data with known rules
const bad: RuleId = 'spelling';
void bad;

const options: CheckerOptions = { lexicons: [{ name: 'ours.yaml', text: 'kind: banned\nentries: []\n' }] };
void options;

// The config file's type, derived from the options table (src/options/table.ts).
const config: TifaConfig = { severity: 'warning', segmenter: 'none', rules: ['misspelling'], maxFindings: 10, ext: ['.html'], directives: false, asOf: '2024-06-30' };
void config;
// @ts-expect-error an unknown config key does not compile
const unknownKey: TifaConfig = { colour: true };
// @ts-expect-error a severity is error, warning or info
const badSeverity: TifaConfig = { severity: 'fatal' };
void unknownKey;
void badSeverity;
