// Process glue: the only file that touches `process`.
import { removePendingTempFiles } from '../files/temp-files.js';
import { parseLintFastPath } from './fast-args.js';
import { runFastLint } from './fast-lint.js';
import type { CliIo } from './io.js';

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

const argv = process.argv.slice(2);
const io: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
};
// A plain lint (the pre-commit hook) skips yargs; main() and yargs load only for
// everything else (a lazily initialised part of the bundle, see fast-args.ts).
// No top-level await: the bundle is CommonJS (see scripts/build.mjs).
const fast = parseLintFastPath(argv);
const run = fast ? runFastLint(fast, io) : import('./main.js').then(({ main }) => main(argv, io));
void run.then((code) => {
  process.exitCode = code;
});
