/**
 * An Aho-Corasick automaton over UTF-16 code units, stored in flat typed arrays.
 *
 * Semantics: `step` reports, at each position, every pattern that ends there (overlapping matches);
 * choosing among overlapping matches (leftmost-longest for reporting) is the caller's job, because
 * tifa's patterns carry different meanings (a correct phrase, a wrong variant, a fuzzy anchor).
 *
 * Layout: the root's transitions are a dense array indexed by alphabet class; every other state
 * keeps its edges contiguous and sorted by class (CSR), searched linearly when few, by bisection
 * when many. Missing transitions follow failure links. Nothing is allocated while scanning.
 */

export interface Automaton {
  /** Alphabet class of a (normalized) code unit: 0 when no pattern contains it. Length 65536. */
  readonly classOf: Uint16Array;
  /** Number of states (the root is state 0). */
  readonly stateCount: number;
  /** Transition from `state` on alphabet class `cls` (0 = a code unit in no pattern). */
  step(state: number, cls: number): number;
  /** Where the pattern ids ending exactly at each state start in `outIds` (one more entry than states: the end of the last list). */
  readonly outStart: Int32Array;
  /** Pattern ids ending exactly at each state: `outIds[outStart[s] .. outStart[s+1])`. */
  readonly outIds: Int32Array;
  /** Nearest proper suffix state having outputs of its own, or -1. */
  readonly outLink: Int32Array;
  /** 1 when the state or one of its suffixes has outputs. */
  readonly emits: Uint8Array;
  /**
   * Every pattern id reported at each state, its own and those of its suffixes (the output links
   * followed once at build time): `allIds[allStart[s] .. allStart[s+1])`.
   */
  readonly allStart: Int32Array;
  readonly allIds: Int32Array;
  /** Length in code units of each pattern, by pattern id. */
  readonly patternLength: Int32Array;
  /** The tables `step` reads (CSR edges, failure links, alphabet size): kept so that a saved automaton revives (automatonFromTables). */
  readonly edgeStart: Int32Array;
  readonly csrCls: Uint16Array;
  readonly csrTo: Int32Array;
  readonly fail: Int32Array;
  readonly alphabet: number;
  /** The root's transitions, dense by class (what `step` returns from state 0). */
  readonly rootNext: Int32Array;
}

/** The alphabet: a class per code unit that occurs in some pattern (0 for the others). */
function alphabetOf(patterns: readonly string[]): { classOf: Uint16Array; alphabet: number } {
  const classOf = new Uint16Array(65536);
  const seen = new Uint8Array(65536);
  for (let p = 0; p < patterns.length; p++) {
    const s = patterns[p]!;
    if (s.length === 0) throw new RangeError(`patterns[${p}] must not be empty`);
    for (let i = 0; i < s.length; i++) seen[s.charCodeAt(i)] = 1;
  }
  let alphabet = 0;
  for (let c = 0; c < 65536; c++) if (seen[c]) classOf[c] = ++alphabet;
  if (alphabet > 65534) throw new RangeError('alphabet too large');
  return { classOf, alphabet };
}

interface Trie {
  edgeParent: Int32Array;
  edgeCls: Uint16Array;
  edgeChild: Int32Array;
  edgeCount: number;
  nodeCount: number;
  /** The node each pattern ends at. */
  endState: Int32Array;
}

/**
 * Trie construction, pattern by pattern in id order: a child is found through a hash of (node,
 * class), so building costs one probe per code unit (no sorting of strings: comparing hundreds of
 * thousands of patterns took seconds). The edges are returned ordered by class (a counting sort),
 * which compressEdges keeps within each parent.
 */
