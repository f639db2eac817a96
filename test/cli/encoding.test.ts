/**
 * Decoding never loses a file's text silently (issue 11, problem 2), through the CLI: a UTF-8 file
 * with a stray or truncated byte keeps its findings (with a warning), a large file cut in the middle
 * of a character too, and an undeclared Big5 page is read as Big5 (or warned about when short).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers.js';
import { run, SEED } from './run.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'tifa-enc-'));
const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');
/** The shared corpus beside the checkout (or $TIFA_CORPUS), as the benchmarks find it; the test that needs it is skipped without it. */
const CORPUS = join(process.env.TIFA_CORPUS ?? join(fixture('../..'), '..', 'shared', 'corpus'), 'xwlb-2024.txt.gz');

describe('a UTF-8 file with a few bad bytes', () => {
  it("keeps its findings: printf '…中华明族…\\xe4\\xb8' gives the finding, exit 1 and a warning", async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'f.txt'), Buffer.concat([utf8('…中华明族…'), Buffer.from([0xe4, 0xb8])]));
    const r = await run(['check', ...SEED, '-f', 'json', 'f.txt'], { cwd: dir });
    expect(r.code).toBe(1);
    const [file] = JSON.parse(r.stdout);
    expect([file.encoding, file.replacements, file.findings.map((f: { actual: string }) => f.actual)]).toEqual(['utf-8', 1, ['中华明族']]);
    expect(file.warnings).toEqual(['1 byte sequence not valid utf-8, replaced with U+FFFD']);
    expect(r.stderr).toBe('tifa: warning: f.txt: 1 byte sequence not valid utf-8, replaced with U+FFFD\n');
  });

  it('a stray byte in the middle: the same findings as without it', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'clean.txt'), utf8('我们是中华明族的子孙，坚决打赢脱贫攻艰战。'));
    writeFileSync(join(dir, 'stray.txt'), Buffer.concat([utf8('我们是中华明族的子孙，'), Buffer.from([0xb8]), utf8('坚决打赢脱贫攻艰战。')]));
    const r = await run(['check', ...SEED, '-f', 'json', 'clean.txt', 'stray.txt'], { cwd: dir });
    const [clean, stray] = JSON.parse(r.stdout);
    expect(stray.encoding).toBe('utf-8');
    expect(stray.findings.map((f: { actual: string }) => f.actual)).toEqual(clean.findings.map((f: { actual: string }) => f.actual));
    expect(stray.findings.length).toBe(2);
  });

  it('a 3 MB file cut in the middle of a character keeps every finding', async () => {
    const dir = tmp();
    const line = '新华社北京电，实现中华明族伟大复兴，坚决打赢脱贫攻艰战。\n';
    const whole = utf8(line.repeat(Math.ceil(3_000_000 / utf8(line).length)));
    const cut = whole.subarray(0, 3_000_001);
    expect(new TextDecoder('utf-8', { fatal: false }).decode(cut).endsWith('\ufffd')).toBe(true); // it really ends mid-character
    writeFileSync(join(dir, 'cut.txt'), cut);
    const r = await run(['check', ...SEED, '-f', 'json', 'cut.txt'], { cwd: dir });
    expect(r.code).toBe(1);
    const [file] = JSON.parse(r.stdout);
    expect(file.encoding).toBe('utf-8');
    expect(file.replacements).toBe(1);
    const lines = Math.floor(3_000_001 / utf8(line).length);
    expect(file.findings.length).toBeGreaterThanOrEqual(2 * lines);
  }, 60_000);

  it.runIf(existsSync(CORPUS))('3 MB of the corpus (with 中华民族 misspelt) cut in the middle of a character: the same findings as cut on a character', async () => {
    const dir = tmp();
    const text = execFileSync('bash', ['-c', `zcat ${CORPUS} | head -c 3100000`], { maxBuffer: 1 << 23 }).toString('utf8').replaceAll('中华民族', '中华明族');
    const bytes = utf8(text);
    let cut = 3_000_001;
    while ((bytes[cut]! & 0xc0) !== 0x80) cut++; // a continuation byte at the cut: the last character is split
    let boundary = cut;
    while ((bytes[boundary]! & 0xc0) === 0x80) boundary--;
    writeFileSync(join(dir, 'cut.txt'), bytes.subarray(0, cut));
    writeFileSync(join(dir, 'whole.txt'), bytes.subarray(0, boundary));
    const r = await run(['check', '-f', 'json', '--rule', 'wrong-formulation', 'cut.txt', 'whole.txt'], { cwd: dir });
    const [broken, whole] = JSON.parse(r.stdout);
    expect([broken.encoding, broken.replacements]).toEqual(['utf-8', 1]);
    expect(whole.findings.length).toBeGreaterThan(10);
    expect(broken.findings).toEqual(whole.findings);
  }, 120_000);
});

describe('an undeclared Big5 page', () => {
  const TRADITIONAL = '新華社北京電，國務院總理主持召開國務院常務會議，部署進一步推動經濟社會發展和民生改善的工作。';

  it('is read as Big5, without a warning', async () => {
    const dir = tmp();
    const page = `<html><body><p>${TRADITIONAL}</p></body></html>`;
    writeFileSync(join(dir, 'tw.html'), iconv.encode(page, 'big5'));
    const r = await run(['check', ...SEED, '-f', 'json', 'tw.html'], { cwd: dir });
    expect(r.code).toBe(0);
    const [file] = JSON.parse(r.stdout);
    expect([file.encoding, file.replacements, file.warnings]).toEqual(['big5', 0, undefined]);
    expect(r.stderr).toBe('');
  });

  it('too short to be sure: decoded by the best guess, with a warning naming the file, the choice and why', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'short.txt'), iconv.encode('國務院', 'big5'));
    for (const jobs of ['1', '2']) {
      const r = await run(['check', ...SEED, '-f', 'json', '-j', jobs, 'short.txt', 'short.txt'], { cwd: dir });
      const [file] = JSON.parse(r.stdout);
      expect(file.encoding).toBe('big5');
      expect(file.warnings[0]).toMatch(/^no encoding declared; guessed big5 from 3 non-ASCII characters \(share of common characters: big5 100%/);
      expect(r.stderr).toMatch(/^tifa: warning: short\.txt: no encoding declared; guessed big5 .*declare the encoding \(<meta charset>, a BOM or --encoding\)\n$/);
    }
  }, 60_000);
});
