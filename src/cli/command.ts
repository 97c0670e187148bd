// The shape of a CLI command module. To add a command, create
// `src/cli/commands/<name>.ts` exporting a `CliCommand` and list it in
// `src/cli/commands/index.ts`. `run` returns the exit code; throw `CliError`
// for a one-line failure (exit 2). Never touch `process` here.
import type { Argv } from 'yargs';
import type { ChalkInstance } from 'chalk';
import type { CliIo } from './io.js';

export interface CommandContext {
  io: CliIo;
  version: string;
  /** Styler for stdout honouring --color/--no-color, FORCE_COLOR, NO_COLOR and isTTY. */
  chalk: (colorFlag: boolean | undefined) => ChalkInstance;
  /** Every command name, for "did you mean the … command?" hints. */
  commandNames: readonly string[];
}

export interface CliCommand<A = any> {
  /** yargs command string, e.g. `layout [definition]`; an array adds aliases. */
  command: string | readonly string[];
  describe: string;
  /** Declare options and positionals; keep help epilogues here. */
  builder: (y: Argv) => Argv<A>;
  run: (args: A, ctx: CommandContext) => Promise<number>;
}
