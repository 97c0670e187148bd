// The input every reporter takes. Reporters are pure `(results, ctx) => string`,
// derived from a streaming form (start, one piece per diagnostic, end) so the CLI
// can print a 50 MB file's diagnostics as it goes, with the same bytes.
import type { ChalkInstance } from 'chalk';
import type { FileDiagnostic, FileResult } from '../lint/file-linter.js';

export interface ReportContext {
  /** Styler for `stylish`; pass `new Chalk({ level: 0 })` for plain text. Other reporters ignore it. */
  chalk: ChalkInstance;
  /** ue-lint version, for SARIF `tool.driver.version`. */
  version: string;
}

export type Reporter = (results: readonly FileResult[], ctx: ReportContext) => string;

export interface Totals {
  errors: number;
  warnings: number;
  /** Diagnostics with a safe fix (`--fix`). */
  fixable: number;
  /** Diagnostics with an unsafe fix (`--fix --unsafe-fixes`). */
  unsafeFixable: number;
  files: number;
}

/** A reporter in pieces: `start`, then `diagnostic` for each (in order, `index` from 0), then `end`. */
export interface StreamingReporter {
  start(ctx: ReportContext): string;
  diagnostic(d: FileDiagnostic, index: number, ctx: ReportContext): string;
  /** `totals` counts the diagnostics that were passed to `diagnostic`. */
  end(totals: Totals, ctx: ReportContext): string;
}

/** The pure reporter of a streaming one: the concatenation of its pieces. */
export function toReporter(s: StreamingReporter): Reporter {
  return (results, ctx) => {
    let out = s.start(ctx);
    let i = 0;
    for (const r of results) for (const d of r.diagnostics) out += s.diagnostic(d, i++, ctx);
    return out + s.end(totals(results), ctx);
  };
}

/**
 * Split pretty-printed JSON around one array, so the array's items can be written as
 * they come: `render(marker)` must place `marker` where the array goes. Returns the text
 * before and after the array, and the item indent, matching `JSON.stringify(x, null, 2)`.
 */
export function splitJsonAround(render: (marker: string) => string): { before: string; after: string; indent: number } {
  const MARKER = '@@ue-lint-array@@';
  const text = render(MARKER);
  const at = text.indexOf(`"${MARKER}"`);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const keyIndent = text.slice(lineStart).search(/\S/);
  return { before: text.slice(0, at), after: text.slice(at + MARKER.length + 2), indent: keyIndent };
}

/** One array item of `splitJsonAround`: pretty-printed, indented, comma-separated. */
export function jsonArrayItem(value: unknown, index: number, keyIndent: number): string {
  const pad = ' '.repeat(keyIndent + 2);
  return `${index === 0 ? '[' : ','}\n${pad}${JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`)}`;
}

/** Closes the array that `jsonArrayItem` opened (or writes `[]` when it had no items). */
export function jsonArrayEnd(count: number, keyIndent: number): string {
  return count === 0 ? '[]' : `\n${' '.repeat(keyIndent)}]`;
}

/** Totals over all files. */
export function totals(results: readonly FileResult[]): Totals {
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  let unsafeFixable = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    fixable += r.fixableCount;
    unsafeFixable += r.unsafeFixableCount;
  }
  return { errors, warnings, fixable, unsafeFixable, files: results.length };
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
