/**
 * The people rules' accuracy on their labelled set: recall, precision, per kind, every miss and
 * false positive. Run by `npm run bench:accuracy` (bench/accuracy/report.ts) and on its own:
 *   npx tsx bench/people/report.ts         (exits 1 when a target is missed)
 */
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../accuracy/common.js';
import { PEOPLE_TARGETS, readPeopleCases, scorePeople, type PeopleScore } from './score.js';

export function peopleSection(s: PeopleScore): string {
  const pct = (x: number): string => x.toFixed(3);
  const rows = [
    '## People rules (leader-name, leader-title, leader-order, former-official)',
    '',
    `Labelled set test/fixtures/accuracy/leaders.jsonl (${s.cases} sentences from the news corpus, as broadcast or modified, each checked as of its date; bench/people/make-labelled.ts).`,
    '',
    '| measure | value | target |',
    '|---|---:|---|',
    `| recall (${s.found} of ${s.labels} labels) | **${pct(s.recall)}** | >= ${PEOPLE_TARGETS.recall} |`,
    `| precision (${s.matching} of ${s.findings} findings match a label) | **${pct(s.precision)}** | >= ${PEOPLE_TARGETS.precision} |`,
    '',
    '| kind | cases | labels | found | false positives |',
    '|---|---:|---:|---:|---:|',
    ...s.perKind.map((k) => `| ${k.kind} | ${k.cases} | ${k.labels} | ${k.found} | ${k.falsePositives} |`),
    '',
    `Misses (${s.misses.length}):`,
    ...s.misses.map((m) => `- ${m.id}: ${m.text.slice(Math.max(0, m.label.start - 10), m.label.start)}【${m.text.slice(m.label.start, m.label.end)}】${m.text.slice(m.label.end, m.label.end + 10)} (${m.label.rule}${m.label.expected ? ` → ${m.label.expected}` : ''}); got: ${m.got.join('; ') || 'nothing'}`),
    '',
    `False positives (${s.falsePositives.length}):`,
    ...s.falsePositives.map((f) => `- ${f.id}: ${f.text.slice(Math.max(0, f.finding.start - 10), f.finding.start)}【${f.finding.actual}】${f.text.slice(f.finding.end, f.finding.end + 10)} — ${f.finding.rule} → ${f.finding.expected.join('|')}`),
    '',
  ];
  return rows.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // --set FILE scores another sample (make-labelled.ts --seed N --out FILE)
  const i = process.argv.indexOf('--set');
  const s = scorePeople(readPeopleCases(repoRoot, i >= 0 ? process.argv[i + 1] : undefined));
  process.stdout.write(peopleSection(s));
  if (s.recall < PEOPLE_TARGETS.recall || s.precision < PEOPLE_TARGETS.precision) process.exit(1);
}
