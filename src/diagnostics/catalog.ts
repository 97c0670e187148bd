// The one catalog of diagnostic codes (our diagnosticMessages.json).
// Codes by phase: UE0xx syntax, UE1xx definition rules, UE2xx layout and profile
// limits, UE3xx definition files, UE4xx drift against registered events, UE9xx tool
// errors. A code is never renumbered or
// reused; a retired code stays here with `removed: true`.

import type { Severity } from './diagnostic.js';

export interface RuleDocs {
  whatItDoes: string;
  whyIsThisBad: string;
  /** A definition (or definition-file text) that triggers the code. Tests lint every example. */
  example: string;
  /** The fixed definition; linting it must not produce this code. */
  useInstead: string;
  fixSafety?: string;
}

export type PlainPathRole = 'reported' | 'rule' | 'excluded' | 'file';

export interface CatalogEntry<A extends unknown[] = never[]> {
  code: string;
  name: string;
  severity: Severity;
  /** One line for rule lists and SARIF `shortDescription`. */
  summary: string;
  /** The errno the kernel answers, when the kernel rejects. */
  errno?: string;
  message: (...args: A) => string;
  help?: (...args: A) => string;
  docs: RuleDocs;
  /** The ABIs whose kernels this code applies to. */
  abis: readonly ('linux' | 'v5')[];
  /**
   * How parseDefinition's plain fast path (src/plain-definition.ts) stands to this code.
   * Required, and test/lint/plain-contract.test.ts enumerates the catalog, so a code added
   * without thinking about the fast path fails the build or the suite:
   * - `reported`: the plain path reports it itself (its PLAIN_PATH_CODES);
   * - `rule`: a lint rule reports it, and that rule's `plain` contract tells the plain path when
   *   to hand a definition over to the full path (src/lint/rule.ts);
   * - `excluded`: the plain path hands every definition that could get it to the full path;
   * - `file`: not a per-definition code (definition files, drift, tool errors).
   */
  plainPath: PlainPathRole;
  removed?: boolean;
}

const both = ['linux', 'v5'] as const;
const linuxOnly = ['linux'] as const;
const v5Only = ['v5'] as const;

const NEEDS_ESCAPE = /[\x00-\x1f\x7f\xa0]/;

/** Show a byte string safely inside backticks: control bytes as `\t`, `\r`, `\xNN`. */
export function showText(s: string): string {
  // Most texts need no escape: one native scan instead of a loop that rebuilds the string.
  if (!NEEDS_ESCAPE.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\n') out += '\\n';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c === 0xa0) out += '\\u00a0';
    else out += ch;
  }
  return out;
}

const q = (s: string) => `\`${showText(s)}\``;

function entry<A extends unknown[]>(e: CatalogEntry<A>): CatalogEntry<A> {
  return Object.freeze(e);
}

