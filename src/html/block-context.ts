/**
 * The scan context for text extracted from HTML. The extracted text has a line break only where a
 * block ends (see extract.ts), so there a line break ends a phrase: it is a plain character, not
 * one skipped inside phrases as in a text file's hard wraps.
 */
import { CharKind, type Normalizer } from '../normalize/index.js';
import { ScanState, type ScanContext } from '../match/scan.js';

/** The checker's scan context and normalizer with CR and LF made plain characters. */
export function blockScanContext(soft: ScanContext, normalizer: Normalizer): { ctx: ScanContext; normalizer: Normalizer } {
  const { model } = soft;
  const kind = normalizer.kind.slice();
  const unitClass = model.unitClass.slice();
  for (const c of [10, 13]) {
    kind[c] = CharKind.Plain;
    unitClass[c] = model.automaton.classOf[c]!;
  }
  return { ctx: { ...soft, kind, model: { ...model, unitClass }, state: new ScanState(model.targets.length) }, normalizer: { ...normalizer, kind } };
}
