// `sarif`: SARIF 2.1.0. `tool.driver.rules` comes from the catalog, sorted by id
// (as Ruff's sarif.rs), so rule metadata has one source of truth. Columns are
// UTF-16 code units (`columnKind`). Pure.
import { catalogEntries } from '../diagnostics/catalog.js';
import type { FileDiagnostic, FileRange } from '../lint/file-linter.js';
import { RULE_DOCS_INDEX_URL, ruleDocsMarkdown, ruleDocsUrl } from '../diagnostics/docs.js';
import { pathToFileURL } from 'node:url';
import { Fingerprints } from './fingerprint.js';
import { reportPath, jsonArrayEnd, jsonArrayItem, splitJsonAround, toReporter, type ReportContext, type StreamingReporter } from './types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The `partialFingerprints` key: versioned, so a change of the hash can never match old alerts. */
export const FINGERPRINT_KEY = 'ueLint/v1';

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

/** Inside the repository: relative to %SRCROOT%; outside it: a file: URI. */
function artifact(file: string, ctx: ReportContext) {
  const path = reportPath(file, ctx);
  return path.startsWith('/') ? { uri: pathToFileURL(path).href } : { uri: toUri(path), uriBaseId: '%SRCROOT%' };
}

const physical = (file: string, r: FileRange, ctx: ReportContext) => ({
  artifactLocation: artifact(file, ctx),
  region: region(r),
});

const fingerprints = new WeakMap<ReportContext, Fingerprints>();

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

function sarifResult(d: FileDiagnostic, ctx: ReportContext) {
  let prints = fingerprints.get(ctx);
  if (!prints) fingerprints.set(ctx, (prints = new Fingerprints()));
  return {
    ruleId: d.code,
    ...(RULE_INDEX.has(d.code) ? { ruleIndex: RULE_INDEX.get(d.code)! } : {}),
    level: d.severity === 'error' ? 'error' : 'warning',
    message: { text: d.help ? `${d.message}\nhelp: ${d.help}` : d.message },
    locations: [{ physicalLocation: physical(d.file, d.range, ctx) }],
    // The rule and the definition line, not the line number: a moved line keeps its alert.
    partialFingerprints: { [FINGERPRINT_KEY]: prints.partial(d) },
    ...(d.related && d.related.length > 0
      ? { relatedLocations: d.related.map((r, i) => ({ id: i, physicalLocation: physical(r.file, r.range, ctx), message: { text: r.label } })) }
      : {}),
    ...(d.fix && d.fix.lineEndings === undefined // a whole-file fix (UE302) has no single region
      ? {
          fixes: [{
            description: { text: d.fix.description },
            properties: { applicability: d.fix.applicability },
            artifactChanges: [{
              artifactLocation: artifact(d.file, ctx),
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
      ...(ctx.paths ? { originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(ctx.paths.root).href.replace(/\/$/, '')}/` } } } : {}),
      columnKind: 'utf16CodeUnits',
      results: marker,
    }],
  }, null, 2));
}

export const sarifStream: StreamingReporter = {
  start: (ctx) => {
    fingerprints.delete(ctx); // occurrences count per run
    return sarifSplit(ctx).before;
  },
  diagnostic: (d, index, ctx) => jsonArrayItem(sarifResult(d, ctx), index, sarifSplit(ctx).indent),
  end: (t, ctx) => {
    const split = sarifSplit(ctx);
    return `${jsonArrayEnd(t.errors + t.warnings, split.indent)}${split.after}\n`;
  },
};

export const sarif = toReporter(sarifStream);
