/**
 * The idiom dictionary of the `cnchar-idiom` package (MIT; a devDependency, read at mining time
 * only): about 30,700 idioms, independent of jieba's part-of-speech tags, which miss many idioms
 * (龙飞凤舞 and 和蔼可亲 are tagged nr, 甘拜下风 ns, 形销骨立 n, 床笫之私 v). A word both list is an
 * idiom whatever jieba's tag says. The package also lists some slips (挺而走险, 趋之若骛): the
 * miner's slip rules still judge every candidate.
 */
import { createRequire } from 'node:module';

interface CncharIdiomModule {
  dict: { idiom: string[] };
}

/** The idioms cnchar-idiom lists, as a set of texts. */
export function cncharIdioms(): Set<string> {
  const mod = createRequire(import.meta.url)('cnchar-idiom') as CncharIdiomModule;
  const list = mod.dict.idiom;
  if (!Array.isArray(list) || list.length < 10_000) throw new Error(`cnchar-idiom: expected its idiom list in dict.idiom, got ${Array.isArray(list) ? list.length : typeof list} entries`);
  return new Set(list);
}

/** The version of cnchar-idiom installed (for the list's header: the same version gives the same list). */
export function cncharVersion(): string {
  return (createRequire(import.meta.url)('cnchar-idiom/package.json') as { version: string }).version;
}
