// The layout engine: AST + ABI profile → fields with offsets, sizes and signedness,
// reporting every kernel rejection with its errno (spec §2.4-2.8).
// Pure: no I/O. Kernel order matters: the first rejected piece decides the errno,
// but every piece is checked so one run reports every problem.
import { catalog } from '../diagnostics/catalog.js';
import type { Span } from '../diagnostics/diagnostic.js';
import type { Report } from '../diagnostics/report.js';
import type { DefinitionAst, FieldAst, TextNode } from '../grammar/ast.js';
import type { TypePrefixText } from '../grammar/kernel-text.js';
import type { KernelBytes } from '../source/kernel-bytes.js';
import { errnoName } from './errno.js';
import type { AbiProfile } from './profiles.js';
import type { FieldKind, LayoutField } from './types.js';

/** A laid-out field with the facts behind it. */
export interface FieldDetail extends LayoutField {
  /** Deduced from the type string. */
  kind: FieldKind;
  /** From the definition: the number inside `char[N]`, for char arrays. */
  arrayLength: number | undefined;
  /** True when the offset wrapped past 2^32 (huge struct sizes). */
  wrapped: boolean;
  ast: FieldAst;
  /** Span of the name token (zero-width for an empty name). */
  nameSpan: Span;
}

export interface LayoutResult {
  /** Fields of the pieces that passed, in declaration order. */
  fields: FieldDetail[];
  /** False when any piece was rejected. */
  complete: boolean;
}

/** The fixed-size types (spec §2.5), indexed by what `fixedTypeAt` answers. */
export const FIXED_TYPES = [
  'u8', 's8', 'char', 'unsigned char', 'u16', 's16', 'short', 'unsigned short',
  'u32', 's32', 'int', 'unsigned int', 'u64', 's64',
] as const;
export const FIXED_TYPE_SIZES: readonly number[] = [1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 8, 8];

/**
 * The index in FIXED_TYPES of the type spelled by `s[start, end)`, or -1.
 * Decided on length and char codes, without slicing: the plain fast path asks
 * this of every field before it has made any string, and then reuses the
 * constant spelling instead of a fresh slice. (A `switch` on a sliced string
 * compared it with each case in turn.)
 */
export function fixedTypeAt(s: string, start: number, end: number): number {
  const c0 = s.charCodeAt(start);
  switch (end - start) {
    case 2: // u8 s8
      return s.charCodeAt(start + 1) === 0x38 ? (c0 === 0x75 ? 0 : c0 === 0x73 ? 1 : -1) : -1;
    case 3: { // u16 s16 u32 s32 u64 s64 int
      if (c0 === 0x69) return s.startsWith('int', start) ? 10 : -1;
      const sign = c0 === 0x75 ? 0 : c0 === 0x73 ? 1 : -1;
      if (sign < 0) return -1;
      const c1 = s.charCodeAt(start + 1);
      const c2 = s.charCodeAt(start + 2);
      if (c1 === 0x31 && c2 === 0x36) return 4 + sign;
      if (c1 === 0x33 && c2 === 0x32) return 8 + sign;
      if (c1 === 0x36 && c2 === 0x34) return 12 + sign;
      return -1;
    }
    case 4: return s.startsWith('char', start) ? 2 : -1;
    case 5: return s.startsWith('short', start) ? 6 : -1;
    case 12: return s.startsWith('unsigned int', start) ? 11 : -1;
    case 13: return s.startsWith('unsigned char', start) ? 3 : -1;
    case 14: return s.startsWith('unsigned short', start) ? 7 : -1;
    default: return -1;
  }
}

/** The size of a fixed-size type (spec §2.5), e.g. 4 for `unsigned int`; undefined for any other text. */
export function fixedSize(raw: string): number | undefined {
  const i = fixedTypeAt(raw, 0, raw.length);
  return i < 0 ? undefined : FIXED_TYPE_SIZES[i];
}

/**
 * The kernel's type table for non-struct types (spec §2.5): the size, or
 * undefined after reporting the problem. `prefix` is the type prefix the piece
 * started with, if any. Sets `sizedKind` as a side result (not a returned object:
 * this runs once per field on the hot path). Also used by the plain fast path for
 * a type it does not know, so both paths report type problems with this code.
 */
let sizedKind: FieldKind = 'integer';
export function typeSize(source: KernelBytes, type: TextNode, prefix: TypePrefixText | undefined, profile: AbiProfile, report: Report): number | undefined {
  const fixed = fixedSize(type.raw);
  if (fixed !== undefined) { sizedKind = 'integer'; return fixed; }
  if (type.raw.startsWith('char[') || type.raw.startsWith('unsigned char[')) { sizedKind = 'char-array'; return arraySize(source, type, profile, report); }
  // Only a prefix can put a space in a type, so these are exactly the prefixed types.
  if (prefix === '__data_loc ' || prefix === '__data_loc unsigned ') { sizedKind = 'data-loc'; return 4; }
  if (prefix === '__rel_loc ' || prefix === '__rel_loc unsigned ') { sizedKind = 'rel-loc'; return 4; }
  report(catalog.unknownType, [type.text], type.span);
  return undefined;
}

