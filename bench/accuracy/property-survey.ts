/**
 * Survey of the detection property over ALL built-in fuzzy phrases (the CI property samples a few):
 * failure count per error kind and examples.  npx tsx bench/accuracy/property-survey.ts [runs]
 */
import fc from 'fast-check';
import { builtin, knownBuiltin, choice, context, DELIMITERS, trial, KINDS } from '../../test/property/corrupt.js';
const phrasesAll = builtin.entries.filter(e=>e.fuzzy&&(e.kind==='mandated'||e.kind==='typo')).flatMap(e=>e.kind==='typo'?e.replacement:[e.text]).filter(t=>/^[\u4e00-\u9fff]{4,64}$/.test(t));
const arb = fc.tuple(fc.constantFrom(...[...new Set(phrasesAll)]), choice, context, context, fc.constantFrom(...DELIMITERS), fc.constantFrom(...DELIMITERS));
const samples = fc.sample(arb, { seed: 7, numRuns: Number(process.argv[2] ?? 6000) });
const stats: Record<string, [number, number]> = {}; const ex: Record<string, string[]> = {};
for (const [p, ch, l, r, dl, dr] of samples) {
  const res = trial(builtin, knownBuiltin, p, ch, l, r, dl, dr);
  if (res === 'skip') continue;
  const s = (stats[ch.kind] ??= [0, 0]); s[0]++;
  if (res) { s[1]++; (ex[ch.kind] ??= []).push(res); }
}
for (const k of KINDS) console.log(k, stats[k]);
for (const k of KINDS) { console.log('== ' + k); for (const e of (ex[k] ?? []).slice(0, 8)) console.log('  ' + e); }
