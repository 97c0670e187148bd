// Lint a definition file, line by line: file-level checks (UE3xx), every
// definition through `parseDefinition`, inline disable comments, per-rule
// severity overrides, and the cross-line/cross-file event registry (UE304).
// No fs here: lines come in as an async iterable (see files/line-reader.ts).

import { catalog, findCatalogEntry } from '../diagnostics/catalog.js';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { checkLine, splitDefinitionLine } from '../files/definition-file.js';
import type { RawLine } from '../files/line-reader.js';
import { parseDefinition, reregistrationMatches } from '../index.js';
import type { AbiName, EventLayout } from '../layout/types.js';
import { Suppressions, type RuleSetting } from './suppressions.js';

export type { RuleSetting } from './suppressions.js';

/** 1-based line, 1-based UTF-16 column, 0-based UTF-16 offset into the file text (BOM excluded). */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** Half-open: `end` is just past the last character. */
export interface FileRange {
  start: Position;
  end: Position;
}

/** A fix as an edit of one line: 0-based UTF-16 columns into the line text. */
export interface LineFix {
  line: number;
  start: number;
  end: number;
  replacement: string;
  description: string;
}

export interface RelatedLocation {
  file: string;
  range: FileRange;
  label: string;
  /** The text of the related line, for code frames. */
  sourceLine: string;
}

/** A diagnostic placed in a file. Spans never cross lines. */
export interface FileDiagnostic {
  code: string;
  name: string;
  severity: Severity;
  message: string;
  help?: string;
  errno?: string;
  file: string;
  range: FileRange;
  /** The text of the line the diagnostic is on (without line ending), for code frames. */
  sourceLine: string;
  related?: RelatedLocation[];
  fix?: LineFix;
}

export interface FileResult {
  /** Display path (relative to the working directory, `/` separators), or `<stdin>`. */
  file: string;
  diagnostics: FileDiagnostic[];
  errorCount: number;
  warningCount: number;
  fixableCount: number;
}

/**
 * What the registry keeps per event name. Deliberately small (a lint of 50 MB keeps
 * one entry per distinct name): the line text as a flat copy (a slice would pin the
 * whole 64 KiB read chunk), where the definition sits in it, and the position of the
 * name. The layout is re-derived only when the name comes back.
 */
interface RegisteredEvent {
  file: string;
  sourceLine: string;
  defStart: number;
  defEnd: number;
  line: number;
  /** File offset of the start of the line. */
  lineOffset: number;
}

