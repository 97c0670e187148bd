// FAST PATH for parseDefinition (linux ABI): a "plain" definition, the kind real
// files are mostly made of, is judged here in one pass without building the AST:
//
//   name type field[; type field ...]
//
// with a `[A-Za-z0-9_]+` event name, types from the kernel's fixed table,
// `char[N]` / `unsigned char[N]` (N decimal, 1 to 1024), `__data_loc T` /
// `__rel_loc T` (T a word, brackets allowed) or `struct T field SIZE` (SIZE decimal,
// up to 8 digits, without leading zeros), identifier field names
// that are unique and not `common_*`, and pieces separated by `;` with at most
// one space after it. Such a definition is accepted if it fits in 511 bytes
// (else UE001 rejects it), and the only other diagnostic it can get is UE112
// (`;` without a space). A type word the kernel rejects (`long`, `char[0]`) may
// stand in place of a type: layout's own `typeSize` judges it, and the definition
// is rejected with what that reports. Anything else returns undefined and takes
// the full path (AST, layout, every rule).
//
// Why: the full path costs about 1.7 µs per definition, most of it in building the
// AST and running the rules, which find nothing in a plain definition; this costs
// a few hundred ns. The result must equal the full path's exactly: the property
// test `parseDefinition(d)` deep-equals `analyzeDefinition(d).result` on generated
// definitions, on any text and on the benchmark corpus holds the two together.
import { catalog } from './diagnostics/catalog.js';
import type { Applicability, Diagnostic } from './diagnostics/diagnostic.js';
import { mergeByPosition } from './diagnostics/order.js';
import { collectInto, createDiagnostic } from './diagnostics/report.js';
import type { TextNode } from './grammar/ast.js';
import { FIXED_TYPES, FIXED_TYPE_SIZES, fixedTypeAt, typeSize } from './layout/layout.js';
import { PROFILES } from './layout/profiles.js';
import type { LayoutField, ParseResult } from './layout/types.js';
import { rules } from './lint/rules/index.js';
import { SEPARATOR_FIX, separatorFixApplicability } from './lint/rules/separator-without-space.js';
import { toKernelBytes, type KernelBytes } from './source/kernel-bytes.js';
import { BYTE_CLASS, isWordByte } from './source/word-bytes.js';

const MAX_BYTES = PROFILES.linux.maxDefinitionBytes;
const MAX_ARRAY = PROFILES.linux.maxArrayLength;
const PROFILE = PROFILES.linux;
const SPACE = 0x20;
const SEMI = 0x3b;

/**
 * The codes this path reports itself: the length limit, UE112, and what layout's `typeSize`
 * reports for a rejected type. Every other code of a definition comes from the full path
 * (the catalog's `plainPath` says which, and a test holds the two together).
 */
export const PLAIN_PATH_CODES: readonly string[] = [
  catalog.definitionTooLong.code, catalog.separatorWithoutSpace.code, catalog.unknownType.code, catalog.invalidArrayLength.code,
  catalog.arrayTooLarge.code, catalog.arraySuffixTooLong.code, catalog.arrayMissingBracket.code,
];

/** FNV-1a over the name's char codes, low bit set: the hash the scan below computes for each field name. */
function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619);
  return hash | 1;
}

// WATCHES: rules that can fire on a plain definition say when (PlainContract in lint/rule.ts);
// such a definition goes to the full path, which runs every rule. Field names are watched by
// their hash's low byte (one table read per field), then compared exactly.
const EVENT_NAME_WATCHES: ((name: string) => boolean)[] = [];
const WATCHED_FIELD_NAMES = new Set<string>();
const FIELD_NAME_WATCH = new Uint8Array(256);
for (const rule of rules) {
  if (rule.plain.kind !== 'watch') continue;
  if (rule.plain.eventName) EVENT_NAME_WATCHES.push(rule.plain.eventName);
  for (const name of rule.plain.fieldNames ?? []) {
    WATCHED_FIELD_NAMES.add(name);
    FIELD_NAME_WATCH[nameHash(name) & 0xff] = 1;
  }
}
function eventNameWatched(name: string): boolean {
  for (let i = 0; i < EVENT_NAME_WATCHES.length; i++) if (EVENT_NAME_WATCHES[i]!(name)) return true;
  return false;
}

