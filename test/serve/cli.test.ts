/**
 * `tifa serve` as a process: the listening line, a request in flight when SIGTERM comes is
 * answered before the process exits 0, and start-up problems exit 2 with one line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, request } from 'node:http';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers.js';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;
const bin = fixture('../../src/bin.ts');
const SEED = ['--no-config', '--no-builtins', '--lexicon', fixture('lexicons/seed.yaml')];

describe('tifa serve (process)', () => {
  it('prints the listening line, finishes a request in flight on SIGTERM, exits 0', async () => {
    const child = spawn(process.execPath, ['--import', tsx, bin, 'serve', '--port', '0', '--jobs', '1', ...SEED], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const m = /^tifa: listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
        if (m) resolve(m[1]!);
      });
      child.once('exit', () => reject(new Error(`serve exited early: ${stderr}`)));
    });
    for (let i = 0; i < 300 && (await fetch(`${url}/healthz`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 100));

    // Headers and half the body first: the request is in flight when SIGTERM arrives.
    const body = Buffer.from('中华明族伟大复兴。'.repeat(20_000));
    const { port } = new URL(url);
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/check', headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': body.length } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', reject);
      req.write(body.subarray(0, body.length / 2));
      setTimeout(() => {
        child.kill('SIGTERM');
        setTimeout(() => req.end(body.subarray(body.length / 2)), 200);
      }, 200);
    });
    const answer = await response;
    expect(answer.status).toBe(200);
    const findings = (JSON.parse(answer.text) as { findings: Array<{ actual: string }> }).findings;
    expect(findings.length).toBe(20_000);
    expect(findings[0]!.actual).toBe('中华明族');
    expect(await exited).toBe(0);
    expect(stdout).toBe(`tifa: listening on ${url}\n`);
    expect(stderr).toBe('');
  }, 60_000);

  it('the built executable (dist/bin.js) starts its threads from dist/check-worker.js', async () => {
    const child = spawn(process.execPath, [fixture('../../dist/bin.js'), 'serve', '--port', '0', '--jobs', '1', ...SEED], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (\S+)\n/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', () => reject(new Error(`serve exited early: ${stderr}`)));
    });
    const r = await fetch(`${url}/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '实现中华明族伟大复兴' }) });
    expect(((await r.json()) as { findings: Array<{ start: number; end: number }> }).findings.map((f) => [f.start, f.end])).toEqual([[2, 6]]);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  }, 60_000);

  it('exits 2 with one line for a bad option, an unreadable lexicon or a port in use; --help exits 0', async () => {
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', tsx, bin, 'serve', ...args], { encoding: 'utf8', timeout: 30_000 });
    // Asynchronous, so that this process's own server can still accept while the child tries its port.
    const runAsync = (args: string[]) =>
      new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', tsx, bin, 'serve', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.once('exit', (status) => resolve({ status, stderr }));
      });
    const port = run(['--port', 'eighty']);
    expect(port.status).toBe(2);
    expect(port.stderr).toBe('tifa: --port must be a whole number from 0 to 65535, not "eighty"\n');
    const lexicon = run(['--no-config', '--lexicon', 'missing.yaml']);
    expect(lexicon.status).toBe(2);
    expect(lexicon.stderr).toMatch(/^tifa: cannot read lexicon .*missing\.yaml: ENOENT\n$/);
    const unknown = run(['--colour']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^tifa: serve: Unknown option '--colour'/);
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const taken = (busy.address() as { port: number }).port;
    const inUse = await runAsync(['--port', String(taken), '--jobs', '1', ...SEED]);
    busy.close();
    expect(inUse.status).toBe(2);
    expect(inUse.stderr).toBe(`tifa: cannot listen on 127.0.0.1:${taken}: the port is in use (EADDRINUSE)\n`);
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: tifa serve/);
  }, 60_000);
});
