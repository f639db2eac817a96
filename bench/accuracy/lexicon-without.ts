/**
 * The built-in lexicon as user lexicons, minus some entries or some listed wrong forms: what the
 * leave-out run and the independent-substitutes run check with (`createChecker({ builtins: false,
 * lexicons })`). Each kind becomes one lexicon in JSON, which is YAML too, so the entries go
 * through the same parser and validator as anybody's lexicon file.
 */
import type { LexiconSource } from '../../src/index.js';
import type { LexiconEntry } from '../../src/lexicon/types.js';

/** What to take out: whole entries by id, and listed wrong forms (a typo entry's text, a mandated variant). */
export interface LeaveOut {
  ids?: ReadonlySet<string>;
  wrongForms?: ReadonlySet<string>;
}

/** The YAML fields of an entry, as FORMAT.md spells them (a typo's right words are `correct`). */
function fieldsOf(e: LexiconEntry, wrongForms: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { id: e.id, text: e.text, source: e.source, severity: e.severity };
  if (e.note !== undefined) out.note = e.note;
  if (e.category !== undefined) out.category = e.category;
  if (e.since !== undefined) out.since = e.since;
  if (e.until !== undefined) out.until = e.until;
  if (e.unless.length > 0) out.unless = e.unless;
  if (e.kind === 'mandated') {
    const variants = e.variants.filter((v) => !wrongForms.has(v));
    if (variants.length > 0) out.variants = variants;
    out.fuzzy = e.fuzzy;
  } else if (e.kind === 'typo') {
    out.correct = e.replacement;
    out.fuzzy = e.fuzzy;
  } else if (e.kind === 'banned' || e.kind === 'outdated') {
    if (e.replacement.length > 0 || e.kind === 'outdated') out.replacement = e.replacement;
  }
  return out;
}

/** The entries, minus what `leave` names, as one lexicon source per kind. */
export function lexiconsWithout(entries: readonly LexiconEntry[], leave: LeaveOut): LexiconSource[] {
  const ids = leave.ids ?? new Set<string>();
  const wrongForms = leave.wrongForms ?? new Set<string>();
  const byKind = new Map<string, Record<string, unknown>[]>();
  for (const e of entries) {
    if (ids.has(e.id)) continue;
    if (e.kind === 'typo' && wrongForms.has(e.text)) continue;
    const list = byKind.get(e.kind) ?? [];
    list.push(fieldsOf(e, wrongForms));
    byKind.set(e.kind, list);
  }
  return [...byKind].map(([kind, list]) => ({ name: `builtin-without/${kind}.yaml`, text: JSON.stringify({ kind, entries: list }) }));
}
