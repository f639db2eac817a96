import { createRequire } from 'node:module';

/**
 * A `require` relative to this module (to the bundle, once built), used to load optional native
 * segmenters and parsers lazily (never at import time). Both builds have `import.meta.url`: the ESM
 * bundle natively, the CJS bundle as its own file's URL (defined by src/build/build.ts). The
 * bundler's own `require` stand-in in the ESM bundle cannot load packages, so it is never used.
 */
export const lazyRequire: NodeRequire = createRequire(import.meta.url);

/**
 * A module loaded on first use (parsers the checker needs only for some inputs: YAML for user
 * lexicons, globs for the CLI), so that importing tifa stays cheap.
 */
export function lazyModule<T>(id: string): () => T {
  let module: T | undefined;
  return () => (module ??= lazyRequire(id) as T);
}
