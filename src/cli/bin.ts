// Entry of the full CLI bundle (dist/cli.cjs). bin/ue-lint.cjs first offers the
// command line to the small fast-path bundle (fast-entry.ts) and loads this one
// only when that declines; run directly, this bundle takes the fast path itself.
import { parseLintFastPath } from './fast-args.js';
import { runFastLint } from './fast-lint.js';
import { main } from './main.js';
import { exitWith, installProcessHandlers, processIo } from './process-glue.js';

installProcessHandlers();
const argv = process.argv.slice(2);
const io = processIo();
const fast = parseLintFastPath(argv);
exitWith(fast ? runFastLint(fast, io) : main(argv, io));
