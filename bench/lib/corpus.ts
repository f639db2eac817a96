/**
 * The benchmark corpus (../shared/corpus relative to the repo root; see its README): read at bench
 * time, never copied into the repo. Only the 2019-2025 files: xwlb-2026 is the held-out slice of
 * the accuracy work and stays out of every other use.
 */
import { execFileSync } from 'node:child_process';
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

/** The last year of the corpus the benches read (the next one is held out). */
export const LAST_YEAR = 2025;

export function corpusFiles(): string[] | undefined {
  if (!existsSync(CORPUS_DIR)) return undefined;
  const files = readdirSync(CORPUS_DIR)
    .filter((f) => /^xwlb-(\d{4})\.txt\.gz$/.test(f) && Number(f.slice(5, 9)) <= LAST_YEAR)
    .sort();
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

/**
 * About `totalBytes` of the corpus as documents, an equal share from the head of every year's file
 * (read with zcat | head, so only the slice is ever in memory: children that report their peak RSS
 * stay honest). Each share is cut at its last line end.
 */
export function readCorpusSlice(totalBytes: number): { lines: string[]; bytes: number } | undefined {
  const files = corpusFiles();
  if (!files) return undefined;
  const share = Math.ceil(totalBytes / files.length);
  const lines: string[] = [];
  for (const f of files) {
    const head = execFileSync('sh', ['-c', 'zcat "$0" | head -c "$1"', f, String(share)], { maxBuffer: share + (1 << 20) });
    const cut = head.lastIndexOf(10);
    for (const l of head.subarray(0, cut > 0 ? cut : head.length).toString('utf8').split('\n')) if (l.length > 0) lines.push(l);
  }
  return { lines, bytes: Buffer.byteLength(lines.join('\n')) };
}
