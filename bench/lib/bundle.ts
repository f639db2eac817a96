/** src/index.ts bundled as `npm run build` does, for the children that time a plain-node start-up. */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './corpus.js';

export const BUNDLE_DIR = join(ROOT, 'node_modules', '.cache', 'tifa-bench');

/** Bundles src/index.ts (esbuild, ESM, packages external) next to a copy of dist/data; returns its path. */
export async function bundle(): Promise<string> {
  const esbuild = await import('esbuild');
  const outfile = join(BUNDLE_DIR, 'index.js');
  mkdirSync(BUNDLE_DIR, { recursive: true });
  await esbuild.build({
    entryPoints: [join(ROOT, 'src/index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    outfile,
    define: { __TIFA_VERSION__: '"bench"' },
    logLevel: 'error',
    // Without a real `require` in scope, esbuild's __require shim makes src/util/require.ts's
    // lazyRequire throw ("Dynamic require of @node-rs/jieba is not supported") in an ESM bundle, and
    // the real-word guard silently turns off. The bench bundle provides one.
    banner: { js: "import { createRequire as __tifaCreateRequire } from 'node:module'; const require = __tifaCreateRequire(import.meta.url);" },
  });
  cpSync(join(ROOT, 'dist', 'data'), join(BUNDLE_DIR, 'data'), { recursive: true });
  return outfile;
}
