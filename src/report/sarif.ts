// `sarif`: SARIF 2.1.0. `tool.driver.rules` comes from the catalog, sorted by id
// (as Ruff's sarif.rs), so rule metadata has one source of truth. Columns are
// UTF-16 code units (`columnKind`). Pure.
import { catalogEntries } from '../diagnostics/catalog.js';
import type { FileDiagnostic, FileRange } from '../lint/file-linter.js';
import { RULE_DOCS_INDEX_URL, ruleDocsMarkdown, ruleDocsUrl } from '../diagnostics/docs.js';
import { jsonArrayEnd, jsonArrayItem, splitJsonAround, toReporter, type ReportContext, type StreamingReporter } from './types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A relative display path as a SARIF `uri-reference` (each segment percent-encoded). */
export function toUri(file: string): string {
  return file.split('/').map((seg) => encodeURIComponent(seg)).join('/');
}

const region = (r: FileRange) => ({
  startLine: r.start.line,
  startColumn: r.start.column,
  endLine: r.end.line,
  endColumn: r.end.column,
  charOffset: r.start.offset,
  charLength: r.end.offset - r.start.offset,
});

const physical = (file: string, r: FileRange) => ({
  artifactLocation: { uri: toUri(file), uriBaseId: '%SRCROOT%' },
  region: region(r),
});

function sarifRules() {
  return catalogEntries.map((e) => ({
    id: e.code,
    name: e.name,
    shortDescription: { text: e.summary },
    fullDescription: { text: `${e.docs.whatItDoes} ${e.docs.whyIsThisBad}` },
    help: { text: ruleDocsMarkdown(e), markdown: ruleDocsMarkdown(e) },
    helpUri: ruleDocsUrl(e.code),
    defaultConfiguration: { level: e.severity === 'error' ? 'error' : 'warning' },
    properties: { tags: [e.code.slice(0, 3) + 'xx'], ...(e.errno ? { errno: e.errno } : {}), ...(e.removed ? { removed: true } : {}) },
  }));
}

const RULE_INDEX = new Map(catalogEntries.map((e, i) => [e.code, i]));

function sarifResult(d: FileDiagnostic) {
  return {
    ruleId: d.code,
    ...(RULE_INDEX.has(d.code) ? { ruleIndex: RULE_INDEX.get(d.code)! } : {}),
    level: d.severity === 'error' ? 'error' : 'warning',
    message: { text: d.help ? `${d.message}\nhelp: ${d.help}` : d.message },
    locations: [{ physicalLocation: physical(d.file, d.range) }],
    ...(d.related && d.related.length > 0
      ? { relatedLocations: d.related.map((r, i) => ({ id: i, physicalLocation: physical(r.file, r.range), message: { text: r.label } })) }
      : {}),
    ...(d.fix
      ? {
          fixes: [{
            description: { text: d.fix.description },
            properties: { applicability: d.fix.applicability },
            artifactChanges: [{
              artifactLocation: { uri: toUri(d.file), uriBaseId: '%SRCROOT%' },
              replacements: [{
                deletedRegion: { startLine: d.fix.line, startColumn: d.fix.start + 1, endLine: d.fix.line, endColumn: d.fix.end + 1 },
                insertedContent: { text: d.fix.replacement },
              }],
            }],
          }],
        }
      : {}),
    ...(d.errno ? { properties: { errno: d.errno } } : {}),
  };
}

const splits = new WeakMap<ReportContext, ReturnType<typeof splitJsonAround>>();

/** The log around its `results` array, which is written as diagnostics arrive (once per context). */
function sarifSplit(ctx: ReportContext) {
  const cached = splits.get(ctx);
  if (cached) return cached;
  const split = buildSplit(ctx);
  splits.set(ctx, split);
  return split;
}

function buildSplit(ctx: ReportContext) {
  return splitJsonAround((marker) => JSON.stringify({
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'ue-lint',
          version: ctx.version,
          informationUri: RULE_DOCS_INDEX_URL,
          rules: sarifRules(),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: marker,
    }],
  }, null, 2));
}

export const sarifStream: StreamingReporter = {
  start: (ctx) => sarifSplit(ctx).before,
  diagnostic: (d, index, ctx) => jsonArrayItem(sarifResult(d), index, sarifSplit(ctx).indent),
  end: (t, ctx) => {
    const split = sarifSplit(ctx);
    return `${jsonArrayEnd(t.errors + t.warnings, split.indent)}${split.after}\n`;
  },
};

export const sarif = toReporter(sarifStream);
