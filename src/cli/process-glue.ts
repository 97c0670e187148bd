// Process glue shared by the two CLI entries (bin.ts, fast-entry.ts): signal and
// EPIPE handling, and the real process as the CLI's I/O. Nothing else touches `process`.
import { removePendingTempFiles } from '../files/temp-files.js';
import type { CliIo } from './io.js';

export function installProcessHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      // Interrupted mid `--fix`: drop half-written temp files (targets are untouched
      // or completely replaced), then die of the same signal, as without a handler.
      removePendingTempFiles();
      process.kill(process.pid, signal);
    });
  }
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // `ue-lint … | head`: the reader went away; stop quietly.
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env };
}

/** Set the exit code when the run ends (no top-level await: the bundles are CommonJS). */
export function exitWith(run: Promise<number>): void {
  void run.then((code) => {
    process.exitCode = code;
  });
}