/** `char[N]`: where the digits come from differs by ABI (spec §2.6). The length is the size. */
function arraySize(src: KernelBytes, type: TextNode, profile: AbiProfile, report: Report): number | undefined {
  const open = type.bytes.start + type.raw.indexOf('[');
  const tokenEnd = type.bytes.end;
  let close: number; // byte offset of the `]` the kernel uses
  if (profile.arrayScan === 'type-token') {
    // linux: strscpy of the tail into an 8-byte buffer, then strchr(']').
    const tail = src.bytes.slice(open + 1, tokenEnd);
    if (tail.length >= 8) {
      report(catalog.arraySuffixTooLong, [src.slice(open + 1, tokenEnd)], spanOf(src, open + 1, tokenEnd));
      return undefined;
    }
    const rel = tail.indexOf(']');
    if (rel < 0) {
      report(catalog.arrayMissingBracket, [type.text], type.span);
      return undefined;
    }
    close = open + 1 + rel;
  } else {
    // v5: copy up to 7 bytes after `[` until `]`, running past the token's end.
    const limit = Math.min(open + 8, src.bytes.length - 1);
    close = -1;
    for (let i = open + 1; i <= limit; i++) {
      if (src.bytes.charCodeAt(i) === 0x5d) { close = i; break; }
    }
    if (close < 0) {
      if (open + 8 > src.bytes.length - 1) report(catalog.arrayMissingBracket, [type.text], type.span);
      else report(catalog.arraySuffixTooLong, [src.slice(open + 1, open + 9)], spanOf(src, open + 1, open + 9));
      return undefined;
    }
  }
  // The number is the token's own text after `[`, up to the `]` or the token's end.
  const numEnd = Math.min(close, tokenEnd);
  const numText = src.bytes.slice(open + 1, numEnd);
  const numSpan = numEnd > open + 1 ? spanOf(src, open + 1, numEnd) : spanOf(src, open, Math.min(open + 2, tokenEnd));
  const n = profile.parseArrayLength(numText);
  if (n === undefined || n === 0) {
    report(catalog.invalidArrayLength, [src.slice(open + 1, numEnd)], numSpan);
    return undefined;
  }
  if (n > profile.maxArrayLength) {
    report(catalog.arrayTooLarge, [n, profile.maxArrayLength], numSpan);
    return undefined;
  }
  if (close >= tokenEnd) {
    // Point at the `]` the scan found (`char[8 a]` marks the final `]`), not at the separator.
    report(catalog.v5BracketScan, [type.text, src.slice(tokenEnd + 1, close + 1)], spanOf(src, close, close + 1));
  } else if (close + 1 < tokenEnd) {
    report(catalog.arraySuffixIgnored, [src.slice(close + 1, tokenEnd)], spanOf(src, close + 1, tokenEnd));
  }
  return n;
}

function spanOf(src: KernelBytes, byteStart: number, byteEnd: number): Span {
  return { start: src.toTextOffset(byteStart), end: src.toTextOffset(byteEnd) };
}

/**
 * Step 3 of spec §2.4: too many single-space tokens (or an empty struct size).
 * Explain *why*: a trailing space, a double space, a size on a non-struct, or a
 * real extra token. Empty tokens come from spaces, so they are the usual cause.
 * FIX SAFETY: every fix here is on a piece the kernel rejects (EINVAL), so it cannot
 * change an accepted layout: all are `safe` (the fix-safety property test holds it).
 */
function reportTokenCount(ast: DefinitionAst, field: FieldAst, allowed: number, report: Report): void {
  const rest = field.rest;
  if (field.prefix && field.type.raw === field.prefix.raw && rest.length > allowed) {
    // `unsigned  int a`: the second space ends the type at the prefix itself, so
    // `int` becomes the name and everything after it shifts by one token.
    const at = field.type.bytes.end;
    const span = spanOf(ast.source, at, at + 1);
    const fixable = rest.length - 1 <= allowed && rest.every((t) => t.raw !== '');
    const shifted = rest.slice(allowed).find((t) => t.raw !== '') ?? rest[allowed - 1]!;
    report(catalog.doubleSpace, [shifted.text], span, fixable
      ? { fix: { span, replacement: '', description: 'remove the extra space after the type prefix', applicability: 'safe' } }
      : undefined);
    return;
  }
  let trailing = 0;
  while (trailing < rest.length && rest[rest.length - 1 - trailing]!.raw === '') trailing++;
  const body = rest.slice(0, rest.length - trailing);
  if (trailing > 0 && body.every((t) => t.raw !== '')) {
    // Only trailing spaces are wrong. Keep one token (an empty name) if nothing else is left.
    const from = rest[Math.max(body.length, 1)]!;
    const span = spanOf(ast.source, from.bytes.start - 1, field.bytes.end);
    report(catalog.trailingSpace, [], span, { fix: { span, replacement: '', description: 'remove the trailing space', applicability: 'safe' } });
    return;
  }
  const nonEmpty = rest.filter((t) => t.raw !== '');
  const empty = rest.find((t) => t.raw === '');
  if (empty) {
    const shifted = rest.slice(allowed).find((t) => t.raw !== '') ?? rest[allowed] ?? empty;
    const span = spanOf(ast.source, empty.bytes.start, empty.bytes.start + 1); // the second space
    const fixable = nonEmpty.length >= 1 && nonEmpty.length <= allowed;
    const fixSpan = spanOf(ast.source, field.type.bytes.end, field.bytes.end);
    report(catalog.doubleSpace, [shifted.text], span, fixable
      ? { fix: { span: fixSpan, replacement: nonEmpty.map((t) => ' ' + t.text).join(''), description: 'use single spaces between field tokens', applicability: 'safe' } }
      : undefined);
    return;
  }
  const extra = rest[allowed]!;
  if (allowed === 1 && rest.length === 2 && /^\+?\d+$/.test(extra.raw)) {
    report(catalog.sizeOnNonStruct, [extra.text, field.type.text], extra.span);
    return;
  }
  report(catalog.extraFieldToken, [extra.text], extra.span);
}

