// `json`: a documented, stable shape (version 1). Every key is always present
// (`null` when absent) so consumers need no existence checks:
//
// { "version": 1,
//   "diagnostics": [ {
//     "code": "UE104", "name": "duplicate-field-name",
//     "url": "https://github.com/ue-lint/ue-lint/blob/main/docs/rules/duplicate-field-name.md",  // null for an unknown code
//     "severity": "warning",
//     "message": "duplicate field name `pid`", "file": "events.ue",
//     "offset": { "start": 70, "end": 73 },                     // 0-based UTF-16, half-open, into the file text
//     "range": { "start": { "line": 3, "column": 34 }, "end": { "line": 3, "column": 37 } },  // 1-based, end exclusive
//     "help": "rename one of the two fields", "errno": null,
//     "related": [ { "file", "label", "offset", "range" } ],
//     "fix": { "description", "line", "startColumn", "endColumn", "replacement",
//              "applicability": "safe" | "unsafe" } | null } ],    // unsafe: only `--fix --unsafe-fixes` applies it
//   "summary": { "files": 1, "errors": 1, "warnings": 0, "fixable": 0, "unsafeFixable": 0 } }
// The summary comes last so the diagnostics can be written as they are found.
import { ruleDocsUrl } from '../diagnostics/docs.js';
import type { FileDiagnostic, FileRange } from '../lint/file-linter.js';
import { jsonArrayEnd, jsonArrayItem, splitJsonAround, toReporter, type StreamingReporter, type Totals } from './types.js';

export const JSON_FORMAT_VERSION = 1;

const range = (r: FileRange) => ({
  start: { line: r.start.line, column: r.start.column },
  end: { line: r.end.line, column: r.end.column },
});

/** The JSON object for one diagnostic. */
export function diagnosticToJson(d: FileDiagnostic) {
  return {
    code: d.code,
    name: d.name,
    url: ruleDocsUrl(d.code) ?? null,
    severity: d.severity,
    message: d.message,
    file: d.file,
    offset: { start: d.range.start.offset, end: d.range.end.offset },
    range: range(d.range),
    help: d.help ?? null,
    errno: d.errno ?? null,
    related: (d.related ?? []).map((r) => ({
      file: r.file,
      label: r.label,
      offset: { start: r.range.start.offset, end: r.range.end.offset },
      range: range(r.range),
    })),
    fix: d.fix
      ? {
        description: d.fix.description, line: d.fix.line, startColumn: d.fix.start + 1, endColumn: d.fix.end + 1, replacement: d.fix.replacement,
        applicability: d.fix.applicability,
      }
      : null,
  };
}

const jsonDocument = (t: Totals | undefined) => (marker: string) =>
  JSON.stringify({ version: JSON_FORMAT_VERSION, diagnostics: marker, summary: t ?? {} }, null, 2);

const JSON_SPLIT = splitJsonAround(jsonDocument(undefined));

export const jsonStream: StreamingReporter = {
  start: () => JSON_SPLIT.before,
  diagnostic: (d, index) => jsonArrayItem(diagnosticToJson(d), index, JSON_SPLIT.indent),
  end(t) {
    const summary = { files: t.files, errors: t.errors, warnings: t.warnings, fixable: t.fixable, unsafeFixable: t.unsafeFixable };
    return `${jsonArrayEnd(t.errors + t.warnings, JSON_SPLIT.indent)}${splitJsonAround(jsonDocument(summary)).after}\n`;
  },
};

export const json = toReporter(jsonStream);
