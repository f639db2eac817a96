import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createChecker, type Checker, type CheckerOptions } from '../src/index.js';

export const fixture = (path: string): string => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));
export const readFixture = (path: string): string => readFileSync(fixture(path), 'utf8');

/** A checker over the small seed lexicon only (tests that must not depend on the built-in data). */
export function seedChecker(options: CheckerOptions = {}): Checker {
  return createChecker({ builtins: false, lexicons: [{ name: 'seed.yaml', text: readFixture('lexicons/seed.yaml') }], ...options });
}
