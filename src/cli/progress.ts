/**
 * The progress line on stderr: `tifa: 1,204 files, 38.2 MB, 12.5 MB/s, 57 findings`, redrawn in
 * place. Shown only when stderr is a TTY and the run has lasted more than `delayMs`; cleared at the
 * end so it never mixes with the report.
 */
export interface ProgressOptions {
  /** Where to draw (stderr). */
  stream: { write(s: string): unknown };
  /** Draw at all (stderr is a TTY). */
  enabled: boolean;
  /** Clock in milliseconds. */
  now: () => number;
  /** Quiet period before the first draw. Default: 1000 ms. */
  delayMs?: number;
  /** Least time between two draws. Default: 100 ms. */
  intervalMs?: number;
}

export interface Progress {
  update(files: number, bytes: number, findings: number): void;
  /** Clears the line if one was drawn. */
  done(): void;
}

export function progressLine(files: number, bytes: number, findings: number, elapsedMs: number): string {
  const mb = bytes / 1e6;
  const rate = elapsedMs > 0 ? mb / (elapsedMs / 1000) : 0;
  return `tifa: ${files.toLocaleString('en-US')} ${files === 1 ? 'file' : 'files'}, ${mb.toFixed(1)} MB, ${rate.toFixed(1)} MB/s, ${findings.toLocaleString('en-US')} ${findings === 1 ? 'finding' : 'findings'}`;
}

export function createProgress(options: ProgressOptions): Progress {
  const { stream, enabled, now } = options;
  const delay = options.delayMs ?? 1000;
  const interval = options.intervalMs ?? 100;
  const started = now();
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(files, bytes, findings) {
      if (!enabled) return;
      const t = now();
      if (t - started < delay || t - lastDraw < interval) return;
      lastDraw = t;
      drawn = true;
      stream.write(`\r\u001b[2K${progressLine(files, bytes, findings, t - started)}`);
    },
    done() {
      if (drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}
