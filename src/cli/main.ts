// The CLI: arguments in, exit code out. Thin: every computation comes from the
// library; this file wires yargs, colours and exit codes. Never touches `process`
// (bin.ts does), so tests call `main(argv, fakeIo)` directly.
import yargs, { type Argv } from 'yargs';
import type { CommandContext } from './command.js';
import { COMMANDS } from './commands/index.js';
import { COMMAND_EPILOGUE, EXIT_CODES_HELP, SYNTAX_HELP } from './help.js';
import { CliError, colourLevel, makeChalk, type CliIo } from './io.js';
import { runCommand } from './run-command.js';
import { STDIN_TOKEN, closest } from './suggest.js';
import { VERSION } from './version.js';

export type { CliIo } from './io.js';

export { VERSION } from './version.js';

/** Flags that belong to `ue-lint` itself rather than to the default `lint` command. */
const TOP_LEVEL_FLAGS = new Set(['--help', '-h', '--version']);

function globalOptions(y: Argv): Argv {
  return y
    .option('color', { type: 'boolean', describe: 'Force colours on (--color) or off (--no-color); default: on for terminals, honours NO_COLOR and FORCE_COLOR' });
}

function knownOptions(commandName: string): string[] {
  const cmd = COMMANDS.find((c) => [c.command].flat()[0]!.split(' ')[0] === commandName) ?? COMMANDS[0]!;
  const probe = cmd.builder(globalOptions(yargs([]))) as unknown as { getOptions(): { key: Record<string, unknown> } };
  return Object.keys(probe.getOptions().key);
}

/** One line for a yargs validation failure, with a suggestion for unknown options. */
function usageMessage(msg: string, argv: readonly string[]): string {
  const unknown = /^Unknown arguments?: (.*)$/.exec(msg);
  if (unknown) {
    const names = unknown[1]!.split(', ');
    const first = names[0]!;
    const commandNames = COMMANDS.map((c) => [c.command].flat()[0]!.split(' ')[0]!);
    const cmd = commandNames.includes(argv[0] ?? '') ? argv[0]! : 'lint';
    const guess = closest(first, knownOptions(cmd).filter((k) => k.length > 1));
    const flag = (first.length === 1 ? '-' : '--') + first;
    const suggestion = guess ? ` (did you mean --${guess}?)` : '';
    return `unknown option ${argv.includes(flag) ? flag : first}${suggestion}; see \`ue-lint ${cmd === 'lint' ? '' : cmd + ' '}--help\``;
  }
  return `${msg.replace(/\n\s*/g, ' ')}; see \`ue-lint --help\``;
}

/**
 * yargs renders the complete help text after every command handler, only to keep it
 * for a failure message; our `.fail()` handler never shows it. Rendering costs ~17 ms
 * of a ~130 ms run (string-width, wrap-ansi), so a pre-commit hook pays it on every
 * commit. `--help` itself does not go through this cache.
 */
function skipHelpCaching(y: Argv): void {
  const internal = (y as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.();
  const usage = internal?.getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

/**
 * Hand the words after `--` to the command's positionals, in order: they fill the
 * single positionals left empty, then join the variadic one (`lint [paths..]`). What
 * is left over is a usage error rather than something silently dropped.
 */
export function withOperands(cmd: { command: string | readonly string[] }, a: Record<string, unknown>): any {
  const rest = (a['--'] as unknown[] | undefined)?.map(String) ?? [];
  delete a['--'];
  if (rest.length === 0) return a;
  const spec = [cmd.command].flat()[0]!;
  for (const m of spec.matchAll(/[[<]([\w-]+)(\.\.)?[\]>]/g)) {
    const key = m[1]!;
    if (m[2]) {
      a[key] = [...((a[key] as string[] | undefined) ?? []), ...rest.splice(0)];
    } else if (a[key] === undefined && rest.length > 0) {
      a[key] = rest.shift();
    }
  }
  if (rest.length > 0) throw new CliError(`unexpected operand \`${rest[0]}\` after --; see \`ue-lint ${spec.split(' ')[0]} --help\``);
  return a;
}

/** Run the CLI. Returns the exit code: 0 clean, 1 problems found, 2 usage/config/I/O error. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const args = argv.map((a) => (a === '-' ? STDIN_TOKEN : a));
  // `lint` is the default command, but we route to it here rather than declaring it
  // yargs' `$0`: yargs renders the whole help text up front before running a default
  // command (~30 ms on every pre-commit run).
  const commandNames = COMMANDS.map((c) => [c.command].flat()[0]!.split(' ')[0]!);
  const first = args[0];
  if (first === undefined || !(commandNames.includes(first) || TOP_LEVEL_FLAGS.has(first))) args.unshift('lint');
  let exitCode = 0;
  let failure: string | undefined;
  let helpOutput = '';
  const ctx: CommandContext = {
    io,
    version: VERSION,
    chalk: (flag) => makeChalk(colourLevel(flag, io.stdout, io.env)),
    commandNames,
  };

  let y = globalOptions(yargs(args))
    .scriptName('ue-lint')
    .usage('ue-lint: lint, lay out and format Linux user_events definitions')
    .epilogue(`${SYNTAX_HELP}\n\n${EXIT_CODES_HELP}`)
    .exitProcess(false)
    .strict()
    .recommendCommands()
    .wrap(100)
    .version(VERSION)
    .help()
    .alias('h', 'help')
    // Everything after `--` is an operand (a path, even one that starts with `-`); see withOperands.
    .parserConfiguration({ 'populate--': true, 'parse-positional-numbers': false })
    .fail((msg, err) => {
      if (failure !== undefined) return;
      // A CliError thrown while parsing (an option's coerce) carries its own message.
      failure = err instanceof CliError ? err.message : msg ? usageMessage(msg, args) : `internal error: ${err?.message ?? 'unknown'}`;
      exitCode = 2;
    });

  skipHelpCaching(y);

  for (const cmd of COMMANDS) {
    y = y.command({
      command: cmd.command as string | string[],
      describe: cmd.describe,
      // The syntax text is long: `ue-lint --help` and `ue-lint explain syntax` show it, every command points to it.
      builder: (b: Argv) => cmd.builder(b).epilogue(COMMAND_EPILOGUE) as Argv,
      handler: async (a) => {
        if (failure !== undefined) return;
        const outcome = await runCommand(() => cmd.run(withOperands(cmd, a), ctx));
        exitCode = outcome.code;
        failure = outcome.failure;
      },
    });
  }

  try {
    await y.parseAsync(args, {}, (_err, _argv, output) => {
      helpOutput = output ?? '';
    });
  } catch (err) {
    if (failure === undefined) {
      failure = err instanceof CliError ? err.message : `internal error: ${err instanceof Error ? err.message : String(err)}`;
      exitCode = err instanceof CliError ? err.exitCode : 2;
    }
  }
  if (failure !== undefined) {
    io.stderr.write(`ue-lint: ${failure.split('\n')[0]}\n`);
    return exitCode === 0 ? 2 : exitCode;
  }
  if (helpOutput) io.stdout.write(helpOutput.endsWith('\n') ? helpOutput : `${helpOutput}\n`);
  return exitCode;
}
