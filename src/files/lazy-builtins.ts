// Node built-ins that only some commands need, loaded on first use rather than at
// start-up (each costs a plain `ue-lint lint` run about 2 ms). Not `await import()`:
// the CLI bundle runs inside vm.Script, where dynamic import is unavailable.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** node:crypto, for temp-file names (`--fix`, codegen). */
export const crypto = (): typeof import('node:crypto') => load('node:crypto');

/** node:v8, for the young-generation cap of a long lint. */
export const v8 = (): typeof import('node:v8') => load('node:v8');

/** node:child_process, for `git show` (`diff REV:path`). */
export const childProcess = (): typeof import('node:child_process') => load('node:child_process');
