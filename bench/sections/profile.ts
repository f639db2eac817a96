/** profile: where check spends its time (V8 CPU profile of a child, self and inclusive time by function). */
import { loadCorpus, readCorpusSlice } from '../lib/corpus.js';
import { lexiconYaml, realisticPhrases } from '../lib/phrases.js';
import { profileChild, profileTables } from '../lib/profile.js';
import type { BenchContext, Section } from '../lib/section.js';
import { fmt } from '../lib/stats.js';
import { createChecker } from '../../src/index.js';

/** The loop the profile keeps (its samples are those under this function's name). */
function profiledLoop(lines: readonly string[], check: (t: string) => unknown[], passes = 2): number {
  let n = 0;
  for (let pass = 0; pass < passes; pass++) for (const l of lines) n += check(l).length;
  return n;
}

function childProfileWork(): { findings: number } {
  const corpus = loadCorpus(20e6)!;
  const checker = createChecker();
  checker.check('中华民组');
  return { findings: profiledLoop(corpus.lines, (t) => checker.check(t)) };
}

/** The 100,000-target lexicon of the lexicon section on 1 MB (fuzzy on): where growth costs go. */
function childProfileLexicon(): { findings: number } {
  const lines = readCorpusSlice(1e6)!.lines;
  const key = createChecker({ builtins: false }).normalizer.key;
  const yaml = lexiconYaml(realisticPhrases(100_000, key, lines).phrases, 'bench');
  const checker = createChecker({ builtins: false, lexicons: [{ name: 'bench-100k.yaml', text: yaml }] });
  checker.check('中华民组');
  return { findings: profiledLoop(lines, (t) => checker.check(t), 1) };
}

function profile(ctx: BenchContext): void {
  const p = profileChild('profile', 'profiledLoop');
  ctx.emit(`### Profile of \`check\` (V8 CPU profile, 2 passes over the first 20 MB of the corpus, one call per document, jieba already loaded; ${fmt(p.work / 1e6, 2)} s sampled in the loop)

${profileTables(p)}`);
  try {
    const q = profileChild('profile-lexicon', 'profiledLoop');
    ctx.emit(`### Profile of \`check\` with the 100,000-target lexicon of the lexicon section (1 MB of the corpus, one pass; ${fmt(q.work / 1e6, 2)} s sampled)

${profileTables(q, 12)}`);
  } catch (error) {
    ctx.emit(`### Profile of \`check\` with the 100,000-target lexicon\n\nNot measured: the checker fails: ${/(\w*Error: [^\n]+)/.exec((error as Error).message)?.[1] ?? (error as Error).message.slice(0, 300)}`);
  }
}

export const profileSection: Section = {
  name: 'profile',
  about: 'V8 CPU profiles of check: default lexicon on 20 MB, the 100k-target lexicon on 1 MB',
  run: profile,
  children: { profile: childProfileWork, 'profile-lexicon': childProfileLexicon },
};
