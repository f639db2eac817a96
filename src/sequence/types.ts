/**
 * Sequence formulations: enumerations whose order is mandated (the five fields of 五位一体, the
 * four of 四个全面 ...) and fixed verb–object pairings (增强“四个意识”、坚定“四个自信”、做到“两个维护”).
 * Read from `kind: sequence` YAML files (dictionaries/sequence/ and users' `--lexicon` files;
 * format in dictionaries/FORMAT.md), compiled by the build into dist/data/sequences.json.
 */
import type { Severity } from '../types.js';

/** An enumeration whose items must come in `items` order wherever at least `minItems` of them are listed together. */
export interface OrderEntry {
  type: 'order';
  id: string;
  /** What the enumeration is called (五位一体), shown in the message. */
  label: string;
  /** The items in the mandated order. */
  items: string[];
  /** How many distinct items a listing needs before its order is judged (default: all of them). */
  minItems: number;
  /** Whether items may also be separated by ， and ； (clause-like items: 两个确立, 核心价值观). Default: false. */
  commas: boolean;
  note?: string;
  source: string;
  severity: Severity;
  /** ISO dates (YYYY-MM-DD): the entry applies from `since` (inclusive) to `until` (exclusive). */
  since?: string;
  until?: string;
  file: string;
  line: number;
}

/** One object of a pairing group and the verbs it takes. */
export interface Pairing {
  /** The object as it is written without quotation marks (四个意识). */
  object: string;
  /** The verbs it takes, the first being the one suggested (增强, 牢固树立). */
  verbs: string[];
}

/** Objects that each take their own verbs: a verb of one written before another is a wrong pairing. */
export interface PairingEntry {
  type: 'pairing';
  id: string;
  label: string;
  pairs: Pairing[];
  note?: string;
  source: string;
  severity: Severity;
  since?: string;
  until?: string;
  file: string;
  line: number;
}

export type SequenceEntry = OrderEntry | PairingEntry;

/** The built-in data as the build writes it (dist/data/sequences.json). */
export interface CompiledSequenceFile {
  format: 1;
  entries: SequenceEntry[];
}
