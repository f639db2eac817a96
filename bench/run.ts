/**
 * tifa benchmarks: `npm run bench [-- section ...] [--quick]` (not part of `npm test`).
 *
 * One module per section in bench/sections/; this file parses the arguments, runs the sections and
 * writes their markdown to bench/results.md (or $TIFA_BENCH_OUT, relative to bench/), keeping the blocks of the
 * sections not run. `--quick`: smaller slices and fewer runs. Children (fresh processes for RSS and
 * start-up) are this file again: `bench/run.ts --child NAME ARGS`.
 * Reads the 2019-2025 corpus from ../shared/corpus (bench/lib/corpus.ts). Every engine's match count
 * is checked against a reference automaton (itself checked against indexOf), so a fast wrong engine
 * fails the run.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle } from './lib/bundle.js';
import { failureReason } from './lib/child.js';
import { CORPUS_DIR, corpusFiles, loadCorpus, ROOT, type Corpus } from './lib/corpus.js';
import { Report } from './lib/report.js';
import type { BenchContext, ChildWork, Section } from './lib/section.js';
import { fmt, int, machine } from './lib/stats.js';
import { inputSection } from './sections/input.js';
import { lexiconSection } from './sections/lexicon.js';
import { peersSection } from './sections/peers.js';
import { poolDevSection } from './sections/pool-dev.js';
import { profileSection } from './sections/profile.js';
import { segmentersSection } from './sections/segmenters.js';
import { stagesSection } from './sections/stages.js';
import { startupSection } from './sections/startup.js';
import { createChecker } from '../src/index.js';

/**
 * The pool from an installed tarball: bench/sections/pool.ts (runPoolBench, by the pool's work),
 * loaded when present. It emits its markdown through `emit` and returns the --jobs 2 speed-up.
 */
const poolSection: Section = {
  name: 'pool',
  about: 'the pool from a package installed from npm pack: --jobs 2 vs --jobs 1 (bench/sections/pool.ts)',
  async run(ctx) {
    const file = join(ROOT, 'bench', 'sections', 'pool.ts');
    if (!existsSync(file)) {
      ctx.emit('### Pool from an installed tarball\n\nNot measured: bench/sections/pool.ts (`runPoolBench`) is not in the tree yet.');
      return;
    }
    type PoolBench = (options: { quick: boolean; emit(markdown: string): void }) => Promise<{ speedUp?: number; bestSpeedUp?: number } | undefined>;
    const { runPoolBench } = (await import(pathToFileURL(file).href)) as { runPoolBench: PoolBench };
    const result = await runPoolBench({ quick: ctx.quick, emit: (md) => ctx.emit(md) });
    const speedUp = result?.speedUp ?? Number.NaN;
    const best = result?.bestSpeedUp === undefined ? '' : `; best round ${fmt(result.bestSpeedUp, 2)}×`;
    ctx.target({ measure: '`--jobs 2` vs `--jobs 1`, package installed from npm pack', now: `${fmt(speedUp, 2)}×${best}`, target: '≥ 1.7×', met: Number.isFinite(speedUp) ? speedUp >= 1.7 : undefined });
  },
};

const SECTIONS: Section[] = [peersSection, lexiconSection, startupSection, poolSection, stagesSection, inputSection, segmentersSection, poolDevSection, profileSection];
/** Sections `npm run bench` runs when none is named (the others on demand). */
const DEFAULT = ['peers', 'lexicon', 'startup', 'pool', 'stages', 'input', 'segmenters', 'profile'];

async function runChildWork(name: string | undefined, args: string[]): Promise<void> {
  const works = new Map<string, ChildWork>(SECTIONS.flatMap((s) => Object.entries(s.children ?? {})));
  const work = works.get(name ?? '');
  if (!work) throw new Error(`unknown child ${name} (${[...works.keys()].join(', ')})`);
  process.stdout.write(`${JSON.stringify(await work(args))}\n`);
}

function usage(): string {
  return `npm run bench [-- section ... ] [--quick]\n\nSections (default: ${DEFAULT.join(' ')}):\n${SECTIONS.map((s) => `  ${s.name.padEnd(11)} ${s.about}`).join('\n')}\n`;
}

function context(quick: boolean, report: Report): BenchContext {
  let corpus: Corpus | undefined;
  let bundled: Promise<string> | undefined;
  return {
    quick,
    corpus: () => (corpus ??= loadCorpus(quick ? 10e6 : Number.POSITIVE_INFINITY)!),
    bundle: () => (bundled ??= bundle()),
    emit: (md) => report.emit(md),
    target: (row) => report.target(row),
  };
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child') return runChildWork(argv[1], argv.slice(2));
  if (argv.includes('--help')) return void process.stdout.write(usage());
  const quick = argv.includes('--quick');
  const chosen = argv.filter((a) => !a.startsWith('--'));
  const unknown = chosen.filter((s) => !SECTIONS.some((x) => x.name === s));
  if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(', ')}\n\n${usage()}`);
  const names = chosen.length > 0 ? chosen : DEFAULT;
  if (!corpusFiles()) return void process.stdout.write(`bench: corpus not found at ${CORPUS_DIR} (expected xwlb-*.txt.gz; set TIFA_CORPUS to its directory). Skipping all benchmarks.\n`);
  const started = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const entries = int(createChecker().entries.length);
  // Taken when a section starts: the load average of the shared machine then.
  const stamp = (): string => `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}; ${entries} built-in lexicon entries${quick ? '; --quick' : ''}.`;
  const path = resolve(ROOT, 'bench', process.env.TIFA_BENCH_OUT ?? 'results.md');
  const report = new Report(path, ['header', 'targets', ...SECTIONS.map((s) => s.name)], stamp);
  report.emit(`## Benchmarks\n\nGenerated by \`npm run bench\` (bench/run.ts, one module per section in bench/sections/) on the 2019-2025 corpus in ../shared/corpus. Each section notes when and where it was measured; the machine has 2 cores shared with other work, so absolute numbers move by 10-30 % between runs, ratios much less. Last run: ${started} UTC, sections: ${names.join(', ')}${quick ? ' (--quick)' : ''}. Machine: ${machine()}.`);
  const ctx = context(quick, report);
  const failed: string[] = [];
  for (const name of names) {
    process.stderr.write(`[${name}]\n`);
    report.begin(name);
    try {
      await SECTIONS.find((s) => s.name === name)!.run(ctx);
    } catch (error) {
      // One section failing (a tree in the middle of a change) must not lose the others' tables.
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      report.emit(`### ${name}\n\n**Failed**: ${failureReason(error, 400)}`);
      failed.push(name);
    }
    report.write();
  }
  report.summarize();
  report.write();
  process.stderr.write(`wrote ${path}\n`);
  if (failed.length > 0) throw new Error(`bench: section(s) failed: ${failed.join(', ')}`);
}

await main(process.argv.slice(2));
