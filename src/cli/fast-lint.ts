// The hook's fast path: a plain `ue-lint [lint] files...` runs the lint command
// directly, without yargs (see fast-args.ts for what "plain" means).
import { COMMAND_NAMES } from './command-names.js';
import type { CommandContext } from './command.js';
import { lintCommand, type LintArgs } from './commands/lint.js';
import { colourLevel, makeChalk, type CliIo } from './io.js';
import { reportFailure, runCommand } from './run-command.js';
import { VERSION } from './version.js';

/** Lint with already-parsed arguments; returns the exit code. */
export async function runFastLint(args: LintArgs, io: CliIo): Promise<number> {
  const ctx: CommandContext = {
    io,
    version: VERSION,
    chalk: (flag) => makeChalk(colourLevel(flag, io.stdout, io.env)),
    commandNames: COMMAND_NAMES,
  };
  return reportFailure(await runCommand(() => lintCommand.run(args, ctx)), io.stderr);
}