function buildTrie(patterns: readonly string[], classOf: Uint16Array, alphabet: number): Trie {
  let units = 0;
  for (const s of patterns) units += s.length;
  let bits = 4;
  while (1 << bits < units * 2) bits++;
  const mask = (1 << bits) - 1;
  const shift = 32 - bits;
  const slotNode = new Int32Array(1 << bits).fill(-1);
  const slotCls = new Uint16Array(1 << bits);
  const slotChild = new Int32Array(1 << bits);
  const edgeParent = new Int32Array(units);
  const edgeCls = new Uint16Array(units);
  const edgeChild = new Int32Array(units);
  let edgeCount = 0;
  let nodeCount = 1;
  const endState = new Int32Array(patterns.length);
  for (let id = 0; id < patterns.length; id++) {
    const s = patterns[id]!;
    let node = 0;
    for (let d = 0; d < s.length; d++) {
      const cls = classOf[s.charCodeAt(d)]!;
      let h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(cls, 0x85ebca77)) >>> shift;
      for (;;) {
        const n = slotNode[h]!;
        if (n === -1) {
          const child = nodeCount++;
          slotNode[h] = node;
          slotCls[h] = cls;
          slotChild[h] = child;
          edgeParent[edgeCount] = node;
          edgeCls[edgeCount] = cls;
          edgeChild[edgeCount] = child;
          edgeCount++;
          node = child;
          break;
        }
        if (n === node && slotCls[h] === cls) {
          node = slotChild[h]!;
          break;
        }
        h = (h + 1) & mask;
      }
    }
    endState[id] = node;
  }
  // Edges in class order (stable counting sort).
  const byCls = new Int32Array(alphabet + 2);
  for (let e = 0; e < edgeCount; e++) byCls[edgeCls[e]! + 1]!++;
  for (let c = 0; c <= alphabet; c++) byCls[c + 1]! += byCls[c]!;
  const sortedParent = new Int32Array(edgeCount);
  const sortedCls = new Uint16Array(edgeCount);
  const sortedChild = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const at = byCls[edgeCls[e]!]!++;
    sortedParent[at] = edgeParent[e]!;
    sortedCls[at] = edgeCls[e]!;
    sortedChild[at] = edgeChild[e]!;
  }
  return { edgeParent: sortedParent, edgeCls: sortedCls, edgeChild: sortedChild, edgeCount, nodeCount, endState };
}

interface Edges {
  /** Edges of state s: [edgeStart[s], edgeStart[s+1]) of csrCls / csrTo, in class order. */
  edgeStart: Int32Array;
  csrCls: Uint16Array;
  csrTo: Int32Array;
}

/** CSR edges grouped by parent (counting sort keeps the class order within a parent). */
function compressEdges(trie: Trie): Edges {
  const { edgeParent, edgeCls, edgeChild, edgeCount, nodeCount: stateCount } = trie;
  const edgeStart = new Int32Array(stateCount + 1);
  for (let e = 0; e < edgeCount; e++) edgeStart[edgeParent[e]! + 1]!++;
  for (let s = 0; s < stateCount; s++) edgeStart[s + 1]! += edgeStart[s]!;
  const fill = edgeStart.slice(0, stateCount);
  const csrCls = new Uint16Array(edgeCount);
  const csrTo = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const slot = fill[edgeParent[e]!]!++;
    csrCls[slot] = edgeCls[e]!;
    csrTo[slot] = edgeChild[e]!;
  }
  return { edgeStart, csrCls, csrTo };
}

/**
 * Renumbers the states in breadth-first order (the root's children first, in class order, then
 * theirs): the shallow states a scan visits most sit together in memory, and the children of a
 * state are consecutive. Rewrites `endState` in place.
 */
