/**
 * The encoding of bytes that declare none (no BOM, no <meta charset>, no --encoding): UTF-8,
 * GB18030 (a superset of GBK and GB2312) or Big5, the encodings Chinese pages are written in.
 *
 * 1. UTF-8 when the bytes are overwhelmingly valid UTF-8: at most one invalid sequence per
 *    UTF8_GOOD_PER_BAD (100) valid multibyte sequences, i.e. invalid sequences ≤ 1% of the
 *    multibyte ones; one invalid sequence is always tolerated after UTF8_MIN_GOOD_FOR_ONE_BAD (4)
 *    valid ones (a stray byte or a file cut mid-character in a short text). Other encodings
 *    decoded as UTF-8 fail far more often: GBK text is about 10 invalid sequences per valid one.
 *    The bad bytes then become U+FFFD and are counted, as browsers do.
 * 2. Otherwise each candidate gets a score, the share of the non-ASCII characters it decodes into
 *    the characters a text of that encoding mostly consists of:
 *    - GB18030: GB2312 level 1 (the 3,755 most used hanzi, lead bytes B0-D7) and the punctuation
 *      and full-width rows (A1, A3);
 *    - Big5: the symbols and the 5,401 frequently used characters (常用字, A140-C67E);
 *    - UTF-8: valid multibyte sequences out of all multibyte and invalid ones.
 *    Text in one encoding decoded as another lands in rare rows, user-defined areas or invalid
 *    pairs (the rows of one standard's common characters are rarely the other's), so the right
 *    candidate scores near 1 and the others far lower (see test/encoding/guess.test.ts and
 *    bench/encoding-guess.ts for the measured scores).
 *    The best score wins; ties go to UTF-8, then GB18030. The guess is certain when the winner
 *    scores at least CERTAIN_SCORE, leads the next by at least CERTAIN_MARGIN and rests on at
 *    least MIN_SAMPLE characters; otherwise the caller is told why (a warning in the CLI).
 *
 * Scores are computed on the bytes, with no decoding, over the first SAMPLE_BYTES bytes.
 */
import { isUtf8 } from 'node:buffer';

/** Invalid UTF-8 sequences tolerated: one per this many valid multibyte sequences (1%). */
export const UTF8_GOOD_PER_BAD = 100;
/** A single invalid UTF-8 sequence is tolerated after this many valid multibyte sequences. */
export const UTF8_MIN_GOOD_FOR_ONE_BAD = 4;
/** A statistical guess is certain from this score of the winner... */
export const CERTAIN_SCORE = 0.8;
/** ... with this lead over the next candidate ... */
export const CERTAIN_MARGIN = 0.25;
/** ... on at least this many non-ASCII characters. */
export const MIN_SAMPLE = 8;
/** Bytes looked at for the GB18030 / Big5 scores (the start of the file). */
export const SAMPLE_BYTES = 1 << 20;

export interface Utf8Counts {
  /** Valid sequences of two to four bytes. */
  multibyte: number;
  /** Invalid sequences: each is one U+FFFD in a WHATWG (browser, TextDecoder) decode. */
  invalid: number;
  /** Byte offset of the first invalid sequence, or -1. */
  firstInvalid: number;
}

/**
 * Counts valid multibyte and invalid sequences as the WHATWG UTF-8 decoder reads them. Valid
 * UTF-8, by far the most common input, is told by Node's native check, and then only its lead
 * bytes are counted (the full state machine below was ~4 % of a check's CPU, run twice per page).
 */
export function countUtf8(bytes: Uint8Array): Utf8Counts {
  if (isUtf8(bytes)) return { multibyte: countLeadBytes(bytes), invalid: 0, firstInvalid: -1 };
  return countUtf8Slowly(bytes);
}

/** In valid UTF-8: how many multibyte sequences (one lead byte, 11xxxxxx, each). */
function countLeadBytes(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0xc0) n++;
  return n;
}

function countUtf8Slowly(bytes: Uint8Array): Utf8Counts {
  let multibyte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  let start = 0;
  const bad = (at: number): void => {
    if (invalid === 0) firstInvalid = at;
    invalid++;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (needed === 0) {
      if (b < 0x80) continue;
      start = i;
      if (b >= 0xc2 && b <= 0xdf) needed = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
        needed = 2;
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
        needed = 3;
      } else bad(i);
      continue;
    }
    if (b < lower || b > upper) {
      // The sequence so far is one error; the byte is read again as the start of something new.
      needed = seen = 0;
      lower = 0x80;
      upper = 0xbf;
      bad(start);
      i--;
      continue;
    }
    lower = 0x80;
    upper = 0xbf;
    if (++seen === needed) {
      needed = seen = 0;
      multibyte++;
    }
  }
  if (needed > 0) bad(start);
  return { multibyte, invalid, firstInvalid };
}

