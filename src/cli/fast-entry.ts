// Entry of the fast-path bundle (dist/cli-fast.cjs): a plain lint command line (the
// pre-commit hook, see fast-args.ts) runs from this bundle alone, which holds the
// library and the lint command but not yargs, the other commands or their
// dependencies: half the code to read and deserialise at start-up.
import { parseLintFastPath } from './fast-args.js';
import { runFastLint } from './fast-lint.js';
import { exitWith, installProcessHandlers, processIo } from './process-glue.js';

/** Run `argv` if it is a plain lint command line; false means "load the full CLI". */
export function runFastPath(argv: readonly string[]): boolean {
  const args = parseLintFastPath(argv);
  if (args === undefined) return false;
  installProcessHandlers();
  exitWith(runFastLint(args, processIo()));
  return true;
}