function breadthFirst(edges: Edges, endState: Int32Array): Edges {
  const { edgeStart, csrCls, csrTo } = edges;
  const stateCount = edgeStart.length - 1;
  const order = new Int32Array(stateCount); // new id -> old id
  const newId = new Int32Array(stateCount);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const old = order[head]!;
    for (let e = edgeStart[old]!; e < edgeStart[old + 1]!; e++) {
      newId[csrTo[e]!] = tail;
      order[tail++] = csrTo[e]!;
    }
  }
  const start = new Int32Array(stateCount + 1);
  const cls = new Uint16Array(csrCls.length);
  const to = new Int32Array(csrTo.length);
  let w = 0;
  for (let s = 0; s < stateCount; s++) {
    const old = order[s]!;
    start[s] = w;
    for (let e = edgeStart[old]!; e < edgeStart[old + 1]!; e++) {
      cls[w] = csrCls[e]!;
      to[w++] = newId[csrTo[e]!]!;
    }
  }
  start[stateCount] = w;
  for (let p = 0; p < endState.length; p++) endState[p] = newId[endState[p]!]!;
  return { edgeStart: start, csrCls: cls, csrTo: to };
}

/** The transition function: the root's dense row, sorted edges elsewhere (linear when few, bisection when many), then failure links. */
function rootRow(edges: Edges, alphabet: number): Int32Array {
  const { edgeStart, csrCls, csrTo } = edges;
  const rootNext = new Int32Array(alphabet + 1);
  for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) rootNext[csrCls[e]!] = csrTo[e]!;
  return rootNext;
}

/**
 * The transition from `state` on class `cls` over the tables (the scanner inlines this loop):
 * the root's dense row, sorted edges elsewhere (linear when few, bisection when many), failure links.
 */
export function transition(a: Pick<Automaton, 'edgeStart' | 'csrCls' | 'csrTo' | 'fail' | 'rootNext'>, state: number, cls: number): number {
  const { edgeStart, csrCls, csrTo, fail, rootNext } = a;
  for (;;) {
    if (state === 0) return rootNext[cls]!;
    let lo = edgeStart[state]!;
    let hi = edgeStart[state + 1]!;
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) if (csrCls[lo] === cls) return csrTo[lo]!;
    } else {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const v = csrCls[mid]!;
        if (v === cls) return csrTo[mid]!;
        if (v < cls) lo = mid + 1;
        else hi = mid;
      }
    }
    state = fail[state]!;
  }
}

/**
 * The step closure of the smaller automata (people, sequences, the build). It repeats transition()'s
 * loop on purpose: calling transition() from here with these tables made its call sites in the
 * scanner polymorphic, and the exact scan with classification fell from 40 to 28 MB/s
 * (`npm run bench -- peers --quick`, measured 2026-12-02).
 */
function stepFunction(edges: Edges, alphabet: number, fail: Int32Array): (state: number, cls: number) => number {
  const { edgeStart, csrCls, csrTo } = edges;
  const rootNext = rootRow(edges, alphabet);
  return (state: number, cls: number): number => {
    for (;;) {
      if (state === 0) return rootNext[cls]!;
      let lo = edgeStart[state]!;
      let hi = edgeStart[state + 1]!;
      if (hi - lo <= 8) {
        for (; lo < hi; lo++) if (csrCls[lo] === cls) return csrTo[lo]!;
      } else {
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          const v = csrCls[mid]!;
          if (v === cls) return csrTo[mid]!;
          if (v < cls) lo = mid + 1;
          else hi = mid;
        }
      }
      state = fail[state]!;
    }
  };
}

/** Pattern ids per end state (CSR). */
function outputsOf(endState: Int32Array, stateCount: number): { outStart: Int32Array; outIds: Int32Array } {
  const outStart = new Int32Array(stateCount + 1);
  for (let p = 0; p < endState.length; p++) outStart[endState[p]! + 1]!++;
  for (let s = 0; s < stateCount; s++) outStart[s + 1]! += outStart[s]!;
  const outFill = outStart.slice(0, stateCount);
  const outIds = new Int32Array(endState.length);
  for (let p = 0; p < endState.length; p++) outIds[outFill[endState[p]!]!++] = p;
  return { outStart, outIds };
}

