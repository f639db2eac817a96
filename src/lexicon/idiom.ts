/**
 * The idiom list (dictionaries/idiom/, built by `npm run mine:idioms`): idioms (成语) and set
 * phrases (习用语) of jieba's dictionary, chosen by evidence, as mandated phrases of category
 * `idiom-bank` (`idiom` is the category of the curated idiom typos). They are mined entries like
 * the phrase bank's (src/lexicon/bank.ts: isBankEntry covers both): fuzzy targets at warning, no
 * insertion, noise or short omission reported, curated entries and bank phrases win on overlap; no
 * transposition either (bankKeeps: 大好山河 for 大好河山 is another wording), one edit searched
 * (searchedEdits); and less sure still than a bank phrase, as a dictionary's idiom is no mandated
 * wording of official text.
 */

/** The category of the idiom list's entries. */
export const IDIOM_CATEGORY = 'idiom-bank';

/** How much less sure a fuzzy finding of an idiom is than one of a curated phrase. */
export const IDIOM_CONFIDENCE_DROP = 0.2;
