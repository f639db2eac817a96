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

/** Encodes `value` into JSON-ready data, collecting typed arrays as sections. */
function encoder(externals: Record<string, unknown>): { encode(v: unknown, path: string): unknown; sections: Section[]; size(): number } {
  const sections: Section[] = [];
  let size = 0;
  const external = new Map<unknown, string>();
  for (const [k, v] of Object.entries(externals)) external.set(v, k);
  const encode = (v: unknown, path: string): unknown => {
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
    if (typeof v === 'number') {
      if (Number.isFinite(v)) return v;
      return { $num: String(v) };
    }
    if (v === undefined) return { $undef: 1 };
    if (typeof v === 'function') throw new TypeError(`${path} is a function: give its owner a reviver in src/match/model-file.ts (REVIVERS)`);
    if (typeof v !== 'object') throw new TypeError(`${path} is a ${typeof v}, which a data file cannot hold`);
    const ext = external.get(v);
    if (ext !== undefined) return { $ext: ext };
    if (isTyped(v)) {
      const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      sections.push({ bytes, offset: size });
      const at = size;
      size += (v.byteLength + 7) & ~7;
      return { $ta: typedName(v), at, n: v.length };
    }
    if (Array.isArray(v)) return v.map((x, i) => encode(x, `${path}[${i}]`));
    if (v instanceof Set) return { $set: [...v].map((x, i) => encode(x, `${path}.<set ${i}>`)) };
    if (v instanceof Map) return { $map: [...v].map(([k, x], i) => [encode(k, `${path}.<key ${i}>`), encode(x, `${path}.<value ${i}>`)]) };
    const proto = Object.getPrototypeOf(v) as object | null;
    const fields = (skip: (x: unknown) => boolean): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (!skip(x)) out[k] = encode(x, `${path}.${k}`);
      return out;
    };
    for (const [name, r] of Object.entries(REVIVERS)) if (r.test(v)) return { $revive: name, f: fields((x) => typeof x === 'function') };
    if (proto === Object.prototype || proto === null) return { $obj: fields(() => false) };
    for (const [name, cls] of Object.entries(CLASSES)) if (proto === cls.prototype) return { $class: name, f: fields(() => false) };
    throw new TypeError(`${path} is an instance of ${(v as object).constructor?.name ?? 'an unknown class'}: list the class in src/match/model-file.ts (CLASSES) or store plain data`);
  };
  return { encode, sections, size: () => size };
}

/** A fast checksum of 32-bit words (the byte length is a multiple of 4): catches damaged files, not tampering. */
function checksum(bytes: Uint8Array): number {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
  let h = 0x811c9dc5 ^ bytes.byteLength;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193) ^ (h >>> 15);
  return h >>> 0;
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
 * Reads a file written by writeDataFile. `file` names it in errors. Typed arrays are views on the
 * file's bytes (copied once into an aligned buffer when the bytes are not 8-byte aligned).
 * Throws DataFileError for a file that is not one, is damaged or has another format version.
 */
export function readDataFile(file: string, input: Uint8Array, externals: Record<string, unknown> = {}): unknown {
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
  if (checksum(bytes.subarray(AT.format)) !== view.getUint32(AT.checksum, true)) throw new DataFileError(file, 'damaged: checksum mismatch');
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(HEADER + 4, HEADER + 4 + jsonLength)));
  } catch (error) {
    throw new DataFileError(file, `damaged: ${(error as Error).message}`);
  }
  const buffer = bytes.buffer as ArrayBuffer;
  const sectionsAt = bytes.byteOffset + base;
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
    if ('$obj' in o) return decodeFields(o.$obj);
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
  return decode(data);
}