export const catalog = {
  // ── UE0xx: syntax, as the kernel splits the string ──────────────────────────
  definitionTooLong: entry({
    code: 'UE001', name: 'definition-too-long', severity: 'error', errno: 'EINVAL', plainPath: 'reported', abis: both,
    summary: 'definition is longer than the 511-byte ioctl limit',
    message: (bytes: number) => `definition is ${bytes} bytes; the kernel accepts at most 511`,
    help: () => 'shorten field or event names, or split the event; the limit counts UTF-8 bytes, not characters',
    docs: {
      whatItDoes: 'Checks the definition length in UTF-8 bytes against the 511-byte limit of `DIAG_IOCSREG`.',
      whyIsThisBad: 'The kernel copies at most 511 bytes plus the NUL and answers EINVAL for anything longer, before looking at the text. Non-ASCII characters count two to four bytes each.',
      example: `e ${Array.from({ length: 52 }, (_, i) => `u64 field_${String(i).padStart(2, '0')}`).join(';')}`,
      useInstead: 'e u64 a;u64 b',
    },
  }),
  flagsNotSupported: entry({
    code: 'UE002', name: 'flags-in-definition', severity: 'error', errno: 'EINVAL', plainPath: 'excluded', abis: linuxOnly,
    summary: 'the event name carries `:FLAGS`, which current kernels reject',
    message: (flags: string) => `flags text ${q(':' + flags)} is rejected by current kernels`,
    help: () => 'remove the `:` part; registration flags now go in the binary `flags` field of `struct user_reg`',
    docs: {
      whatItDoes: 'Reports a `:` in the event name part (before the first space).',
      whyIsThisBad: 'Since Linux 6.4 any flags text after the event name, even an empty one (`name:`), makes the registration fail with EINVAL. Only the original v5 patch parsed `:BPF_ITER`.',
      example: 'test:BPF_ITER u32 a',
      useInstead: 'test u32 a',
    },
  }),
  prefixWithoutSpace: entry({
    code: 'UE003', name: 'type-prefix-without-name', severity: 'error', errno: 'EINVAL', plainPath: 'excluded', abis: both,
    summary: 'a type prefix such as `unsigned ` is not followed by a type word and a space',
    message: (type: string) => `type ${q(type)} is not followed by a space and a field name`,
    help: (type: string) => `write the field name after the type, e.g. \`${showText(type)} value\``,
    docs: {
      whatItDoes: 'Reports a field that starts with one of the prefixes `unsigned `, `struct `, `__data_loc `, `__rel_loc ` (with their `unsigned` forms) but has no space after the following type word.',
      whyIsThisBad: 'After a prefix the kernel looks for the next space to end the type. Without one it answers EINVAL.',
      example: 'test unsigned int',
      useInstead: 'test unsigned int count',
    },
  }),
  fieldMissingName: entry({
    code: 'UE004', name: 'field-missing-name', severity: 'error', errno: 'EINVAL', plainPath: 'excluded', abis: both,
    summary: 'a field has a type but no name',
    message: (type: string) => `field ${q(type)} has a type but no name`,
    help: (type: string) => (/[\t\n\v\f\r]/.test(type)
      ? 'only a single space separates type and name; a tab is part of the token'
      : 'write `type name`, e.g. `u32 count`'),
    docs: {
      whatItDoes: 'Reports a field piece that holds a single token.',
      whyIsThisBad: 'The kernel needs a type token and a name token separated by one space; with only one token it answers EINVAL. Tabs do not separate tokens: `u32\\ta` is one token.',
      example: 'test u32',
      useInstead: 'test u32 count',
    },
  }),
  extraFieldToken: entry({
    code: 'UE005', name: 'unexpected-field-token', severity: 'error', errno: 'EINVAL', plainPath: 'excluded', abis: both,
    summary: 'a field has more tokens than `type name` (or `struct type name size`)',
    message: (token: string) => `unexpected token ${q(token)} after the field name`,
    help: () => 'a field is `type name`; only `struct` fields take a size; separate fields with `;`',
    docs: {
      whatItDoes: 'Reports a token after the name of a non-struct field, or after the size of a struct field.',
      whyIsThisBad: 'The kernel splits a field on single spaces and answers EINVAL for any token beyond `type name` (`struct type name size` for structs).',
      example: 'test u32 a b',
      useInstead: 'test u32 a; u32 b',
    },
  }),
  doubleSpace: entry({
    code: 'UE006', name: 'double-space-in-field', severity: 'error', errno: 'EINVAL', plainPath: 'excluded', abis: both,
    summary: 'two spaces inside a field make an empty token',
    message: (shifted: string) => `the second space makes an empty token, so ${q(shifted)} is one token too many`,
    help: () => 'the kernel splits field tokens on single spaces; use exactly one space between tokens',
    docs: {
      whatItDoes: 'Reports consecutive spaces inside a field when they make the kernel reject it.',
      whyIsThisBad: 'The kernel splits field tokens on every single space, so `u32  a` has an empty name and `a` becomes an unexpected third token: EINVAL.',
      example: 'test u32  a',
      useInstead: 'test u32 a',
      fixSafety: 'Safe: the kernel rejects the definition as written, so collapsing the spaces cannot change a layout it accepted.',
    },
  }),
  trailingSpace: entry({
    code: 'UE007', name: 'trailing-space-in-field', severity: 'error', errno: 'EINVAL', plainPath: 'excluded', abis: both,
    summary: 'a space at the end of a field makes an empty extra token',
    message: () => 'trailing space makes an empty token after the field name',
    help: () => 'remove the trailing space',
    docs: {
      whatItDoes: 'Reports a space at the end of a field that already has its name (or size).',
      whyIsThisBad: 'A trailing space creates an empty final token, which the kernel rejects with EINVAL. In `dynamic_events` files a comment after a definition (`u32 a # note`) leaves exactly this space.',
      example: 'test u32 a ',
      useInstead: 'test u32 a',
      fixSafety: 'Safe: the kernel rejects the definition as written, so removing the space cannot change a layout it accepted.',
    },
  }),
  sizeOnNonStruct: entry({
    code: 'UE008', name: 'size-on-non-struct-field', severity: 'error', errno: 'EINVAL', plainPath: 'excluded', abis: both,
    summary: 'a size token follows a field that is not a `struct`',
    message: (size: string, type: string) => `size ${q(size)} is only allowed for \`struct\` fields, not ${q(type)}`,
    help: () => 'drop the size; the type already fixes it (use `char[N]` for arrays)',
    docs: {
      whatItDoes: 'Reports a third token on a field whose type does not start with `struct `.',
      whyIsThisBad: 'Only `struct` fields take an explicit size. Any other field with a third token is rejected with EINVAL.',
      example: 'test u32 a 4',
      useInstead: 'test u32 a',
    },
  }),

  // ── UE1xx: definition rules (accepted by the kernel, almost certainly wrong) ─
  emptyFieldName: entry({
    code: 'UE101', name: 'empty-field-name', severity: 'warning', plainPath: 'rule', abis: both,
    summary: 'a field has an empty name',
    message: (type: string) => `field of type ${q(type)} has an empty name`,
    help: () => 'remove the trailing space or write the name after the type',
    docs: {
      whatItDoes: 'Reports a field whose name token is empty, as in `u32 ` (type, space, nothing).',
      whyIsThisBad: 'The kernel accepts it, but the field cannot be addressed by name in filters or print formats, and re-registering the same string fails with EADDRINUSE.',
      example: 'test u32 ',
      useInstead: 'test u32 value',
    },
  }),
  bracketInFieldName: entry({
    code: 'UE102', name: 'bracket-in-field-name', severity: 'warning', plainPath: 'rule', abis: both,
    summary: 'a field name contains `[`, so it is not an array',
    message: (name: string, size: number, _type: string) => `field name ${q(name)} contains \`[\`; the field is ${size} byte${size === 1 ? '' : 's'}, not an array`,
    help: (name: string, _size: number, type: string) => (type === 'char' || type === 'unsigned char'
      ? `the array length belongs to the type: \`${type}${name.slice(name.indexOf('['))} ${name.slice(0, name.indexOf('['))}\``
      : 'only `char[N]` arrays exist; use `char[N]`, a `struct` with a size, or several fields'),
    docs: {
      whatItDoes: 'Reports a field name containing `[`, such as `u8 a[4]` or the C habit `char msg[20]`.',
      whyIsThisBad: 'The kernel stores `a[4]` as the name and gives the field the size of one element. Payloads written for an array then overrun every later field.',
      example: 'test char msg[20]',
      useInstead: 'test char[20] msg',
      fixSafety: 'Unsafe, so `--fix` leaves it and `--fix --unsafe-fixes` applies it. For `char`/`unsigned char` fields the suggestion rewrites `char x[20]` to `char[20] x`, which is what the author meant but not what the kernel registered: the 1-byte field becomes 20 bytes, every later offset moves, and a kernel that still holds the old layout answers EADDRINUSE. `char x[0]` and `char x[2000]` would even become EINVAL. Other types have no fix.',
    },
  }),
  nameTrailingWhitespace: entry({
    code: 'UE103', name: 'whitespace-in-field-name', severity: 'warning', plainPath: 'rule', abis: both,
    summary: 'a field name contains a tab, CR or other whitespace byte',
    message: (name: string) => `field name ${q(name)} contains whitespace`,
    help: () => 'remove the tab or carriage return; a CRLF line ending leaves `\\r` in the last name',
    docs: {
      whatItDoes: 'Reports field names containing whitespace bytes other than space (tab, CR, LF, VT, FF).',
      whyIsThisBad: 'The kernel keeps them as part of the name (`u32 a\\t` names the field `a\\t`). The event cannot be re-registered with the same string (EADDRINUSE), and tools show an invisible character.',
      example: 'test u32 a\t',
      useInstead: 'test u32 a',
    },
  }),
  duplicateFieldName: entry({
    code: 'UE104', name: 'duplicate-field-name', severity: 'warning', plainPath: 'rule', abis: both,
    summary: 'two fields of one event share a name',
    message: (name: string) => `duplicate field name ${q(name)}`,
    help: () => 'rename one of the two fields',
    docs: {
      whatItDoes: 'Reports a field whose name was already used by an earlier field of the same event.',
      whyIsThisBad: 'The kernel does not check, but filters, print formats and decoders address fields by name and will only ever see one of them.',
      example: 'wake u32 pid; char[16] comm; u32 pid',
      useInstead: 'wake u32 pid; char[16] comm; u32 tid',
    },
  }),
  commonFieldClash: entry({
    code: 'UE105', name: 'common-field-name-clash', severity: 'warning', plainPath: 'rule', abis: both,
    summary: 'a field is named like a common header field (`common_pid`, ...)',
    message: (name: string) => `field name ${q(name)} clashes with the common header field`,
    help: () => 'choose another name; every record already carries `common_type`, `common_flags`, `common_preempt_count` and `common_pid`',
    docs: {
      whatItDoes: 'Reports fields named `common_type`, `common_flags`, `common_preempt_count` or `common_pid`.',
      whyIsThisBad: 'The format file then lists two fields of that name; filters and readers pick the common one.',
      example: 'test u32 common_pid',
      useInstead: 'test u32 pid',
    },
  }),
  nonIdempotent: entry({
    code: 'UE106', name: 'non-idempotent-definition', severity: 'warning', plainPath: 'rule', abis: linuxOnly,
    summary: 'registering the same string twice fails with EADDRINUSE',
    message: (reason: string) => `registering this definition again fails with EADDRINUSE: ${reason}`,
    help: () => 'write fields as `type name` joined by `; `, with plain decimal struct sizes',
    docs: {
      whatItDoes: 'Replays the kernel\'s re-registration match (every process that starts registers its events again) against the definition itself.',
      whyIsThisBad: 'A linux kernel compares a re-registration textually with the stored fields. Strings such as `test u32 a;;`, `test ; u32 a`, `struct s x 020` or an empty field name create the event once and then fail with EADDRINUSE for the next process.',
      example: 'test u32 a;;',
      useInstead: 'test u32 a',
    },
  }),
  emptyEventName: entry({
    code: 'UE107', name: 'empty-event-name', severity: 'error', plainPath: 'rule', abis: both,
    summary: 'the event name is empty',
    message: () => 'the event name is empty',
    help: () => 'start the definition with the event name; a leading space makes the name empty',
    docs: {
      whatItDoes: 'Reports a definition whose name part (before the first space) is empty, e.g. one that starts with a space.',
      whyIsThisBad: 'The parser accepts it, but tracefs cannot create a directory for an empty name, so the event cannot be enabled or read. A leading space also shifts every token: the event name becomes the first field type.',
      example: ' test u32 a',
      useInstead: 'test u32 a',
    },
  }),
  unusualEventName: entry({
    code: 'UE108', name: 'unusual-event-name', severity: 'warning', plainPath: 'rule', abis: both,
    summary: 'the event name has characters outside `[A-Za-z0-9_]`',
    message: (name: string) => `event name ${q(name)} has characters outside \`[A-Za-z0-9_]\``,
    help: () => 'use letters, digits and underscores only',
    docs: {
      whatItDoes: 'Reports event names with bytes other than ASCII letters, digits and `_`.',
      whyIsThisBad: 'The kernel does not validate names, but tracefs directories, perf and filters expect identifiers. A `/` or `.` in a name can make the tracefs directory creation fail.',
      example: 'my-event u32 a',
      useInstead: 'my_event u32 a',
    },
  }),
  ignoredFlag: entry({
    code: 'UE109', name: 'ignored-flag', severity: 'warning', plainPath: 'rule', abis: v5Only,
    summary: 'a flag token other than `BPF_ITER` is silently ignored',
    message: (flag: string) => `flag ${q(flag)} is not recognised and is ignored`,
    help: () => 'the only flag is `BPF_ITER` (exact case); remove the others',
    docs: {
      whatItDoes: 'Reports flag tokens after `:` that the v5 kernel ignores.',
      whyIsThisBad: 'The v5 kernel only knows `BPF_ITER`; any other token, including a wrong-case `bpf_iter` or an empty one, does nothing.',
      example: 'test:bpf_iter u32 a',
      useInstead: 'test:BPF_ITER u32 a',
    },
  }),
  unusualFieldName: entry({
    code: 'UE110', name: 'unusual-field-name', severity: 'warning', plainPath: 'rule', abis: both,
    summary: 'a field name is not a C identifier',
    message: (name: string) => `field name ${q(name)} is not a C identifier`,
    help: () => 'use letters, digits and underscores, not starting with a digit',
    docs: {
      whatItDoes: 'Reports field names that are not `[A-Za-z_][A-Za-z0-9_]*` (names with `[` or whitespace have their own codes).',
      whyIsThisBad: 'The kernel pastes names verbatim into the print fmt: a `"`, `%` or `,` breaks it, and filters cannot name the field.',
      example: 'test u32 a:b',
      useInstead: 'test u32 a_b',
    },
  }),

  textAfterNul: entry({
    code: 'UE111', name: 'text-after-nul', severity: 'warning', plainPath: 'excluded', abis: both,
    summary: 'a NUL character ends the definition early',
    message: () => 'the definition ends at this NUL; the text after it is ignored',
    help: () => 'remove the NUL character; the kernel reads the definition as a C string',
    docs: {
      whatItDoes: 'Reports a NUL (U+0000) inside a definition.',
      whyIsThisBad: 'The kernel copies the definition as a NUL-terminated C string, so everything after the first NUL is silently dropped.',
      example: 'test u32 a\u0000;u32 b',
      useInstead: 'test u32 a;u32 b',
    },
  }),

  separatorWithoutSpace: entry({
    code: 'UE112', name: 'separator-without-space', severity: 'warning', plainPath: 'rule', abis: linuxOnly,
    summary: 'a `;` is not followed by a space',
    message: () => 'no space after `;`; kernels 6.4 to 6.8 refuse to register this string again',
    help: () => 'write `; ` between fields, as the kernel itself lists them',
    docs: {
      whatItDoes: 'Reports a `;` between two fields that is directly followed by the next field.',
      whyIsThisBad: 'Current kernels accept `u32 a;u32 b` and match it on re-registration, but kernels 6.4 to 6.8 (including the 6.6 LTS line) compare the re-registration textually without inserting a space after `;`, so every process after the first gets EADDRINUSE.',
      example: 'test u32 a;u32 b',
      useInstead: 'test u32 a; u32 b',
      fixSafety: 'Safe: the kernel skips whitespace at the start of a field, so the layout is unchanged. Each fix adds a byte, so when the fixed definition would pass the 511-byte limit the fixes are unsafe (applied only with `--fix --unsafe-fixes`).',
    },
  }),

  // ── UE2xx: layout and profile limits ────────────────────────────────────────
  unknownType: entry({
    code: 'UE201', name: 'unknown-field-type', severity: 'error', errno: 'EINVAL', plainPath: 'reported', abis: both,
    summary: 'the field type is not in the kernel\'s type table',
    message: (type: string) => `unknown field type ${q(type)}`,
    help: (type: string) => suggestType(type),
    docs: {
      whatItDoes: 'Reports types outside the table: `s8`…`s64`, `u8`…`u64`, `char`, `short`, `int` (and `unsigned` forms), `char[N]`, `struct X` with a size, `__data_loc …`, `__rel_loc …`.',
      whyIsThisBad: 'The kernel answers EINVAL. C types like `long`, `bool`, `pid_t` or `char *` and arrays of anything but `char` do not exist here.',
      example: 'test long a',
      useInstead: 'test s64 a',
    },
  }),
  invalidArrayLength: entry({
    code: 'UE202', name: 'invalid-array-length', severity: 'error', errno: 'EINVAL', plainPath: 'reported', abis: both,
    summary: '`char[N]` has a length that is empty, zero or not a number',
    message: (text: string) => `array length ${q(text)} is not a positive number`,
    help: () => 'write a positive decimal (`20`), hex (`0x14`) or octal (`024`) length; a leading 0 means octal, so `08` is invalid',
    docs: {
      whatItDoes: 'Parses `N` in `char[N]` the way the kernel does (base auto-detected, optional `+`).',
      whyIsThisBad: 'An empty, zero, negative or malformed length (such as `08`, which is invalid octal) is rejected with EINVAL. Variable-length strings use `__data_loc char[]`.',
      example: 'test char[0] a',
      useInstead: 'test char[16] a',
    },
  }),
  arrayTooLarge: entry({
    code: 'UE203', name: 'array-larger-than-limit', severity: 'error', errno: 'EINVAL', plainPath: 'reported', abis: both,
    summary: '`char[N]` is larger than the ABI allows',
    message: (n: number, max: number) => `array length ${n} is larger than the maximum ${max}`,
    help: (_n: number, max: number) => `use at most ${max} bytes, or a \`__data_loc char[]\` string for longer text`,
    docs: {
      whatItDoes: 'Checks `char[N]` against the limit: 1024 on current kernels, 8192 in the v5 patch.',
      whyIsThisBad: 'Larger arrays are rejected with EINVAL.',
      example: 'test char[2048] a',
      useInstead: 'test __data_loc char[] a',
    },
  }),
  arraySuffixTooLong: entry({
    code: 'UE204', name: 'array-suffix-too-long', severity: 'error', errno: 'EINVAL', plainPath: 'reported', abis: both,
    summary: 'the text after `[` is 8 bytes or longer (the `]` is too far)',
    message: (tail: string) => `${q(tail)} after \`[\` is too long; the kernel reads at most 7 bytes before \`]\``,
    help: () => 'write the length compactly and close the bracket right after it, e.g. `char[20] name`',
    docs: {
      whatItDoes: 'Checks how far the `]` of `char[N]` is from the `[`.',
      whyIsThisBad: 'The kernel copies at most 7 bytes between `[` and `]` (linux: the whole rest of the type token must be under 8 bytes). Longer lengths such as `char[0x0000000000001]` or junk after `]` are rejected with EINVAL.',
      example: 'test char[20]abcdef a',
      useInstead: 'test char[20] a',
    },
  }),
  arrayMissingBracket: entry({
    code: 'UE205', name: 'array-missing-close-bracket', severity: 'error', errno: 'EINVAL', plainPath: 'reported', abis: both,
    summary: '`char[` has no closing `]`',
    message: (type: string) => `array type ${q(type)} has no closing \`]\``,
    help: () => 'close the bracket inside the type: `char[8] name`, not `char[8 name]`',
    docs: {
      whatItDoes: 'Reports `char[` types whose `]` is missing (linux: within the type token; v5: within 8 bytes).',
      whyIsThisBad: 'The kernel rejects the field with EINVAL.',
      example: 'test char[8 a]',
      useInstead: 'test char[8] a',
    },
  }),
  structMissingSize: entry({
    code: 'UE206', name: 'struct-missing-size', severity: 'error', errno: 'EINVAL', plainPath: 'excluded', abis: both,
    summary: 'a `struct` field has no size token',
    message: (type: string) => `${q(type)} needs a size after the field name`,
    help: (type: string) => `write \`${showText(type)} name SIZE\` with the size in bytes`,
    docs: {
      whatItDoes: 'Reports `struct` fields written without the size token.',
      whyIsThisBad: 'The kernel cannot know how large a struct is and answers EINVAL.',
      example: 'test struct pt p',
      useInstead: 'test struct pt p 16',
    },
  }),
  invalidStructSize: entry({
    code: 'UE207', name: 'invalid-struct-size', severity: 'error', errno: 'EINVAL', plainPath: 'excluded', abis: both,
    summary: 'a struct size is not a positive 32-bit decimal',
    message: (text: string) => `struct size ${q(text)} is not a positive decimal number`,
    help: () => 'write the size in decimal bytes, e.g. `16` (hex such as `0x10` is not accepted)',
    docs: {
      whatItDoes: 'Parses the struct size the way the kernel does: decimal only, optional `+`, below 2^32, not zero.',
      whyIsThisBad: 'Hex, negative, zero, empty or oversized values are rejected with EINVAL.',
      example: 'test struct pt p 0x10',
      useInstead: 'test struct pt p 16',
    },
  }),
  structSizeNegative: entry({
    code: 'UE208', name: 'struct-size-overflows', severity: 'error', plainPath: 'excluded', abis: both,
    summary: 'a struct size of 2^31 or more becomes a negative error code',
    message: (size: string, errno: string) => `struct size ${size} overflows a signed int; registration fails with ${errno}`,
    help: () => 'struct sizes must be below 2147483648; real payloads are far smaller',
    docs: {
      whatItDoes: 'Reports struct sizes from 2147483648 to 4294967295.',
      whyIsThisBad: 'The kernel stores the size in a signed int and returns it as an error code: 4294967295 gives EPERM, others give nonsense negative values that libc does not even treat as errors.',
      example: 'test struct foo a 4294967295',
      useInstead: 'test struct foo a 16',
    },
  }),
  offsetWraps: entry({
    code: 'UE209', name: 'offset-wraps', severity: 'warning', plainPath: 'excluded', abis: both,
    summary: 'field offsets wrap past 2^32',
    message: (name: string, offset: number) => `field ${q(name)} wraps around to offset ${offset}`,
    help: () => 'struct sizes this large cannot be written; use the real size',
    docs: {
      whatItDoes: 'Reports fields whose offset wrapped around the 32-bit running offset.',
      whyIsThisBad: 'The kernel adds sizes without checking for overflow, so huge struct sizes make later fields overlap earlier ones.',
      example: 'e struct A a 2147483647;struct B b 2147483647;struct C c 2147483647',
      useInstead: 'e struct A a 16;struct B b 16;struct C c 16',
    },
  }),
  arraySuffixIgnored: entry({
    code: 'UE210', name: 'text-after-array-bracket', severity: 'warning', plainPath: 'excluded', abis: both,
    summary: 'bytes after the `]` of `char[N]` are ignored',
    message: (suffix: string) => `${q(suffix)} after \`]\` is ignored by the kernel`,
    help: () => 'remove the text after `]`; the type string keeps it and shows it in the format file',
    docs: {
      whatItDoes: 'Reports text between the `]` of `char[N]` and the end of the type token.',
      whyIsThisBad: 'The kernel ignores it for the size but keeps it in the stored type, so the format file and re-registrations carry the stray text.',
      example: 'test char[20]x a',
      useInstead: 'test char[20] a',
    },
  }),
  v5BracketScan: entry({
    code: 'UE211', name: 'array-bracket-outside-type', severity: 'warning', plainPath: 'excluded', abis: v5Only,
    summary: 'the v5 parser found the `]` beyond the type token',
    message: (type: string, name: string) => `array type ${q(type)} is closed by the \`]\` in ${q(name)}`,
    help: () => 'close the bracket inside the type; current kernels reject this definition',
    docs: {
      whatItDoes: 'Reports v5 definitions such as `char[8 a]`, accepted only because the v5 bracket scan ran past the type token.',
      whyIsThisBad: 'The name becomes `a]` and current kernels answer EINVAL for the same string.',
      example: 'q char[8 a]',
      useInstead: 'q char[8] a',
    },
  }),

  // ── UE3xx: definition files ─────────────────────────────────────────────────
  trailingSpaceBeforeComment: entry({
    code: 'UE301', name: 'space-before-comment', severity: 'warning', plainPath: 'file', abis: both,
    summary: 'a space before a `#` comment stays in the definition',
    message: () => 'the space before this comment stays in the definition',
    help: () => 'put the comment on its own line, or remove the space before `#`',
    docs: {
      whatItDoes: 'Reports a definition line with whitespace between the definition and a trailing `#` comment.',
      whyIsThisBad: 'The `dynamic_events` file cuts the comment but not the space, so `u:test u32 a # note` registers `test u32 a ` and fails with EINVAL.',
      example: 'test u32 a # note',
      useInstead: '# note\ntest u32 a',
      fixSafety: 'Safe: the whitespace before the comment is removed; the definition ue-lint judges is unchanged.',
    },
  }),
  crlfLineEnding: entry({
    code: 'UE302', name: 'crlf-line-ending', severity: 'warning', plainPath: 'file', abis: both,
    summary: 'the file has CRLF line endings',
    message: () => 'this file has CRLF line endings; `\\r` would become part of the definitions',
    help: () => 'save the file with LF line endings',
    docs: {
      whatItDoes: 'Reports a file whose lines end in `\\r\\n`, once, at the first such line. ue-lint reads each definition without the `\\r`.',
      whyIsThisBad: 'Tools that write lines to `dynamic_events` keep the `\\r` as part of the last field name (`u32 a\\r`).',
      example: 'test u32 a\r\n',
      useInstead: 'test u32 a\n',
      fixSafety: 'Safe: `--fix` converts every line ending of the file to LF. The definitions read the same: ue-lint, like the kernel on the ioctl path, never sees the line ending.',
    },
  }),
  byteOrderMark: entry({
    code: 'UE303', name: 'byte-order-mark', severity: 'warning', plainPath: 'file', abis: both,
    summary: 'the file starts with a UTF-8 byte order mark',
    message: () => 'file starts with a UTF-8 byte order mark',
    help: () => 'save the file as UTF-8 without BOM; the BOM bytes would become part of the first event name',
    docs: {
      whatItDoes: 'Reports a UTF-8 BOM (EF BB BF) at the start of a definition file. ue-lint ignores it when parsing.',
      whyIsThisBad: 'Other tools pass the BOM on as part of the first definition, so the first event name starts with invisible bytes.',
      example: '\ufefftest u32 a',
      useInstead: 'test u32 a',
    },
  }),
  conflictingRedefinition: entry({
    code: 'UE304', name: 'conflicting-redefinition', severity: 'error', errno: 'EADDRINUSE', plainPath: 'file', abis: linuxOnly,
    summary: 'the same event name is defined again with different fields',
    message: (name: string) => `event ${q(name)} is already defined with different fields`,
    help: () => 'give the new layout a new event name (e.g. a `_v2` suffix), or make both definitions identical',
    docs: {
      whatItDoes: 'Compares every definition with earlier ones of the same name, across lines and files, using the kernel\'s re-registration match.',
      whyIsThisBad: 'A linux kernel answers EADDRINUSE to the second registration, so whichever process starts second cannot trace.',
      example: 'test u32 a\ntest u64 a',
      useInstead: 'test u32 a\ntest_v2 u64 a',
    },
  }),
  malformedDeletion: entry({
    code: 'UE305', name: 'malformed-deletion-line', severity: 'error', errno: 'EINVAL', plainPath: 'file', abis: both,
    summary: 'a deletion line (`-:name` or `!u:name`) is malformed',
    message: (reason: string) => `deletion line ${reason}`,
    help: () => 'write `-:name` or `!u:name`, optionally followed by the fields',
    docs: {
      whatItDoes: 'Checks `-` and `!` lines the way `dynamic_events` parses deletions.',
      whyIsThisBad: 'A `-` must be followed by `:`, a `!` word needs a `:`, and the name must not be empty; otherwise the write fails with EINVAL.',
      example: '-test',
      useInstead: '-:test',
    },
  }),
  redefinitionIgnored: entry({
    code: 'UE306', name: 'redefinition-ignored', severity: 'warning', plainPath: 'file', abis: v5Only,
    summary: 'the same event name is defined again with other fields, which a v5 kernel ignores',
    message: (name: string) => `event ${q(name)} is already defined with other fields; a v5 kernel keeps the first layout`,
    help: () => 'give the new layout a new event name; a v5 kernel reuses an existing event by name and never reads the new fields',
    docs: {
      whatItDoes: 'Compares every definition with earlier ones of the same name, across lines and files, field by field (v5 ABI).',
      whyIsThisBad: 'The v5 kernel looks an event up by name only: a second registration succeeds without even parsing its fields, so the process that registered second writes payloads in its own layout while the event decodes them with the first one.',
      example: 'test u32 a\ntest u64 a',
      useInstead: 'test u32 a\ntest_v2 u64 a',
    },
  }),

  deletionFieldsMismatch: entry({
    code: 'UE307', name: 'deletion-fields-mismatch', severity: 'error', errno: 'ENOENT', plainPath: 'file', abis: linuxOnly,
    summary: 'a deletion line\'s fields differ from the registered event\'s, so it deletes nothing',
    message: (name: string, given: string) => (given === ''
      ? `a deletion without fields removes only an event without fields; ${q(name)} has fields`
      : `these fields do not match the registered ${q(name)}, so nothing is deleted`),
    help: (name: string, registered: string) => `name the fields as registered: \`-:${showText(name)} ${showText(registered)}\``,
    docs: {
      whatItDoes: 'Checks a `dynamic_events` deletion line (`-:name …`, `!u:name …`) of an event defined earlier in the files: the words after the name must match its fields the way the kernel matches a re-registration, but without inserting a space after `;`.',
      whyIsThisBad: 'Current kernels delete a user event through `dynamic_events` only when the fields match, and a bare `-:name` only when the event has no fields. Otherwise the write fails with ENOENT, the event stays, and defining the name again with other fields fails with EADDRINUSE. (The v5 patch deleted by name alone.)',
      example: 'test u32 a\n-:test\ntest u64 a',
      useInstead: 'test u32 a\n-:test u32 a\ntest u64 a',
    },
  }),

  // ── UE4xx: layout drift against registered events (`ue-lint check --against`) ──
  // Examples are definition-file text whose `# registered:` lines give the target's events.
  eventNotRegistered: entry({
    code: 'UE401', name: 'event-not-registered', severity: 'warning', plainPath: 'file', abis: both,
    summary: 'the event is defined here but not registered in the target',
    message: (name: string) => `event ${q(name)} is not registered in the target`,
    help: () => 'check the event name; a new event is fine once its first writer registers it',
    docs: {
      whatItDoes: 'Looks up every definition by name in the registered events of `--against` (a tracefs `events/user_events` directory or captured `format` files) and reports names the target does not hold.',
      whyIsThisBad: 'Readers such as perf, trace-cmd or a dashboard that expect the event find nothing: either the name has a typo, or the program that registers it has not run on the target yet.',
      example: '# registered: msg u32 id\nmgs u32 id',
      useInstead: '# registered: msg u32 id\nmsg u32 id',
    },
  }),
  fieldLayoutDrift: entry({
    code: 'UE402', name: 'field-layout-drift', severity: 'error', plainPath: 'file', abis: both,
    summary: 'a field differs from the registered event (added inside, removed, moved, resized, re-typed)',
    message: (change: string) => `${change} vs the registered event`,
    help: () => 'readers of the registered layout misread this field; keep that layout, or give the new one a new event name',
    docs: {
      whatItDoes: 'Compares each definition with the registered event of the same name and reports every field that was removed, renamed, inserted inside the old payload, moved to another offset, resized, or changed its type or signedness. A field appended after the old payload is not reported here.',
      whyIsThisBad: 'Consumers decode records with the registered offsets, sizes and signedness. When a writer uses another layout they read the wrong bytes without any error, and on v5 kernels a re-registration even keeps the old layout silently.',
      example: '# registered: msg u32 id; u8 lvl\nmsg u8 lvl; u32 id',
      useInstead: '# registered: msg u32 id; u8 lvl\nmsg u32 id; u8 lvl',
    },
  }),
  reregistrationConflictWithRegistered: entry({
    code: 'UE403', name: 'reregistration-conflict-with-registered', severity: 'error', errno: 'EADDRINUSE', plainPath: 'file', abis: linuxOnly,
    summary: 'the event is registered with different fields, so registering this definition fails',
    message: (name: string, _registeredFields: string) => `event ${q(name)} is registered with different fields; registering fails with EADDRINUSE`,
    help: (name: string, registeredFields: string) =>
      `the registered fields are ${registeredFields === '' ? 'none' : q(registeredFields)}; use them, or a new name such as ${q(name + '_v2')}`,
    docs: {
      whatItDoes: 'Compares each definition\'s fields, as text, with the registered event of the same name, the way a linux kernel matches a re-registration (spec §4.2). Multi-format events (`user_events_multi`) are exempt: the kernel creates a new `name.<id>` instead.',
      whyIsThisBad: 'A linux kernel answers EADDRINUSE when the fields differ in any way, even by an appended field or by spelling (`char[0x14]` vs `char[20]`), so the process that registers second cannot trace until the old event is gone.',
      example: '# registered: msg u32 id\nmsg u32 id; u64 ts',
      useInstead: '# registered: msg u32 id\nmsg_v2 u32 id; u64 ts',
    },
  }),

  // ── UE9xx: tool errors ──────────────────────────────────────────────────────
  internalError: entry({
    code: 'UE901', name: 'internal-error', severity: 'error', plainPath: 'file', abis: both,
    summary: 'a lint rule failed unexpectedly',
    message: (rule: string, detail: string) => `internal error in rule \`${rule}\`: ${detail}`,
    help: () => 'please report this with the definition that caused it',
    docs: {
      whatItDoes: 'Reports a lint rule that threw instead of reporting.',
      whyIsThisBad: 'It is a bug in ue-lint; the other rules still ran.',
      example: '',
      useInstead: '',
    },
  }),
} as const;

