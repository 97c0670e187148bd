// `ue-lint format <definition | --file F> [--id N]`: the tracefs `format` file(s)
// exactly as the chosen ABI's kernel would show them.
import type { Argv } from 'yargs';
import { formatFile, type AbiName } from '../../index.js';
import type { CliCommand } from '../command.js';
import { collectDefinitions, parseAll } from '../definitions.js';
import { CliError } from '../io.js';

export interface FormatArgs {
  definition?: string;
  file?: string;
  abi: AbiName;
  id: number;
  color?: boolean;
}

export const formatCommand: CliCommand<FormatArgs> = {
  command: 'format [definition]',
  describe: 'Print the tracefs format file the kernel would create for a definition',
  builder: (y: Argv) =>
    y
      .positional('definition', { type: 'string', describe: 'A definition, quoted, e.g. "wake u32 pid"' })
      .option('file', { type: 'string', describe: 'Read definitions from a definition file; ids count up from --id' })
      .option('abi', { choices: ['linux', 'v5'] as const, default: 'linux' as AbiName, describe: 'Kernel ABI' })
      .option('id', { type: 'number', default: 0, describe: 'Event id for the `ID:` line' })
      .example('ue-lint format "wake u32 pid" --id 1234', 'one format file') as unknown as Argv<FormatArgs>,
  run: async (args, ctx) => {
    if (!Number.isInteger(args.id) || args.id < 0) throw new CliError(`--id must be a non-negative whole number, not ${String(args.id)}`);
    const defs = await collectDefinitions(args.definition, args.file, ctx);
    const events = parseAll(defs, args.abi, ctx, args.color);
    if (!events) return 1;
    const texts = events.map((e, i) => {
      const text = formatFile(e.event, { abi: args.abi, id: args.id + i });
      return events.length > 1 ? `==> ${e.event.name}/format (${e.src.file}:${e.src.line}) <==\n${text}` : text;
    });
    ctx.io.stdout.write(texts.join('\n'));
    return 0;
  },
};
