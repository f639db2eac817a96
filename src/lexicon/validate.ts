import type { LexiconIssue } from '../errors.js';
import type { LexiconEntry } from './types.js';

/** The longest text tifa matches, in UTF-16 code units (bounds the scanner's ring buffer). */
export const MAX_TEXT_LENGTH = 200;

/**
 * Rules across entries and files: unique ids, no text twice within a kind, nothing both mandated
 * and banned, no mandated phrase containing a banned term, no listed wrong form that is itself a
 * mandated phrase. `key` maps a text to its matching form (normalized, skip characters removed).
 */
export function validateEntries(entries: readonly LexiconEntry[], key: (text: string) => string): LexiconIssue[] {
  const issues: LexiconIssue[] = [];
  const at = (e: LexiconEntry, reason: string): void => {
    issues.push({ file: e.file, line: e.line, reason });
  };
  const ids = new Map<string, LexiconEntry>();
  const texts = new Map<string, LexiconEntry>(); // kind + key -> entry
  const mandated = new Map<string, LexiconEntry>();
  const banned: LexiconEntry[] = [];
  for (const e of entries) {
    const prior = ids.get(e.id);
    if (prior) at(e, `duplicate id "${e.id}" (first at ${prior.file}:${prior.line})`);
    else ids.set(e.id, e);
    if (e.text.length > MAX_TEXT_LENGTH) at(e, `text is longer than ${MAX_TEXT_LENGTH} characters`);
    const k = `${e.kind}\u0000${key(e.text)}`;
    const same = texts.get(k);
    if (same) at(e, `"${e.text}" is already a ${e.kind} entry (${same.id} at ${same.file}:${same.line})`);
    else texts.set(k, e);
    if (e.kind === 'mandated') mandated.set(key(e.text), e);
    if (e.kind === 'banned') banned.push(e);
    for (const v of e.variants) if (v.length > MAX_TEXT_LENGTH) at(e, `variant "${v.slice(0, 20)}…" is too long`);
  }
  for (const b of banned) {
    const m = mandated.get(key(b.text));
    if (m) at(b, `"${b.text}" is both banned and mandated (${m.id} at ${m.file}:${m.line})`);
  }
  if (banned.length > 0) {
    for (const m of mandated.values()) {
      const mk = key(m.text);
      for (const b of banned) {
        const bk = key(b.text);
        if (bk !== mk && mk.includes(bk)) at(m, `mandated phrase "${m.text}" contains the banned term "${b.text}" (${b.id})`);
      }
    }
  }
  for (const e of entries) {
    const wrong = e.kind === 'mandated' ? e.variants : e.kind === 'typo' ? [e.text] : [];
    for (const w of wrong) {
      const m = mandated.get(key(w));
      if (m && m !== e) at(e, `wrong form "${w}" is itself the mandated phrase ${m.id} (${m.file}:${m.line})`);
    }
  }
  return issues;
}
