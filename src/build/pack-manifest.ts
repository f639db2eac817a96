/**
 * Keeps the install-time build out of the published package.json.
 *
 * The repository's package.json has `"prepare": "npm run build"`, so that `npm ci` on a fresh
 * clone leaves a built package (dist/ is not committed). A published package must have no
 * install-time script: npm (11) lists a dependency's `prepare` among its install scripts, and warns,
 * when the dependency comes from a tarball, a folder, git or a URL (from the registry it counts
 * preinstall, install and postinstall only), and what it reads then is the tarball's package.json. So
 * `prepack` (after the build) runs `strip`, which removes that one key, and `postpack` runs
 * `restore`, which puts it back in the same place. Both edit the key alone (read, change one key,
 * write), so an edit made to package.json between the two is kept. Should a pack die between the
 * two (npm skips postpack when the tarball step fails), `restore` puts the key back by hand;
 * test/package/pack-manifest.test.ts fails while it is missing.
 *
 *   tsx src/build/pack-manifest.ts strip|restore [package.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The install-time script of the repository, and the script it follows in `scripts`. */
export const PREPARE = 'npm run build';
const AFTER = 'build';

type Scripts = Record<string, string>;

/** `scripts` without `prepare`. */
export function stripPrepare(scripts: Scripts): Scripts {
  const { prepare: _prepare, ...rest } = scripts;
  return rest;
}

/** `scripts` with `prepare` back, right after `build` (or first). */
export function restorePrepare(scripts: Scripts): Scripts {
  if (scripts.prepare !== undefined) return scripts;
  const out: Scripts = {};
  if (!(AFTER in scripts)) out.prepare = PREPARE;
  for (const [k, v] of Object.entries(scripts)) {
    out[k] = v;
    if (k === AFTER) out.prepare = PREPARE;
  }
  return out;
}

function edit(file: string, change: (s: Scripts) => Scripts): void {
  const text = readFileSync(file, 'utf8');
  const pkg = JSON.parse(text) as { scripts?: Scripts };
  const indent = /^[ \t]+/m.exec(text)?.[0] ?? '  ';
  pkg.scripts = change(pkg.scripts ?? {});
  writeFileSync(file, `${JSON.stringify(pkg, null, indent)}\n`);
}

function main(): void {
  const [command, file = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json')] = process.argv.slice(2);
  if (command === 'strip') edit(file, stripPrepare);
  else if (command === 'restore') edit(file, restorePrepare);
  else {
    process.stderr.write('usage: tsx src/build/pack-manifest.ts strip|restore [package.json]\n');
    process.exit(2);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
