// `ue-lint diff <old> <new>`: classify the layout changes between two definition files (or git
// revisions of one) for CI gates. Exit 1 on a breaking change or a re-registration conflict.
import { childProcess } from '../../files/lazy-builtins.js';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { diffEventSets } from '../../drift/compare.js';
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from '../../drift/render.js';
import { splitDefinitionLine } from '../../files/definition-file.js';
import { describeFsError, displayPath } from '../../files/glob.js';
import { NotADefinitionFileError, openDefinitionFile, readLines } from '../../files/line-reader.js';
import { parseDefinition, type AbiName, type EventLayout } from '../../index.js';
import type { CliCommand, CommandContext } from '../command.js';
import { CliError } from '../io.js';
import { inputOptions, resolveSettings, settingOptions } from '../options.js';
import { STDIN_TOKEN } from '../suggest.js';

export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffArgs {
  old?: string;
  new?: string;
  /** One `--git-rev` gives a string, several an array. */
  gitRev?: string | string[];
  format: DiffFormat;
  abi?: AbiName;
  config?: string;
  stdinFilename?: string;
}

/** One side of the diff: a definition file, or a file at a git revision (`main:events.ue`). */
type Side = { kind: 'file'; path: string } | { kind: 'git'; spec: string } | { kind: 'stdin'; name: string };

const GIT_MAX_BUFFER = 64 * 1024 * 1024;

export const diffCommand: CliCommand<DiffArgs> = {
  command: 'diff [old] [new]',
  describe: 'Classify layout changes between two definition files or git revisions (compatible, breaking, re-registration conflict)',
  builder: (y: Argv) =>
    inputOptions(settingOptions(y, { rules: false }), { operands: false })
      .positional('old', { type: 'string', describe: 'The baseline: a definition file, or REV:path read with `git show`' })
      .positional('new', { type: 'string', describe: 'The candidate: a definition file, or REV:path' })
      .option('git-rev', { type: 'string', nargs: 1, requiresArg: true, describe: 'Read a side from git (REV:path); repeatable; git sides come before path sides' })
      .option('format', { alias: 'f', choices: DIFF_FORMATS, default: 'text' as DiffFormat, describe: 'Output format (markdown for pull-request comments)' })
      .example('ue-lint diff --git-rev origin/main:events.ue events.ue', 'CI gate: exit 1 on a breaking change or conflict')
      .example('ue-lint diff old.ue new.ue --format markdown > comment.md', 'a pull-request comment')
      .epilogue(
        'Classes: compatible (new event, field appended after the old payload), breaking (field moved, resized, re-typed, ' +
          'changed signedness, removed or renamed; event removed), re-registration conflict (same name, different fields: ' +
          'a linux kernel refuses the new layout with EADDRINUSE while the old one is registered). Exit 1 when any change ' +
          'is breaking or a re-registration conflict, so an appended field fails the gate too: rename the event (e.g. a _v2 suffix) to ship it. ' +
          'A path that does not exist but contains `:` is read as REV:path.\n',
      ) as unknown as Argv<DiffArgs>,
  run: async (args, ctx) => {
    const { io } = ctx;
    const { abi } = await resolveSettings(args, ctx);

    const sides: Side[] = [args.gitRev ?? []].flat().map((spec) => ({ kind: 'git', spec }));
    for (const p of [args.old, args.new]) {
      if (p === STDIN_TOKEN) sides.push({ kind: 'stdin', name: args.stdinFilename ?? '<stdin>' });
      else if (p !== undefined) sides.push(await classifySide(p, io.cwd));
    }
    if (sides.filter((s) => s.kind === 'stdin').length > 1) throw new CliError('diff reads standard input (-) for one side only');
    if (sides.length !== 2) {
      throw new CliError(`diff needs two sides (old and new), got ${sides.length}: give two paths, or --git-rev REV:path and a path`);
    }
    const [oldSide, newSide] = sides as [Side, Side];
    const oldEvents = await readSide(oldSide, abi, ctx);
    const newEvents = await readSide(newSide, abi, ctx);

    const result = diffEventSets(oldEvents, newEvents);
    const output =
      args.format === 'json' ? renderDiffJson(result)
      : args.format === 'markdown' ? renderDiffMarkdown(result, { oldLabel: label(oldSide, io.cwd), newLabel: label(newSide, io.cwd) })
      : renderDiffText(result);
    io.stdout.write(output);
    // GATE: a conflict alone fails too: the kernel refuses the new layout while the old one is registered.
    return result.breaking || result.summary.reregistrationConflict > 0 ? 1 : 0;
  },
};

