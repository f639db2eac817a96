/**
 * Binary files of compiled data (the match model, its anchor filters, the confusion and frequency
 * tables): written by the build or `tifa lexicon compile`, mapped back in by a checker without
 * rebuilding anything.
 *
 * The writer walks the value generically, so a field added to the model needs no change here:
 * typed arrays become 8-byte-aligned binary sections, everything else JSON. Sets, Maps and
 * instances of the classes listed in CLASSES are tagged in the JSON; objects that carry a function
 * (the automaton's `step`) are rebuilt by a reviver of REVIVERS from their other fields. A value
 * named in `externals` (the lexicon entries, stored once elsewhere) is written as a reference and
 * handed back by the reader. Anything else (a closure without a reviver, an unlisted class) is a
 * TypeError at write time, naming the path of the field, so it fails at build time, not in use.
 *
 * Layout (little-endian): "TIFADATA" | u32 checksum of everything after it | u32 format | u32 byte
 * length of the JSON | u32 byte length of the whole file | u32 byte length of the sections | 4 bytes
 * of padding | JSON (UTF-8, padded to 8) | sections. Reading a typed array is a view on the file's ArrayBuffer: no copy, no per-entry object.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { PairSet } from './pair-set.js';
import { automatonFromTables } from './automaton.js';

/** Raised for a file that is not a tifa data file, is damaged, or was written by another format version. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'DataFileError';
  }
}

/** Bumped whenever the layout, or the shape of what is stored, changes incompatibly. */
export const DATA_FILE_FORMAT = 1;
const MAGIC = 'TIFADATA';
const HEADER = 28;
/** Byte offsets of the header fields. */
const AT = { checksum: 8, format: 12, json: 16, total: 20, sections: 24 } as const;

const TYPED = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;
type TypedName = keyof typeof TYPED;
type AnyTyped = InstanceType<(typeof TYPED)[TypedName]>;

/** Classes whose instances are stored field by field and revived with their prototype (fields are plain data). */
const CLASSES: Record<string, { prototype: object }> = { PairSet };

/**
 * Objects holding functions, rebuilt from their data fields: `test` recognizes the object at write
 * time, `revive` rebuilds it from the stored fields (functions left out).
 */
const REVIVERS: Record<string, { test(value: object): boolean; revive(fields: Record<string, unknown>): unknown }> = {
  automaton: {
    test: (v) => typeof (v as { step?: unknown }).step === 'function' && (v as { classOf?: unknown }).classOf instanceof Uint16Array,
    revive: (fields) => automatonFromTables(fields as unknown as Parameters<typeof automatonFromTables>[0]),
  },
};

const isTyped = (v: unknown): v is AnyTyped => ArrayBuffer.isView(v) && !(v instanceof DataView);

function typedName(v: AnyTyped): TypedName {
  for (const name of Object.keys(TYPED) as TypedName[]) if (v.constructor === TYPED[name]) return name;
  throw new TypeError(`unsupported typed array ${v.constructor.name}`);
}

interface Section {
  bytes: Uint8Array;
  offset: number;
}

/** An encoded value, and whether it is plain JSON (no tag inside: the reader takes it as it is). */
interface Encoded {
  e: unknown;
  pure: boolean;
}

const isPlainObject = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === Object.prototype || proto === null;
};

/** The keys of an array of plain objects sharing one key list (none starting with $), for a column-wise encoding; undefined otherwise. */
function sharedKeys(items: readonly unknown[]): string[] | undefined {
  if (items.length < 8) return undefined;
  const first = items[0];
  if (typeof first !== 'object' || first === null || Array.isArray(first) || isTyped(first) || !isPlainObject(first)) return undefined;
  const keys = Object.keys(first);
  if (keys.length === 0 || keys.some((k) => k.startsWith('$'))) return undefined;
  for (const item of items) {
    if (typeof item !== 'object' || item === null || Array.isArray(item) || isTyped(item) || !isPlainObject(item)) return undefined;
    const k = Object.keys(item);
    if (k.length !== keys.length) return undefined;
    for (let i = 0; i < k.length; i++) if (k[i] !== keys[i]) return undefined;
  }
  return keys;
}

/**
 * Encodes `value` into JSON-ready data, collecting typed arrays as sections. Plain JSON subtrees are
 * marked `$json` (read back without a walk); arrays of objects of one shape (the fuzzy targets, the
 * anchor groups) are stored column by column (`$rows`), a column of typed arrays packed into one
 * section (`$pack`), so that a lexicon of 100k targets is not 400k small JSON records.
 */
