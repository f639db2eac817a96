/**
 * Command-line values of the bench scripts (`--name value`), one way for all of them. The scripts
 * take few flags, each with a default, so a lookup by name is all they need.
 */

/** The value after `name` (say `--out`) on the command line, or undefined when the flag is absent. */
export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The positive number after `name`, or `fallback` when the flag is absent; anything else is an error that names the flag. */
export function positiveArg(name: string, fallback: number): number {
  const v = argValue(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} takes a positive number, got "${v}"`);
  return n;
}

/** A progress line on stderr (stdout stays for results). */
export function logLine(s: string): void {
  process.stderr.write(`${s}\n`);
}

/** The value after `name`, or `fallback` when the flag is absent or has no value. */
export function stringArg(name: string, fallback: string): string {
  return argValue(name) || fallback;
}
