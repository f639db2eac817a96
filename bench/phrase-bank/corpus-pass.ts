/**
 * The corpus pass of the miner: tifa, with the curated lexicons and the candidate phrases, checks
 * every 2019–2025 document; a candidate that finds anything there is a phrase with a sibling
 * wording in edited copy (农业强国 / 农业强省), so it leaves the bank. Candidates that clash with a
 * curated entry (the build would leave them out) leave too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChecker } from '../../src/index.js';
import { createNormalizer } from '../../src/normalize/index.js';
import { parseLexiconFile } from '../../src/lexicon/parse.js';
import { textCheckFor } from '../../src/lexicon/text-check.js';
import { bankWithoutClashes } from '../../src/lexicon/bank.js';
import { bankYaml, curatedEntries, curatedSources, phraseId, type SlipsOf } from './bank-file.js';
import { bitCount, type GramStat } from './ngrams.js';

/** The ids of the candidates that leave the bank (clashing, or finding something in `docs`). */
export async function corpusPass(root: string, candidates: readonly GramStat[], known: readonly GramStat[], docs: ReadonlyArray<{ text: string }>, log: (s: string) => void, passLog?: string, slipsOf?: SlipsOf): Promise<Set<string>> {
  const t0 = Date.now();
  const normalizer = createNormalizer(readFileSync(join(root, 'dictionaries/derived/normalize.tsv'), 'utf8'));
  const yaml = bankYaml(candidates, known, 'corpus pass', (g) => bitCount(g.yearMask), undefined, slipsOf);
  const parsed = parseLexiconFile('bank-candidates.yaml', yaml, textCheckFor(normalizer));
  if (parsed.issues.length > 0) throw new Error(`candidate bank: ${parsed.issues.map((i) => `${i.file}:${i.line}: ${i.reason}`).join('; ')}`);
  const kept = new Set(bankWithoutClashes(curatedEntries(root), parsed.entries, normalizer.key).map((e) => e.id));
  const leave = new Set(candidates.map((g) => phraseId(g.text)).filter((id) => !kept.has(id)));
  const keep = (g: GramStat): boolean => kept.has(phraseId(g.text));
  log(`corpus pass: ${leave.size} candidates clash with curated entries`);
  const checker = createChecker({
    builtins: false,
    lexicons: [...curatedSources(root), { name: 'bank-candidates.yaml', text: bankYaml(candidates.filter(keep), known.filter(keep), 'corpus pass', (g) => bitCount(g.yearMask), undefined, slipsOf) }],
  });
  const found = new Map<string, number>();
  const seen: string[] = []; // phrase, text found, detail, confidence: for the review (--pass-log FILE)
  let chars = 0;
  for (const d of docs) {
    chars += d.text.length;
    for (const f of checker.check(d.text)) {
      // a listed slip (a body's conjunction slip) the miner kept although edited copy wrote it (tiers.ts keepsSlip) is a slip there too
      if (!f.entry.startsWith('bank.') || f.detail === 'listed') continue;
      found.set(f.entry, (found.get(f.entry) ?? 0) + 1);
      seen.push(`${f.expected[0]}\t${f.actual}\t${f.detail}\t${f.confidence}`);
    }
  }
  const ms = Date.now() - t0;
  log(`corpus pass: ${chars} characters in ${ms} ms (${((chars * 3) / 1e6 / (ms / 1000)).toFixed(1)} MB/s of UTF-8, about), ${found.size} candidates find something`);
  for (const id of found.keys()) leave.add(id);
  if (passLog !== undefined) writeFileSync(passLog, `${seen.join('\n')}\n`);
  return leave;
}
