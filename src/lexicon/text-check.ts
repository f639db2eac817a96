import { CharKind, type Normalizer } from '../normalize/index.js';

/**
 * The validator's check that a lexicon string is in matching form: no character the normalizer
 * would change (traditional, full-width, look-alike code points) and no skipped character inside.
 */
export function textCheckFor(normalizer: Normalizer): (text: string) => string | undefined {
  return (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const k = normalizer.kind[c];
      if (k === CharKind.Skip) return `has a space or invisible character (U+${c.toString(16).toUpperCase().padStart(4, '0')}) inside`;
      if (normalizer.map[c] !== c) {
        const what = k === CharKind.Traditional ? 'a traditional character' : k === CharKind.Fullwidth ? 'a full-width character' : 'a look-alike code point';
        return `has ${what} "${text[i]}" (write "${String.fromCharCode(normalizer.map[c]!)}")`;
      }
    }
    return undefined;
  };
}
