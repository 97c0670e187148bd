// `ue-lint codegen --lang ts|c [--abi linux|v5] [--out FILE] [--check] <files..>`: one TypeScript
// module or C header with the payload encoders of every event in every input file. The
// generators are pure (src/codegen); this file reads the definitions and prints, writes
// (atomically, only when changed) or checks the output.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { writeFileAtomic } from '../../files/atomic-write.js';
import { describeFsError } from '../../files/glob.js';
import { generateCHeader, generateTsModule, type CodegenOptions, type CodegenResult, type EventLayout } from '../../index.js';
import type { CliCommand } from '../command.js';
import { parseAll, readDefinitionFile, shellWord, type SourcedDefinition } from '../definitions.js';
import { inputOptions, resolveSettings, settingOptions, type SettingArgs } from '../options.js';
import { CliError } from '../io.js';
import { STDIN_TOKEN } from '../suggest.js';

export type CodegenLang = 'ts' | 'c';

export interface CodegenArgs extends SettingArgs {
  files?: string[];
  lang: CodegenLang;
  stdinFilename?: string;
  out?: string;
  check?: boolean;
  color?: boolean;
}

const GENERATORS: Record<CodegenLang, (events: readonly EventLayout[], opts: CodegenOptions) => CodegenResult> = {
  ts: generateTsModule,
  c: generateCHeader,
};

/** The command line that regenerates `--out`, for the `--check` message. */
function regenerateCommand(args: CodegenArgs, files: readonly string[]): string {
  const words = ['ue-lint', 'codegen', '--lang', args.lang, ...(args.abi !== undefined ? ['--abi', args.abi] : []), '--out', args.out!, ...files.map((f) => (f === STDIN_TOKEN ? '-' : f))];
  return words.map(shellWord).join(' ');
}

export const codegenCommand: CliCommand<CodegenArgs> = {
  command: 'codegen [files..]',
  describe: 'Generate packed payload encoders and decoders (TypeScript module or C header) from definition files',
  builder: (y: Argv) =>
    inputOptions(settingOptions(y, { rules: false }), { operands: false })
      .positional('files', { type: 'string', array: true, describe: 'Definition files (- for standard input); every event of every file goes into one output' })
      .option('lang', { choices: ['ts', 'c'] as const, demandOption: true, describe: 'ts: a TypeScript module; c: a C header' })
      .option('out', { alias: 'o', type: 'string', describe: 'Write to this file (atomically; not rewritten when unchanged) instead of stdout' })
      .option('check', { type: 'boolean', describe: 'With --out: exit 1 when FILE differs from what would be generated; never writes' })
      .example('ue-lint codegen --lang ts --out src/events.ts events.ue', 'write a TypeScript module')
      .example('ue-lint codegen --lang c --out include/events.h a.ue b.ue', 'one C header for the events of both files')
      .example('ue-lint codegen --lang ts --out src/events.ts --check events.ue', 'in CI: exit 1 when src/events.ts is stale')
      .epilogue(
        'One run makes one output: every event of every input file, in order, in one module or header ' +
          '(names that clash get a hash of the name, so line order never renames anything). The header ' +
          'names the inputs by their paths relative to the ' +
          'working directory, so run codegen from the same directory each time.',
      ) as unknown as Argv<CodegenArgs>,
  run: async (args, ctx) => {
    const { io } = ctx;
    const files = args.files ?? [];
    // USAGE: exit 2 with one line.
    if (files.length === 0) throw new CliError('codegen: no definition files given (usage: ue-lint codegen --lang ts|c [--out FILE] <files..>)');
    if (args.check && args.out === undefined) throw new CliError('--check needs --out FILE: it compares the generated code with that file');
    const settings = await resolveSettings(args, ctx);
    const abi = settings.abi;
    const outPath = args.out === undefined ? undefined : resolve(io.cwd, args.out);
    if (outPath !== undefined) {
      const st = await stat(outPath).catch(() => undefined);
      if (st?.isDirectory()) throw new CliError(`${args.out}: is a directory; --out takes one file for all inputs`);
    }

    // READ: the same reader as `layout --file`; a file named twice is read once.
    const seen = new Set<string>();
    const defs: SourcedDefinition[] = [];
    const sources: string[] = [];
    for (const file of files) {
      const key = file === STDIN_TOKEN ? file : resolve(io.cwd, file);
      if (seen.has(key)) continue;
      seen.add(key);
      const read = await readDefinitionFile(file, ctx, args.stdinFilename);
      sources.push(read[0]!.file);
      defs.push(...read);
    }
    const { events } = parseAll(defs, settings, ctx, args.color, { onlyRejected: true });
    if (!events) return 1;

    // GENERATE: one output for all inputs; `source` is relative to the cwd so output is stable.
    const generate = GENERATORS[args.lang];
    const layouts = events.map((e) => e.event);
    const source = sources.join(', ');
    const result = generate(layouts, { source, abi, definitions: defs.map((d) => d.definition) });
    if (!result.ok) {
      // Point at the definition that cannot be generated (e.g. offsets wrapped at 2^32).
      const bad = events.find((e) => !generate([e.event], { source, abi, definitions: [e.src.definition] }).ok);
      io.stderr.write(`ue-lint: ${bad ? `${bad.src.file}:${bad.src.line}: ` : ''}cannot generate code: ${result.error}\n`);
      return 1;
    }

    if (outPath === undefined) {
      io.stdout.write(result.text);
      return 0;
    }
    if (args.check) {
      let current: string | undefined;
      try {
        current = await readFile(outPath, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new CliError(`${args.out}: ${describeFsError(err)}`);
      }
      if (current === result.text) return 0;
      const state = current === undefined ? 'is stale (missing)' : 'is stale';
      io.stderr.write(`ue-lint: ${args.out} ${state}; run \`${regenerateCommand(args, files)}\` to regenerate\n`);
      return 1;
    }
    try {
      await writeFileAtomic(outPath, result.text);
    } catch (err) {
      throw new CliError(`${args.out}: ${describeFsError(err)}`);
    }
    return 0;
  },
};
