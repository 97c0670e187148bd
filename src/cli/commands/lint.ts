// `ue-lint lint [paths..]` (the default command): lint definition files.
import { dirname } from 'node:path';
import type { Argv } from 'yargs';
import { FixRefusedError, applyFixesToFile, fingerprint, fingerprinted } from '../../files/apply-fixes.js';
import { OwnerNotKeptError } from '../../files/atomic-write.js';
import { findGitRoot } from '../../files/git-root.js';
import { describeFsError } from '../../files/glob.js';
import { openDefinitionFile } from '../../files/line-reader.js';
import { fileLineSource } from '../../files/line-source.js';
import { capYoungGeneration } from '../young-generation.js';
import { EventRegistry, type FileDiagnostic, type FileResult } from '../../lint/file-linter.js';
import { fixEdits, fixUntilStable } from '../../lint/fixes.js';
import { lintSource } from '../../lint/lint-text.js';
import type { CliCommand } from '../command.js';
import { expandInputs, finishRun, inputError, loadRunConfig, reportContext, runReporter, withReportSink, type ReportSink } from '../file-run.js';
import { inputOptions, printableConfig, reportOptions, settingOptions, type InputArgs, type ReportArgs, type SettingArgs } from '../options.js';

export interface LintArgs extends SettingArgs, InputArgs, ReportArgs {
  paths?: string[];
  fix?: boolean;
  /** With `--fix`: apply unsafe fixes (suggestions) too. */
  unsafeFixes?: boolean;
  /** `--print-config FILE`: print the settings FILE would be linted with, lint nothing. */
  printConfig?: string;
}

export const lintCommand: CliCommand<LintArgs> = {
  command: 'lint [paths..]',
  describe: 'Lint definition files (files, directories searched for *.ue, globs; - for stdin)',
  builder: (y: Argv) =>
    reportOptions(inputOptions(settingOptions(y)))
      .positional('paths', { type: 'string', array: true, describe: 'Files, directories (searched for *.ue), globs, or - for stdin; default: .' })
      .option('print-config', { type: 'string', requiresArg: true, describe: 'Print the settings FILE would be linted with (JSON), lint nothing' })
      .option('fix', { type: 'boolean', describe: 'Apply safe fixes in place (atomic rewrite; stdin is never fixed)' })
      .option('unsafe-fixes', { type: 'boolean', describe: 'With --fix, also apply unsafe fixes (suggestions that may change the layout)' })
      .example('ue-lint fixtures/files', 'lint every *.ue file under a directory')
      .example("ue-lint 'events/**/*.ue' --format sarif > ue-lint.sarif", 'SARIF for code scanning')
      .example('printf "wake u32 pid\\n" | ue-lint -', 'lint standard input') as unknown as Argv<LintArgs>,
  run: async (args, ctx) => {
    const { io } = ctx;
    const settings = await loadRunConfig(args, ctx);
    if (args.printConfig !== undefined) {
      io.stdout.write(`${JSON.stringify(await printableConfig(settings, args.printConfig, ctx), null, 2)}\n`);
      return 0;
    }
    const files = await expandInputs(args, settings, ctx);
    const reportCtx = await reportContext(args, ctx);
    return withReportSink(args, ctx, (out) => lintAndReport(out));

    async function lintAndReport(out: ReportSink): Promise<number> {
    // STREAM: every format prints as it goes, so a 50 MB file with a problem on every
    // line never holds its diagnostics. Not with --fix: only the last pass is reported.
    const stream = args.fix ? undefined : runReporter(args);
    const shown = { errors: 0, warnings: 0, fixable: 0, unsafeFixable: 0 };
    let pending = stream ? stream.start(reportCtx) : '';
    const flush = () => { if (pending) { out.write(pending); pending = ''; } };
    const onDiagnostic = stream
      ? (d: FileDiagnostic) => {
        if (args.quiet && d.severity !== 'error') return;
        pending += stream.diagnostic(d, shown.errors + shown.warnings, reportCtx);
        if (d.severity === 'error') shown.errors++;
        else shown.warnings++;
        if (d.fix?.applicability === 'safe') shown.fixable++;
        else if (d.fix) shown.unsafeFixable++;
        // Small writes: a long-lived output buffer is promoted to the old generation and
        // grows a large lint's peak RSS (8 KiB measured about 10 MB below 64 KiB, and no slower).
        if (pending.length >= 1 << 13) flush();
      }
      : undefined;

    const registry = new EventRegistry();
    // --quiet while streaming: warnings are counted (for --max-warnings) but never built.
    const lintOptions = { abi: settings.abi, rules: settings.rules, registry, onDiagnostic, dropWarnings: args.quiet === true };
    const results: FileResult[] = [];
    const ioErrors: string[] = [];
    const gitRoots = new Map<string, string>();
    const stopCapping = capYoungGeneration();
    try {
      await lintInputs();
    } finally {
      stopCapping();
    }
    if (stream) pending += stream.end({ ...shown, files: results.length }, reportCtx);
    flush();
    return finishRun(results, ioErrors, args, ctx, out, reportCtx, stream !== undefined);

    /** `--fix` writes through a symlink only to a target inside the file's git work tree (else the working directory). */
    function boundaryOf(path: string): string {
      const dir = dirname(path);
      let root = gitRoots.get(dir);
      if (root === undefined) gitRoots.set(dir, (root = findGitRoot(dir) ?? io.cwd));
      return root;
    }

    async function lintInputs(): Promise<void> {
      for (const input of files) {
        const display = input.display;
        try {
          if (input.kind === 'stdin') {
            results.push(await lintSource(display, io.stdin, lintOptions));
            if (stream?.fileDone) pending += stream.fileDone(display, reportCtx);
            continue;
          }
          // The registry reads a line back only when its event name comes back (UE304).
          const lineSource = fileLineSource(input.path);
          const fileOptions = { ...lintOptions, lineSource };
          const lint = () => lintSource(display, openDefinitionFile(input.path), fileOptions);
          try {
            if (!args.fix) {
              results.push(await lint());
              if (stream?.fileDone) pending += stream.fileDone(display, reportCtx);
              continue;
            }
            // FIX: each pass writes only if the file still holds the bytes that pass linted.
            let linted = '';
            const lintForFix = async () => {
              const print = fingerprint();
              const result = await lintSource(display, fingerprinted(openDefinitionFile(input.path), print), fileOptions);
              linted = print.digest();
              return result;
            };
            const fixed = await fixUntilStable(lintForFix, async (edits) => {
              let applied: number;
              try {
                applied = await applyFixesToFile(input.path, edits, { expected: linted, boundary: boundaryOf(input.path) });
              } catch (err) {
                // Refused or failed: stop here; what the last pass found is still reported.
                if (err instanceof FixRefusedError || err instanceof OwnerNotKeptError) ioErrors.push(`${display}: not fixed: ${err.message}`);
                else if ((err as NodeJS.ErrnoException).code) ioErrors.push(`${display}: not fixed: ${describeFsError(err)}`);
                else throw err;
                return 0;
              }
              if (applied > 0) {
                lineSource.close(); // the file was replaced: read the new one
                registry.removeFile(display);
              }
              return applied;
            }, (result) => fixEdits(result.diagnostics, { unsafe: args.unsafeFixes === true }));
            results.push(fixed.result);
          } finally {
            lineSource.close();
          }
        } catch (err) {
          const line = inputError(display, err);
          if (line === undefined) throw err;
          ioErrors.push(line);
        }
      }
    }
    }
  },
};
