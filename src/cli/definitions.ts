// Shared by `layout`, `format` and `codegen`: get definitions from the command line, a
// file or standard input, parse them with the run's settings (ABI, rule severities,
// inline suppressions), and print their diagnostics (as code frames) to stderr.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeFsError, displayPath } from '../files/glob.js';
import { splitDefinitionLine } from '../files/definition-file.js';
import { NotADefinitionFileError, openDefinitionFile, readLines } from '../files/line-reader.js';
import { parseDefinition, type AbiName, type Diagnostic, type EventLayout, type Severity } from '../index.js';
import type { FileDiagnostic } from '../lint/file-linter.js';
import { Suppressions, type RuleSetting } from '../lint/suppressions.js';
import { renderFrame } from '../report/frame.js';
import type { CommandContext } from './command.js';
import { CliError } from './io.js';
import { STDIN_TOKEN } from './suggest.js';

export interface SourcedDefinition {
  definition: string;
  /** Display name: `<argument>`, `<stdin>` (or `--stdin-filename`) or the file path. */
  file: string;
  line: number;
  /** Column where the definition starts in `sourceLine`. */
  defStart: number;
  sourceLine: string;
  /** UTF-16 offset of the line start in the file, for `offset` in placed positions; 0 when unknown. */
  lineOffset?: number;
  /** The severity a code is reported with on this line (inline suppressions); absent: the run's rules alone. */
  severityOf?: (code: string, severity: Severity) => Severity | undefined;
}

/** Where `layout`/`format` take definitions from. */
export interface DefinitionSource {
  /** The positional words: one quoted definition, or `-` for standard input. */
  definition?: string | readonly string[];
  /** `--file F` (`-` for standard input). */
  file?: string;
  stdinFilename?: string;
}

/** Quote a word for a POSIX shell only when it needs it: `a b.ue` → `'a b.ue'`. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The definitions to work on: the positional one, or every definition line of `--file`
 * (or of standard input, for `-`). Several positional words mean an unquoted definition.
 */
export async function collectDefinitions(
  source: DefinitionSource,
  ctx: CommandContext,
  { command, rules = {} }: { command: string; rules?: Readonly<Record<string, RuleSetting>> },
): Promise<SourcedDefinition[]> {
  const words = source.definition === undefined ? [] : [source.definition].flat();
  if (words.length > 1) {
    // `ue-lint layout x u32 a`: the shell split one definition into words.
    const quoted = shellWord(words.map((w) => (w === STDIN_TOKEN ? '-' : w)).join(' '));
    throw new CliError(`a definition is one argument: quote it, as in \`ue-lint ${command} ${quoted}\``);
  }
  const definition = words[0];
  if (definition !== undefined && source.file !== undefined) throw new CliError('give a definition or --file, not both');
  if (definition === STDIN_TOKEN) return readDefinitionFile(STDIN_TOKEN, ctx, source.stdinFilename, rules);
  if (source.file === undefined) {
    if (definition === undefined) throw new CliError(`missing definition: give one as an argument (quoted), --file FILE, or - for standard input`);
    return [{ definition, file: '<argument>', line: 1, defStart: 0, sourceLine: definition }];
  }
  return readDefinitionFile(source.file, ctx, source.stdinFilename, rules);
}

