// FAST PATH for the hot loop: the kernel's splitting procedure (spec §2.1-2.4),
// hand-written over an ASCII definition, building the same AST as the Chevrotain
// grammar (parse.ts) would, node for node.
//
// Why it exists: the Chevrotain lexer alone costs about 1 µs per 70-byte
// definition and lexer + parser + AST about 3.4 µs; this scanner does the same
// splits in a few hundred ns (BENCHMARKS.md, stage table). Why only ASCII: there
// bytes and UTF-16 offsets coincide, so a span *is* a byte range and the scanner
// stays a handful of index scans. Everything else (UTF-8, 0xA0 inside a
// character, NUL cuts are already applied by the caller) goes through the
// Chevrotain grammar, which stays the reference: test/grammar/scan-ascii.test.ts
// checks that both build deep-equal ASTs on generated and table inputs.
import type { KernelBytes } from '../source/kernel-bytes.js';
import type { DefinitionAst, FieldAst, FlagsAst, PieceAst, TextNode } from './ast.js';
import type { TypePrefixText } from './kernel-text.js';

const SPACE = 0x20;

/** For ASCII, text and bytes coincide, so one string and one range serve both (nodes are read-only). */
function node(s: string, start: number, end: number): TextNode {
  const text = s.slice(start, end);
  const range = { start, end };
  return { text, raw: text, span: range, bytes: range };
}

/** The kernel's isspace() restricted to ASCII: 0x09-0x0D and 0x20. */
const isAsciiSpace = (c: number) => c === SPACE || (c >= 0x09 && c <= 0x0d);

/**
 * The first of the six prefixes (kernel order, TYPE_PREFIXES) that `s` has at
 * `at`, if any. Dispatches on the first two bytes, because most types (`u32`,
 * `s64`) start like a prefix and a loop of six startsWith per field was measurable.
 */
function prefixAt(s: string, at: number): TypePrefixText | undefined {
  switch (s.charCodeAt(at)) {
    case 0x75: // u
      return s.charCodeAt(at + 1) === 0x6e && s.startsWith('unsigned ', at) ? 'unsigned ' : undefined;
    case 0x73: // s
      return s.charCodeAt(at + 1) === 0x74 && s.startsWith('struct ', at) ? 'struct ' : undefined;
    case 0x5f: // _
      if (s.startsWith('__data_loc ', at)) return s.startsWith('unsigned ', at + 11) ? '__data_loc unsigned ' : '__data_loc ';
      if (s.startsWith('__rel_loc ', at)) return s.startsWith('unsigned ', at + 10) ? '__rel_loc unsigned ' : '__rel_loc ';
      return undefined;
    default:
      return undefined;
  }
}

/** One `;`-piece [start, end) of the args, split the way the kernel splits a field. */
function scanPiece(s: string, start: number, end: number): PieceAst {
  let fieldStart = start;
  while (fieldStart < end && isAsciiSpace(s.charCodeAt(fieldStart))) fieldStart++;
  const leadingWs = fieldStart > start ? node(s, start, fieldStart) : undefined;
  // Span and byte range coincide for ASCII, so the piece and the field each share one range.
  const range = { start, end };
  if (fieldStart >= end) return { span: range, bytes: range, leadingWs, field: undefined };

  const kind = prefixAt(s, fieldStart);
  let prefix: FieldAst['prefix'];
  if (kind !== undefined) {
    const prefixRange = { start: fieldStart, end: fieldStart + kind.length };
    prefix = { text: kind, raw: kind, span: prefixRange, bytes: prefixRange, kind }; // the constant spelling: no slice
  }
  // The type runs to the first space after the prefix (or after the first byte,
  // which is neither a space nor `;`), or to the piece's end. indexOf is native.
  let typeEnd = s.indexOf(' ', kind !== undefined ? fieldStart + kind.length : fieldStart + 1);
  if (typeEnd < 0 || typeEnd > end) typeEnd = end;
  const type = node(s, fieldStart, typeEnd);

  // A prefix needs a space after the type word; without a prefix, no space just means no name.
  const typeTerminated = kind === undefined || typeEnd < end;
  let rest: TextNode[];
  if (typeEnd >= end) {
    rest = [];
  } else {
    // Split the remainder at every single space; consecutive spaces give empty tokens.
    let tokStart = typeEnd + 1;
    let sp = s.indexOf(' ', tokStart);
    if (sp < 0 || sp >= end) {
      rest = [node(s, tokStart, end)]; // the usual `type name`: an exact-size array, no growth
    } else {
      rest = [];
      for (; sp >= 0 && sp < end; sp = s.indexOf(' ', tokStart)) {
        rest.push(node(s, tokStart, sp));
        tokStart = sp + 1;
      }
      rest.push(node(s, tokStart, end));
    }
  }
  // Without leading whitespace the field and the piece cover the same bytes: one range.
  const fieldRange = fieldStart === start ? range : { start: fieldStart, end };
  const field: FieldAst = {
    span: fieldRange,
    bytes: fieldRange,
    prefix,
    structMode: kind === 'struct ',
    type,
    typeTerminated,
    rest,
  };
  return { span: range, bytes: range, leadingWs, field };
}

/**
 * The AST of an ASCII definition (`src.ascii` must be true), equal to what
 * `parse(src.text).ast` builds.
 */
export function scanAscii(src: KernelBytes): DefinitionAst {
  const s = src.bytes;
  const total = s.length;
  const space = s.indexOf(' ');
  const headEnd = space < 0 ? total : space;
  let colon = s.indexOf(':');
  if (colon >= headEnd) colon = -1;
  const name = node(s, 0, colon >= 0 ? colon : headEnd);

  let flags: FlagsAst | undefined;
  if (colon >= 0) {
    const start = colon + 1;
    const items: TextNode[] = [];
    let itemStart = start;
    for (let i = start; i < headEnd; i++) {
      if (s.charCodeAt(i) === 0x2c) {
        items.push(node(s, itemStart, i));
        itemStart = i + 1;
      }
    }
    items.push(node(s, itemStart, headEnd));
    flags = { colon: { start: colon, end: start }, text: node(s, start, headEnd), items };
  }

  const pieces: PieceAst[] = [];
  let args: TextNode | undefined;
  if (space >= 0) {
    args = node(s, space + 1, total);
    let pieceStart = space + 1;
    for (;;) {
      let pieceEnd = s.indexOf(';', pieceStart);
      if (pieceEnd < 0) pieceEnd = total;
      pieces.push(scanPiece(s, pieceStart, pieceEnd));
      if (pieceEnd === total) break;
      pieceStart = pieceEnd + 1;
    }
  }
  return { source: src, span: { start: 0, end: src.text.length }, name, flags, args, pieces };
}
