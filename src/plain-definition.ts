// FAST PATH for parseDefinition (linux ABI): a "plain" definition, the kind real
// files are mostly made of, is judged here in one pass without building the AST:
//
//   name type field[; type field ...]
//
// with a `[A-Za-z0-9_]+` event name, types from the kernel's fixed table,
// `char[N]` / `unsigned char[N]` (N decimal, 1 to 1024), `__data_loc T` /
// `__rel_loc T` (T a word, brackets allowed) or `struct T field SIZE` (SIZE decimal,
// up to 8 digits, without leading zeros), identifier field names
// that are unique and not `common_*`, pieces separated by `;` with at most one
// space after it, and at most 511 bytes. Such a definition is accepted, and the
// only diagnostic it can get is UE112 (`;` without a space). Anything else returns
// undefined and takes the full path (AST, layout, every rule).
//
// Why: the full path costs about 1.8 µs per definition, most of it in building the
// AST and running the rules, which find nothing in a plain definition; this costs
// a few hundred ns. The result must equal the full path's exactly: the property
// test `parseDefinition(d)` deep-equals `analyzeDefinition(d).result` on generated
// definitions and on the benchmark corpus holds the two together.
import { catalog } from './diagnostics/catalog.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { fixedSize } from './layout/layout.js';
import { PROFILES } from './layout/profiles.js';
import type { LayoutField, ParseResult } from './layout/types.js';
import { SEPARATOR_FIX } from './lint/rules/separator-without-space.js';

const MAX_BYTES = PROFILES.linux.maxDefinitionBytes;
const MAX_ARRAY = PROFILES.linux.maxArrayLength;
const SPACE = 0x20;
const SEMI = 0x3b;

// UE112 as the rule reports it (lint/rules/separator-without-space.ts, through
// createDiagnostic): the same fields in the same order, built from constant texts.
const UE112 = catalog.separatorWithoutSpace;
const UE112_MESSAGE = UE112.message();
const UE112_HELP = UE112.help!();
function separatorWithoutSpace(semi: number): Diagnostic {
  const span = { start: semi, end: semi + 1 };
  return {
    code: UE112.code, name: UE112.name, severity: UE112.severity, message: UE112_MESSAGE, span, help: UE112_HELP,
    fix: { span, replacement: SEPARATOR_FIX.replacement, description: SEPARATOR_FIX.description },
  };
}

/** `char[N]` / `unsigned char[N]` with N plain decimal in 1..1024 and `]` last: N, else 0. */
function charArrayLength(type: string): number {
  const open = type.startsWith('char[') ? 4 : type.startsWith('unsigned char[') ? 13 : -1;
  if (open < 0 || type.charCodeAt(type.length - 1) !== 0x5d) return 0;
  const digits = type.length - open - 2;
  if (digits < 1 || digits > 4) return 0;
  let n = 0;
  for (let i = open + 1; i < type.length - 1; i++) {
    const d = type.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9 || (i === open + 1 && d === 0)) return 0;
    n = n * 10 + d;
  }
  return n <= MAX_ARRAY ? n : 0;
}

const isWordByte = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;

/** The event name `[A-Za-z0-9_]+` ending at the first space, or -1. */
function nameEnd(s: string): number {
  let i = 0;
  while (i < s.length && isWordByte(s.charCodeAt(i))) i++;
  return i > 0 && i < s.length && s.charCodeAt(i) === SPACE ? i : -1;
}

/** Is `s[start, end)` a non-empty run of word bytes and brackets (`char[]`, `u8`)? */
function typeWord(s: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!isWordByte(c) && c !== 0x5b && c !== 0x5d) return false;
  }
  return true;
}

/** `s[start, end)` as a decimal without leading zeros, 1 to 99,999,999; else 0. */
function plainSize(s: string, start: number, end: number): number {
  if (end <= start || end - start > 8 || s.charCodeAt(start) === 0x30) return 0;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return 0;
    n = n * 10 + d;
  }
  return n;
}

/**
 * If `s[start, end)` is an identifier that does not start with `common_` (the four
 * `common_*` field names are UE105's business), a hash of it (never 0), else 0. The
 * hash makes the duplicate-name check integer compares.
 */
function plainFieldName(s: string, start: number, end: number): number {
  if (end <= start) return 0;
  const first = s.charCodeAt(start);
  if (first >= 0x30 && first <= 0x39) return 0;
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!isWordByte(c)) return 0;
    h = Math.imul(h ^ c, 16777619);
  }
  if (first === 0x63 && s.startsWith('common_', start)) return 0;
  return h | 1;
}