function encoder(externals: Record<string, unknown>): { encode(v: unknown, path: string): unknown; sections: Section[]; size(): number } {
  const sections: Section[] = [];
  let size = 0;
  const external = new Map<unknown, string>();
  for (const [k, v] of Object.entries(externals)) external.set(v, k);
  const section = (bytes: Uint8Array): number => {
    sections.push({ bytes, offset: size });
    const at = size;
    size += (bytes.byteLength + 7) & ~7;
    return at;
  };
  const wrap = (x: Encoded): unknown => (x.pure && typeof x.e === 'object' && x.e !== null ? { $json: x.e } : x.e);
  const column = (values: unknown[], path: string): unknown => {
    const first = values[0];
    if (isTyped(first) && values.every((x) => isTyped(x) && x.constructor === first.constructor && !external.has(x))) {
      const arrays = values as AnyTyped[];
      let bytes = 0;
      for (const a of arrays) bytes += a.byteLength;
      const packed = new Uint8Array(bytes);
      let at = 0;
      for (const a of arrays) {
        packed.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
        at += a.byteLength;
      }
      return { $pack: typedName(first), at: section(packed), lens: arrays.map((a) => a.length) };
    }
    return wrap(encode(values, path));
  };
  const encode = (v: unknown, path: string): Encoded => {
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return { e: v, pure: true };
    if (typeof v === 'number') return Number.isFinite(v) ? { e: v, pure: true } : { e: { $num: String(v) }, pure: false };
    if (v === undefined) return { e: { $undef: 1 }, pure: false };
    if (typeof v === 'function') throw new TypeError(`${path} is a function: give its owner a reviver in src/match/model-file.ts (REVIVERS)`);
    if (typeof v !== 'object') throw new TypeError(`${path} is a ${typeof v}, which a data file cannot hold`);
    const ext = external.get(v);
    if (ext !== undefined) return { e: { $ext: ext }, pure: false };
    if (isTyped(v)) return { e: { $ta: typedName(v), at: section(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)), n: v.length }, pure: false };
    if (Array.isArray(v)) {
      const keys = sharedKeys(v);
      if (keys) return { e: { $rows: keys, n: v.length, cols: keys.map((k) => column(v.map((item: Record<string, unknown>) => item[k]), `${path}[].${k}`)) }, pure: false };
      const items = v.map((x, i) => encode(x, `${path}[${i}]`));
      if (items.every((x) => x.pure)) return { e: items.map((x) => x.e), pure: true };
      return { e: items.map(wrap), pure: false };
    }
    if (v instanceof Set) return { e: { $set: [...v].map((x, i) => wrap(encode(x, `${path}.<set ${i}>`))) }, pure: false };
    if (v instanceof Map) return { e: { $map: [...v].map(([k, x], i) => [wrap(encode(k, `${path}.<key ${i}>`)), wrap(encode(x, `${path}.<value ${i}>`))]) }, pure: false };
    const fields = (skip: (x: unknown) => boolean): { out: Record<string, Encoded>; pure: boolean } => {
      const out: Record<string, Encoded> = {};
      let pure = true;
      for (const [k, x] of Object.entries(v)) {
        if (skip(x)) continue;
        out[k] = encode(x, `${path}.${k}`);
        pure &&= out[k].pure && !k.startsWith('$');
      }
      return { out, pure };
    };
    const wrapped = (out: Record<string, Encoded>): Record<string, unknown> => Object.fromEntries(Object.entries(out).map(([k, x]) => [k, wrap(x)]));
    for (const [name, r] of Object.entries(REVIVERS)) if (r.test(v)) return { e: { $revive: name, f: wrapped(fields((x) => typeof x === 'function').out) }, pure: false };
    if (isPlainObject(v)) {
      const { out, pure } = fields(() => false);
      return pure ? { e: Object.fromEntries(Object.entries(out).map(([k, x]) => [k, x.e])), pure: true } : { e: { $obj: wrapped(out) }, pure: false };
    }
    const proto = Object.getPrototypeOf(v) as object;
    for (const [name, cls] of Object.entries(CLASSES)) if (proto === cls.prototype) return { e: { $class: name, f: wrapped(fields(() => false).out) }, pure: false };
    throw new TypeError(`${path} is an instance of ${(v as object).constructor?.name ?? 'an unknown class'}: list the class in src/match/model-file.ts (CLASSES) or store plain data`);
  };
  return { encode: (v, path) => wrap(encode(v, path)), sections, size: () => size };
}

