// `junit`: JUnit XML for CI test-report views (GitLab, Jenkins, Azure). One <testsuite>
// per file linted, one failing <testcase> per diagnostic (errors and warnings alike, as
// ESLint's junit formatter does; --quiet drops warnings), and one passing testcase for a
// file without problems, so clean files count as passed tests. Every name, path and
// message goes through xmlText: well-formed and inert whatever the input (see xml.ts).
//
// <?xml version="1.0" encoding="UTF-8"?>
// <testsuites name="ue-lint">
//   <testsuite name="events.ue" tests="1" failures="1" errors="0" skipped="0">
//     <testcase name="UE104 duplicate-field-name at 3:34" classname="events.ue" file="events.ue" line="3">
//       <failure type="warning" message="duplicate field name `pid`">events.ue:3:34: warning UE104 …</failure>
//     </testcase>
//   </testsuite>
// </testsuites>
//
// A file's testcases are held until the file is done (its counts lead its <testsuite>);
// the report streams file by file.
import { ruleDocsUrl } from '../diagnostics/docs.js';
import type { FileDiagnostic } from '../lint/file-linter.js';
import { toReporter, type ReportContext, type StreamingReporter } from './types.js';
import { xmlText } from './xml.js';

interface OpenFile {
  cases: string[];
  failures: number;
}

const open = new WeakMap<ReportContext, OpenFile>();

function current(ctx: ReportContext): OpenFile {
  let f = open.get(ctx);
  if (!f) open.set(ctx, (f = { cases: [], failures: 0 }));
  return f;
}

function testcase(d: FileDiagnostic): string {
  const at = `${d.range.start.line}:${d.range.start.column}`;
  const body = [`${d.file}:${at}: ${d.severity} ${d.code} ${d.message}`];
  if (d.help) body.push(`help: ${d.help}`);
  for (const r of d.related ?? []) body.push(`${r.label}: ${r.file}:${r.range.start.line}:${r.range.start.column}`);
  const url = ruleDocsUrl(d.code);
  if (url) body.push(url);
  return [
    `    <testcase name="${xmlText(`${d.code} ${d.name} at ${at}`)}" classname="${xmlText(d.file)}" file="${xmlText(d.file)}" line="${d.range.start.line}">`,
    `      <failure type="${d.severity}" message="${xmlText(d.message)}">${body.map(xmlText).join('\n')}</failure>`,
    '    </testcase>',
  ].join('\n');
}

export const junitStream: StreamingReporter = {
  start: () => '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ue-lint">\n',
  diagnostic(d, _index, ctx) {
    const f = current(ctx);
    f.cases.push(testcase(d));
    f.failures++;
    return '';
  },
  fileDone(file, ctx) {
    const f = current(ctx);
    const name = xmlText(file);
    const cases = f.cases.length > 0 ? f.cases : [`    <testcase name="no problems" classname="${name}" file="${name}"/>`];
    const out = `  <testsuite name="${name}" tests="${cases.length}" failures="${f.failures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>\n`;
    open.delete(ctx);
    return out;
  },
  end: () => '</testsuites>\n',
};

export const junit = toReporter(junitStream);
