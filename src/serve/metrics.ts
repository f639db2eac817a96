/**
 * The service's counters in the Prometheus text format (version 0.0.4): requests by method, route
 * and status, request body bytes, findings by rule, a latency histogram by route, and the check
 * pool's threads and waiting tasks. Hand-written: five series need no client library.
 */

/** Upper bounds of the latency buckets, in seconds. */
export const LATENCY_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

const label = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly findings = new Map<string, number>();
  private readonly latency = new Map<string, Histogram>();
  private bodyBytes = 0;
  private checkedPages = 0;

  /** One answered request; `route` is the route pattern (never the raw URL, to bound the series). */
  request(method: string, route: string, status: number, seconds: number): void {
    const key = `${method}\u0000${route}\u0000${status}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    let h = this.latency.get(route);
    if (!h) this.latency.set(route, (h = { counts: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (seconds <= LATENCY_BUCKETS[i]!) h.counts[i]!++;
    h.sum += seconds;
    h.count++;
  }

  /** Bytes of a request body received. */
  bytes(n: number): void {
    this.bodyBytes += n;
  }

  /** One checked input and its findings, counted by rule (on the worker thread: check-response.ts). */
  checked(findingsByRule: Readonly<Record<string, number>>): void {
    this.checkedPages++;
    for (const [rule, n] of Object.entries(findingsByRule)) this.findings.set(rule, (this.findings.get(rule) ?? 0) + n);
  }

  render(pool: { threads: number; queued: number }): string {
    const out: string[] = [];
    const head = (name: string, type: string, help: string): void => {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    };
    head('tifa_http_requests_total', 'counter', 'HTTP requests answered, by method, route and status.');
    for (const [key, n] of [...this.requests].sort()) {
      const [method, route, status] = key.split('\u0000');
      out.push(`tifa_http_requests_total{method="${label(method!)}",route="${label(route!)}",status="${status}"} ${n}`);
    }
    head('tifa_http_request_body_bytes_total', 'counter', 'Bytes of request bodies received.');
    out.push(`tifa_http_request_body_bytes_total ${this.bodyBytes}`);
    head('tifa_checked_inputs_total', 'counter', 'Inputs (texts or pages) checked.');
    out.push(`tifa_checked_inputs_total ${this.checkedPages}`);
    head('tifa_findings_total', 'counter', 'Findings reported, by rule.');
    for (const [rule, n] of [...this.findings].sort()) out.push(`tifa_findings_total{rule="${label(rule)}"} ${n}`);
    head('tifa_http_request_duration_seconds', 'histogram', 'Time from request to response, by route.');
    for (const [route, h] of [...this.latency].sort()) {
      const r = label(route);
      LATENCY_BUCKETS.forEach((le, i) => out.push(`tifa_http_request_duration_seconds_bucket{route="${r}",le="${le}"} ${h.counts[i]}`));
      out.push(`tifa_http_request_duration_seconds_bucket{route="${r}",le="+Inf"} ${h.count}`);
      out.push(`tifa_http_request_duration_seconds_sum{route="${r}"} ${h.sum}`);
      out.push(`tifa_http_request_duration_seconds_count{route="${r}"} ${h.count}`);
    }
    head('tifa_worker_threads', 'gauge', 'Worker threads checking requests.');
    out.push(`tifa_worker_threads ${pool.threads}`);
    head('tifa_check_queue_length', 'gauge', 'Checks waiting for a free worker thread.');
    out.push(`tifa_check_queue_length ${pool.queued}`);
    return `${out.join('\n')}\n`;
  }
}
