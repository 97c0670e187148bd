// Lint a definition file, line by line: file-level checks (UE3xx), every
// definition through `parseDefinition`, inline disable comments, per-rule
// severity overrides, and the cross-line/cross-file event registry (UE304).
// No fs here: lines come in as an async iterable (see files/line-reader.ts).

import { catalog, findCatalogEntry } from '../diagnostics/catalog.js';
import type { Applicability, Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { checkDeletionLine, checkLine, isKernelSpace, splitDefinitionLine } from '../files/definition-file.js';
import type { RawLine } from '../files/line-reader.js';
import { parseDefinition } from '../definition.js';
import { definitionMatchKey, deletionMatchesFields, fieldsMatchKey } from '../layout/matching.js';
import { getProfile } from '../layout/profiles.js';
import { EventRegistry, type LineSource } from './event-registry.js';
import type { AbiName, EventLayout, LayoutField, ParseResult } from '../layout/types.js';
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
  /** `safe`: `--fix` applies it; `unsafe`: a suggestion, applied only with `--unsafe-fixes` (see `Applicability`). */
  applicability: Applicability;
  /** Not a line edit: every CRLF line ending of the file becomes LF (UE302). */
  lineEndings?: 'lf';
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
  /** Diagnostics with a `safe` fix (what `--fix` applies). */
  fixableCount: number;
  /** Diagnostics with an `unsafe` fix (suggestions; `--fix --unsafe-fixes` applies them). */
  unsafeFixableCount: number;
}

export { EventRegistry, type LineSource } from './event-registry.js';

