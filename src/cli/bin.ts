// Process glue: the only file that touches `process`.
import { main } from './main.js';

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // `ue-lint … | head`: the reader went away; stop quietly.
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
});
