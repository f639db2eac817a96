/**
 * The reference for the "typed-array automaton" target: the smallest complete Aho-Corasick we would
 * write for exact, overlapping matching over UTF-16 code units. Our own code, written for the bench.
 *
 * - code units are mapped to dense alphabet classes through one Uint16Array(65536);
 * - the trie's edges are CSR arrays sorted by class per state (bisection), the root's are dense;
 * - failure links are resolved at build time into `count[s]` = number of patterns ending at s or at
 *   any of its suffix states, so a scan is: one class lookup, one transition, one add per code unit.
 */
export class MinimalAutomaton {
  readonly classOf = new Uint16Array(65536);
  private readonly rootNext: Int32Array;
  private readonly edgeStart: Int32Array;
  private readonly edgeCls: Uint16Array;
  private readonly edgeTo: Int32Array;
  private readonly fail: Int32Array;
  /** Patterns ending at the state or at one of its suffixes (overlapping count). */
  readonly count: Int32Array;
  /** Patterns ending exactly at the state (what an automaton without output links reports). */
  readonly own: Int32Array;

  constructor(patterns: readonly string[]) {
    const uniq = [...new Set(patterns)].filter((p) => p.length > 0).sort();
    let classes = 0;
    for (const p of uniq) for (let i = 0; i < p.length; i++) if (this.classOf[p.charCodeAt(i)] === 0) this.classOf[p.charCodeAt(i)] = ++classes;
    // Trie in sorted order: edges leaving a node are appended in increasing code-unit order, which
    // is not class order, so edges are sorted per node below.
    const parent: number[] = [];
    const cls: number[] = [];
    const own: number[] = [0];
    const path = [0];
    let prev = '';
    let nodes = 1;
    for (const p of uniq) {
      let l = 0;
      while (l < p.length && l < prev.length && p.charCodeAt(l) === prev.charCodeAt(l)) l++;
      path.length = l + 1;
      for (let d = l; d < p.length; d++) {
        parent.push(path[d]!);
        cls.push(this.classOf[p.charCodeAt(d)]!);
        own.push(0);
        path.push(nodes++);
      }
      own[path[p.length]!]!++;
      prev = p;
    }
    const edges = parent.length;
    const order = Array.from({ length: edges }, (_, e) => e).sort((a, b) => parent[a]! - parent[b]! || cls[a]! - cls[b]!);
    this.edgeStart = new Int32Array(nodes + 1);
    this.edgeCls = new Uint16Array(edges);
    this.edgeTo = new Int32Array(edges);
    for (let k = 0; k < edges; k++) {
      const e = order[k]!;
      this.edgeStart[parent[e]! + 1]!++;
      this.edgeCls[k] = cls[e]!;
      this.edgeTo[k] = e + 1; // node id of the child of edge e
    }
    for (let s = 0; s < nodes; s++) this.edgeStart[s + 1]! += this.edgeStart[s]!;
    this.rootNext = new Int32Array(classes + 1);
    for (let k = this.edgeStart[0]!; k < this.edgeStart[1]!; k++) this.rootNext[this.edgeCls[k]!] = this.edgeTo[k]!;
    this.fail = new Int32Array(nodes);
    this.own = Int32Array.from(own);
    this.count = Int32Array.from(own);
    const queue = new Int32Array(nodes);
    let head = 0;
    let tail = 0;
    for (let k = this.edgeStart[0]!; k < this.edgeStart[1]!; k++) queue[tail++] = this.edgeTo[k]!;
    while (head < tail) {
      const s = queue[head++]!;
      for (let k = this.edgeStart[s]!; k < this.edgeStart[s + 1]!; k++) {
        const child = this.edgeTo[k]!;
        const f = this.next(this.fail[s]!, this.edgeCls[k]!, s === 0);
        this.fail[child] = f;
        this.count[child]! += this.count[f]!;
        queue[tail++] = child;
      }
    }
  }

  /** Transition with failure links; `fromRoot` marks a depth-1 child (its failure is the root). */
  private next(state: number, c: number, fromRoot: boolean): number {
    if (fromRoot) return 0;
    for (;;) {
      let lo = this.edgeStart[state]!;
      let hi = this.edgeStart[state + 1]!;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const v = this.edgeCls[mid]!;
        if (v === c) return this.edgeTo[mid]!;
        if (v < c) lo = mid + 1;
        else hi = mid;
      }
      if (state === 0) return 0;
      state = this.fail[state]!;
    }
  }

  /** Number of (overlapping) pattern occurrences in `text`. */
  countMatches(text: string): number {
    const { classOf, rootNext, edgeStart, edgeCls, edgeTo, fail, count } = this;
    let state = 0;
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = classOf[text.charCodeAt(i)]!;
      if (c === 0) {
        state = 0;
        continue;
      }
      for (;;) {
        if (state === 0) {
          state = rootNext[c]!;
          break;
        }
        let lo = edgeStart[state]!;
        let hi = edgeStart[state + 1]!;
        let found = -1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          const v = edgeCls[mid]!;
          if (v === c) {
            found = edgeTo[mid]!;
            break;
          }
          if (v < c) lo = mid + 1;
          else hi = mid;
        }
        if (found >= 0) {
          state = found;
          break;
        }
        state = fail[state]!;
      }
      n += count[state]!;
    }
    return n;
  }

  /** Number of positions whose longest matched suffix state is itself a pattern end (no output links). */
  countOwnEnds(text: string): number {
    const { classOf, own } = this;
    let state = 0;
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = classOf[text.charCodeAt(i)]!;
      if (c === 0) {
        state = 0;
        continue;
      }
      state = this.step(state, c);
      n += own[state]! > 0 ? 1 : 0;
    }
    return n;
  }

  private step(state: number, c: number): number {
    for (;;) {
      if (state === 0) return this.rootNext[c]!;
      let lo = this.edgeStart[state]!;
      let hi = this.edgeStart[state + 1]!;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const v = this.edgeCls[mid]!;
        if (v === c) return this.edgeTo[mid]!;
        if (v < c) lo = mid + 1;
        else hi = mid;
      }
      state = this.fail[state]!;
    }
  }
}

/** Overlapping occurrences by indexOf, one phrase at a time: the naive oracle for small samples. */
export function naiveCount(text: string, patterns: readonly string[]): number {
  let n = 0;
  for (const p of new Set(patterns)) {
    if (p.length === 0) continue;
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) n++;
  }
  return n;
}
