import { createRequire } from 'node:module';

/**
 * A `require` that works from both the ESM and the CJS build, used to load optional native
 * segmenters lazily (never at import time). In the ESM bundle `import.meta.url` is set and the
 * bundler's own `require` stand-in cannot load packages, so it must not be used; in the CJS bundle
 * `import.meta` is empty and Node's `require` is the one to use.
 */
const metaUrl: unknown = (import.meta as { url?: unknown }).url;
export const lazyRequire: NodeRequire = typeof metaUrl === 'string' ? createRequire(metaUrl) : require;

/**
 * A module loaded on first use (parsers the checker needs only for some inputs: YAML for user
 * lexicons, globs for the CLI), so that importing tifa stays cheap.
 */
export function lazyModule<T>(id: string): () => T {
  let module: T | undefined;
  return () => (module ??= lazyRequire(id) as T);
}
