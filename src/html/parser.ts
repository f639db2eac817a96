/**
 * htmlparser2, loaded on first use by every reader of markup (HTML pages, their links and meta
 * charset, DOCX XML): importing tifa does not pay for it (~45 ms) when no markup is read.
 */
import { lazyModule } from '../util/require.js';

export const htmlparser2 = lazyModule<typeof import('htmlparser2')>('htmlparser2');
