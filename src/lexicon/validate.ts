import type { LexiconIssue } from '../errors.js';
import type { LexiconEntry } from './types.js';
import { buildAutomaton } from '../match/automaton.js';

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
    // Every banned key goes into one automaton, and each mandated phrase is read through it once:
    // linear in the total length plus the pairs found (comparing every pair took 54 s for
    // 20,000 + 20,000 entries).
    const bannedKeys = banned.map((b) => key(b.text));
    // An empty key (refused by the parser already) would match everywhere: it takes no part.
    const termOf = bannedKeys.flatMap((k, b) => (k === '' ? [] : [b]));
    const automaton = buildAutomaton(termOf.map((b) => bannedKeys[b]!));
    const seen = new Int32Array(banned.length).fill(-1); // last mandated phrase each term was found in
    let mi = 0;
    for (const m of mandated.values()) {
      const mk = key(m.text);
      const found: number[] = [];
      for (let i = 0, state = 0; i < mk.length; i++) {
        const cls = automaton.classOf[mk.charCodeAt(i)]!;
        state = cls === 0 ? 0 : automaton.step(state, cls);
        for (let o = automaton.allStart[state]!, end = automaton.allStart[state + 1]!; o < end; o++) {
          const b = termOf[automaton.allIds[o]!]!;
          if (seen[b] === mi || bannedKeys[b] === mk) continue;
          seen[b] = mi;
          found.push(b);
        }
      }
      found.sort((a, b) => a - b); // in lexicon order, as the terms were listed
      for (const b of found) at(m, `mandated phrase "${m.text}" contains the banned term "${banned[b]!.text}" (${banned[b]!.id})`);
      mi++;
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
