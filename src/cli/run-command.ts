// Run a command and turn what it throws into the CLI's one-line failure: a CliError
// keeps its message and exit code; anything else is an internal error (exit 2).
import { CliError } from './io.js';

export interface CommandOutcome {
  code: number;
  /** The line for stderr (without `ue-lint: `), when the command failed. */
  failure?: string;
}

export async function runCommand(run: () => Promise<number>): Promise<CommandOutcome> {
  try {
    return { code: await run() };
  } catch (err) {
    return {
      code: err instanceof CliError ? err.exitCode : 2,
      failure: err instanceof CliError ? err.message : `internal error: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

/** Print a failure the way every command does; returns the exit code (never 0 for a failure). */
export function reportFailure(outcome: CommandOutcome, stderr: { write(text: string): void }): number {
  if (outcome.failure === undefined) return outcome.code;
  stderr.write(`ue-lint: ${outcome.failure.split('\n')[0]}\n`);
  return outcome.code === 0 ? 2 : outcome.code;
}
