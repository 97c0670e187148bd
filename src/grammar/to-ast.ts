// Raw token groups → AST, following the kernel's splitting procedure (spec §2.1-2.4).
import type { IToken } from 'chevrotain';
import type { KernelBytes } from '../source/kernel-bytes.js';
import type { DefinitionAst, FieldAst, FlagsAst, PieceAst, TextNode } from './ast.js';
import type { RawDefinition, RawPiece } from './parser.js';
import { Space, type TypePrefixText } from './tokens.js';

function node(src: KernelBytes, start: number, end: number): TextNode {
  // Hot path: for ASCII text, bytes and characters coincide, so share one string
  // and one range object (nodes are read-only).
  if (src.ascii) {
    const text = src.bytes.slice(start, end);
    const range = { start, end };
    return { text, raw: text, span: range, bytes: range };
  }
  return {
    text: src.slice(start, end),
    raw: src.bytes.slice(start, end),
    span: { start: src.toTextOffset(start), end: src.toTextOffset(end) },
    bytes: { start, end },
  };
}

const endOf = (t: IToken) => t.startOffset + t.image.length;

export function toAst(raw: RawDefinition, src: KernelBytes): DefinitionAst {
  const total = src.bytes.length;
  const nameEnd = raw.colon?.startOffset ?? raw.headSpace?.startOffset ?? total;
  const name = node(src, 0, nameEnd);

  let flags: FlagsAst | undefined;
  if (raw.colon) {
    const start = raw.colon.startOffset + 1;
    const end = raw.headSpace?.startOffset ?? total;
    const items: TextNode[] = [];
    let itemStart = start;
    for (const t of raw.flagTokens) {
      if (t.image === ',') {
        items.push(node(src, itemStart, t.startOffset));
        itemStart = t.startOffset + 1;
      }
    }
    items.push(node(src, itemStart, end));
    flags = { colon: node(src, raw.colon.startOffset, start).span, text: node(src, start, end), items };
  }

  const pieces: PieceAst[] = [];
  let args: TextNode | undefined;
  if (raw.headSpace) {
    const argsStart = raw.headSpace.startOffset + 1;
    args = node(src, argsStart, total);
    let pieceStart = argsStart;
    raw.pieces.forEach((p, i) => {
      const pieceEnd = raw.semis[i] ?? total;
      pieces.push(toPiece(p, src, pieceStart, pieceEnd));
      pieceStart = pieceEnd + 1;
    });
  }
  return { source: src, span: { start: 0, end: src.text.length }, name, flags, args, pieces };
}

function toPiece(p: RawPiece, src: KernelBytes, start: number, end: number): PieceAst {
  const leadingWs = p.leadingWs ? node(src, p.leadingWs.startOffset, endOf(p.leadingWs)) : undefined;
  const fieldStart = leadingWs ? leadingWs.bytes.end : start;
  const span = src.ascii ? { start, end } : { start: src.toTextOffset(start), end: src.toTextOffset(end) };
  if (fieldStart >= end) return { span, bytes: { start, end }, leadingWs, field: undefined };

  const tokens = p.tokens;
  let i = 0;
  let prefix: FieldAst['prefix'];
  let type: TextNode;
  let typeTerminated = true;
  let restStart: number;
  if (p.prefix) {
    // Prefix hit: the type runs to the first space at or after the prefix end.
    const prefixEnd = endOf(p.prefix);
    prefix = { ...node(src, p.prefix.startOffset, prefixEnd), kind: p.prefix.image as TypePrefixText };
    let typeEnd = prefixEnd;
    if (tokens[0] && tokens[0].tokenType !== Space) typeEnd = endOf(tokens[i++]!);
    type = node(src, fieldStart, typeEnd);
    if (tokens[i]?.tokenType === Space) {
      restStart = endOf(tokens[i++]!);
    } else {
      typeTerminated = false;
      restStart = end;
    }
  } else {
    // No prefix: the first single-space token is the type.
    const first = tokens[0]!; // a Word: leading whitespace (incl. spaces) was skipped
    type = node(src, fieldStart, endOf(first));
    // Words are maximal runs, so the token after the first Word, if any, is a Space.
    restStart = tokens[1] ? endOf(tokens[1]) : -1;
    i = 2;
  }

  // Split the remainder at every single space; consecutive spaces give empty tokens.
  const rest: TextNode[] = [];
  if (typeTerminated && restStart >= 0) {
    let tokStart = restStart;
    for (; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.tokenType === Space) {
        rest.push(node(src, tokStart, t.startOffset));
        tokStart = t.startOffset + 1;
      }
    }
    rest.push(node(src, tokStart, end));
  }
  const field: FieldAst = {
    span: src.ascii ? { start: fieldStart, end } : { start: src.toTextOffset(fieldStart), end: src.toTextOffset(end) },
    bytes: { start: fieldStart, end },
    prefix,
    structMode: prefix?.kind === 'struct ',
    type,
    typeTerminated,
    rest,
  };
  return { span, bytes: { start, end }, leadingWs, field };
}
