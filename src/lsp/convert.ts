// ue-lint results → LSP shapes. Positions: the linter counts 1-based lines split at `\n`
// and UTF-16 columns in each line without a BOM; LSP counts 0-based lines that a lone
// `\r` also ends, and UTF-16 characters of the document, whose first line still holds a
// BOM when the editor kept one. LineMap goes between the two through document offsets.
import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileDiagnostic, FileRange } from '../lint/file-linter.js';
import { ruleDocsUrl } from '../diagnostics/docs.js';

/**
 * Between the linter's lines (split at `\n` only, BOM excluded, columns in UTF-16) and the
 * document's LSP positions, where a lone `\r` also ends a line: through document offsets.
 */
export class LineMap {
  /** Document offset where each linter line starts. */
  private readonly starts: number[];

  constructor(private readonly doc: TextDocument) {
    const text = doc.getText();
    this.starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The position of a 0-based column in the linter's 0-based line. */
  position(line0: number, column: number): Position {
    return this.doc.positionAt((this.starts[line0] ?? this.doc.getText().length) + column);
  }

  range(line0: number, start: number, end: number): Range {
    return { start: this.position(line0, start), end: this.position(line0, end) };
  }

  fileRange(r: FileRange): Range {
    return { start: this.position(r.start.line - 1, r.start.column - 1), end: this.position(r.end.line - 1, r.end.column - 1) };
  }

  /** The linter's 0-based line and column at an LSP position. */
  locate(p: Position): { line0: number; column: number } {
    const offset = this.doc.offsetAt(p);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line0: lo, column: offset - this.starts[lo]! };
  }
}

/** A file's range by its lines and columns, for files that are not open (no document to map through). */
export function plainRange(r: FileRange): Range {
  return {
    start: { line: r.start.line - 1, character: r.start.column - 1 },
    end: { line: r.end.line - 1, character: r.end.column - 1 },
  };
}

export interface DocumentRef {
  uri: string;
  /** Maps the file's ranges to positions. */
  range: (r: FileRange) => Range;
}

/**
 * One diagnostic for the client. `resolve` maps a display path (the linter's `file`)
 * to the document it names, for related locations ("first defined here").
 */
export function toLspDiagnostic(d: FileDiagnostic, map: LineMap, resolve: (file: string) => DocumentRef | undefined): Diagnostic {
  const out: Diagnostic = {
    range: map.fileRange(d.range),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: 'ue-lint',
    message: [d.message, d.errno ? `the kernel answers ${d.errno}` : '', d.help ? `help: ${d.help}` : ''].filter(Boolean).join('\n'),
  };
  const href = ruleDocsUrl(d.code);
  if (href !== undefined) out.codeDescription = { href };
  const related = (d.related ?? []).flatMap((r) => {
    const doc = resolve(r.file);
    return doc ? [{ location: { uri: doc.uri, range: doc.range(r.range) }, message: r.label }] : [];
  });
  if (related.length > 0) out.relatedInformation = related;
  return out;
}
