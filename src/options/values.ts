/**
 * Checks of option values read from a config file (or any JSON): each returns undefined when the
 * value is fine, else what is wrong, worded to follow the key's name (`"severity" must be ...`).
 */
import { toIsoDate } from '../lexicon/parse.js';

export type ValueCheck = (value: unknown) => string | undefined;

export const isString: ValueCheck = (v) => (typeof v === 'string' && v !== '' ? undefined : 'must be a non-empty string');
export const isBoolean: ValueCheck = (v) => (typeof v === 'boolean' ? undefined : 'must be true or false');
export const isStrings: ValueCheck = (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '') ? undefined : 'must be an array of non-empty strings');
export const oneOf = (...values: readonly string[]): ValueCheck => (v) => (typeof v === 'string' && values.includes(v) ? undefined : `must be one of ${values.join(', ')}`);
export const isWholeNumber: ValueCheck = (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? undefined : 'must be a whole number ≥ 0');
export const isFraction: ValueCheck = (v) => (typeof v === 'number' && v >= 0 && v <= 1 ? undefined : 'must be a number from 0 to 1');
export const isDate: ValueCheck = (v) => (typeof v === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v) && toIsoDate(v) !== undefined ? undefined : 'must be a calendar date YYYY, YYYY-MM or YYYY-MM-DD');