/** Breadth-first failure links (into `fail`) and output links; returns the states in BFS order too. */
function linkStates(edges: Edges, outStart: Int32Array, fail: Int32Array, step: (state: number, cls: number) => number): { outLink: Int32Array; emits: Uint8Array; bfs: Int32Array; reached: number } {
  const { edgeStart, csrCls, csrTo } = edges;
  const stateCount = fail.length;
  const outLink = new Int32Array(stateCount).fill(-1);
  const emits = new Uint8Array(stateCount);
  const queue = new Int32Array(stateCount);
  let head = 0;
  let tail = 0;
  for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) {
    const child = csrTo[e]!;
    fail[child] = 0;
    queue[tail++] = child;
  }
  while (head < tail) {
    const s = queue[head++]!;
    const f = fail[s]!;
    if (s !== 0) {
      outLink[s] = outStart[f + 1]! > outStart[f]! ? f : outLink[f]!;
      emits[s] = outStart[s + 1]! > outStart[s]! || outLink[s]! >= 0 ? 1 : 0;
    }
    for (let e = edgeStart[s]!; e < edgeStart[s + 1]!; e++) {
      const child = csrTo[e]!;
      fail[child] = s === 0 ? 0 : step(f, csrCls[e]!);
      queue[tail++] = child;
    }
  }
  return { outLink, emits, bfs: queue, reached: tail };
}

/** Output closures, in BFS order so that a suffix state's closure exists before it is copied. */
function outputClosures(bfs: Int32Array, reached: number, outStart: Int32Array, outIds: Int32Array, outLink: Int32Array): { allStart: Int32Array; allIds: Int32Array } {
  const stateCount = outLink.length;
  const allCount = new Int32Array(stateCount);
  for (let q = 0; q < reached; q++) {
    const s = bfs[q]!;
    allCount[s] = outStart[s + 1]! - outStart[s]! + (outLink[s]! >= 0 ? allCount[outLink[s]!]! : 0);
  }
  const allStart = new Int32Array(stateCount + 1);
  for (let s = 0; s < stateCount; s++) allStart[s + 1] = allStart[s]! + allCount[s]!;
  const allIds = new Int32Array(allStart[stateCount]!);
  for (let q = 0; q < reached; q++) {
    const s = bfs[q]!;
    let w = allStart[s]!;
    for (let o = outStart[s]!; o < outStart[s + 1]!; o++) allIds[w++] = outIds[o]!;
    const l = outLink[s]!;
    if (l >= 0) for (let o = allStart[l]!; o < allStart[l + 1]!; o++) allIds[w++] = allIds[o]!;
  }
  return { allStart, allIds };
}

/**
 * Builds the automaton. `patterns[i]` is the code-unit string of pattern id `i`; empty patterns
 * are rejected with a RangeError (a caller bug: the lexicon validator refuses empty texts).
 */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  const { classOf, alphabet } = alphabetOf(patterns);
  const trie = buildTrie(patterns, classOf, alphabet);
  const stateCount = trie.nodeCount;
  const edges = breadthFirst(compressEdges(trie), trie.endState);
  const fail = new Int32Array(stateCount);
  const step = stepFunction(edges, alphabet, fail);
  const { outStart, outIds } = outputsOf(trie.endState, stateCount);
  const { outLink, emits, bfs, reached } = linkStates(edges, outStart, fail, step);
  const { allStart, allIds } = outputClosures(bfs, reached, outStart, outIds, outLink);
  const patternLength = new Int32Array(patterns.length);
  for (let p = 0; p < patterns.length; p++) patternLength[p] = patterns[p]!.length;
  return { classOf, stateCount, step, outStart, outIds, outLink, emits, allStart, allIds, patternLength, ...edges, fail, alphabet, rootNext: rootRow(edges, alphabet) };
}

/** An automaton from its stored tables (src/match/model-file.ts): the step function rebuilt over them, nothing else computed. */
export function automatonFromTables(tables: Omit<Automaton, 'step' | 'rootNext'> & { rootNext?: Int32Array }): Automaton {
  return { ...tables, rootNext: tables.rootNext ?? rootRow(tables, tables.alphabet), step: stepFunction(tables, tables.alphabet, tables.fail) };
}

