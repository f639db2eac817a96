import type { LexiconEntry } from '../lexicon/types.js';

/** The public view of an entry, as printed by `tifa lexicon list`. */
export function entryRecord(e: LexiconEntry): Record<string, unknown> {
  const record: Record<string, unknown> = { id: e.id, kind: e.kind, text: e.text };
  if (e.kind === 'mandated') record.variants = e.variants;
  if (e.kind === 'banned' || e.kind === 'outdated') record.replacement = e.replacement;
  if (e.kind === 'typo') record.correct = e.replacement;
  record.severity = e.severity;
  if (e.since) record.since = e.since;
  if (e.until) record.until = e.until;
  if (e.unless.length > 0) record.unless = e.unless;
  if (e.note) record.note = e.note;
  record.source = e.source;
  record.file = e.file;
  record.line = e.line;
  return record;
}

/** Counts per kind, e.g. `mandated 312 (variants 160), banned 85, ...`. */
export function entryCounts(entries: readonly LexiconEntry[]): string {
  const count = (k: string): number => entries.filter((e) => e.kind === k).length;
  const variants = entries.reduce((n, e) => n + e.variants.length, 0);
  return `mandated ${count('mandated')} (variants ${variants}), banned ${count('banned')}, outdated ${count('outdated')}, typo ${count('typo')}, allow ${count('allow')}; ${entries.length} entries`;
}

/** Every active entry as jsonl (default), one json array, or tsv. */
export function listEntries(entries: readonly LexiconEntry[], format: string): string {
  if (format === 'json') return `${JSON.stringify(entries.map(entryRecord), null, 2)}\n`;
  if (format === 'tsv') {
    const rows = entries.map((e) => [e.id, e.kind, e.text, (e.kind === 'mandated' ? e.variants : e.replacement).join('|'), e.source].join('\t'));
    return `${['id\tkind\ttext\tvariants/replacement\tsource', ...rows].join('\n')}\n`;
  }
  if (format !== 'jsonl') throw new RangeError(`lexicon list: unknown format "${format}" (jsonl, json, tsv)`);
  return entries.map((e) => JSON.stringify(entryRecord(e))).join('\n') + (entries.length ? '\n' : '');
}
