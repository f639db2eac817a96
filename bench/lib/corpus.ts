/**
 * The benchmark corpus (../shared/corpus relative to the repo root; see its README): read at bench
 * time, never copied into the repo.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS_DIR = resolve(process.env.TIFA_CORPUS ?? join(ROOT, '..', 'shared', 'corpus'));

export interface Corpus {
  /** The whole corpus as UTF-8 bytes (documents joined by \n, as in the files). */
  bytes: Buffer;
  /** One document (news item) per entry. */
  lines: string[];
  /** UTF-8 bytes of `lines` joined with \n. */
  utf8Bytes: number;
  /** UTF-16 code units of `lines` joined with \n. */
  units: number;
  files: string[];
}

export function corpusFiles(): string[] | undefined {
  if (!existsSync(CORPUS_DIR)) return undefined;
  const files = readdirSync(CORPUS_DIR).filter((f) => /^xwlb-\d{4}\.txt\.gz$/.test(f)).sort();
  return files.length > 0 ? files.map((f) => join(CORPUS_DIR, f)) : undefined;
}

/** Loads the corpus, optionally only its first `maxBytes` (cut at a line end). */
export function loadCorpus(maxBytes = Number.POSITIVE_INFINITY): Corpus | undefined {
  const files = corpusFiles();
  if (!files) return undefined;
  const parts: Buffer[] = [];
  let size = 0;
  for (const f of files) {
    if (size >= maxBytes) break;
    const b = gunzipSync(readFileSync(f));
    parts.push(b);
    size += b.length;
  }
  let bytes = Buffer.concat(parts);
  if (bytes.length > maxBytes) {
    const cut = bytes.lastIndexOf(10, maxBytes);
    bytes = bytes.subarray(0, cut > 0 ? cut + 1 : maxBytes);
  }
  const text = bytes.toString('utf8');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const joined = lines.join('\n');
  return { bytes, lines, utf8Bytes: Buffer.byteLength(joined), units: joined.length, files };
}

/** The whole corpus as UTF-8 bytes only (no decoding: for streaming runs that must stay small). */
export function loadCorpusBytes(): Buffer | undefined {
  const files = corpusFiles();
  return files ? Buffer.concat(files.map((f) => gunzipSync(readFileSync(f)))) : undefined;
}
