// Shared by `layout` and `format`: get definitions from the command line or a
// file, parse them, and print their diagnostics (as code frames) to stderr.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeFsError, displayPath } from '../files/glob.js';
import { splitDefinitionLine } from '../files/definition-file.js';
import { NotADefinitionFileError, openDefinitionFile, readLines } from '../files/line-reader.js';
import { parseDefinition, type AbiName, type Diagnostic, type EventLayout } from '../index.js';
import type { FileDiagnostic } from '../lint/file-linter.js';
import { renderFrame } from '../report/frame.js';
import type { CommandContext } from './command.js';
import { CliError } from './io.js';

export interface SourcedDefinition {
  definition: string;
  /** Display name: `<argument>` or the file path. */
  file: string;
  line: number;
  /** Column where the definition starts in `sourceLine`. */
  defStart: number;
  sourceLine: string;
  /** UTF-16 offset of the line start in the file, for `offset` in placed positions; 0 when unknown. */
  lineOffset?: number;
}

/** The definitions to work on: the positional one, or every definition line of `--file`. */
export async function collectDefinitions(definition: string | undefined, file: string | undefined, ctx: CommandContext): Promise<SourcedDefinition[]> {
  if (definition !== undefined && file !== undefined) throw new CliError('give a definition or --file, not both');
  if (file === undefined) {
    if (definition === undefined) throw new CliError('missing definition: give one as an argument (quoted) or use --file');
    return [{ definition, file: '<argument>', line: 1, defStart: 0, sourceLine: definition }];
  }
  const abs = resolve(ctx.io.cwd, file);
  try {
    if ((await stat(abs)).isDirectory()) throw new CliError(`${file}: is a directory, expected a file`);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${file}: ${describeFsError(err)}`);
  }
  const display = displayPath(ctx.io.cwd, abs);
  const out: SourcedDefinition[] = [];
  try {
    for await (const raw of readLines(openDefinitionFile(abs))) {
      const split = splitDefinitionLine(raw.text, raw.hasCR);
      if (split.kind !== 'definition') continue;
      out.push({ definition: split.definition, file: display, line: raw.line, defStart: split.defStart, sourceLine: raw.text });
    }
  } catch (err) {
    if (err instanceof NotADefinitionFileError) throw new CliError(`${file}: ${err.message}`);
    throw new CliError(`${file}: ${describeFsError(err)}`);
  }
  if (out.length === 0) throw new CliError(`${file}: no definitions in this file`);
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

/**
 * Parse every definition and print diagnostics to stderr as code frames: all of them, or
 * with `onlyRejected` just those of rejected definitions (codegen leaves warnings to
 * `ue-lint lint`). Returns the parsed events, or undefined if any definition was rejected.
 */
export function parseAll(
  defs: readonly SourcedDefinition[],
  abi: AbiName,
  ctx: CommandContext,
  color: boolean | undefined,
  { onlyRejected = false }: { onlyRejected?: boolean } = {},
): { src: SourcedDefinition; event: EventLayout }[] | undefined {
  const chalk = ctx.chalk(color);
  const events: { src: SourcedDefinition; event: EventLayout }[] = [];
  let rejected = 0;
  for (const src of defs) {
    const r = parseDefinition(src.definition, { abi });
    if (!r.ok || !onlyRejected) {
      for (const d of r.diagnostics) ctx.io.stderr.write(`${renderFrame(placeDiagnostic(src, d), chalk)}\n\n`);
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
  return rejected > 0 ? undefined : events;
}
