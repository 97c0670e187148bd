// Process glue: the only file that touches `process`.
import { removePendingTempFiles } from '../files/temp-files.js';
import { main } from './main.js';

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

// No top-level await: the bundle is CommonJS (see scripts/build.mjs).
void main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
