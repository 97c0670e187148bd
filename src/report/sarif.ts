// `sarif`: SARIF 2.1.0. `tool.driver.rules` comes from the catalog, sorted by id
// (as Ruff's sarif.rs), so rule metadata has one source of truth. Columns are
// UTF-16 code units (`columnKind`). Pure.
import { catalogEntries } from '../diagnostics/catalog.js';
import type { FileDiagnostic, FileRange } from '../lint/file-linter.js';
import { ruleDocsMarkdown } from './rule-docs.js';
import { DEFAULT_DOCS_BASE_URI, type Reporter } from './types.js';

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

export const sarif: Reporter = (results, ctx) => {
  const base = ctx.docsBaseUri ?? DEFAULT_DOCS_BASE_URI;
  const rules = catalogEntries.map((e) => ({
    id: e.code,
    name: e.name,
    shortDescription: { text: e.summary },
    fullDescription: { text: `${e.docs.whatItDoes} ${e.docs.whyIsThisBad}` },
    help: { text: ruleDocsMarkdown(e), markdown: ruleDocsMarkdown(e) },
    helpUri: `${base}${e.name}.md`,
    defaultConfiguration: { level: e.severity === 'error' ? 'error' : 'warning' },
    properties: { tags: [e.code.slice(0, 3) + 'xx'], ...(e.errno ? { errno: e.errno } : {}), ...(e.removed ? { removed: true } : {}) },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const result = (d: FileDiagnostic) => ({
    ruleId: d.code,
    ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code)! } : {}),
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
  });
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'ue-lint',
          version: ctx.version,
          informationUri: base.replace(/docs\/rules\/$/, ''),
          rules,
        },
      },
      columnKind: 'utf16CodeUnits',
      results: results.flatMap((r) => r.diagnostics.map(result)),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
