/**
 * Level-wise (Apriori) counting of Han character n-grams over a corpus of documents: an n-gram
 * can be found in N documents only if both of its (n-1)-grams are, so each level counts only the
 * n-grams whose two sub-grams passed the level before. Per n-gram: documents, occurrences,
 * occurrences whose both ends fall on a segmenter boundary, and the years it occurs in.
 */

/** The counts of one n-gram that reached the document threshold. */
export interface GramStat {
  text: string;
  /** Documents holding it. */
  docs: number;
  /** Occurrences (overlapping ones counted). */
  occurrences: number;
  /** Occurrences that start and end on a boundary of the segmenter's tokens. */
  aligned: number;
  /** Bit y set: occurs in a document of year firstYear + y. */
  yearMask: number;
  /** Largest document count of an n-gram one character longer to the left / right (c+text, text+c). */
  leftExtensionDocs: number;
  rightExtensionDocs: number;
}

/** The corpus as one string of Han runs separated by '\n', with each run's document. */
export interface RunText {
  text: string;
  /** Run i spans text[runStart[i], runEnd[i]). */
  runStart: Int32Array;
  runEnd: Int32Array;
  runDoc: Int32Array;
  /** Year index (0-based from the first year) of each document. */
  docYear: Uint8Array;
  /** boundary[p] = 1 when a segmenter token starts or ends at p (run ends included). */
  boundary: Uint8Array;
}

const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff]+/g;

/** Builds the run text from documents; `cut` splits a run into tokens (their concatenation is the run). */
export function runTextOf(docs: ReadonlyArray<{ text: string; year: number }>, firstYear: number, cut: (run: string) => string[]): RunText {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const runDocs: number[] = [];
  const bounds: number[] = [];
  let length = 0;
  docs.forEach((d, di) => {
    for (const m of d.text.matchAll(HAN_RUN)) {
      const run = m[0];
      starts.push(length);
      let p = length;
      bounds.push(p);
      for (const token of cut(run)) {
        p += token.length;
        bounds.push(p);
      }
      if (p !== length + run.length) throw new Error(`segmenter tokens do not cover the run "${run.slice(0, 20)}…"`);
      parts.push(run, '\n');
      length += run.length;
      ends.push(length);
      runDocs.push(di);
      length += 1;
    }
  });
  const boundary = new Uint8Array(length + 1);
  for (const b of bounds) boundary[b] = 1;
  return {
    text: parts.join(''),
    runStart: Int32Array.from(starts),
    runEnd: Int32Array.from(ends),
    runDoc: Int32Array.from(runDocs),
    docYear: Uint8Array.from(docs, (d) => d.year - firstYear),
    boundary,
  };
}

/**
 * Every n-gram of length 2..maxLength found in at least `minDocs` documents, keyed by text.
 * Memory: one Map per level of the n-grams whose sub-grams passed (a few million at most).
 */
export function countGrams(rt: RunText, maxLength: number, minDocs: number, log: (s: string) => void = () => {}): Map<string, GramStat> {
  const { text, runStart, runEnd, runDoc, docYear, boundary } = rt;
  const frequent = new Map<string, GramStat>();
  let prevOk = new Uint8Array(text.length); // the (k-1)-gram at p passed
  let curOk = new Uint8Array(text.length);
  for (let k = 2; k <= maxLength; k++) {
    const ids = new Map<string, number>();
    const docs: number[] = [];
    const occ: number[] = [];
    const aligned: number[] = [];
    const years: number[] = [];
    const lastDoc: number[] = [];
    const at = new Int32Array(text.length).fill(-1);
    for (let r = 0; r < runStart.length; r++) {
      const doc = runDoc[r]!;
      const yearBit = 1 << docYear[doc]!;
      for (let p = runStart[r]!, last = runEnd[r]! - k; p <= last; p++) {
        if (k > 2 && (prevOk[p] === 0 || prevOk[p + 1] === 0)) continue;
        const s = text.slice(p, p + k);
        let id = ids.get(s);
        if (id === undefined) {
          id = docs.length;
          ids.set(s, id);
          docs.push(0);
          occ.push(0);
          aligned.push(0);
          years.push(0);
          lastDoc.push(-1);
        }
        occ[id]!++;
        if (lastDoc[id] !== doc) {
          lastDoc[id] = doc;
          docs[id]!++;
          years[id]! |= yearBit;
        }
        if (boundary[p] === 1 && boundary[p + k] === 1) aligned[id]!++;
        at[p] = id;
      }
    }
    curOk.fill(0);
    let passed = 0;
    for (let p = 0; p < text.length; p++) {
      const id = at[p]!;
      if (id >= 0 && docs[id]! >= minDocs) curOk[p] = 1;
    }
    for (const [s, id] of ids) {
      if (docs[id]! < minDocs) continue;
      passed++;
      frequent.set(s, { text: s, docs: docs[id]!, occurrences: occ[id]!, aligned: aligned[id]!, yearMask: years[id]!, leftExtensionDocs: 0, rightExtensionDocs: 0 });
      if (k > 2) {
        const right = frequent.get(s.slice(1))!; // s = c + right: a left extension of it
        right.leftExtensionDocs = Math.max(right.leftExtensionDocs, docs[id]!);
        const left = frequent.get(s.slice(0, -1))!;
        left.rightExtensionDocs = Math.max(left.rightExtensionDocs, docs[id]!);
      }
    }
    log(`length ${k}: ${ids.size} counted, ${passed} in >= ${minDocs} documents`);
    [prevOk, curOk] = [curOk, prevOk];
    if (passed === 0) break;
  }
  return frequent;
}

/** Number of set bits (years a phrase occurs in). */
export function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}
