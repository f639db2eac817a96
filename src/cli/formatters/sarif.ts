/**
 * SARIF 2.1.0 (OASIS), one run. Regions carry 1-based lines, UTF-16 columns (declared with
 * `columnKind`) with an exclusive end column, and `charOffset`/`charLength` in UTF-16 code units of
 * the decoded text, as the offset contract of tifa states them.
 *
 * Inputs that could not be read, were skipped or were read with a warning are tool execution
 * notifications of the run's one invocation (level `error` or `warning`, the file as location, the
 * code such as ENOENT as descriptor id); `executionSuccessful` is false when an input was unread.
 */
import type { Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { LocationIndex } from '../../findings/location.js';
import type { Severity } from '../../types.js';
import { RULES } from './rules.js';
import type { Formatter } from './types.js';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
export function pathToUri(path: string): string {
  if (path === '<stdin>') return 'stdin';
  return path.split('/').map((s) => encodeURIComponent(s)).join('/');
}

export const sarif: Formatter = (results, { toolVersion }) => {
  const ruleIds = [...new Set(results.flatMap((r) => r.findings.map((f) => f.rule)))].sort();
  const rules: ReportingDescriptor[] = ruleIds.map((id) => ({ id, shortDescription: { text: RULES[id] } }));
  const sarifResults: Result[] = [];
  for (const r of results) {
    if (r.findings.length === 0) continue;
    const location = new LocationIndex(r.text);
    const uri = pathToUri(r.file);
    for (const f of r.findings) {
      const end = location.locate(f.end) ?? { line: f.line, column: f.column + (f.end - f.start) };
      const result: Result = {
        ruleId: f.rule,
        ruleIndex: ruleIds.indexOf(f.rule),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: f.line, startColumn: f.column, endLine: end.line, endColumn: end.column, charOffset: f.start, charLength: f.end - f.start, snippet: { text: f.actual } },
            },
          },
        ],
        properties: { entry: f.entry, detail: f.detail, confidence: f.confidence, expected: f.expected, ...(f.text !== undefined ? { text: f.text } : {}) },
      };
      // A replacement is offered only where the source is the plain text (no tags or entities inside).
      if (f.expected.length > 0 && (f.text === undefined || f.text === f.actual)) {
        result.fixes = [
          {
            description: { text: `→ ${f.expected[0]}` },
            artifactChanges: [{ artifactLocation: { uri }, replacements: [{ deletedRegion: { charOffset: f.start, charLength: f.end - f.start }, insertedContent: { text: f.expected[0]! } }] }],
          },
        ];
      }
      sarifResults.push(result);
    }
  }
  const notifications: Notification[] = [];
  const notify = (level: Notification.level, file: string, text: string, id: string): void => {
    notifications.push({ level, message: { text }, descriptor: { id }, locations: [{ physicalLocation: { artifactLocation: { uri: pathToUri(file) } } }] });
  };
  for (const r of results) {
    if (r.error !== undefined) notify('error', r.file, r.error.message, r.error.code);
    if (r.skipped !== undefined) notify('warning', r.file, r.skipped.message, r.skipped.code);
    for (const w of r.warnings ?? []) notify('warning', r.file, w, 'encoding');
  }
  const log: Log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'tifa', version: toolVersion ?? '0.0.0', rules } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: !results.some((r) => r.error !== undefined), toolExecutionNotifications: notifications }],
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
