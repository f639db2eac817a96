/**
 * Stored match models: the compiled MatchModel and its anchor filters for one set of entries in
 * force, written once (by the build for the built-in lexicon, dist/data/model.bin; by `tifa lexicon
 * compile` for a user's lexicons) and mapped in by createChecker instead of built.
 *
 * Which entries are in force depends on the date a checker checks as of. A stored model holds the
 * set in force from the latest `since`/`until` of its entries on (from then on the set no longer
 * changes, so the file does not depend on the day it was built: reproducible byte for byte), with
 * a mask of those entries; a checker whose set differs (an older `asOf`) builds its model instead.
 */
import type { LexiconEntry } from '../lexicon/types.js';
import type { Normalizer } from '../normalize/index.js';
import type { Confusion } from '../confusion/index.js';
import { buildAnchorFilters, buildMatchModel, type AnchorFilters, type MatchModel } from '../match/model.js';
import { EDGE_OMISSION_LENGTH } from '../fuzzy/index.js';
import { DataFileError, readDataFile, writeDataFile } from '../match/model-file.js';

/** What a stored model file holds, besides the entries (stored elsewhere and handed in). */
export interface ModelParts {
  model: MatchModel;
  anchorFilters: AnchorFilters;
}

interface StoredModelValue extends ModelParts {
  /** 1 for each entry (of the full list) in force in the stored model. */
  inForce: Uint8Array;
}

/** The date from which the set of entries in force no longer changes: the latest since/until ('0000-01-01' when none). */
export function settledDate(entries: readonly LexiconEntry[]): string {
  let latest = '0000-01-01';
  for (const e of entries) {
    if (e.since !== undefined && e.since > latest) latest = e.since;
    if (e.until !== undefined && e.until > latest) latest = e.until;
  }
  return latest;
}

/** 1 for each entry in force on `date` (YYYY-MM-DD). */
export function inForceMask(entries: readonly LexiconEntry[], date: string): Uint8Array {
  const mask = new Uint8Array(entries.length);
  entries.forEach((e, i) => {
    if ((e.since === undefined || e.since <= date) && (e.until === undefined || date < e.until)) mask[i] = 1;
  });
  return mask;
}

/** Builds the model and its anchor filters (what createChecker does when no stored model fits). */
export function buildModelParts(entries: readonly LexiconEntry[], normalizer: Normalizer, allow: readonly string[], confusion: () => Confusion): { model: MatchModel; anchorFilters: () => AnchorFilters } {
  const model = buildMatchModel(entries, normalizer, allow);
  let filters: AnchorFilters | undefined;
  return {
    model,
    anchorFilters: () => {
      if (filters) return filters;
      const c = confusion();
      return (filters = buildAnchorFilters(model, c, EDGE_OMISSION_LENGTH));
    },
  };
}

/** The bytes of a stored model of `all` (every entry, in force or not) as of their settled date. */
export function writeStoredModel(all: readonly LexiconEntry[], normalizer: Normalizer, confusion: Confusion): Uint8Array {
  const inForce = inForceMask(all, settledDate(all));
  const entries = all.filter((_, i) => inForce[i] === 1);
  const built = buildModelParts(entries, normalizer, [], () => confusion);
  const value: StoredModelValue = { inForce, model: built.model, anchorFilters: built.anchorFilters() };
  return writeDataFile(value, { entries });
}

/**
 * The stored model for `entries`, the entries of `all` in force for the checker (`inForce` their
 * mask; `entries` must be exactly `all` filtered by it), or undefined when the file was stored for
 * another set. Throws DataFileError for a damaged file or one of another format.
 */
export function readStoredModel(file: string, bytes: Uint8Array, all: readonly LexiconEntry[], inForce: Uint8Array, entries: readonly LexiconEntry[], checked = false): ModelParts | undefined {
  const value = readDataFile(file, bytes, { entries }, { checked }) as Partial<StoredModelValue> | null;
  if (!value || !(value.inForce instanceof Uint8Array) || !value.model || !value.anchorFilters) throw new DataFileError(file, 'not a stored match model');
  if (value.inForce.length !== all.length) throw new DataFileError(file, `stored for ${value.inForce.length} entries, but the lexicons hold ${all.length}`);
  for (let i = 0; i < inForce.length; i++) if (value.inForce[i] !== inForce[i]) return undefined;
  return { model: value.model, anchorFilters: value.anchorFilters };
}

/** What createChecker knows when it needs its model. */
export interface ModelRequest {
  /** Every entry of the checker's lexicons, in force or not, in load order. */
  all: readonly LexiconEntry[];
  /** Those in force on the checker's date (`all` filtered, same order). */
  entries: readonly LexiconEntry[];
  date: string;
  normalizer: Normalizer;
  allow: readonly string[];
  /** The stored model file that may fit (read only when used), or undefined when none can. */
  stored: (() => { file: string; bytes: Uint8Array; checked?: boolean } | undefined) | undefined;
  confusion: () => Confusion;
}

/**
 * The checker's model and (lazily) its anchor filters: mapped in from the stored file when it was
 * stored for exactly these entries in force and no allow-list strings are added, built otherwise.
 */
export function resolveModel(request: ModelRequest): { model: MatchModel; anchorFilters: () => AnchorFilters; stored: boolean } {
  const file = request.allow.length === 0 ? request.stored?.() : undefined;
  if (file) {
    const parts = readStoredModel(file.file, file.bytes, request.all, inForceMask(request.all, request.date), request.entries, file.checked === true);
    if (parts) return { model: parts.model, anchorFilters: () => parts.anchorFilters, stored: true };
  }
  return { ...buildModelParts(request.entries, request.normalizer, request.allow, request.confusion), stored: false };
}
