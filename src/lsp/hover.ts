// What the hover shows for a point in a definition line: the event name → the tracefs
// `format` file; a field → its type, offset, size, signedness and payload offset; a type
// → what the kernel does with it. Pure: a line of text in, Markdown and a span out.
// Every text taken from the line goes through markdown.ts.
import { analyzeDefinition, type AnalysisResult } from '../definition.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { splitDefinitionLine } from '../files/definition-file.js';
import type { FieldAst, PieceAst } from '../grammar/ast.js';
import type { FieldDetail } from '../layout/layout.js';
import type { AbiName } from '../layout/types.js';
import { renderFormatFile } from '../tracefs/render.js';
import { codeBlock, codeSpan, prose } from './markdown.js';

export interface LineHover {
  markdown: string;
  /** Columns in the line (0-based UTF-16, half-open). */
  span: Span;
}

/** The definition on a line, analysed, with the column where it starts; undefined for other lines. */
export function analyzeLine(lineText: string, abi: AbiName): { analysis: AnalysisResult; defStart: number } | undefined {
  const split = splitDefinitionLine(lineText);
  if (split.kind !== 'definition') return undefined;
  return { analysis: analyzeDefinition(split.definition, { abi }), defStart: split.defStart };
}

const within = (span: Span, at: number) => span.start <= at && at <= span.end;

/** The hover for column `column` (0-based UTF-16) of `lineText`, or undefined where there is nothing to say. */
export function hoverAt(lineText: string, column: number, abi: AbiName): LineHover | undefined {
  const line = analyzeLine(lineText, abi);
  if (!line) return undefined;
  const { analysis, defStart } = line;
  const at = column - defStart;
  const shift = (s: Span): Span => ({ start: s.start + defStart, end: s.end + defStart });
  const { ast } = analysis;
  if (at >= ast.name.span.start && at < ast.name.span.end) {
    return { markdown: eventHover(analysis, abi), span: shift(ast.name.span) };
  }
  const piece = ast.pieces.find((p): p is PieceAst & { field: FieldAst } => p.field !== undefined && within(p.field.span, at));
  if (!piece) return undefined;
  const field = piece.field;
  const detail = analysis.fields.find((f) => f.ast === field);
  const problems = analysis.result.diagnostics.filter((d) => d.severity === 'error' && d.span.start < field.span.end && d.span.end > field.span.start);
  const typeSpan: Span = { start: field.prefix?.span.start ?? field.type.span.start, end: field.type.span.end };
  if (within(typeSpan, at) && at < typeSpan.end) {
    return { markdown: typeHover(field, detail, problems, abi), span: shift(typeSpan) };
  }
  return { markdown: fieldHover(field, detail, problems), span: shift(field.span) };
}

function rejection(analysis: AnalysisResult): string {
  if (analysis.result.ok) return '';
  const first = analysis.result.diagnostics.find((d) => d.errno !== undefined);
  return `${prose(`The kernel rejects this definition with ${analysis.result.errno}`)}${first ? `${prose(':')} ${codeSpan(first.message)}` : ''}`;
}

function eventHover(analysis: AnalysisResult, abi: AbiName): string {
  const name = analysis.ast.name.text;
  const title = `${prose('event')} ${codeSpan(name)} ${prose(`(${abi} ABI)`)}`;
  if (!analysis.result.ok) return `${title}\n\n${rejection(analysis)}`;
  const format = renderFormatFile(analysis.result.event, analysis.profile, undefined);
  return `${title}\n\n${prose(`tracefs events/user_events/…/format:`)}\n\n${codeBlock(format)}`;
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** Aligned `label  value` lines for a code block. */
function table(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

function problemsText(problems: readonly Diagnostic[]): string {
  return problems.map((d) => `${prose(`${d.code}${d.errno ? ` (${d.errno})` : ''}:`)} ${codeSpan(d.message)}`).join('\n\n');
}

function fieldHover(field: FieldAst, detail: FieldDetail | undefined, problems: readonly Diagnostic[]): string {
  const name = field.rest[0]?.text ?? '';
  const title = `${prose('field')} ${codeSpan(name)}`;
  if (!detail) {
    return `${title}\n\n${prose('This field does not lay out.')}${problems.length ? `\n\n${problemsText(problems)}` : ''}`;
  }
  const rows: [string, string][] = [
    ['type', detail.type],
    ['offset', String(detail.offset)],
    ['size', String(detail.size)],
    ['signed', yesNo(detail.signed)],
    ['payload offset', `${detail.offset - 8}`],
  ];
  const note = detail.wrapped ? `\n\n${prose('The running offset wrapped past 2^32, as in the kernel.')}` : '';
  return `${title}\n\n${codeBlock(table(rows))}\n\n${prose('Offsets count from the record start; the payload a writer sends starts at offset 8 (after the common fields).')}${note}`;
}

function kindText(detail: FieldDetail): string {
  const sign = detail.signed ? 'signed (its type does not start with u)' : 'unsigned (its type starts with u)';
  switch (detail.kind) {
    case 'integer':
      return `A ${detail.size}-byte integer, ${sign}. The kernel takes the size from its type table and prints it with a printf format of that width.`;
    case 'char-array':
      return `${detail.size} bytes inline (char[${detail.arrayLength ?? detail.size}]): the kernel reads N in decimal, hex (0x) or octal (leading 0), and does not check for a NUL.`;
    case 'struct':
      return `${detail.size} raw bytes: a struct's size is the decimal token after the field name; the kernel does not look inside.`;
    case 'data-loc':
      return `A 4-byte descriptor: offset of the data from the record start, | length << 16. The data follows the fixed part of the payload${detail.type.includes('char') ? ', and the kernel checks that a char string ends in NUL' : ''}.`;
    case 'rel-loc':
      return `A 4-byte descriptor: offset of the data from the end of this field, | length << 16. The data follows the fixed part of the payload${detail.type.includes('char') ? ', and the kernel checks that a char string ends in NUL' : ''}.`;
  }
}

function typeHover(field: FieldAst, detail: FieldDetail | undefined, problems: readonly Diagnostic[], abi: AbiName): string {
  const written = `${field.prefix?.text ?? ''}${field.type.text}`;
  const title = `${prose('type')} ${codeSpan(detail?.type ?? written)}`;
  if (!detail) {
    return `${title}\n\n${prose(`The ${abi} kernel does not accept this field.`)}${problems.length ? `\n\n${problemsText(problems)}` : ''}`;
  }
  return `${title}\n\n${prose(kindText(detail))}`;
}
