/**
 * Load test of `tifa serve` (not part of `npm test`): `npm run bench:serve [-- --seconds N]`.
 * Starts the built service (dist/bin.js; run `npm run build` first) with --jobs 1, then --jobs 2,
 * and drives each in turn with autocannon for a few seconds with a 20 KB HTML page (POST /v1/check,
 * text/html); prints requests per second, latency percentiles and the jobs-2 / jobs-1 ratio.
 * Every response must be 200 with the page's findings, or the run fails.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ROOT } from './lib/corpus.js';
import { machine } from './lib/stats.js';

const argv = process.argv.slice(2);
const at = argv.indexOf('--seconds');
const seconds = at >= 0 ? Number(argv[at + 1]) : 5;
if (!(seconds > 0)) throw new Error('--seconds must be a positive number');
const CONNECTIONS = 8;
const BIN = join(ROOT, 'dist', 'bin.js');

/** A 20 KB (UTF-8) government-notice-like page with a few known errors. */
function page(): string {
  const paragraphs = [
    '为深入贯彻落实党的二十大精神，坚持以人民为中心的发展思想，推动高质量发展，现将有关事项通知如下。',
    '各地区各部门要提高政治站位，增强“四个意识”、坚定“四个自信”、做到“两个维护”，切实把思想和行动统一到党中央决策部署上来。',
    '巩固拓展脱贫攻艰成果，全面推进乡村振兴，加快建设农业强国，扎实推动共同富裕。',
    '坚持和发展新时代“枫桥经验”，完善社会治理体系，维护国家安全和社会稳定，实现中华明族伟大复兴。',
    '加强生态文明建设，坚持绿水青山就是金山银山的理念，推进美丽中国建设。',
  ];
  let body = '';
  for (let i = 0; Buffer.byteLength(body) < 20 * 1024 - 200; i++) body += `<p>${paragraphs[i % paragraphs.length]}</p>\n`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>关于做好有关工作的通知</title></head><body>\n${body}</body></html>\n`;
}

async function startService(jobs: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--jobs', String(jobs), '--no-config'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`tifa serve exited with ${code}`)));
  });
  for (let i = 0; i < 600; i++) {
    if ((await fetch(`${url}/healthz`)).status === 200) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Row {
  jobs: number;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

type Service = Awaited<ReturnType<typeof startService>>;

/** One measured window of `seconds` against a running service. */
async function window(service: Service, jobs: number, body: string): Promise<Row> {
  const result = await autocannon({ url: `${service.url}/v1/check`, method: 'POST', headers: { 'content-type': 'text/html; charset=utf-8' }, body, connections: CONNECTIONS, duration: seconds });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`jobs ${jobs}: ${bad} failed requests`);
  return { jobs, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, errors: bad };
}

async function findingsOf(service: Service, body: string): Promise<number> {
  const r = (await (await fetch(`${service.url}/v1/check`, { method: 'POST', headers: { 'content-type': 'text/html; charset=utf-8' }, body })).json()) as { findings: unknown[] };
  return r.findings.length;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  if (!existsSync(BIN) || !existsSync(join(ROOT, 'dist', 'check-worker.js'))) throw new Error('dist/bin.js or dist/check-worker.js missing: run `npm run build` first');
  const body = page();
  const rounds = 3;
  process.stdout.write(`tifa serve load test: ${machine()}\n${Buffer.byteLength(body)} byte HTML page, ${CONNECTIONS} connections, ${rounds} alternating windows of ${seconds} s per setting (after a 1 s warm-up)\n\n`);
  // Both services run side by side and are loaded in turn (1, 2, 1, 2 ...), so that a change in the
  // machine's load (it is shared) falls on both settings alike.
  const services = new Map<number, Service>();
  try {
    for (const jobs of [1, 2]) services.set(jobs, await startService(jobs));
    const counts = await Promise.all([1, 2].map((j) => findingsOf(services.get(j)!, body)));
    if (counts[0] !== counts[1]) throw new Error(`--jobs 1 found ${counts[0]} findings, --jobs 2 ${counts[1]}`);
    for (const jobs of [1, 2]) await autocannon({ url: `${services.get(jobs)!.url}/v1/check`, method: 'POST', headers: { 'content-type': 'text/html; charset=utf-8' }, body, connections: CONNECTIONS, duration: 1 });
    const rows: Row[] = [];
    for (let round = 0; round < rounds; round++) for (const jobs of [1, 2]) rows.push(await window(services.get(jobs)!, jobs, body));
    process.stdout.write('| --jobs | requests/s (median) | p50 ms | p99 ms | requests/s of each window |\n| ---: | ---: | ---: | ---: | --- |\n');
    const summary = [1, 2].map((jobs) => {
      const mine = rows.filter((r) => r.jobs === jobs);
      return { jobs, rps: median(mine.map((r) => r.rps)), p50: median(mine.map((r) => r.p50)), p99: median(mine.map((r) => r.p99)), each: mine.map((r) => r.rps.toFixed(1)).join(', ') };
    });
    for (const r of summary) process.stdout.write(`| ${r.jobs} | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.each} |\n`);
    process.stdout.write(`\n--jobs 2 / --jobs 1: ${(summary[1]!.rps / summary[0]!.rps).toFixed(2)}x requests per second (${counts[0]} findings per page)\n`);
  } finally {
    await Promise.all([...services.values()].map((s) => s.stop()));
  }
}

await main();
