/**
 * Where the report goes: standard output, or with `-o/--output-file` a file (created or
 * truncated; its directory must exist: tifa creates no directories). The file is opened before
 * any checking, so that a wrong path costs nothing but a clear error.
 */
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ReportSink {
  write(s: string): void;
  /** The report goes to a terminal (colours by default). */
  isTTY: boolean;
  /** Flushes and closes the file, if any. */
  close(): void;
}

/** A report file that cannot be written: exit code 2. */
export class ReportFileError extends Error {
  override name = 'ReportFileError';
}

export function openReport(path: string | undefined, stream: { write(s: string): unknown; isTTY?: boolean }): ReportSink {
  if (path === undefined) return { write: (s) => void stream.write(s), isTTY: stream.isTTY === true, close: () => undefined };
  const dir = dirname(path);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new ReportFileError(`cannot write the report to ${path}: directory ${dir} does not exist`);
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (error) {
    throw new ReportFileError(`cannot write the report to ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let open = true;
  return {
    write: (s) => {
      if (s !== '') writeSync(fd, s);
    },
    isTTY: false,
    close: () => {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
