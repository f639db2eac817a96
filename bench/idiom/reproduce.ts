/**
 * Checks the committed idiom list against a recount (the test of test/idiom): every target is a
 * candidate of the rules with the counts its note gives, the targets are in the miner's order, and
 * every known sibling is a sibling of a target by the rules. The corpus pass (minutes of checking)
 * is not rerun here: `npm run mine:idioms` reruns everything and rewrites the file byte for byte.
 */
import { readDocs } from '../phrase-bank/mine.js';
import { idiomCandidates, idiomNote, slipKeeper } from './mine.js';
import { byEvidence, DEFAULT_IDIOM_SELECT, knownSiblings, listedSlips, siblingIndex, type IdiomStat } from './select.js';

export interface Reproduction {
  notInCandidates: string[];
  wrongNotes: string[];
  outOfOrder: string[];
  known: string[];
  /** Of the committed known texts, those the rules give as siblings of the committed targets. */
  expectedKnown: string[];
  /** The committed variants (listed slips), `idiom: slip, slip` per target that has some. */
  slips: string[];
  /** The listed slips the rules give for the committed targets and known texts. */
  expectedSlips: string[];
}

const ENTRY = /^ {2}- \{id: [^,]+, text: ([^,]+), (?:variants: \[([^\]]+)\], )?(fuzzy: false, )?note: ([^}]+)\}$/;

export function reproduceCandidates(root: string, yaml: string): Reproduction {
  // every candidate of the rules, not only the first 1.25 × size
  const cands = idiomCandidates(root, readDocs(), { ...DEFAULT_IDIOM_SELECT, size: Number.MAX_SAFE_INTEGER });
  const byText = new Map<string, IdiomStat>(cands.words.map((w) => [w.text, w]));
  const candidate = new Set(cands.choice.targets.map((s) => s.text));
  const out: Reproduction = { notInCandidates: [], wrongNotes: [], outOfOrder: [], known: [], expectedKnown: [], slips: [], expectedSlips: [] };
  const knownStats: IdiomStat[] = [];
  const targets: IdiomStat[] = [];
  const known: string[] = [];
  for (const line of yaml.split('\n')) {
    const m = ENTRY.exec(line);
    if (!m) continue;
    const [, text, variants, notFuzzy, note] = m as unknown as [string, string, string | undefined, string | undefined, string];
    if (variants !== undefined) out.slips.push(`${text}: ${variants}`);
    const s = byText.get(text);
    if (!s) {
      out.notInCandidates.push(text);
      continue;
    }
    const expected = `${idiomNote(s)}${notFuzzy ? ' 近邻' : ''}`;
    if (note !== expected) out.wrongNotes.push(`${text}: ${note} (counted: ${expected})`);
    if (notFuzzy) {
      known.push(text);
      knownStats.push(s);
    }
    else {
      if (!candidate.has(text)) out.notInCandidates.push(text);
      const last = targets[targets.length - 1];
      if (last && byEvidence(last, s) > 0) out.outOfOrder.push(`${last.text} before ${text}`);
      targets.push(s);
    }
  }
  const siblings = new Set(knownSiblings(targets, siblingIndex(cands.words), cands.confusable, new Set()).map((s) => s.text));
  out.known = known;
  out.expectedKnown = known.filter((t) => siblings.has(t));
  out.expectedSlips = [...listedSlips(targets, knownStats, siblingIndex(cands.words), cands.confusable, slipKeeper(root))].map(([t, v]) => `${t}: ${v.join(', ')}`);
  return out;
}
