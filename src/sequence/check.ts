/**
 * The sequence check, pure: one pass of an Aho-Corasick automaton over the (normalized) text finds
 * every item and object of every entry; order and pairing are judged only where items cluster.
 *
 * - Order: items of one entry written one after another with nothing but separators between them
 *   (、，和 与 及 以及, quotation marks, spaces) form a listing. A listing of at least `minItems`
 *   distinct items whose order differs from the mandated one is a finding; its span runs from the
 *   first item to the last, and `expected` is the same text with the items put back in order.
 *   Shorter listings (two of five fields) are quiet: they are not the enumeration.
 * - Pairing: an object (四个意识) preceded, across opening quotation marks, by a verb that belongs to
 *   another object of its group (坚定) is a finding spanning verb and object; `expected` puts the
 *   object's own first verb in place. An object after any other word is quiet.
 */
import { buildAutomaton, type Automaton } from '../match/automaton.js';
import type { OrderEntry, PairingEntry, SequenceEntry } from './types.js';

/** A raw finding of the sequence check (offsets into the text; the stage adds line and message). */
export interface SequenceHit {
  start: number;
  end: number;
  expected: string;
  entry: SequenceEntry;
  kind: 'order' | 'pairing';
  /** Order: the mandated order of the items listed; pairing: the verb written and the object. */
  why: string;
}

/** What one automaton pattern stands for. */
interface PatternRef {
  entry: number;
  /** Order: index in `items`; pairing: index in `pairs`. */
  index: number;
}

export interface CompiledSequences {
  readonly entries: readonly SequenceEntry[];
  readonly automaton: Automaton | undefined;
  /** Pattern id -> the items / objects it stands for (one string may belong to several entries). */
  readonly refs: readonly (readonly PatternRef[])[];
}

/** Compiles the entries once: one automaton over every item and object. */
export function compileSequences(entries: readonly SequenceEntry[], normalize: (s: string) => string = (s) => s): CompiledSequences {
  const patternOf = new Map<string, number>();
  const patterns: string[] = [];
  const refs: PatternRef[][] = [];
  const add = (text: string, ref: PatternRef): void => {
    const key = normalize(text);
    let id = patternOf.get(key);
    if (id === undefined) {
      patternOf.set(key, (id = patterns.length));
      patterns.push(key);
      refs.push([]);
    }
    refs[id]!.push(ref);
  };
  entries.forEach((e, entry) => {
    if (e.type === 'order') e.items.forEach((item, index) => add(item, { entry, index }));
    else e.pairs.forEach((p, index) => add(p.object, { entry, index }));
  });
  return { entries, automaton: patterns.length > 0 ? buildAutomaton(patterns) : undefined, refs };
}

/** A match of an item or object in the text. */
interface Match {
  start: number;
  end: number;
  index: number;
}

/** Characters allowed between two items of one listing; ， and ； only for entries with `commas` (they end clauses). */
const SEPARATORS = new Set([...'、和与及“”‘’"\'（）() \u3000']);
const CLAUSE_SEPARATORS = new Set([...'，,；;']);
const MAX_GAP = 4;
const OPENING_QUOTES = new Set([...'“‘"\'「《 \u3000']);
const CLOSING_QUOTES = new Set([...'”’"\'」》']);

/** The automaton class of every raw code unit through `map` (one lookup per character instead of two), per compiled set and map. */
const classTables = new WeakMap<CompiledSequences, { map: Uint16Array | undefined; table: Uint16Array }>();

function classTable(compiled: CompiledSequences, map: Uint16Array | undefined): Uint16Array {
  const known = classTables.get(compiled);
  if (known && known.map === map) return known.table;
  const classOf = compiled.automaton!.classOf;
  const table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) table[c] = classOf[map ? map[c]! : c]!;
  classTables.set(compiled, { map, table });
  return table;
}

/** Checks `text`; `map` is the normalizer's code-unit map (identity when absent). */
export function checkSequences(text: string, compiled: CompiledSequences, map?: Uint16Array): SequenceHit[] {
  if (!compiled.automaton || text.length === 0) return [];
  const byEntry = new Map<number, Match[]>();
  return matchItems(text, compiled, classTable(compiled, map), byEntry) ? hitsOf(text, compiled, byEntry) : [];
}

/**
 * The item matches of `text` into `byEntry`; whether there are any. Nothing but the loop and a
 * local's value, for this reason: the first long text has the loop compiled while it runs (OSR),
 * before any code after it ever ran; code there without type feedback (a property read, a call)
 * then left the compiled loop at the end of every later text, and V8 kept reusing it (measured:
 * 160 deoptimizations of the same code on 8 MB of pages).
 */