// UE112 as the rule reports it (lint/rules/separator-without-space.ts, through
// createDiagnostic): the same fields in the same order, built from constant texts.
const UE112 = catalog.separatorWithoutSpace;
const UE112_MESSAGE = UE112.message();
const UE112_HELP = UE112.help!();
function separatorWithoutSpace(semi: number, applicability: Applicability): Diagnostic {
  const span = { start: semi, end: semi + 1 };
  return {
    code: UE112.code, name: UE112.name, severity: UE112.severity, message: UE112_MESSAGE, span, help: UE112_HELP,
    fix: { span, replacement: SEPARATOR_FIX.replacement, description: SEPARATOR_FIX.description, applicability },
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

/** Is `s[start, end)` a non-empty run of word bytes and brackets (`char[]`, `u8`)? */
function typeWord(s: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (BYTE_CLASS[c & 0xff] === 0 || c >= 256) return false;
  }
  return true;
}

// Set by structSizeEnd.
let structSize = 0;

/**
 * Scans a struct size from `start`: decimal digits without a leading zero, 1 to
 * 99,999,999. Returns where the digits stop and sets `structSize` (0 when not plain).
 */
function structSizeEnd(s: string, start: number): number {
  let n = 0;
  let i = start;
  for (; i < s.length; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  structSize = i === start || i - start > 8 || s.charCodeAt(start) === 0x30 ? 0 : n;
  return i;
}

// The name hashes of the fields so far, for the duplicate check: one buffer for
// the process, so a call allocates nothing for it. A piece takes at least 5 bytes
// (`u8 a;`), so 511 bytes hold at most about 100 fields; a (too long) definition
// with more fields than the buffer holds takes the full path.
const nameHashes = new Int32Array(256);
// The positions of the `;` without a space after them, likewise (fewer than the fields).
const bareSemis = new Int32Array(256);

/**
 * Is `s[start, end)` the type token the full path sees for this piece: not empty,
 * not ending in a space (`unsigned  int` is UE006), not starting with whitespace
 * the kernel skips before a field?
 */
function typeWordAsKernelSees(s: string, start: number, end: number): boolean {
  if (end <= start || s.charCodeAt(end - 1) === SPACE) return false;
  const first = s.charCodeAt(start);
  return !(first >= 0x09 && first <= 0x0d);
}


/**
 * The full path's result for a plain definition on the linux ABI, or undefined
 * for any other text. Any string may be passed: text outside ASCII or with a NUL
 * is never plain, so the caller need not check first.
 *
 * One forward scan: each byte is read once, and nothing is allocated for a piece
 * until it has passed (a definition that turns out not to be plain, about 20% of
 * the benchmark corpus, then costs little before the full path takes it). Fixed types use
 * the constant spelling from FIXED_TYPES, not a slice. The byte loops of the
 * common case are written out here rather than in helpers: V8 stops inlining
 * calls into a function this size, and the calls measured about 10%.
 */
export function parsePlainDefinition(text: string): ParseResult | undefined {
  const n = text.length; // bytes too: a plain definition is ASCII
  // A plain definition ends in a field name or a struct size: a trailing space,
  // `;` or tab is known here without reading the rest.
  if (!isWordByte(text.charCodeAt(n - 1))) return undefined;
  // The event name: `[A-Za-z0-9_]+` up to the first space.
  let head = 0;
  while (head < n && isWordByte(text.charCodeAt(head))) head++;
  if (head === 0 || text.charCodeAt(head) !== SPACE) return undefined;
  const fields: LayoutField[] = [];
  let bareSemiCount = 0; // `;` not followed by a space (UE112), in bareSemis; made into diagnostics at the end
  let source: KernelBytes | undefined; // made when a type needs layout's check
  let rejected: Diagnostic[] | undefined; // what that check reported, in kernel order
  let offset = 8;
  let pos = head + 1;
  for (;;) {
    // One piece: `type name` or `struct T name SIZE`, ending at `;` or the end of the text.
    let type: string;
    let size: number;
    let typeEnd: number; // the type is text[pos, typeEnd), and a space follows it
    let struct = false;
    let c = text.charCodeAt(pos);
    if (c === 0x5f && (text.startsWith('__data_loc ', pos) || text.startsWith('__rel_loc ', pos))) {
      // Dynamic data: a 4-byte offset/length word, whatever the type word says.
      let word = pos + (text.charCodeAt(pos + 2) === 0x64 ? 11 : 10);
      if (text.startsWith('unsigned ', word)) word += 9;
      typeEnd = text.indexOf(' ', word);
      if (typeEnd < 0 || !typeWord(text, word, typeEnd)) return undefined;
      type = text.slice(pos, typeEnd);
      size = 4;
    } else if (c === 0x73 && text.charCodeAt(pos + 1) === 0x74 && text.startsWith('struct ', pos)) {
      typeEnd = text.indexOf(' ', pos + 7);
      if (typeEnd < 0 || !typeWord(text, pos + 7, typeEnd)) return undefined;
      type = text.slice(pos, typeEnd);
      size = 0; // from the size token, below
      struct = true;
    } else {
      // The type word runs to a space; `;` or the end first means no name.
      typeEnd = pos;
      while (typeEnd < n && (c = text.charCodeAt(typeEnd)) !== SPACE && c !== SEMI) typeEnd++;
      if (c !== SPACE || typeEnd === n) return undefined;
      // `unsigned X`: the prefix takes the next word into the type.
      if (typeEnd - pos === 8 && text.startsWith('unsigned', pos)) {
        typeEnd++;
        while (typeEnd < n && (c = text.charCodeAt(typeEnd)) !== SPACE && c !== SEMI) typeEnd++;
        if (c !== SPACE || typeEnd === n) return undefined;
      }
      const fixed = fixedTypeAt(text, pos, typeEnd);
      if (fixed >= 0) {
        type = FIXED_TYPES[fixed]!;
        size = FIXED_TYPE_SIZES[fixed]!;
      } else {
        type = text.slice(pos, typeEnd);
        size = charArrayLength(type);
        if (size === 0) {
          // A type the kernel rejects (`long`, `bool`, `u32[4]`, `char[0]`, `char[2000]`:
          // the commonest mistakes) in an otherwise plain piece. Layout's own type check
          // judges it, so the diagnostics are the full path's; a type it accepts after
          // all (`char[0x14]`) or warns about takes the full path.
          if (!typeWordAsKernelSees(text, pos, typeEnd)) return undefined;
          source ??= toKernelBytes(text);
          if (!source.ascii || source.cutAtNul) return undefined;
          const range = { start: pos, end: typeEnd };
          const node: TextNode = { text: type, raw: type, span: range, bytes: range };
          rejected ??= [];
          const before = rejected.length;
          const prefix = typeEnd - pos > 9 && text.startsWith('unsigned ', pos) ? 'unsigned ' : undefined;
          if (typeSize(source, node, prefix, PROFILE, collectInto(rejected)) !== undefined) return undefined;
          // Rejected with errors only; a warning (none today on linux) is the full path's to weigh.
          if (rejected.length === before) return undefined;
          for (let i = before; i < rejected.length; i++) if (rejected[i]!.severity !== 'error') return undefined;
        }
      }
    }
    // The field name: an identifier, not `common_*` (UE105's business), hashed as
    // it is read so that the duplicate check compares integers.
    const nameStart = typeEnd + 1;
    let nameEnd = nameStart;
    let hash = 0x811c9dc5;
    while (nameEnd < n && isWordByte((c = text.charCodeAt(nameEnd)))) {
      hash = Math.imul(hash ^ c, 16777619);
      nameEnd++;
    }
    const first = text.charCodeAt(nameStart);
    if (nameEnd === nameStart || (first >= 0x30 && first <= 0x39)) return undefined;
    if (first === 0x63 && text.startsWith('common_', nameStart)) return undefined;
    hash |= 1;
    let end = nameEnd; // where the piece ends: `;` or the end of the text
    if (struct) {
      if (text.charCodeAt(nameEnd) !== SPACE) return undefined;
      end = structSizeEnd(text, nameEnd + 1);
      size = structSize;
      if (size === 0) return undefined;
    }
    if (end < n && text.charCodeAt(end) !== SEMI) return undefined;
    // Offsets past 2^31 are UE209's business (the kernel wraps them at 2^32): only
    // a too-long definition gets there with these sizes (more than 21 structs of < 10^8 bytes).
    if (offset + size > 0x7fffffff) return undefined;
    const name = text.slice(nameStart, nameEnd);
    if (FIELD_NAME_WATCH[hash & 0xff] !== 0 && WATCHED_FIELD_NAMES.has(name)) return undefined;
    // Duplicates: the full path reports them (UE104).
    const count = fields.length;
    if (count === nameHashes.length) return undefined;
    for (let i = 0; i < count; i++) if (nameHashes[i] === hash && fields[i]!.name === name) return undefined;
    nameHashes[count] = hash;
    fields.push({ type, name, offset, size, signed: type.charCodeAt(0) !== 0x75 });
    offset += size;
    if (end >= n) break;
    // The next piece starts after `;` and at most one space (UE112 when there is none).
    pos = end + 1;
    if (pos >= n) return undefined; // a trailing `;`: an empty last piece
    if (text.charCodeAt(pos) === SPACE) {
      pos++;
    } else {
      bareSemis[bareSemiCount++] = end;
    }
    c = text.charCodeAt(pos);
    if (c === SPACE || c === SEMI) return undefined;
  }
  const eventName = text.slice(0, head);
  if (EVENT_NAME_WATCHES.length > 0 && eventNameWatched(eventName)) return undefined;
  const warnings: Diagnostic[] = [];
  if (bareSemiCount > 0) {
    const applicability = separatorFixApplicability(n, bareSemiCount, MAX_BYTES);
    for (let i = 0; i < bareSemiCount; i++) warnings.push(separatorWithoutSpace(bareSemis[i]!, applicability));
  }
  if (n > MAX_BYTES || rejected !== undefined) {
    // Rejected, as the full path reports it: the kernel's checks in its order (the
    // length first, then the fields left to right), merged with the warnings by
    // position; nothing else can fire (UE106 asks only of accepted definitions).
    // Long definitions were the costliest single case on the full path (about
    // 12 µs for 70 fields), so they are judged here too.
    const kernel: Diagnostic[] = n > MAX_BYTES ? [createDiagnostic(catalog.definitionTooLong, [n], { start: MAX_BYTES, end: n })] : [];
    if (rejected !== undefined) for (const d of rejected) kernel.push(d);
    const errno = kernel[0]!.errno!;
    return { ok: false, errno, diagnostics: mergeByPosition(kernel, warnings) };
  }
  return { ok: true, event: { name: eventName, flags: [], fields }, diagnostics: warnings };
}
