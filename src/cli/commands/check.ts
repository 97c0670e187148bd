// `ue-lint check --against <dir|file> [paths..]`: compare every definition with the event
// registered under its name (tracefs or captured `format` files) and report drift (UE401–UE403)
// through the lint reporters. Paths, config, suppressions, --quiet and exit codes as `lint`.
import type { Argv } from 'yargs';
import { checkDefinition, indexRegistered, type RegisteredIndex } from '../../drift/diagnostics.js';
import { splitDefinitionLine } from '../../files/definition-file.js';
import { openDefinitionFile, readLines, type RawLine } from '../../files/line-reader.js';
import { summarise, type FileDiagnostic, type FileResult } from '../../lint/file-linter.js';
import { Suppressions, type RuleSetting } from '../../lint/suppressions.js';
import type { AbiName } from '../../layout/types.js';
import { loadTarget } from '../against.js';
import type { CliCommand } from '../command.js';
import { placeDiagnostic } from '../definitions.js';
import { expandInputs, finishRun, inputError, loadRunConfig, reportContext, withReportSink } from '../file-run.js';
import { inputOptions, reportOptions, settingOptions, type InputArgs, type ReportArgs, type SettingArgs } from '../options.js';

export interface CheckArgs extends SettingArgs, InputArgs, ReportArgs {
  against: string;
  paths?: string[];
}

export const checkCommand: CliCommand<CheckArgs> = {
  command: 'check [paths..]',
  describe: 'Compare definitions with registered events (tracefs or captured format files): layout drift, EADDRINUSE',
  builder: (y: Argv) =>
    reportOptions(inputOptions(settingOptions(y)))
      .positional('paths', { type: 'string', array: true, describe: 'Files, directories (searched for *.ue), globs, or - for stdin; default: .' })
      .option('against', {
        type: 'string', demandOption: true, requiresArg: true,
        describe: 'Registered events: tracefs events/user_events (or events/, with user_events_multi), a directory of *.format files, or one format file',
      })
      .example('sudo ue-lint check --against /sys/kernel/tracing/events/user_events events/', 'compare with the live kernel')
      .example('ue-lint check --against captured/ events.ue --format github', 'compare with captured *.format files in CI')
      .epilogue(
        'Reports: UE401 event not registered (warning), UE402 field added inside the old payload, removed, renamed, moved, resized or ' +
          're-typed (error), UE403 same name with different fields: a linux kernel refuses the registration with EADDRINUSE (error). ' +
          'A definition the kernel rejects is reported with its lint error and not compared; run `ue-lint lint` for everything else.\n',
      ) as unknown as Argv<CheckArgs>,
  run: async (args, ctx) => {
    const { io } = ctx;
    const settings = await loadRunConfig(args, ctx);
    const { abi, rules } = settings;

    // TARGET first: a missing or unparsable target is a usage/I/O failure (exit 2), whatever the inputs.
    const target = await loadTarget(args.against, io.cwd);
    if (target.errors.length > 0) {
      for (const line of target.errors) io.stderr.write(`ue-lint: ${line}\n`);
      io.stderr.write(`ue-lint: --against ${args.against}: cannot read ${target.errors.length === 1 ? 'a format file' : 'format files'}; nothing was compared\n`);
      return 2;
    }
    const registered = indexRegistered(target.events);

    const files = await expandInputs(args, settings, ctx);

    const results: FileResult[] = [];
    const ioErrors: string[] = [];
    for (const input of files) {
      const display = input.display;
      try {
        const lines = readLines(input.kind === 'stdin' ? io.stdin : openDefinitionFile(input.path));
        results.push(summarise(display, await checkLines(display, lines, { abi, rules, registered })));
      } catch (err) {
        const line = inputError(display, err);
        if (line === undefined) throw err;
        ioErrors.push(line);
      }
    }

    const reportCtx = await reportContext(args, ctx);
    return withReportSink(args, ctx, async (out) => finishRun(results, ioErrors, args, ctx, out, reportCtx));
  },
};

/**
 * Check every definition line of one file. Honours `# ue-lint-disable[-next-line]` comments and
 * the config's rule settings, like `lint`. Deletion lines register nothing and are skipped.
 */
async function checkLines(
  file: string,
  lines: AsyncIterable<RawLine>,
  options: { abi: AbiName; rules: Readonly<Record<string, RuleSetting>>; registered: RegisteredIndex },
): Promise<FileDiagnostic[]> {
  const out: FileDiagnostic[] = [];
  const suppressions = new Suppressions(options.rules);
  for await (const raw of lines) {
    const split = splitDefinitionLine(raw.text, raw.hasCR);
    suppressions.enterLine(split.comment);
    if (split.kind !== 'definition') continue;
    const src = { definition: split.definition, file, line: raw.line, defStart: split.defStart, sourceLine: raw.text, lineOffset: raw.offset };
    for (const d of checkDefinition(split.definition, options.registered, { abi: options.abi }).diagnostics) {
      const severity = suppressions.severityOf(d.code, d.severity);
      if (severity !== undefined) out.push({ ...placeDiagnostic(src, d), severity });
    }
  }
  return out;
}