export interface FileLintOptions {
  abi: AbiName;
  /** Severity overrides by code (`UE104`); rule names are accepted too. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Shared across files for UE304; a fresh one per file if absent. */
  registry?: EventRegistry;
  /**
   * Reads this file's lines back by byte offset, so the registry keeps offsets
   * instead of line texts (see event-registry.ts). Absent for stdin.
   */
  lineSource?: LineSource;
  /**
   * Receive each diagnostic as soon as its line is linted, instead of collecting them:
   * the result then has empty `diagnostics` but full counts, so memory stays flat
   * however many problems a huge file has.
   */
  onDiagnostic?: (d: FileDiagnostic) => void;
  /**
   * With `onDiagnostic`: count warnings but do not build or deliver them (`--quiet`).
   * Most lines of a large file carry a warning or two, and building each one only to
   * drop it was about a tenth of a quiet lint.
   */
  dropWarnings?: boolean;
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
 * What must agree for a second registration of a name to be harmless. linux: the
 * kernel's textual match (spec §4.2), as two keys that are equal exactly when it
 * succeeds. v5: the layout itself (the kernel keeps the first one).
 */
const firstKey = (abi: AbiName, event: EventLayout) => (abi === 'linux' ? fieldsMatchKey(event.fields) : JSON.stringify(event.fields));
const laterKey = (abi: AbiName, definition: string, event: EventLayout) => (abi === 'linux' ? definitionMatchKey(definition) : JSON.stringify(event.fields));

/** The first definition of a registered name, parsed again from its line; undefined when it can no longer be read. */
function firstEvent(registry: EventRegistry, entry: number, name: string, abi: AbiName): EventLayout | undefined {
  const split = splitDefinitionLine(registry.location(entry).sourceLine);
  const first = split.kind === 'definition' ? parseDefinition(split.definition, { abi }) : undefined;
  return first?.ok && first.event.name === name ? first.event : undefined;
}

/** `type name` (and the size of a struct), joined by `; `: the fields as a definition spells them. */
const spellFields = (fields: readonly LayoutField[]) =>
  fields.map((f) => (f.type.startsWith('struct ') ? `${f.type} ${f.name} ${f.size}` : `${f.type} ${f.name}`)).join('; ');

/** Where the words after a deletion's first word start and end in `body` (end = start when there are none). */
function deletionWords(body: string): { start: number; end: number; firstEnd: number } {
  let firstEnd = 0;
  while (firstEnd < body.length && !isKernelSpace(body[firstEnd]!)) firstEnd++;
  let start = firstEnd;
  while (start < body.length && isKernelSpace(body[start]!)) start++;
  let end = body.length;
  while (end > start && isKernelSpace(body[end - 1]!)) end--;
  return { start, end, firstEnd };
}

/**
 * Does this later definition of a registered name conflict with the first one?
 * The first one's key is derived when its name first comes back, from its line
 * read back (or kept): most names never come back, and then it costs nothing.
 */
function conflicts(registry: EventRegistry, entry: number, definition: string, event: EventLayout, abi: AbiName): boolean {
  if (!registry.hasKey(entry)) {
    const first = firstEvent(registry, entry, event.name, abi);
    // Unreadable or changed since (the file was edited mid-run): judge later lines by this one.
    registry.setKey(entry, first ? firstKey(abi, first) : laterKey(abi, definition, event));
  }
  return !registry.keyEquals(entry, laterKey(abi, definition, event));
}

const byPlace = (a: Placed, b: Placed) =>
  a.d.span.start + a.shift - (b.d.span.start + b.shift) || a.d.span.end + a.shift - (b.d.span.end + b.shift)
  || (a.d.code < b.d.code ? -1 : a.d.code > b.d.code ? 1 : 0);

/** A diagnostic of one line, its span relative to `shift` (the definition's column). */
interface Placed {
  d: Diagnostic;
  shift: number;
  /** Locations elsewhere (UE304/UE306: the first definition). */
  elsewhere?: RelatedLocation[];
}

function toFileDiagnostic(file: string, raw: RawLine, p: Placed, severity: Severity): FileDiagnostic {
  const { d, shift } = p;
  const out: FileDiagnostic = {
    code: d.code,
    name: d.name,
    severity,
    message: d.message,
    file,
    range: { start: position(raw, d.span.start + shift), end: position(raw, d.span.end + shift) },
    sourceLine: raw.text,
  };
  if (d.help !== undefined) out.help = d.help;
  if (d.errno !== undefined) out.errno = d.errno;
  if (d.related || p.elsewhere) {
    const related: RelatedLocation[] = (d.related ?? []).map((r) => ({
      file,
      range: { start: position(raw, r.span.start + shift), end: position(raw, r.span.end + shift) },
      label: r.label,
      sourceLine: raw.text,
    }));
    if (p.elsewhere) related.push(...p.elsewhere);
    if (related.length > 0) out.related = related;
  }
  if (d.fix) {
    out.fix = {
      line: raw.line, start: d.fix.span.start + shift, end: d.fix.span.end + shift,
      replacement: d.fix.replacement, description: d.fix.description, applicability: d.fix.applicability,
    };
    if (d.fix.lineEndings) out.fix.lineEndings = d.fix.lineEndings;
  }
  return out;
}

/**
 * Lint the lines of one file. `file` is the display path used in results and related locations.
 * Lines come in batches (one per read chunk, see `readLineBatches`): one await per
 * chunk rather than per line, which was a measurable share of a large lint.
 */
export async function lintLines(file: string, batches: AsyncIterable<readonly RawLine[]>, options: FileLintOptions): Promise<FileResult> {
  const registry = options.registry ?? new EventRegistry();
  const abi = options.abi;
  const diagnostics: FileDiagnostic[] = [];
  const counts = { errorCount: 0, warningCount: 0, fixableCount: 0, unsafeFixableCount: 0 };
  const countFix = (fix: { applicability: Applicability } | undefined): void => {
    if (fix === undefined) return;
    if (fix.applicability === 'safe') counts.fixableCount++;
    else counts.unsafeFixableCount++;
  };
  const onDiagnostic = options.onDiagnostic;
  const dropWarnings = onDiagnostic !== undefined && options.dropWarnings === true;
  const accept = onDiagnostic
    ? (d: FileDiagnostic) => {
      if (d.severity === 'error') counts.errorCount++;
      else counts.warningCount++;
      countFix(d.fix);
      onDiagnostic(d);
    }
    : (d: FileDiagnostic) => { diagnostics.push(d); };
  const suppressions = new Suppressions(options.rules ?? {});

  // HOT PATH: one call per line of a file that may have millions; most lines
  // produce nothing, so nothing is allocated for them beyond the parse itself.
  const parseOptions = { abi };
  let crlfSeen = false; // UE302 once per file, at its first CRLF line
  const lintLine = (raw: RawLine): void => {
    const split = splitDefinitionLine(raw.text, raw.hasCR);
    const placed: Placed[] = [];
    for (const d of checkLine(raw.text, split, crlfSeen && raw.hasCR ? { line: raw.line, crlfSeen } : raw)) placed.push({ d, shift: 0 });
    if (raw.hasCR) crlfSeen = true;

    if (split.kind === 'definition') {
      const shift = split.defStart;
      let parsed: ParseResult | undefined;
      try {
        parsed = parseDefinition(split.definition, parseOptions);
      } catch (err) {
        const e = catalog.internalError;
        placed.push({
          d: {
            code: e.code, name: e.name, severity: e.severity,
            message: e.message('parseDefinition', err instanceof Error ? err.message : String(err)),
            help: e.help!('parseDefinition', ''),
            span: { start: 0, end: split.definition.length },
          },
          shift,
        });
      }
      if (parsed) for (const d of parsed.diagnostics) placed.push({ d, shift });
      // REGISTRY: the same name with different fields → EADDRINUSE on linux (spec §4.2).
      if (parsed?.ok) {
        const event = parsed.event;
        const entry = registry.find(event.name);
        if (entry < 0) {
          registry.add(event.name, file, options.lineSource, {
            line: raw.line, defStart: shift, lineOffset: raw.offset, byteOffset: raw.byteOffset, lineText: raw.text,
          });
        } else if (conflicts(registry, entry, split.definition, event, abi)) {
          const earlier = registry.location(entry);
          // linux refuses the second registration; v5 silently keeps the first layout.
          const e = abi === 'linux' ? catalog.conflictingRedefinition : catalog.redefinitionIgnored;
          const d: Diagnostic = {
            code: e.code, name: e.name, severity: e.severity, ...(e.errno ? { errno: e.errno } : {}),
            message: e.message(event.name), help: e.help!(event.name),
            span: { start: 0, end: event.name.length },
          };
          const at = (column: number): Position => ({ line: earlier.line, column: column + 1, offset: earlier.lineOffset + column });
          const range = { start: at(earlier.defStart), end: at(earlier.defStart + event.name.length) };
          placed.push({ d, shift, elsewhere: [{ file: earlier.file, range, label: 'first defined here', sourceLine: earlier.sourceLine }] });
        }
      }
    }

    // DELETIONS (spec §1.3): a deletion that matches removes the event, so defining the name
    // again is a fresh registration. linux matches the words after the name against the fields
    // and deletes nothing (ENOENT) when they differ; v5 deletes by name.
    if (split.kind === 'deletion') {
      const del = checkDeletionLine(split.definition);
      const userEvent = del.system === undefined || del.system === 'user_events' || (abi === 'linux' && del.system === 'user_events_multi');
      const entry = del.name !== undefined && del.diagnostics.length === 0 && userEvent ? registry.find(del.name) : -1;
      if (entry >= 0) {
        const name = del.name!;
        const first = getProfile(abi).deletion === 'match-fields' ? firstEvent(registry, entry, name, abi) : undefined;
        if (first && !deletionMatchesFields(split.definition, first.fields)) {
          const words = deletionWords(split.definition);
          const given = split.definition.slice(words.start, words.end);
          const registered = spellFields(first.fields);
          const e = catalog.deletionFieldsMismatch;
          const span = given === '' ? { start: words.firstEnd - name.length, end: words.firstEnd } : { start: words.start, end: words.end };
          const earlier = registry.location(entry);
          const at = (column: number): Position => ({ line: earlier.line, column: column + 1, offset: earlier.lineOffset + column });
          const range = { start: at(earlier.defStart), end: at(earlier.defStart + name.length) };
          placed.push({
            d: { code: e.code, name: e.name, severity: e.severity, errno: e.errno!, message: e.message(name, given), help: e.help!(name, registered), span },
            shift: 0,
            elsewhere: [{ file: earlier.file, range, label: 'registered here', sourceLine: earlier.sourceLine }],
          });
        } else {
          registry.remove(name);
        }
      }
    }

    // DIRECTIVES: a disable comment applies from its own line on (file) or to the next line.
    suppressions.enterLine(split.comment);
    if (placed.length === 0) return;
    if (placed.length > 1) placed.sort(byPlace);
    for (const p of placed) {
      const severity = suppressions.severityOf(p.d.code, p.d.severity);
      if (severity === undefined) continue;
      if (dropWarnings && severity === 'warning') {
        counts.warningCount++;
        countFix(p.d.fix);
        continue;
      }
      accept(toFileDiagnostic(file, raw, p, severity));
    }
  };

  for await (const batch of batches) for (const raw of batch) lintLine(raw);
  return onDiagnostic ? { file, diagnostics, ...counts } : summarise(file, diagnostics);
}

/** Count errors, warnings and fixable diagnostics (safe and unsafe fixes apart). */
export function summarise(file: string, diagnostics: FileDiagnostic[]): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  let fixableCount = 0;
  let unsafeFixableCount = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errorCount++;
    else warningCount++;
    if (d.fix?.applicability === 'safe') fixableCount++;
    else if (d.fix) unsafeFixableCount++;
  }
  return { file, diagnostics, errorCount, warningCount, fixableCount, unsafeFixableCount };
}