/** A path that exists is a file; a missing one with `REV:` in front is a git side. */
async function classifySide(p: string, cwd: string): Promise<Side> {
  const abs = resolve(cwd, p);
  const exists = await stat(abs).then(() => true, () => false);
  if (!exists && /^[^:\\/][^:]*:/.test(p) && !/^[A-Za-z]:[\\/]/.test(p)) return { kind: 'git', spec: p };
  return { kind: 'file', path: p };
}

function label(side: Side, cwd: string): string {
  if (side.kind === 'stdin') return side.name;
  return side.kind === 'git' ? side.spec : displayPath(cwd, resolve(cwd, side.path));
}

/** Bytes of `REV:path` from `git show` (no shell). Throws a one-line `CliError`. */
async function gitShow(spec: string, cwd: string): Promise<Buffer> {
  if (spec.startsWith('-') || !spec.includes(':')) {
    throw new CliError(`--git-rev ${spec}: expected REV:path, e.g. HEAD:events.ue`);
  }
  const { execFile } = childProcess(); // loaded on use (start-up time)
  return new Promise((ok, fail) => {
    execFile('git', ['show', spec], { cwd, encoding: 'buffer', maxBuffer: GIT_MAX_BUFFER, windowsHide: true }, (err, stdout, stderr) => {
      if (!err) return ok(stdout);
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fail(new CliError(`${spec}: cannot run git (is it installed and on PATH?)`));
      const why = stderr.toString('utf8').split('\n').find((l) => l.trim() !== '') ?? err.message.split('\n')[0]!;
      fail(new CliError(`${spec}: git show failed: ${why.trim()}`));
    });
  });
}

/** Every definition the kernel accepts, in file order; rejected definitions are skipped with a note on stderr. */
async function readSide(side: Side, abi: AbiName, ctx: CommandContext): Promise<EventLayout[]> {
  const { io } = ctx;
  const name = label(side, io.cwd);
  let source: AsyncIterable<Uint8Array | string>;
  if (side.kind === 'git') {
    const bytes = await gitShow(side.spec, io.cwd);
    source = (async function* () { yield bytes; })();
  } else if (side.kind === 'stdin') {
    source = io.stdin;
  } else {
    const abs = resolve(io.cwd, side.path);
    try {
      if ((await stat(abs)).isDirectory()) throw new CliError(`${side.path}: is a directory, expected a definition file`);
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(`${side.path}: ${describeFsError(err)}`);
    }
    source = openDefinitionFile(abs);
  }
  const events: EventLayout[] = [];
  try {
    for await (const raw of readLines(source)) {
      const split = splitDefinitionLine(raw.text, raw.hasCR);
      if (split.kind !== 'definition') continue;
      const r = parseDefinition(split.definition, { abi });
      if (r.ok) events.push(r.event);
      else io.stderr.write(`ue-lint: warning: ${name}:${raw.line}: skipped a definition the kernel rejects with ${r.errno}; see \`ue-lint lint\`\n`);
    }
  } catch (err) {
    if (err instanceof CliError) throw err;
    if (err instanceof NotADefinitionFileError) throw new CliError(`${name}: ${err.message}`);
    throw new CliError(`${name}: ${describeFsError(err)}`);
  }
  return events;
}