/**
 * The full path's result for a plain definition on the linux ABI, or undefined.
 * `text` must be ASCII without NUL (the caller has checked).
 */
export function parsePlainDefinition(text: string): ParseResult | undefined {
  if (text.length > MAX_BYTES) return undefined;
  const head = nameEnd(text);
  if (head < 0) return undefined;
  const fields: LayoutField[] = [];
  const nameHashes: number[] = [];
  let bareSemis: number[] | undefined; // `;` not followed by a space (UE112), made into diagnostics at the end
  let offset = 8;
  let pos = head + 1;
  for (;;) {
    // One piece: `type name`, ending at `;` or the end of the text.
    let end = text.indexOf(';', pos);
    const last = end < 0;
    if (last) end = text.length;
    let typeEnd: number; // the type is text[pos, typeEnd)
    let type: string | undefined;
    let nameEnd = end; // the name is text[typeEnd + 1, nameEnd)
    let size: number;
    const c0 = text.charCodeAt(pos);
    if (c0 === 0x5f && (text.startsWith('__data_loc ', pos) || text.startsWith('__rel_loc ', pos))) {
      // Dynamic data: a 4-byte offset/length word, whatever the type word says.
      let word = pos + (text.charCodeAt(pos + 2) === 0x64 ? 11 : 10);
      if (text.startsWith('unsigned ', word)) word += 9;
      typeEnd = text.indexOf(' ', word);
      if (typeEnd < 0 || typeEnd >= end || !typeWord(text, word, typeEnd)) return undefined;
      size = 4;
    } else if (c0 === 0x73 && text.charCodeAt(pos + 1) === 0x74 && text.startsWith('struct ', pos)) {
      // `struct T name SIZE`
      typeEnd = text.indexOf(' ', pos + 7);
      if (typeEnd < 0 || typeEnd >= end || !typeWord(text, pos + 7, typeEnd)) return undefined;
      nameEnd = text.indexOf(' ', typeEnd + 1);
      if (nameEnd < 0 || nameEnd >= end) return undefined;
      size = plainSize(text, nameEnd + 1, end);
      if (size === 0) return undefined;
    } else {
      typeEnd = text.indexOf(' ', pos);
      if (typeEnd < 0 || typeEnd >= end) return undefined;
      // `unsigned X`: the prefix takes the next word into the type.
      if (typeEnd - pos === 8 && text.startsWith('unsigned', pos)) {
        typeEnd = text.indexOf(' ', typeEnd + 1);
        if (typeEnd < 0 || typeEnd >= end) return undefined;
      }
      type = text.slice(pos, typeEnd);
      size = fixedSize(type) ?? charArrayLength(type);
      if (size === 0) return undefined;
    }
    const nameHash = plainFieldName(text, typeEnd + 1, nameEnd);
    if (nameHash === 0) return undefined;
    // The kernel wraps offsets past 2^32 (UE209). 511 bytes cannot get there with
    // these sizes (at most about 25 structs of < 10^8 bytes); kept in case limits change.
    if (offset + size > 0x7fffffff) return undefined;
    type ??= text.slice(pos, typeEnd);
    const name = text.slice(typeEnd + 1, nameEnd);
    // Duplicates: the full path reports them (UE104).
    for (let i = 0; i < fields.length; i++) if (nameHashes[i] === nameHash && fields[i]!.name === name) return undefined;
    nameHashes.push(nameHash);
    fields.push({ type, name, offset, size, signed: type.charCodeAt(0) !== 0x75 });
    offset += size;
    if (last) break;
    // The next piece starts after `;` and at most one space (UE112 when there is none).
    pos = end + 1;
    if (pos >= text.length) return undefined; // a trailing `;`: an empty last piece
    if (text.charCodeAt(pos) === SPACE) {
      pos++;
    } else {
      (bareSemis ??= []).push(end);
    }
    const c = text.charCodeAt(pos);
    if (c === SPACE || c === SEMI) return undefined;
  }
  const diagnostics: Diagnostic[] = [];
  if (bareSemis) for (const semi of bareSemis) diagnostics.push(separatorWithoutSpace(semi));
  return { ok: true, event: { name: text.slice(0, head), flags: [], fields }, diagnostics };
}
