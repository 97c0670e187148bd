// `ue-lint format <definition | --file F> [--id N]`: the tracefs `format` file(s)
// exactly as the chosen ABI's kernel would show them.
import type { Argv } from 'yargs';
import { formatFile } from '../../index.js';
import type { CliCommand } from '../command.js';
import { collectDefinitions, parseAll } from '../definitions.js';
import { inputOptions, resolveSettings, settingOptions, wholeNumber, type SettingArgs } from '../options.js';

export interface FormatArgs extends SettingArgs {
  /** One quoted definition, or `-` (several words: an unquoted definition, a usage error). */
  definition?: string[];
  file?: string;
  stdinFilename?: string;
  id: number;
  color?: boolean;
}

export const formatCommand: CliCommand<FormatArgs> = {
  command: 'format [definition..]',
  describe: 'Print the tracefs format file the kernel would create for a definition',
  builder: (y: Argv) =>
    inputOptions(settingOptions(y), { operands: false })
      .positional('definition', { type: 'string', describe: 'A definition, quoted, e.g. "wake u32 pid"; - reads a definition file from standard input' })
      .option('file', { type: 'string', describe: 'Read definitions from a definition file (- for standard input); ids count up from --id' })
      .option('id', { type: 'string', default: '0', describe: 'Event id for the `ID:` line' })
      .coerce('id', (v: unknown) => wholeNumber('--id', v, 0))
      .example('ue-lint format "wake u32 pid" --id 1234', 'one format file') as unknown as Argv<FormatArgs>,
  run: async (args, ctx) => {
    const settings = await resolveSettings(args, ctx);
    const defs = await collectDefinitions(args, ctx, { command: 'format', rules: settings.rules });
    const { events, errors } = parseAll(defs, settings, ctx, args.color);
    if (!events) return 1;
    const texts = events.map((e, i) => {
      const text = formatFile(e.event, { abi: settings.abi, id: args.id + i });
      return events.length > 1 ? `==> ${e.event.name}/format (${e.src.file}:${e.src.line}) <==\n${text}` : text;
    });
    ctx.io.stdout.write(texts.join('\n'));
    return errors > 0 ? 1 : 0;
  },
};