/** A fast checksum of 32-bit words in four lanes (the byte length is a multiple of 4): catches damaged files, not tampering. */
function checksum(bytes: Uint8Array): number {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
  let a = 0x811c9dc5 ^ bytes.byteLength;
  let b = 0x01000193;
  let c = 0x9e3779b1;
  let d = 0x85ebca77;
  for (let i = 0; i + 3 < words.length; i += 4) {
    a = Math.imul(a ^ words[i]!, 0x01000193) ^ (a >>> 15);
    b = Math.imul(b ^ words[i + 1]!, 0x01000193) ^ (b >>> 15);
    c = Math.imul(c ^ words[i + 2]!, 0x01000193) ^ (c >>> 15);
    d = Math.imul(d ^ words[i + 3]!, 0x01000193) ^ (d >>> 15);
  }
  for (let i = words.length & ~3; i < words.length; i++) a = Math.imul(a ^ words[i]!, 0x01000193) ^ (a >>> 15);
  return (Math.imul(a, 31) ^ Math.imul(b, 37) ^ Math.imul(c, 41) ^ Math.imul(d, 43)) >>> 0;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Serializes `value` (see the module comment). `externals`: values written as references by name
 * (identity), to be passed again to readDataFile. Deterministic: the same value gives the same bytes.
 */
export function writeDataFile(value: unknown, externals: Record<string, unknown> = {}): Uint8Array {
  if (!LITTLE_ENDIAN) throw new Error('tifa data files are little-endian; this machine is not');
  const enc = encoder(externals);
  const json = new TextEncoder().encode(JSON.stringify(enc.encode(value, 'value')));
  const jsonPadded = (json.length + 7) & ~7;
  const total = HEADER + 4 + jsonPadded + enc.size();
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  for (let i = 0; i < MAGIC.length; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint32(AT.format, DATA_FILE_FORMAT, true);
  view.setUint32(AT.json, json.length, true);
  view.setUint32(AT.total, total, true);
  view.setUint32(AT.sections, enc.size(), true);
  // 4 bytes of padding keep the JSON, hence the sections, 8-byte aligned.
  out.set(json, HEADER + 4);
  const base = HEADER + 4 + jsonPadded;
  for (const s of enc.sections) out.set(s.bytes, base + s.offset);
  view.setUint32(AT.checksum, checksum(out.subarray(AT.format)), true);
  return out;
}

/** The format number of a data file's header, or undefined when `bytes` is not a tifa data file. */
export function dataFileFormat(bytes: Uint8Array): number | undefined {
  if (bytes.length < HEADER) return undefined;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) return undefined;
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(AT.format, true);
}

/**
 * Reads a file written by writeDataFile. `file` names it in errors; `options.checked` skips the
 * checksum of bytes that were part of a file already checked. Typed arrays are views on the
 * file's bytes (copied once into an aligned buffer when the bytes are not 8-byte aligned).
 * Throws DataFileError for a file that is not one, is damaged or has another format version.
 */
export function readDataFile(file: string, input: Uint8Array, externals: Record<string, unknown> = {}, options: { checked?: boolean } = {}): unknown {
  const opened = openDataFile(file, input, options);
  return decoderOf(file, opened, externals)(opened.data);
}

/** A data file's bytes checked against its header and checksum, with its JSON part parsed. */
interface OpenedDataFile {
  data: unknown;
  buffer: ArrayBuffer;
  /** Byte offset in `buffer` of the first section. */
  sectionsAt: number;
  sectionBytes: number;
}

function openDataFile(file: string, input: Uint8Array, options: { checked?: boolean }): OpenedDataFile {
  const format = dataFileFormat(input);
  if (format === undefined) throw new DataFileError(file, 'not a compiled tifa data file (no TIFADATA header)');
  if (format !== DATA_FILE_FORMAT) throw new DataFileError(file, `data format ${format}, but this version of tifa reads format ${DATA_FILE_FORMAT}: compile it again with this version`);
  let bytes = input;
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(AT.json, true);
  const total = view.getUint32(AT.total, true);
  const sectionBytes = view.getUint32(AT.sections, true);
  if (total !== bytes.length) throw new DataFileError(file, `damaged: ${bytes.length} bytes, the header says ${total} (truncated or appended to)`);
  const base = HEADER + 4 + ((jsonLength + 7) & ~7);
  if (base + sectionBytes !== total || total % 4 !== 0) throw new DataFileError(file, 'damaged: the header does not add up');
  // `checked`: the bytes are part of a file whose checksum already held (a model inside a compiled lexicon).
  if (options.checked !== true && checksum(bytes.subarray(AT.format)) !== view.getUint32(AT.checksum, true)) throw new DataFileError(file, 'damaged: checksum mismatch');
  let data: unknown;
  // Checked and decoded by Node's native UTF-8 routines: a fatal TextDecoder took 7x as long
  // (18 of 21 ms for the 0.6 MB of JSON in model.bin, at every start).
  const json = bytes.subarray(HEADER + 4, HEADER + 4 + jsonLength);
  if (!isUtf8(json)) throw new DataFileError(file, 'damaged: its JSON part is not valid UTF-8');
  try {
    data = JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8'));
  } catch (error) {
    throw new DataFileError(file, `damaged: ${(error as Error).message}`);
  }
  return { data, buffer: bytes.buffer as ArrayBuffer, sectionsAt: bytes.byteOffset + base, sectionBytes };
}

/** The function that turns a file's tagged JSON back into values (typed arrays as views on the file). */
function decoderOf(file: string, opened: OpenedDataFile, externals: Record<string, unknown>): (v: unknown) => unknown {
  const { buffer, sectionsAt, sectionBytes } = opened;
  const decode = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(decode);
    const o = v as Record<string, unknown>;
    if ('$ta' in o) {
      const Ctor = TYPED[o.$ta as TypedName];
      const at = o.at as number;
      const n = o.n as number;
      if (!Ctor || !(at >= 0) || !(n >= 0) || at + n * Ctor.BYTES_PER_ELEMENT > sectionBytes) throw new DataFileError(file, 'damaged: a section lies outside the file');
      return new Ctor(buffer, sectionsAt + at, n);
    }
    if ('$json' in o) return o.$json;
    if ('$obj' in o) return decodeFields(o.$obj);
    if ('$pack' in o) {
      const Ctor = TYPED[o.$pack as TypedName];
      const lens = o.lens as number[];
      let at = o.at as number;
      if (!Ctor || !Array.isArray(lens)) throw new DataFileError(file, 'damaged: a packed column without its type or lengths');
      const out: AnyTyped[] = new Array(lens.length);
      for (let i = 0; i < lens.length; i++) {
        const n = lens[i]!;
        if (!(at >= 0) || !(n >= 0) || at + n * Ctor.BYTES_PER_ELEMENT > sectionBytes) throw new DataFileError(file, 'damaged: a section lies outside the file');
        out[i] = new Ctor(buffer, sectionsAt + at, n);
        at += n * Ctor.BYTES_PER_ELEMENT;
      }
      return out;
    }
    if ('$rows' in o) {
      const keys = o.$rows as string[];
      const n = o.n as number;
      const cols = (o.cols as unknown[]).map(decode) as unknown[][];
      if (!Array.isArray(keys) || cols.length !== keys.length || cols.some((c) => !Array.isArray(c) || c.length !== n)) throw new DataFileError(file, 'damaged: columns of unequal length');
      const rows: Record<string, unknown>[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const row: Record<string, unknown> = {};
        for (let k = 0; k < keys.length; k++) row[keys[k]!] = cols[k]![i];
        rows[i] = row;
      }
      return rows;
    }
    if ('$set' in o) return new Set((o.$set as unknown[]).map(decode));
    if ('$map' in o) return new Map((o.$map as Array<[unknown, unknown]>).map(([k, x]) => [decode(k), decode(x)]));
    if ('$num' in o) return Number(o.$num);
    if ('$undef' in o) return undefined;
    if ('$ext' in o) {
      const name = o.$ext as string;
      if (!(name in externals)) throw new DataFileError(file, `refers to "${name}", which the reader did not supply`);
      return externals[name];
    }
    if ('$class' in o) {
      const cls = CLASSES[o.$class as string];
      if (!cls) throw new DataFileError(file, `holds an unknown class ${String(o.$class)}`);
      return Object.assign(Object.create(cls.prototype) as object, decodeFields(o.f));
    }
    if ('$revive' in o) {
      const r = REVIVERS[o.$revive as string];
      if (!r) throw new DataFileError(file, `holds an unknown kind of object ${String(o.$revive)}`);
      return r.revive(decodeFields(o.f));
    }
    throw new DataFileError(file, 'damaged: an untagged object');
  };
  const decodeFields = (f: unknown): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(f as Record<string, unknown>)) out[k] = decode(x);
    return out;
  };
  return decode;
}
