// ue-lint results → LSP shapes. Positions: the linter counts 1-based lines and UTF-16
// columns in each line without a BOM; LSP counts 0-based lines and UTF-16 characters of
// the document, whose first line still holds a BOM when the editor kept one.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { FileDiagnostic, FileRange } from '../lint/file-linter.js';
import { ruleDocsUrl } from '../diagnostics/docs.js';

/** Column shift of line 1 when the document text starts with a BOM. */
export const bomShift = (text: string): number => (text.charCodeAt(0) === 0xfeff ? 1 : 0);

/** A line-relative span (0-based line, 0-based columns without BOM) as an LSP range. */
export function lineRange(line0: number, start: number, end: number, bom: number): Range {
  const shift = line0 === 0 ? bom : 0;
  return { start: { line: line0, character: start + shift }, end: { line: line0, character: end + shift } };
}

export function toRange(r: FileRange, bom: number): Range {
  const shift = (line: number) => (line === 1 ? bom : 0);
  return {
    start: { line: r.start.line - 1, character: r.start.column - 1 + shift(r.start.line) },
    end: { line: r.end.line - 1, character: r.end.column - 1 + shift(r.end.line) },
  };
}

export interface DocumentRef {
  uri: string;
  /** BOM shift of the document's text. */
  bom: number;
}

/**
 * One diagnostic for the client. `resolve` maps a display path (the linter's `file`)
 * to the document it names, for related locations ("first defined here").
 */
export function toLspDiagnostic(d: FileDiagnostic, bom: number, resolve: (file: string) => DocumentRef | undefined): Diagnostic {
  const out: Diagnostic = {
    range: toRange(d.range, bom),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: 'ue-lint',
    message: [d.message, d.errno ? `the kernel answers ${d.errno}` : '', d.help ? `help: ${d.help}` : ''].filter(Boolean).join('\n'),
  };
  const href = ruleDocsUrl(d.code);
  if (href !== undefined) out.codeDescription = { href };
  const related = (d.related ?? []).flatMap((r) => {
    const doc = resolve(r.file);
    return doc ? [{ location: { uri: doc.uri, range: toRange(r.range, doc.bom) }, message: r.label }] : [];
  });
  if (related.length > 0) out.relatedInformation = related;
  return out;
}
