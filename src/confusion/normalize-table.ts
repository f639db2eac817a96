/**
 * Readers for `dictionaries/derived/normalize.tsv` (`#` comment lines, then
 * `from<TAB>to<TAB>class`, each of from/to exactly one UTF-16 code unit). Pure: the caller supplies
 * the text.
 */

/** Class codes stored per code unit by {@link parseNormalizeClasses}; 0 = not mapped. */
export const NormalizeClass = {
  none: 0,
  traditional: 1,
  kangxi: 2,
  radical: 3,
  compat: 4,
  stroke: 5,
} as const;
export type NormalizeClassName = Exclude<keyof typeof NormalizeClass, 'none'>;
export type NormalizeClassCode = (typeof NormalizeClass)[keyof typeof NormalizeClass];

/** Class name for a code from {@link parseNormalizeClasses} (`null` for 0 / unknown codes). */
export function normalizeClassName(code: number): NormalizeClassName | null {
  switch (code) {
    case NormalizeClass.traditional:
      return 'traditional';
    case NormalizeClass.kangxi:
      return 'kangxi';
    case NormalizeClass.radical:
      return 'radical';
    case NormalizeClass.compat:
      return 'compat';
    case NormalizeClass.stroke:
      return 'stroke';
    default:
      return null;
  }
}

function classCode(name: string): number {
  switch (name) {
    case 'traditional':
      return NormalizeClass.traditional;
    case 'kangxi':
      return NormalizeClass.kangxi;
    case 'radical':
      return NormalizeClass.radical;
    case 'compat':
      return NormalizeClass.compat;
    case 'stroke':
      return NormalizeClass.stroke;
    default:
      return -1;
  }
}

/** Calls `row(from, to, classCode)` for every data row; throws on a malformed row. */
function eachRow(tsv: string, row: (from: number, to: number, cls: number) => void): void {
  let start = 0;
  let lineNo = 0;
  const n = tsv.length;
  while (start < n) {
    let end = tsv.indexOf('\n', start);
    if (end < 0) end = n;
    lineNo++;
    let stop = end;
    if (stop > start && tsv.charCodeAt(stop - 1) === 13) stop--; // tolerate CRLF
    if (stop > start && tsv.charCodeAt(start) !== 35 /* # */) {
      // fast path: "F\tT\tclass"
      const ok = stop - start >= 5 && tsv.charCodeAt(start + 1) === 9 && tsv.charCodeAt(start + 3) === 9;
      const cls = ok ? classCode(tsv.slice(start + 4, stop)) : -1;
      if (cls < 0) {
        throw new Error(`normalize table line ${lineNo}: expected from<TAB>to<TAB>class with one code unit each`);
      }
      row(tsv.charCodeAt(start), tsv.charCodeAt(start + 2), cls);
    }
    start = end + 1;
  }
}

/** Code unit -> normalized code unit (65536 entries, identity where the table has no row). */
export function parseNormalizeTable(tsv: string): Uint16Array {
  const map = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) map[c] = c;
  eachRow(tsv, (from, to) => {
    map[from] = to;
  });
  return map;
}

/** Code unit -> class code ({@link NormalizeClass}; 0 where the table has no row). */
export function parseNormalizeClasses(tsv: string): Uint8Array {
  const classes = new Uint8Array(65536);
  eachRow(tsv, (from, _to, cls) => {
    classes[from] = cls;
  });
  return classes;
}

/** Both arrays in one pass. */
export function parseNormalize(tsv: string): { readonly map: Uint16Array; readonly classes: Uint8Array } {
  const map = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) map[c] = c;
  const classes = new Uint8Array(65536);
  eachRow(tsv, (from, to, cls) => {
    map[from] = to;
    classes[from] = cls;
  });
  return { map, classes };
}
