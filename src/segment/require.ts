import { createRequire } from 'node:module';

/**
 * A `require` that works from both the ESM and the CJS build, used to load optional native
 * segmenters lazily (never at import time).
 */
export const lazyRequire: NodeRequire =
  typeof require === 'function' ? require : createRequire(import.meta.url);
