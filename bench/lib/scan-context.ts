/**
 * The scan context createChecker builds (src/checker.ts, getContext), rebuilt here so the benches
 * can time src/match/scan.ts alone. Keep in step with the checker: when its context changes, this
 * is the one place to follow it.
 */
import { createChecker, type Checker } from '../../src/index.js';
import { buildAnchorFilters, buildMatchModel } from '../../src/match/model.js';
import { EDGE_OMISSION_LENGTH } from '../../src/fuzzy/index.js';
import { confusionBits } from '../../src/fuzzy/align.js';
import { ScanState, type ScanContext } from '../../src/match/scan.js';
import { builtinConfusion } from '../../src/data/builtin.js';

export interface ScanContexts {
  checker: Checker;
  /** Fuzzy anchors verified, as `check` scans. */
  fuzzy: ScanContext;
  /** Exact patterns only: classification, noise skipping and position recording, no verification. */
  exact: ScanContext;
  /** Code unit -> class table of the model (normalization folded in). */
  unitClass: Uint16Array;
}

export function scanContexts(): ScanContexts {
  const checker = createChecker();
  // Built here rather than read from the stored model (dist/data): the same model, which a test
  // pins against a fresh build.
  const model = buildMatchModel(checker.entries, checker.normalizer, []);
  const confusion = builtinConfusion();
  const bits = confusionBits(confusion);
  const anchorFilters = buildAnchorFilters(model, confusion, EDGE_OMISSION_LENGTH);
  const base = { model, anchorFilters, map: checker.normalizer.map, kind: checker.normalizer.kind, confusion: bits };
  return {
    checker,
    fuzzy: { ...base, fuzzy: true, state: new ScanState(model.targets.length) },
    exact: { ...base, fuzzy: false, state: new ScanState(model.targets.length) },
    unitClass: model.unitClass,
  };
}
