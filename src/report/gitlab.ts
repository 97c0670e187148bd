// `gitlab`: a GitLab Code Quality report (the subset of the Code Climate spec GitLab
// reads), for `artifacts: reports: codequality`. A JSON array of issues:
//   { "description": "UE104: duplicate field name `pid`", "check_name": "UE104",
//     "fingerprint": "<32 hex>", "severity": "minor",
//     "location": { "path": "events/net.ue", "positions": { "begin": { "line": 3, "column": 34 }, "end": { … } } } }
// `path` is relative to the repository root (GitLab's base), wherever ue-lint runs from;
// `fingerprint` is unique in the report and stable across line moves (fingerprint.ts);
// errors are `major`, warnings `minor` (as ESLint's GitLab formatter maps them).
// The description is display text, so unsafe characters are shown escaped; the path is
// data, kept exact, and the JSON escapes every control and bidi character (inertJson).
import type { FileDiagnostic } from '../lint/file-linter.js';
import { Fingerprints } from './fingerprint.js';
import { inertJson, jsonArrayEnd, jsonArrayItem, reportPath, toReporter, type ReportContext, type StreamingReporter } from './types.js';
import { showUnsafe } from './xml.js';

const fingerprints = new WeakMap<ReportContext, Fingerprints>();

function issue(d: FileDiagnostic, ctx: ReportContext) {
  let f = fingerprints.get(ctx);
  if (!f) fingerprints.set(ctx, (f = new Fingerprints()));
  const path = reportPath(d.file, ctx);
  return {
    description: showUnsafe(`${d.code}: ${d.message}`),
    check_name: d.code,
    fingerprint: f.unique(d, path),
    severity: d.severity === 'error' ? 'major' : 'minor',
    location: {
      path,
      positions: {
        begin: { line: d.range.start.line, column: d.range.start.column },
        end: { line: d.range.end.line, column: d.range.end.column },
      },
    },
  };
}

export const gitlabStream: StreamingReporter = {
  start: (ctx) => {
    fingerprints.delete(ctx); // occurrences count per run
    return '';
  },
  diagnostic: (d, index, ctx) => inertJson(jsonArrayItem(issue(d, ctx), index, 0)),
  end: (t, ctx) => {
    fingerprints.delete(ctx);
    return `${jsonArrayEnd(t.errors + t.warnings, 0)}\n`;
  },
};

export const gitlab = toReporter(gitlabStream);
