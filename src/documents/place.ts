import type { DocumentBlock, DocumentPlace, DocumentText } from './types.js';

/** The block holding `offset` (a separator belongs to the block before it); undefined outside the text. */
export function placeOf(doc: Pick<DocumentText, 'blocks'>, offset: number): DocumentPlace | undefined {
  const blocks = doc.blocks;
  let lo = 0;
  let hi = blocks.length - 1;
  let found: DocumentBlock | undefined;
  // Last block whose start is <= offset.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start <= offset) {
      found = blocks[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found === undefined) return undefined;
  const place: DocumentPlace = {};
  if (found.page !== undefined) place.page = found.page;
  if (found.paragraph !== undefined) place.paragraph = found.paragraph;
  if (found.part !== undefined) place.part = found.part;
  return place;
}
