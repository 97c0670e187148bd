// What `lint` and `check` share: config, input paths, and turning file results into
// output and an exit code (0 clean, 1 errors or too many warnings, 2 I/O failure).
import { ConfigError, loadConfig, type LoadedConfig } from '../config/config.js';
import { PathError, describeFsError, displayPath, expandPaths, type InputPath } from '../files/glob.js';
import { NotADefinitionFileError } from '../files/line-reader.js';
import { summarise, type FileResult } from '../lint/file-linter.js';
import { REPORTERS, type ReportFormat } from '../report/index.js';
import type { CommandContext } from './command.js';
import { CliError } from './io.js';
import { STDIN_TOKEN, closest } from './suggest.js';

export interface FileRunArgs {
  paths?: string[];
  format: ReportFormat;
  maxWarnings?: number;
  quiet?: boolean;
  config?: string;
  color?: boolean;
}

/** The config file (searched upward, or `--config`), and a valid `--max-warnings`. */
export async function loadRunConfig(args: FileRunArgs, ctx: CommandContext): Promise<LoadedConfig> {
  if (args.maxWarnings !== undefined && (!Number.isInteger(args.maxWarnings) || args.maxWarnings < -1)) {
    throw new CliError(`--max-warnings must be a whole number, not ${String(args.maxWarnings)}`);
  }
  try {
    return await loadConfig(ctx.io.cwd, args.config);
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
}

/** Files, directories (searched for `*.ue`), globs and `-`; `.` when none are given. */
export async function expandInputs(args: FileRunArgs, config: LoadedConfig, ctx: CommandContext): Promise<InputPath[]> {
  const { io } = ctx;
  const inputs = (args.paths ?? []).length > 0 ? args.paths! : ['.'];
  try {
    return await expandPaths(inputs, { cwd: io.cwd, ignore: config.ignore, ignoreBase: config.dir, stdinToken: STDIN_TOKEN });
  } catch (err) {
    if (err instanceof PathError) {
      // `ue-lint lnt x.ue` reads `lnt` as a path: suggest the command it probably meant.
      const first = inputs.find((p) => err.message.startsWith(`${p}:`));
      const guess = first && !first.includes('/') && !first.includes('.') ? closest(first, ctx.commandNames) : undefined;
      throw new CliError(guess ? `${err.message} (did you mean the \`${guess}\` command?)` : err.message);
    }
    // e.g. an unreadable directory met while searching for *.ue files.
    const e = err as NodeJS.ErrnoException;
    if (e.code) throw new CliError(`${e.path ? displayPath(io.cwd, e.path) : inputs.join(' ')}: ${describeFsError(err)}`);
    throw err;
  }
}

/** One line for an input that could not be read (binary, missing, unreadable); undefined for a bug. */
export function inputError(display: string, err: unknown): string | undefined {
  if (err instanceof NotADefinitionFileError) return `${display}: ${err.message}`;
  if ((err as NodeJS.ErrnoException).code) return `${display}: ${describeFsError(err)}`;
  return undefined;
}

/**
 * Print the report (unless it was streamed already) and the I/O errors, and decide the
 * exit code.
 */
export function finishRun(results: readonly FileResult[], ioErrors: readonly string[], args: FileRunArgs, ctx: CommandContext, streamed = false): number {
  const { io } = ctx;
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
  }
  if (!streamed) {
    const shown = args.quiet ? results.map((r) => summarise(r.file, r.diagnostics.filter((d) => d.severity === 'error'))) : results;
    const output = REPORTERS[args.format](shown, { chalk: ctx.chalk(args.color), version: ctx.version });
    if (output) io.stdout.write(output);
  }
  for (const line of ioErrors) io.stderr.write(`ue-lint: ${line}\n`);
  if (ioErrors.length > 0) return 2;
  if (errors > 0) return 1;
  if (args.maxWarnings !== undefined && args.maxWarnings >= 0 && warnings > args.maxWarnings) {
    io.stderr.write(`ue-lint: too many warnings (${warnings}, maximum ${args.maxWarnings})\n`);
    return 1;
  }
  return 0;
}
