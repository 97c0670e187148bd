// What `lint` and `check` share: config, input paths, and turning file results into
// output and an exit code (0 clean, 1 errors or too many warnings, 2 I/O failure).
import { expandPaths, type InputPath } from '../files/expand.js';
import { PathError, describeFsError, displayPath } from '../files/glob.js';
import { NotADefinitionFileError } from '../files/line-reader.js';
import { summarise, type FileResult } from '../lint/file-linter.js';
import { REPORTERS, REPORT_STREAMS, type ReportContext, type StreamingReporter } from '../report/index.js';
import { statisticsStream } from '../report/statistics.js';
import { toReporter } from '../report/types.js';
import { findWorkTreeRoot } from '../files/work-tree.js';
import { replaceFileAtomic } from '../files/atomic-write.js';
import { resolve } from 'node:path';
import type { CommandContext } from './command.js';
import { CliError } from './io.js';
import { resolveSettings, type InputArgs, type ReportArgs, type RunSettings, type SettingArgs } from './options.js';
import { STDIN_TOKEN, closest } from './suggest.js';

export type { InputPath } from '../files/expand.js';

export interface FileRunArgs extends SettingArgs, InputArgs, ReportArgs {
  paths?: string[];
}

/** The run's settings (configuration and command line), after checking `--max-warnings`. */
export async function loadRunConfig(args: FileRunArgs, ctx: CommandContext): Promise<RunSettings> {
  if (args.maxWarnings !== undefined && (!Number.isInteger(args.maxWarnings) || args.maxWarnings < -1)) {
    throw new CliError(`--max-warnings must be a whole number, not ${String(args.maxWarnings)}`);
  }
  return resolveSettings(args, ctx);
}

/**
 * Files, directories (searched for `*.ue`), patterns and `-`; `.` when none are given.
 * Warnings (a named file that `ignore` skips) go to stderr.
 */
export async function expandInputs(args: FileRunArgs, settings: RunSettings, ctx: CommandContext): Promise<InputPath[]> {
  const { io } = ctx;
  const inputs = (args.paths ?? []).length > 0 ? args.paths! : ['.'];
  const { config } = settings;
  try {
    const expansion = await expandPaths(inputs, {
      cwd: io.cwd,
      ignore: config.ignore,
      ignoreBase: config.dir,
      ...(settings.configLabel !== undefined ? { ignoreSource: settings.configLabel } : {}),
      noIgnore: args.ignore === false,
      errorOnUnmatched: args.errorOnUnmatchedPattern !== false,
      stdinToken: STDIN_TOKEN,
      ...(args.stdinFilename !== undefined ? { stdinFilename: args.stdinFilename } : {}),
    });
    for (const line of expansion.warnings) io.stderr.write(`ue-lint: ${line}\n`);
    return expansion.inputs;
  } catch (err) {
    if (err instanceof PathError) {
      // `ue-lint lnt x.ue` reads `lnt` as a path: suggest the command it probably meant.
      const first = inputs.find((p) => err.message.startsWith(`${p}:`));
      const guess = first && !first.includes('/') && !first.includes('.') ? closest(first, ctx.commandNames) : undefined;
      throw new CliError(guess ? `${err.message} (did you mean the \`${guess}\` command?)` : err.message);
    }
    if (err instanceof Error && err.name === 'PatternError') throw new CliError(err.message);
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

/** The reporter of a run: the format's, or `--statistics`' counts. */
export function runReporter(args: ReportArgs): StreamingReporter {
  return args.statistics ? statisticsStream(args.format === 'json') : REPORT_STREAMS[args.format];
}

/** The report's context; SARIF and GitLab locate files from the repository root, found only for them. */
export async function reportContext(args: ReportArgs, ctx: CommandContext): Promise<ReportContext> {
  const base = { chalk: ctx.chalk(args.color), version: ctx.version };
  if (args.statistics || (args.format !== 'sarif' && args.format !== 'gitlab')) return base;
  return { ...base, paths: { cwd: ctx.io.cwd, root: (await findWorkTreeRoot(ctx.io.cwd)) ?? ctx.io.cwd } };
}

/** Where the report goes: standard output, or `-o FILE` (written atomically when `run` is done). */
export interface ReportSink {
  write(text: string): void;
}

export async function withReportSink<T>(args: ReportArgs, ctx: CommandContext, run: (out: ReportSink) => Promise<T>): Promise<T> {
  if (args.outputFile === undefined) return run(ctx.io.stdout);
  let result: T | undefined;
  try {
    await replaceFileAtomic(resolve(ctx.io.cwd, args.outputFile), async (file) => {
      let chain = Promise.resolve();
      result = await run({ write: (text) => { chain = chain.then(() => file.write(text)); } });
      await chain;
      return true;
    });
  } catch (err) {
    if (err instanceof CliError || !(err as NodeJS.ErrnoException).code) throw err;
    throw new CliError(`${args.outputFile}: ${describeFsError(err)}`);
  }
  return result as T;
}

/**
 * Print the report (unless it was streamed already) and the I/O errors, and decide the
 * exit code.
 */
export function finishRun(results: readonly FileResult[], ioErrors: readonly string[], args: FileRunArgs, ctx: CommandContext, out: ReportSink, reportCtx: ReportContext, streamed = false): number {
  const { io } = ctx;
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
  }
  if (!streamed) {
    const shown = args.quiet ? results.map((r) => summarise(r.file, r.diagnostics.filter((d) => d.severity === 'error'))) : results;
    const output = args.statistics ? toReporter(runReporter(args))(shown, reportCtx) : REPORTERS[args.format](shown, reportCtx);
    if (output) out.write(output);
  }
  for (const line of ioErrors) io.stderr.write(`ue-lint: ${line}\n`);
  if (ioErrors.length > 0) return 2;
  // --exit-zero: problems are reported, but only usage and I/O errors fail the run.
  if (errors > 0) return args.exitZero ? 0 : 1;
  if (args.maxWarnings !== undefined && args.maxWarnings >= 0 && warnings > args.maxWarnings) {
    io.stderr.write(`ue-lint: too many warnings (${warnings}, maximum ${args.maxWarnings})\n`);
    return args.exitZero ? 0 : 1;
  }
  return 0;
}
