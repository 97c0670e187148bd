// Document symbols for the outline: each definition line is an event, its fields children.
import { splitDefinitionLine } from '../files/definition-file.js';
import { analyzeDefinition } from '../definition.js';
import type { AbiName } from '../layout/types.js';
import { visible } from './markdown.js';

export interface LineSymbol {
  name: string;
  detail: string;
  kind: 'event' | 'field';
  /** 0-based line. */
  line: number;
  /** Columns in the line (0-based UTF-16, half-open): the whole item, and its name. */
  range: { start: number; end: number };
  selection: { start: number; end: number };
  children: LineSymbol[];
}

/** Outline of a file's lines (without BOM and line endings). */
export function documentSymbols(lines: readonly string[], abi: AbiName): LineSymbol[] {
  const out: LineSymbol[] = [];
  lines.forEach((text, line) => {
    const split = splitDefinitionLine(text);
    if (split.kind !== 'definition') return;
    const shift = split.defStart;
    const { ast, fields, result } = analyzeDefinition(split.definition, { abi });
    const children: LineSymbol[] = [];
    for (const piece of ast.pieces) {
      const field = piece.field;
      const name = field?.rest[0];
      if (!field || !name) continue;
      const detail = fields.find((f) => f.ast === field);
      children.push({
        name: name.text === '' ? '(empty name)' : visible(name.text),
        detail: visible(detail ? `${detail.type} @${detail.offset} (${detail.size} bytes)` : `${field.prefix?.text ?? ''}${field.type.text} (rejected)`),
        kind: 'field',
        line,
        range: { start: field.span.start + shift, end: field.span.end + shift },
        selection: { start: name.span.start + shift, end: name.span.end + shift },
        children: [],
      });
    }
    out.push({
      name: ast.name.text === '' ? '(empty name)' : visible(ast.name.text),
      detail: result.ok ? `${result.event.fields.length} field${result.event.fields.length === 1 ? '' : 's'}` : `rejected: ${result.errno}`,
      kind: 'event',
      line,
      range: { start: shift, end: shift + split.definition.length },
      selection: { start: ast.name.span.start + shift, end: ast.name.span.end + shift },
      children,
    });
  });
  return out;
}