/** A copy that does not share memory with the string it came from. */
function flatCopy(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

/** Every event registered so far, across lines and files, by name. Deletion lines register nothing. */
export class EventRegistry {
  private readonly byName = new Map<string, RegisteredEvent>();

  get(name: string): RegisteredEvent | undefined {
    return this.byName.get(name);
  }

  add(name: string, entry: RegisteredEvent): void {
    if (!this.byName.has(name)) this.byName.set(name, entry);
  }

  /** Forget a file's events, before it is linted again (after `--fix`). */
  removeFile(file: string): void {
    for (const [name, e] of this.byName) if (e.file === file) this.byName.delete(name);
  }
}

export interface FileLintOptions {
  abi: AbiName;
  /** Severity overrides by code (`UE104`); rule names are accepted too. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Shared across files for UE304; a fresh one per file if absent. */
  registry?: EventRegistry;
  /**
   * Receive each diagnostic as soon as its line is linted, instead of collecting them:
   * the result then has empty `diagnostics` but full counts, so memory stays flat
   * however many problems a huge file has.
   */
  onDiagnostic?: (d: FileDiagnostic) => void;
}

/** Normalise `{ 'duplicate-field-name': 'off' }` to `{ UE104: 'off' }`; unknown keys are returned in `unknown`. */
export function normaliseRuleSettings(rules: Readonly<Record<string, string>>): { rules: Record<string, RuleSetting>; unknown: string[]; invalid: string[] } {
  const out: Record<string, RuleSetting> = {};
  const unknown: string[] = [];
  const invalid: string[] = [];
  for (const [key, value] of Object.entries(rules)) {
    const entry = findCatalogEntry(key);
    if (!entry) { unknown.push(key); continue; }
    if (value !== 'off' && value !== 'warn' && value !== 'error') { invalid.push(key); continue; }
    out[entry.code] = value;
  }
  return { rules: out, unknown, invalid };
}


function position(raw: RawLine, column: number): Position {
  return { line: raw.line, column: column + 1, offset: raw.offset + column };
}

/**
 * Does registering `definition` after `earlier` go wrong? linux: the textual match
 * fails (EADDRINUSE). v5: the layouts differ (the kernel keeps the first one).
 * Re-parses the earlier definition, which only happens when a name comes back.
 */
function conflicts(definition: string, event: EventLayout, earlier: RegisteredEvent, abi: AbiName): boolean {
  const first = parseDefinition(earlier.sourceLine.slice(earlier.defStart, earlier.defEnd), { abi });
  if (!first.ok) return false;
  if (abi === 'linux') return !reregistrationMatches(definition, first.event);
  return JSON.stringify(first.event.fields) !== JSON.stringify(event.fields);
}

/** Lint the lines of one file. `file` is the display path used in results and related locations. */
export async function lintLines(file: string, lines: AsyncIterable<RawLine>, options: FileLintOptions): Promise<FileResult> {
  const registry = options.registry ?? new EventRegistry();
  const settings = options.rules ?? {};
  const diagnostics: FileDiagnostic[] = [];
  const counts = { errorCount: 0, warningCount: 0, fixableCount: 0 };
  const accept = options.onDiagnostic
    ? (d: FileDiagnostic) => {
      if (d.severity === 'error') counts.errorCount++;
      else counts.warningCount++;
      if (d.fix) counts.fixableCount++;
      options.onDiagnostic!(d);
    }
    : (d: FileDiagnostic) => { diagnostics.push(d); };
  const suppressions = new Suppressions(settings);

  for await (const raw of lines) {
    const split = splitDefinitionLine(raw.text, raw.hasCR);
    const local: Diagnostic[] = checkLine(raw.text, split, { line: raw.line, bom: raw.bom });
    const place = (s: { start: number; end: number }): FileRange => ({ start: position(raw, s.start), end: position(raw, s.end) });
    const related: Map<Diagnostic, RelatedLocation[]> = new Map();

    if (split.kind === 'definition') {
      const shift = split.defStart;
      let parsed: ReturnType<typeof parseDefinition> | undefined;
      try {
        parsed = parseDefinition(split.definition, { abi: options.abi });
      } catch (err) {
        const e = catalog.internalError;
        local.push({
          code: e.code, name: e.name, severity: e.severity,
          message: e.message('parseDefinition', err instanceof Error ? err.message : String(err)),
          help: e.help!('parseDefinition', ''),
          span: { start: shift, end: shift + split.definition.length },
        });
      }
      for (const d of parsed?.diagnostics ?? []) {
        const moved: Diagnostic = {
          ...d,
          span: { start: d.span.start + shift, end: d.span.end + shift },
          ...(d.related ? { related: d.related.map((r) => ({ ...r, span: { start: r.span.start + shift, end: r.span.end + shift } })) } : {}),
          ...(d.fix ? { fix: { ...d.fix, span: { start: d.fix.span.start + shift, end: d.fix.span.end + shift } } } : {}),
        };
        local.push(moved);
      }
      // REGISTRY: the same name with different fields → EADDRINUSE on linux (spec §4.2).
      if (parsed?.ok) {
        const event = parsed.event;
        const earlier = registry.get(event.name);
        if (earlier === undefined) {
          registry.add(flatCopy(event.name), {
            file, sourceLine: flatCopy(raw.text), defStart: shift, defEnd: shift + split.definition.length,
            line: raw.line, lineOffset: raw.offset,
          });
        } else if (conflicts(split.definition, event, earlier, options.abi)) {
          // linux refuses the second registration; v5 silently keeps the first layout.
          const e = options.abi === 'linux' ? catalog.conflictingRedefinition : catalog.redefinitionIgnored;
          const d: Diagnostic = {
            code: e.code, name: e.name, severity: e.severity, ...(e.errno ? { errno: e.errno } : {}),
            message: e.message(event.name), help: e.help!(event.name),
            span: { start: shift, end: shift + event.name.length },
          };
          local.push(d);
          const at = (column: number): Position => ({ line: earlier.line, column: column + 1, offset: earlier.lineOffset + column });
          const range = { start: at(earlier.defStart), end: at(earlier.defStart + event.name.length) };
          related.set(d, [{ file: earlier.file, range, label: 'first defined here', sourceLine: earlier.sourceLine }]);
        }
      }
    }

    // DIRECTIVES: a disable comment applies from its own line on (file) or to the next line.
    suppressions.enterLine(split.comment);

    local.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (const d of local) {
      const severity = suppressions.severityOf(d.code, d.severity);
      if (severity === undefined) continue;
      const rel: RelatedLocation[] = [
        ...(d.related ?? []).map((r) => ({ file, range: place(r.span), label: r.label, sourceLine: raw.text })),
        ...(related.get(d) ?? []),
      ];
      accept({
        code: d.code,
        name: d.name,
        severity,
        message: d.message,
        ...(d.help !== undefined ? { help: d.help } : {}),
        ...(d.errno !== undefined ? { errno: d.errno } : {}),
        file,
        range: place(d.span),
        sourceLine: raw.text,
        ...(rel.length > 0 ? { related: rel } : {}),
        ...(d.fix ? { fix: { line: raw.line, start: d.fix.span.start, end: d.fix.span.end, replacement: d.fix.replacement, description: d.fix.description } } : {}),
      });
    }
  }
  return options.onDiagnostic ? { file, diagnostics, ...counts } : summarise(file, diagnostics);
}

/** Count errors, warnings and fixable diagnostics. */
export function summarise(file: string, diagnostics: FileDiagnostic[]): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  let fixableCount = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errorCount++;
    else warningCount++;
    if (d.fix) fixableCount++;
  }
  return { file, diagnostics, errorCount, warningCount, fixableCount };
}
