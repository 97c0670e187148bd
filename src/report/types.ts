// The input every reporter takes. Reporters are pure `(results, ctx) => string`,
// derived from a streaming form (start, one piece per diagnostic, end) so the CLI
// can print a 50 MB file's diagnostics as it goes, with the same bytes.
import type { ChalkInstance } from 'chalk';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { FileDiagnostic, FileResult } from '../lint/file-linter.js';

export interface ReportContext {
  /** Styler for `stylish`; pass `new Chalk({ level: 0 })` for plain text. Other reporters ignore it. */
  chalk: ChalkInstance;
  /** ue-lint version, for SARIF `tool.driver.version`. */
  version: string;
  /**
   * Where the displayed paths start (`cwd`: the working directory) and the repository
   * root: SARIF and GitLab reports locate files from the root, wherever ue-lint runs
   * from. Absent: paths as displayed.
   */
  paths?: { cwd: string; root: string };
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
  /** After each file's diagnostics (also for a file without any), in order; e.g. JUnit's per-file suites. */
  fileDone?(file: string, ctx: ReportContext): string;
  /** `totals` counts the diagnostics that were passed to `diagnostic`. */
  end(totals: Totals, ctx: ReportContext): string;
}

/** The pure reporter of a streaming one: the concatenation of its pieces. */
export function toReporter(s: StreamingReporter): Reporter {
  return (results, ctx) => {
    let out = s.start(ctx);
    let i = 0;
    for (const r of results) {
      for (const d of r.diagnostics) out += s.diagnostic(d, i++, ctx);
      if (s.fileDone) out += s.fileDone(r.file, ctx);
    }
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

/**
 * A displayed path as the report's consumer sees it: relative to the repository root
 * (`/` separators) when `ctx.paths` is given and the file is inside it, the absolute
 * path when it is outside, and unchanged for `<stdin>` or without `ctx.paths`.
 */
export function reportPath(file: string, ctx: ReportContext): string {
  if (!ctx.paths || file.startsWith('<')) return file;
  const abs = resolve(ctx.paths.cwd, file);
  const rel = relative(ctx.paths.root, abs);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return abs.split(sep).join('/');
  return rel.split(sep).join('/');
}

/**
 * JSON text with every C1 control, DEL, bidi control, U+2028/U+2029 and U+FFFE/U+FFFF written as a
 * `\uXXXX` escape (JSON.stringify already escapes C0): the same data, but no byte of
 * the report can act on a terminal or a page that shows it raw.
 */
export function inertJson(json: string): string {
  return json.replace(/[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
