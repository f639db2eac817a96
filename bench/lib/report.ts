/**
 * The markdown of one bench run, block by section, merged into bench/results.md: the sections run
 * now replace their blocks, the others' blocks are kept (each carries its own date).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { TargetRow } from './section.js';
import { table } from './stats.js';

export class Report {
  private readonly blocks = new Map<string, string[]>();
  private readonly targets: TargetRow[] = [];
  /** When and where each block was measured (taken at its first markdown: the load average then). */
  private readonly stamps = new Map<string, string>();
  current = 'header';

  /** `order`: every block name in the order of the file ('header' and 'targets' first). */
  constructor(private readonly path: string, private readonly order: readonly string[], private readonly stamp: () => string) {}

  /** Starts a section's block: what follows goes there, stamped with the time and load now. */
  begin(name: string): void {
    this.current = name;
    this.stamps.set(name, this.stamp());
  }

  emit(markdown: string): void {
    if (!this.stamps.has(this.current)) this.stamps.set(this.current, this.stamp());
    const list = this.blocks.get(this.current) ?? [];
    list.push(markdown);
    this.blocks.set(this.current, list);
    process.stdout.write(`${markdown}\n\n`);
  }

  target(row: TargetRow): void {
    this.targets.push(row);
  }

  /** The targets summary of this run (the rows the sections added), as its own block. */
  summarize(): void {
    if (this.targets.length === 0) return;
    this.begin('targets');
    this.blocks.delete('targets');
    this.emit(`### Issue 14's targets, this run

${table(['measure', 'now', 'target', ''], this.targets.map((t) => [t.measure, t.now, t.target, t.met === undefined ? 'not measured' : t.met ? 'met' : 'not yet']), 'lrrl')}`);
  }

  /** Writes the blocks measured so far (after each section, so a failure later loses nothing). */
  write(): void {
    let previous = '';
    try {
      previous = readFileSync(this.path, 'utf8');
    } catch {
      // first run
    }
    writeFileSync(this.path, this.merge(previous));
  }

  private merge(previous: string): string {
    const kept = new Map<string, string>();
    for (const m of previous.matchAll(/<!-- tifa-bench:([\w-]+) -->\n([\s\S]*?)\n<!-- \/tifa-bench:\1 -->/g)) kept.set(m[1]!, m[2]!);
    for (const [name, parts] of this.blocks) kept.set(name, name === 'header' ? parts.join('\n\n') : `${parts.join('\n\n')}\n\n<sub>${this.stamps.get(name)}</sub>`);
    const names = [...this.order, ...[...kept.keys()].filter((n) => !this.order.includes(n))];
    return `${names.filter((n) => kept.has(n)).map((n) => `<!-- tifa-bench:${n} -->\n${kept.get(n)}\n<!-- /tifa-bench:${n} -->`).join('\n\n')}\n`;
  }
}