function matchItems(text: string, compiled: CompiledSequences, unitClass: Uint16Array, byEntry: Map<number, Match[]>): boolean {
  // The tables in locals: the loop calls step, after which property loads would be repeated.
  const { step, emits, allStart, allIds, patternLength } = compiled.automaton!;
  let state = 0;
  let matched = false;
  for (let i = 0; i < text.length; i++) {
    const cls = unitClass[text.charCodeAt(i)]!;
    // Most characters are in no item: from the root they lead back to the root.
    if (cls === 0 && state === 0) continue;
    state = step(state, cls);
    if (!emits[state]) continue;
    matched = true;
    for (let k = allStart[state]!; k < allStart[state + 1]!; k++) {
      const id = allIds[k]!;
      record(byEntry, compiled, id, i + 1 - patternLength[id]!, i + 1);
    }
  }
  return matched;
}

/** Records a match of item pattern `id` (out of matchItems' loop: most texts never reach it). */
function record(byEntry: Map<number, Match[]>, compiled: CompiledSequences, id: number, start: number, end: number): void {
  for (const ref of compiled.refs[id]!) {
    let list = byEntry.get(ref.entry);
    if (!list) byEntry.set(ref.entry, (list = []));
    list.push({ start, end, index: ref.index });
  }
}

/** The hits of the matched items (out of matchItems: see there). */
function hitsOf(text: string, compiled: CompiledSequences, byEntry: Map<number, Match[]>): SequenceHit[] {
  const hits: SequenceHit[] = [];
  for (const [entryIndex, matches] of byEntry) {
    const entry = compiled.entries[entryIndex]!;
    const chosen = leftmostLongest(matches);
    if (entry.type === 'order') hits.push(...orderHits(text, entry, chosen));
    else hits.push(...pairingHits(text, entry, chosen));
  }
  return hits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Non-overlapping matches, leftmost first and the longest at each start. */
function leftmostLongest(matches: Match[]): Match[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Match[] = [];
  let end = -1;
  for (const m of matches) {
    if (m.start < end) continue;
    out.push(m);
    end = m.end;
  }
  return out;
}

function isSeparatorGap(text: string, from: number, to: number, commas: boolean): boolean {
  if (to - from > MAX_GAP) return false;
  const gap = text.slice(from, to);
  if (gap.includes('以及')) return /^[、“”‘’"'\s]*以及[“”‘’"'\s]*$/.test(gap);
  for (const ch of gap) if (!SEPARATORS.has(ch) && !(commas && CLAUSE_SEPARATORS.has(ch))) return false;
  return true;
}

function orderHits(text: string, entry: OrderEntry, matches: Match[]): SequenceHit[] {
  const hits: SequenceHit[] = [];
  let run: Match[] = [];
  const flush = (): void => {
    if (run.length >= entry.minItems) {
      const hit = judgeListing(text, entry, run);
      if (hit) hits.push(hit);
    }
    run = [];
  };
  for (const m of matches) {
    const last = run[run.length - 1];
    // A listing ends at a gap that is more than separators, or at an item written twice.
    if (last && (!isSeparatorGap(text, last.end, m.start, entry.commas) || run.some((r) => r.index === m.index))) flush();
    run.push(m);
  }
  flush();
  return hits;
}

function judgeListing(text: string, entry: OrderEntry, run: Match[]): SequenceHit | undefined {
  const ordered = [...run].sort((a, b) => a.index - b.index);
  if (ordered.every((m, k) => m === run[k])) return undefined;
  // The same text with each item slot holding the item the mandated order puts there.
  let expected = '';
  let at = run[0]!.start;
  run.forEach((slot, k) => {
    expected += text.slice(at, slot.start) + entry.items[ordered[k]!.index]!;
    at = slot.end;
  });
  return {
    start: run[0]!.start,
    end: run[run.length - 1]!.end,
    expected,
    entry,
    kind: 'order',
    why: ordered.map((m) => entry.items[m.index]!).join('、'),
  };
}

function pairingHits(text: string, entry: PairingEntry, matches: Match[]): SequenceHit[] {
  const hits: SequenceHit[] = [];
  for (const m of matches) {
    const own = entry.pairs[m.index]!;
    let before = m.start;
    while (before > 0 && m.start - before < 2 && OPENING_QUOTES.has(text[before - 1]!)) before--;
    const head = text.slice(Math.max(0, before - 8), before);
    if (own.verbs.some((v) => head.endsWith(v))) continue;
    let wrong: string | undefined;
    for (const p of entry.pairs) {
      if (p === own) continue;
      for (const v of p.verbs) if (head.endsWith(v) && (wrong === undefined || v.length > wrong.length)) wrong = v;
    }
    if (wrong === undefined) continue;
    const start = before - wrong.length;
    const end = m.end < text.length && CLOSING_QUOTES.has(text[m.end]!) && before < m.start ? m.end + 1 : m.end;
    hits.push({ start, end, expected: own.verbs[0]! + text.slice(before, end), entry, kind: 'pairing', why: `${wrong}|${own.object}` });
  }
  return hits;
}
