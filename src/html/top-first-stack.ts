/**
 * An array look-alike whose element 0 is the top of a stack, with O(1) `unshift`/`shift`.
 *
 * Why: htmlparser2's Parser keeps its open elements (and its foreign-content contexts) in plain
 * arrays with the innermost element at index 0, pushing with `unshift` and popping with `shift`.
 * Both move every element, so a page nested N levels deep costs O(N²): 200,000 nested <div> took
 * over half a minute. This view stores the elements bottom-first in a real array (push/pop at its
 * end) and translates indices, so the parser's own logic runs unchanged in linear time.
 *
 * Contract: behaves as the plain array `[top, ..., bottom]` for everything the parser does
 * (index reads, `length` reads and writes, `unshift`, `shift`, `includes`, `indexOf`). Any other
 * property is served from a materialized copy: correct, only slower, so a later parser version
 * that uses more of the array API still parses right.
 */
export function topFirstStack<T>(initial: readonly T[] = []): T[] {
  const bottomFirst: T[] = initial.slice().reverse();
  // Element counts, so `includes` is O(1) (the parser asks `includes("form")` at every <form>).
  const counts = new Map<T, number>();
  for (const x of bottomFirst) counts.set(x, (counts.get(x) ?? 0) + 1);
  const drop = (x: T): void => {
    const n = counts.get(x)! - 1;
    if (n === 0) counts.delete(x);
    else counts.set(x, n);
  };
  const view = (): T[] => bottomFirst.slice().reverse();
  const methods = {
    unshift(...items: T[]): number {
      for (let i = items.length - 1; i >= 0; i--) {
        bottomFirst.push(items[i]!);
        counts.set(items[i]!, (counts.get(items[i]!) ?? 0) + 1);
      }
      return bottomFirst.length;
    },
    shift(): T | undefined {
      if (bottomFirst.length === 0) return undefined;
      const x = bottomFirst.pop()!;
      drop(x);
      return x;
    },
    includes(x: T): boolean {
      return counts.has(x);
    },
    indexOf(x: T): number {
      if (!counts.has(x)) return -1;
      for (let i = bottomFirst.length - 1; i >= 0; i--) if (bottomFirst[i] === x) return bottomFirst.length - 1 - i;
      return -1;
    },
  };
  const index = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const n = Number(key);
    return Number.isInteger(n) && n >= 0 && String(n) === key ? n : -1;
  };
  return new Proxy(bottomFirst, {
    get(_target, key) {
      if (key === 'length') return bottomFirst.length;
      const i = index(key);
      if (i >= 0) return i < bottomFirst.length ? bottomFirst[bottomFirst.length - 1 - i] : undefined;
      if (typeof key === 'string' && Object.hasOwn(methods, key)) return methods[key as keyof typeof methods];
      const copy = view();
      const value = Reflect.get(copy, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(copy) : value;
    },
    set(_target, key, value) {
      if (key === 'length') {
        const n = Number(value);
        // Shortening keeps the top elements of the view, i.e. drops from the bottom.
        if (n < bottomFirst.length) {
          const removed = bottomFirst.splice(0, bottomFirst.length - n);
          for (const x of removed) drop(x);
        }
        return true;
      }
      const i = index(key);
      if (i >= 0 && i < bottomFirst.length) {
        const at = bottomFirst.length - 1 - i;
        drop(bottomFirst[at]!);
        bottomFirst[at] = value as T;
        counts.set(value as T, (counts.get(value as T) ?? 0) + 1);
        return true;
      }
      return false;
    },
  });
}

/**
 * Gives an htmlparser2 Parser top-first stacks for its open elements and foreign contexts, so
 * deep nesting parses in linear time. Fields it does not find (another parser version) are left
 * alone. Returns the parser.
 */
export function linearStacks<P extends object>(parser: P): P {
  const fields = parser as unknown as { stack?: unknown; foreignContext?: unknown };
  if (Array.isArray(fields.stack)) fields.stack = topFirstStack(fields.stack as unknown[]);
  if (Array.isArray(fields.foreignContext)) fields.foreignContext = topFirstStack(fields.foreignContext as unknown[]);
  return parser;
}
