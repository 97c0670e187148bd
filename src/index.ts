// ue-lint public API. Everything else is internal; package.json `exports` exposes only this module.
import { getProfile } from './layout/profiles.js';
import { renderDynamicEventsLine, renderFormatFile } from './tracefs/render.js';
import type { EventLayout, FormatFileOptions, ParseOptions } from './layout/types.js';

export { parseDefinition, analyzeDefinition, type AnalysisResult } from './definition.js';
export { parse, type GrammarResult } from './grammar/parse.js';
export type { DefinitionAst, FieldAst, PieceAst, FlagsAst, TextNode, ByteRange } from './grammar/ast.js';
export { computeLayout, type FieldDetail, type LayoutResult } from './layout/layout.js';
export { PROFILES, getProfile, type AbiProfile } from './layout/profiles.js';
export { classifyField, isDynamicString } from './layout/classify.js';
export { reregistrationMatches } from './layout/matching.js';
export { errnoName, errnoNumber } from './layout/errno.js';
export { printFmt } from './tracefs/print-fmt.js';
export { catalog, catalogEntries, findCatalogEntry, showText, type CatalogEntry, type RuleDocs } from './diagnostics/catalog.js';
export type { Applicability, Diagnostic, Span, Severity, Fix, RelatedSpan } from './diagnostics/diagnostic.js';
export { ruleDocsUrl } from './diagnostics/docs.js';
export type { AbiName, EventLayout, LayoutField, FieldKind, ParseResult, ParseOptions, FormatFileOptions } from './layout/types.js';

/**
 * The tracefs `format` file the kernel would show for this event, byte for byte.
 *
 * @example
 * formatFile(parseDefinition('test u32 count').event, { id: 1234 })
 * // 'name: test\nID: 1234\nformat:\n\tfield:unsigned short common_type;…print fmt: "count=%u", REC->count\n'
 */
export function formatFile(event: EventLayout, options?: FormatFileOptions): string {
  return renderFormatFile(event, getProfile(options?.abi), options?.id);
}

/**
 * The line `cat dynamic_events` shows for this event.
 *
 * @example dynamicEventsLine(parseDefinition('evt struct pt p 16').event) // 'u:evt struct pt p 16'
 */
export function dynamicEventsLine(event: EventLayout, options?: ParseOptions): string {
  return renderDynamicEventsLine(event, getProfile(options?.abi));
}

// Reading format files and comparing layouts (drift).
export { parseFormatFile, stringifyFormatFile, formatToDefinition, type FormatFileResult, type ReadField, type FormatDiagnostic } from './tracefs/read-format.js';
export { compareLayouts, diffEventSets, type DiffResult, type DriftChange, type DriftClass } from './drift/compare.js';

// Payload encoders and decoders.
export { generateTsModule, generateCHeader, decode, type CodegenOptions, type CodegenResult, type DecodeResult, type DecodedValue } from './codegen/index.js';

// Whole definition files, as `ue-lint lint` sees them: lint, fix, configure, report.
export { lintText, type LintTextOptions, type LintTextResult } from './lint/lint-text.js';
export { applyFixes, fixText, type FixOptions } from './lint/fixes.js';
export { loadConfigFile as loadConfig, resolveConfig, ConfigError, type LoadedConfig, type UeLintConfig, type ConfigInput } from './config/config.js';
export { NotADefinitionFileError } from './files/line-reader.js';
export { formatResults, type FormatResultsOptions } from './report/format-results.js';
export { REPORT_FORMATS, type ReportFormat } from './report/index.js';
export type { FileResult, FileDiagnostic, FileRange, Position, RelatedLocation, LineFix, RuleSetting } from './lint/file-linter.js';