export type Catalog = typeof catalog;
export type CatalogKey = keyof Catalog;

/** Every entry, sorted by code. */
export const catalogEntries: readonly CatalogEntry<any>[] = Object.values(catalog)
  .slice()
  .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

const byCode = new Map(catalogEntries.map((e) => [e.code, e]));
const byName = new Map(catalogEntries.map((e) => [e.name, e]));

/** Look an entry up by code (`UE104`, case-insensitive) or name (`duplicate-field-name`). */
export function findCatalogEntry(codeOrName: string): CatalogEntry<any> | undefined {
  return byCode.get(codeOrName.toUpperCase()) ?? byName.get(codeOrName.toLowerCase());
}

const TYPE_SUGGESTIONS: Record<string, string> = {
  long: 's64', 'unsigned long': 'u64', 'long long': 's64', bool: 'u8', _Bool: 'u8',
  int8_t: 's8', int16_t: 's16', int32_t: 's32', int64_t: 's64',
  uint8_t: 'u8', uint16_t: 'u16', uint32_t: 'u32', uint64_t: 'u64',
  size_t: 'u64', pid_t: 's32', uid_t: 'u32', float: 'u32', double: 'u64',
  i8: 's8', i16: 's16', i32: 's32', i64: 's64', 'char*': '__data_loc char[]', 'char *': '__data_loc char[]',
  string: '__data_loc char[]', u128: 'struct u128 NAME 16',
};

function suggestType(type: string): string {
  if (type.endsWith(' ')) return `a second space after \`${type.trimEnd()}\` ends the type there; use a single space`;
  const hit = TYPE_SUGGESTIONS[type] ?? TYPE_SUGGESTIONS[type.toLowerCase()];
  if (hit) return `use \`${hit}\` instead`;
  if (/^[a-z0-9_ ]+\[/i.test(type)) return 'only `char[N]` arrays exist; use `char[N]`, or a `struct` type with a size';
  return 'use one of `s8` `s16` `s32` `s64` `u8` `u16` `u32` `u64` `char` `short` `int`, `char[N]`, `struct X name SIZE` or `__data_loc char[]`';
}