/**
 * Lay out every field. Reports through `report`; returns the fields of the pieces
 * that passed. Offsets start at 8 (the common header) and wrap at 2^32 as in the kernel.
 */
export function computeLayout(ast: DefinitionAst, profile: AbiProfile, report: Report): LayoutResult {
  const fields: FieldDetail[] = [];
  let offset = 8;
  let wrapped = false;
  let reportedWrap = false;
  let complete = true;
  // One acceptor for all pieces (not a closure per piece: this is the hot path);
  // `failed` is reset for each piece.
  let failed = false;
  const fail: Report = (entry, args, span, extras) => {
    if (entry.severity === 'error') failed = true;
    report(entry, args, span, extras);
  };
  for (const piece of ast.pieces) {
    const field = piece.field;
    if (!field) continue; // empty or whitespace-only piece: no field, no error
    failed = false;

    // STEP 2: a prefix needs a space after the type word.
    if (!field.typeTerminated) {
      fail(catalog.prefixWithoutSpace, [field.type.text], field.type.span);
      complete = false;
      continue;
    }
    // STEP 3: tokens are type, name, (struct only) size; anything more is EINVAL.
    const rest = field.rest;
    const allowed = field.structMode ? 2 : 1;
    let structSize: number | undefined;
    const sizeTok = field.structMode ? rest[1] : undefined;
    if (rest.length > allowed || sizeTok?.raw === '') {
      reportTokenCount(ast, field, allowed, fail);
    } else if (sizeTok) {
      structSize = profile.parseStructSize(sizeTok.raw);
      if (structSize === undefined) fail(catalog.invalidStructSize, [sizeTok.text], sizeTok.span);
    }
    // STEP 4: a name is required.
    if (rest.length === 0) fail(catalog.fieldMissingName, [field.type.text], field.type.span);
    if (failed) { complete = false; continue; }

    // STEP 5: the size, from the struct token or the type table.
    let size: number;
    let kind: FieldKind = 'struct';
    if (field.structMode) {
      if (sizeTok === undefined) {
        fail(catalog.structMissingSize, [field.type.text], rest[0]!.raw === '' ? field.type.span : rest[0]!.span);
        complete = false;
        continue;
      }
      size = structSize!;
      // STEP 6: zero is EINVAL; >= 2^31 is stored in an int and returned as the error code.
      if (size === 0) {
        fail(catalog.invalidStructSize, [sizeTok.text], sizeTok.span);
        complete = false;
        continue;
      }
      if (size >= 0x80000000) {
        const errno = errnoName(0x100000000 - size);
        fail(catalog.structSizeNegative, [sizeTok.text, errno], sizeTok.span, { errno });
        complete = false;
        continue;
      }
    } else {
      const sized = typeSize(ast.source, field.type, field.prefix?.kind, profile, fail);
      if (sized === undefined || failed) { complete = false; continue; }
      size = sized;
      kind = sizedKind;
    }

    // STEP 7: packed, no alignment; the running offset is a u32 that wraps.
    const name = rest[0]!;
    const detail: FieldDetail = {
      type: field.type.text,
      name: name.text,
      offset,
      size,
      signed: field.type.raw.charCodeAt(0) !== 0x75, // first byte 'u' means unsigned
      kind, // what classifyField(type) answers, known here without re-reading the type
      arrayLength: kind === 'char-array' ? size : undefined,
      wrapped,
      ast: field,
      nameSpan: name.span,
    };
    if (wrapped && !reportedWrap) {
      reportedWrap = true;
      report(catalog.offsetWraps, [name.text, offset], name.raw === '' ? field.type.span : name.span);
    }
    fields.push(detail);
    const next = offset + size;
    if (next > 0xffffffff) wrapped = true;
    offset = next >>> 0;
  }
  return { fields, complete };
}