/** Whether UTF-8 counts are "overwhelmingly valid" (see the module comment). */
export function mostlyUtf8(c: Utf8Counts): boolean {
  if (c.invalid === 0) return true;
  if (c.invalid === 1) return c.multibyte >= UTF8_MIN_GOOD_FOR_ONE_BAD;
  return c.invalid * UTF8_GOOD_PER_BAD <= c.multibyte;
}

export interface CandidateScore {
  encoding: 'utf-8' | 'gb18030' | 'big5';
  /** Share of the non-ASCII characters that are common ones (0..1). */
  score: number;
  /** Non-ASCII characters (and invalid sequences) the score rests on. */
  sample: number;
}

/** GB18030 read of the bytes: common characters (GB2312 level 1, punctuation rows) out of all. */
export function scoreGb18030(bytes: Uint8Array): CandidateScore {
  let common = 0;
  let all = 0;
  const n = Math.min(bytes.length, SAMPLE_BYTES);
  for (let i = 0; i < n; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    all++;
    const trail = i + 1 < n ? bytes[i + 1]! : -1;
    if (lead === 0x80 || lead === 0xff || trail < 0) continue; // invalid (0x80 is the euro sign in GBK only)
    if (trail >= 0x30 && trail <= 0x39) {
      i += 3; // a four-byte sequence: valid, but never a common character
      continue;
    }
    if (trail < 0x40 || trail === 0x7f || trail === 0xff) continue; // invalid pair: the trail is read again
    i++;
    if (trail >= 0xa1 && ((lead >= 0xb0 && lead <= 0xd7) || lead === 0xa1 || lead === 0xa3)) common++;
  }
  return { encoding: 'gb18030', score: all === 0 ? 0 : common / all, sample: all };
}

/** Big5 read of the bytes: symbols and frequently used characters (A140-C67E) out of all. */
export function scoreBig5(bytes: Uint8Array): CandidateScore {
  let common = 0;
  let all = 0;
  const n = Math.min(bytes.length, SAMPLE_BYTES);
  for (let i = 0; i < n; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    all++;
    const trail = i + 1 < n ? bytes[i + 1]! : -1;
    if (lead === 0x80 || lead === 0xff || trail < 0) continue;
    if (!((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe))) continue; // invalid pair
    i++;
    const code = (lead << 8) | trail;
    if (code >= 0xa140 && code <= 0xc67e) common++;
  }
  return { encoding: 'big5', score: all === 0 ? 0 : common / all, sample: all };
}

/** UTF-8 read of the bytes: valid multibyte sequences out of multibyte and invalid ones. */
export function scoreUtf8(c: Utf8Counts): CandidateScore {
  const all = c.multibyte + c.invalid;
  return { encoding: 'utf-8', score: all === 0 ? 1 : c.multibyte / all, sample: all };
}

export interface Guess {
  encoding: 'utf-8' | 'gb18030' | 'big5';
  /** The bytes leave no reasonable doubt (valid or overwhelmingly valid UTF-8, or a clear statistical winner). */
  certain: boolean;
  /** Why this encoding was chosen, in a sentence (for the warning when not certain). */
  reason: string;
  /** UTF-8 counts of the whole input. */
  utf8: Utf8Counts;
  /** The candidates' scores, best first (empty when the bytes were taken as UTF-8 by rule 1). */
  scores: CandidateScore[];
}

const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** Guesses the encoding of undeclared bytes (see the module comment). */
export function guessEncoding(bytes: Uint8Array): Guess {
  const utf8 = countUtf8(bytes);
  if (mostlyUtf8(utf8)) {
    const reason =
      utf8.invalid === 0
        ? 'valid UTF-8'
        : `UTF-8 with ${utf8.invalid} invalid ${utf8.invalid === 1 ? 'sequence' : 'sequences'} among ${utf8.multibyte} valid multibyte ones (first at byte ${utf8.firstInvalid})`;
    return { encoding: 'utf-8', certain: true, reason, utf8, scores: [] };
  }
  const order = ['utf-8', 'gb18030', 'big5'];
  const scores = [scoreUtf8(utf8), scoreGb18030(bytes), scoreBig5(bytes)].sort((a, b) => b.score - a.score || order.indexOf(a.encoding) - order.indexOf(b.encoding));
  const [best, next] = [scores[0]!, scores[1]!];
  const certain = best.score >= CERTAIN_SCORE && best.score - next.score >= CERTAIN_MARGIN && best.sample >= MIN_SAMPLE;
  const scoreText = scores.map((s) => `${s.encoding} ${percent(s.score)}`).join(', ');
  const reason = `no encoding declared; ${certain ? 'detected' : 'guessed'} ${best.encoding} from ${best.sample} non-ASCII ${best.sample === 1 ? 'character' : 'characters'} (share of common characters: ${scoreText})`;
  return { encoding: best.encoding, certain, reason, utf8, scores };
}