/** Every definition line of a file, or of standard input for `STDIN_TOKEN`, with the suppressions in force on it. */
export async function readDefinitionFile(file: string, ctx: CommandContext, stdinFilename?: string, rules: Readonly<Record<string, RuleSetting>> = {}): Promise<SourcedDefinition[]> {
  const fromStdin = file === STDIN_TOKEN;
  const shown = fromStdin ? (stdinFilename === undefined ? '<stdin>' : displayPath(ctx.io.cwd, resolve(ctx.io.cwd, stdinFilename))) : file;
  let bytes: AsyncIterable<Uint8Array | string>;
  let display = shown;
  if (fromStdin) bytes = ctx.io.stdin;
  else {
    const abs = resolve(ctx.io.cwd, file);
    try {
      if ((await stat(abs)).isDirectory()) throw new CliError(`${file}: is a directory, expected a file`);
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(`${file}: ${describeFsError(err)}`);
    }
    display = displayPath(ctx.io.cwd, abs);
    bytes = openDefinitionFile(abs);
  }
  const out: SourcedDefinition[] = [];
  const suppressions = new Suppressions(rules);
  try {
    for await (const raw of readLines(bytes)) {
      const split = splitDefinitionLine(raw.text, raw.hasCR);
      suppressions.enterLine(split.comment);
      if (split.kind !== 'definition') continue;
      out.push({ definition: split.definition, file: display, line: raw.line, defStart: split.defStart, sourceLine: raw.text, lineOffset: raw.offset, severityOf: suppressions.snapshot() });
    }
  } catch (err) {
    if (err instanceof NotADefinitionFileError) throw new CliError(`${shown}: ${err.message}`);
    throw new CliError(`${shown}: ${describeFsError(err)}`);
  }
  if (out.length === 0) throw new CliError(`${shown}: no definitions in ${fromStdin ? 'standard input' : 'this file'}`);
  return out;
}

/** Place a definition's diagnostic in its source line. */
export function placeDiagnostic(src: SourcedDefinition, d: Diagnostic): FileDiagnostic {
  const pos = (c: number) => ({ line: src.line, column: src.defStart + c + 1, offset: (src.lineOffset ?? 0) + src.defStart + c });
  return {
    code: d.code, name: d.name, severity: d.severity, message: d.message,
    ...(d.help !== undefined ? { help: d.help } : {}),
    ...(d.errno !== undefined ? { errno: d.errno } : {}),
    file: src.file,
    range: { start: pos(d.span.start), end: pos(d.span.end) },
    sourceLine: src.sourceLine,
    ...(d.related ? { related: d.related.map((r) => ({ file: src.file, label: r.label, range: { start: pos(r.span.start), end: pos(r.span.end) }, sourceLine: src.sourceLine })) } : {}),
  };
}

export interface ParsedDefinitions {
  /** Every definition the kernel accepts, in order; undefined when any is rejected. */
  events?: { src: SourcedDefinition; event: EventLayout }[];
  /** Error diagnostics printed (after rule settings and suppressions): the run exits 1 when there are any. */
  errors: number;
}

/**
 * Parse every definition and print diagnostics to stderr as code frames: all of them
 * (with the run's rule severities and the file's suppressions), or with `onlyRejected`
 * just those of rejected definitions (codegen leaves warnings to `ue-lint lint`).
 */
export function parseAll(
  defs: readonly SourcedDefinition[],
  settings: { abi: AbiName; rules: Readonly<Record<string, RuleSetting>> },
  ctx: CommandContext,
  color: boolean | undefined,
  { onlyRejected = false }: { onlyRejected?: boolean } = {},
): ParsedDefinitions {
  const chalk = ctx.chalk(color);
  const events: { src: SourcedDefinition; event: EventLayout }[] = [];
  const argumentRules = new Suppressions(settings.rules);
  let rejected = 0;
  let errors = 0;
  for (const src of defs) {
    const r = parseDefinition(src.definition, { abi: settings.abi });
    if (!r.ok || !onlyRejected) {
      for (const d of r.diagnostics) {
        const severity = src.severityOf ? src.severityOf(d.code, d.severity) : argumentRules.severityOf(d.code, d.severity);
        if (severity === undefined) continue;
        if (severity === 'error') errors++;
        ctx.io.stderr.write(`${renderFrame({ ...placeDiagnostic(src, d), severity }, chalk)}\n\n`);
      }
    }
    if (r.ok) events.push({ src, event: r.event });
    else {
      rejected++;
      ctx.io.stderr.write(`ue-lint: ${src.file}:${src.line}: the kernel rejects this definition with ${r.errno}\n`);
    }
  }
  if (rejected > 0 && onlyRejected) {
    ctx.io.stderr.write(`ue-lint: nothing generated: ${rejected} definition${rejected === 1 ? ' is' : 's are'} rejected\n`);
  }
  return { ...(rejected > 0 ? {} : { events }), errors: errors + rejected };
}
