// Read a tracefs `format` file (ue-lint's own output for both ABIs, or any kernel event)
// back into fields, and turn it into the definition string that registers the same layout.
// Pure: no fs, never throws; every problem becomes a FormatDiagnostic with a line number.

/** A field as read from a `format` file. Values are *parsed* unless noted. */
export interface ReadField {
  /**
   * Deduced from the declaration: the type as a definition would spell it, e.g.
   * `unsigned int`, `__data_loc char[]`, `__rel_loc char[]`, `char[20]` (from `char text[]` with
   * `size:20`), `char[0x14]` (v5 verbatim `char msg[0x14]`), `__u8[28]`, `const char *`.
   */
  type: string;
  /** Deduced from the declaration: the field name, any bytes, e.g. `id`, `a\t`, `` (empty). */
  name: string;
  /** Parsed: `offset:` column, unsigned decimal. */
  offset: number;
  /** Parsed: `size:` column, unsigned decimal; authoritative over any `[N]` in the declaration. */
  size: number;
  /** Parsed: `signed:` column; `undefined` when the kernel does not print it (before 2.6.32). */
  signed: boolean | undefined;
  /** Parsed: the verbatim text between `field:` and `;`, e.g. `char prev_comm[16]`. */
  declaration: string;
  /** 1-based line number of the `field:` line. */
  line: number;
}

export type FormatDiagnosticName =
  | 'missing-event-name'
  | 'duplicate-header-line'
  | 'invalid-event-id'
  | 'malformed-field-line'
  | 'malformed-field-number'
  | 'malformed-field-declaration'
  | 'array-length-mismatch'
  | 'missing-common-separator'
  | 'missing-event-id'
  | 'missing-format-section'
  | 'unknown-line';

/** A problem found while reading a `format` file; `line` is 1-based. */
export interface FormatDiagnostic {
  /** `error` when information is lost (a field or header was skipped), else `warning`. */
  severity: 'error' | 'warning';
  /** Stable kebab-case name, e.g. `malformed-field-line`. */
  name: FormatDiagnosticName;
  /** Terse message: lowercase, no full stop, names in backticks. */
  message: string;
  line: number;
}

export interface FormatFileResult {
  /** The `name:` line, verbatim (may be empty, or `test.1` for multi-format events). */
  name: string;
  /** The `ID:` line; `undefined` when absent or a placeholder such as `<ID>`. */
  id: number | undefined;
  /** The `ID:` line's text after `ID: `, verbatim (`1234`, `<ID>`); `undefined` when the file has none. */
  idText?: string;
  /** The block of fields before the first blank line after `format:` (`common_type`, …). */
  commonFields: ReadField[];
  /** The event's own fields in file order. */
  fields: ReadField[];
  /**
   * Everything after `print fmt: ` to the end of the file, verbatim but for the final line end,
   * e.g. `"count=%u", REC->count`. The kernel prints the format string's own newlines, so it
   * may span lines (`"%llxS read addr=%llx of width=%x\n", REC->fn, …` continues on the next).
   */
  printFmt: string | undefined;
  diagnostics: FormatDiagnostic[];
}

// `field:DECL;\toffset:N;\tsize:N;[\tsigned:N;]` – the declaration ends at the first `;` that is
// followed by `offset:`, so names holding tabs or `[` stay intact. Tabs or spaces are accepted
// between attributes; attributes after `signed:` (none exist yet) are ignored.
const FIELD_LINE =
  /^[ \t]*field[ \t]*:(.*?);[ \t]*offset[ \t]*:[ \t]*([^;]*);[ \t]*size[ \t]*:[ \t]*([^;]*?)[ \t]*(?:;|$)(?:[ \t]*signed[ \t]*:[ \t]*([^;]*?)[ \t]*(?:;|$))?/s;
const HEADER_LINE = /^(name|ID|format|print fmt)[ \t]*:[ \t]?(.*)$/s;

/**
 * Read a tracefs `format` file. Never throws.
 *
 * @example
 * const r = parseFormatFile(readFileSync('/sys/kernel/tracing/events/sched/sched_switch/format', 'utf8'));
 * r.fields[0]; // { type: 'char[16]', name: 'prev_comm', offset: 8, size: 16, signed: false, … }
 */
export function parseFormatFile(text: string): FormatFileResult {
  const diagnostics: FormatDiagnostic[] = [];
  const result: FormatFileResult = {
    name: '',
    id: undefined,
    commonFields: [],
    fields: [],
    printFmt: undefined,
    diagnostics,
  };
  const warn = (line: number, name: FormatDiagnosticName, message: string) =>
    diagnostics.push({ severity: 'warning', name, message, line });
  const error = (line: number, name: FormatDiagnosticName, message: string) =>
    diagnostics.push({ severity: 'error', name, message, line });

  // A CR is only a line-ending when *every* line ends with CRLF: an event named `test\r`
  // (legal via `dynamic_events`) must keep its CR in an LF file.
  const raw = typeof text === 'string' ? text : '';
  let lines = raw.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const crlf = lines.length > 0 && lines.every((l) => l.endsWith('\r'));
  if (crlf) lines = lines.map((l) => l.slice(0, -1));
  let seenFormat = false;

  let seenName = false;
  let seenId = false;
  // Section: before `format:`, the common block, or the event's own fields.
  let section: 'header' | 'common' | 'fields' = 'header';
  let sawSeparator = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if (/^[ \t]*$/.test(line)) {
      // The blank line after the common block starts the event's own fields.
      if (section === 'common' && result.commonFields.length > 0) {
        section = 'fields';
        sawSeparator = true;
      }
      continue;
    }

    if (/^[ \t]*field[ \t]*:/.test(line)) {
      const field = readFieldLine(line, lineNo, diagnostics);
      if (!field) continue;
      if (section === 'header') section = 'common';
      (section === 'common' ? result.commonFields : result.fields).push(field);
      continue;
    }

    const header = HEADER_LINE.exec(line);
    if (header) {
      const [, key, value = ''] = header;
      if (key === 'name') {
        if (seenName) warn(lineNo, 'duplicate-header-line', 'second `name:` line ignored');
        else result.name = value;
        seenName = true;
      } else if (key === 'ID') {
        if (seenId) warn(lineNo, 'duplicate-header-line', 'second `ID:` line ignored');
        else {
          result.idText = value;
          if (/^\d+$/.test(value.trim())) result.id = Number(value.trim());
          else if (!/^<[^>]*>$/.test(value.trim()))
            warn(lineNo, 'invalid-event-id', `event id \`${value}\` is not a decimal number`);
        }
        seenId = true;
      } else if (key === 'format') {
        seenFormat = true;
        if (section === 'header') section = 'common';
      } else {
        // `print fmt:` ends the file: the kernel prints the format string with its own
        // newlines, so every line from here on is part of it (spec §6.1 puts it last).
        const rest = lines.slice(i + 1);
        result.printFmt = rest.length > 0 ? `${value}\n${rest.join('\n')}` : value;
        break;
      }
      continue;
    }
    warn(lineNo, 'unknown-line', `unknown line \`${clip(line)}\` ignored`);
  }

  if (!seenName) error(1, 'missing-event-name', 'no `name:` line; the event name is unknown');
  // Fields still read without these, but the file is not a whole tracefs `format` file:
  // drift cannot tell which registration it describes, or where the common block starts.
  if (seenName && !seenId) warn(1, 'missing-event-id', 'no `ID:` line; the event id is unknown');
  if (seenName && !seenFormat) warn(1, 'missing-format-section', 'no `format:` line before the fields');

  // FIXUP: without the blank separator every field landed in the common block. Split it by
  // the kernel's `common_` prefix, e.g. a hand-written file with no blank lines.
  if (!sawSeparator && result.fields.length === 0 && result.commonFields.length > 0) {
    const all = result.commonFields;
    const firstOwn = all.findIndex((f) => !f.name.startsWith('common_'));
    if (firstOwn >= 0) {
      result.commonFields = all.slice(0, firstOwn);
      result.fields = all.slice(firstOwn);
      warn(all[firstOwn]!.line, 'missing-common-separator', 'no blank line after the common fields');
    }
  }
  return result;
}

function readFieldLine(line: string, lineNo: number, diagnostics: FormatDiagnostic[]): ReadField | undefined {
  const m = FIELD_LINE.exec(line);
  if (!m) {
    diagnostics.push({
      severity: 'error',
      name: 'malformed-field-line',
      message: `field line \`${clip(line.trim())}\` lacks \`offset:\` or \`size:\``,
      line: lineNo,
    });
    return undefined;
  }
  const [, rawDecl = '', offsetText = '', sizeText = '', signedText] = m;
  const offset = readUnsigned(offsetText.trim());
  const size = readUnsigned(sizeText.trim());
  if (offset === undefined || size === undefined) {
    const what = offset === undefined ? `offset \`${offsetText}\`` : `size \`${sizeText}\``;
    diagnostics.push({ severity: 'error', name: 'malformed-field-number', message: `${what} is not an unsigned decimal`, line: lineNo });
    return undefined;
  }
  let signed: boolean | undefined;
  if (signedText !== undefined) {
    const s = signedText.trim();
    if (s === '0' || s === '1') signed = s === '1';
    else diagnostics.push({ severity: 'warning', name: 'malformed-field-number', message: `signed \`${signedText}\` is neither 0 nor 1`, line: lineNo });
  }

  // A type never starts with whitespace (the kernel skips it); `header_page` writes `field: u64 x`.
  const declaration = rawDecl.replace(/^[ \t]+/, '');
  const split = splitDeclaration(declaration, size);
  if (!split) {
    diagnostics.push({
      severity: 'error',
      name: 'malformed-field-declaration',
      message: `declaration \`${clip(declaration)}\` has no space between type and name`,
      line: lineNo,
    });
    return undefined;
  }
  if (split.lengthMismatch !== undefined) {
    diagnostics.push({
      severity: 'warning',
      name: 'array-length-mismatch',
      message: `array length \`${split.lengthMismatch}\` disagrees with \`size:${size}\`; size wins`,
      line: lineNo,
    });
  }
  return { type: split.type, name: split.name, offset, size, signed, declaration, line: lineNo };
}

/** Sizes of element types whose arrays we can re-count from `size:`; `long` depends on the ABI, so it is absent. */
const ELEMENT_SIZE: Record<string, number> = {
  char: 1, 'unsigned char': 1, 'signed char': 1, u8: 1, s8: 1, __u8: 1, __s8: 1,
  u16: 2, s16: 2, __u16: 2, __s16: 2, short: 2, 'unsigned short': 2,
  u32: 4, s32: 4, __u32: 4, __s32: 4, int: 4, 'unsigned int': 4,
  u64: 8, s64: 8, __u64: 8, __s64: 8,
};

/** The user_events scalar types for which `T[N]` is not a legal type (only char arrays exist). */
const NON_CHAR_SCALAR = new Set(['u8', 's8', 'u16', 's16', 'short', 'unsigned short', 'u32', 's32', 'int', 'unsigned int', 'u64', 's64']);

/**
 * Undo the kernel's DECL rule (spec §6.1). `type` + space + `name`, except that an array type
 * is printed as `prefix name[suffix`:
 * - `__data_loc char[] path` → `__data_loc char[]`, `path` (data_loc keeps its brackets in the type)
 * - `char text[]` + size 20 → `char[20]`, `text` (linux ≥ 6.2 prints an unset length as `[]`)
 * - `char text[7]` + size 20 → `char[20]`, `text`, plus a length-mismatch note (stale length attribute)
 * - `char prev_comm[TASK_COMM_LEN]` + size 16 → `char[16]`, `prev_comm`, plus the same note
 * - `char msg[0x14]` → `char[0x14]`, `msg` (v5 and pre-6.2 copy the suffix verbatim)
 * - `char a][8` → `char[8`, `a]` (v5 quirk `char[8 a]`)
 * - `__rel_loc char note[]` → `__rel_loc char[]`, `note`
 * - `u8 a[4]` + size 1 → `u8`, `a[4]` (a bracketed *name*: `u8[4]` would not even register)
 * - `u32 ` → `u32`, `` (empty name)
 * - `char ssid[32 + 1]` + size 33 → `char[33]`, `ssid`; `u8 ht_capa[(int)sizeof(struct ieee80211_ht_cap)]`
 *   → `u8[26]`, `ht_capa` (kernel events print the C length expression unexpanded)
 * - `char[] foo[16]` → `char[][16]`, `foo`
 */
function splitDeclaration(
  decl: string,
  size: number,
): { type: string; name: string; lengthMismatch?: string } | undefined {
  const plain = () => {
    const s = decl.lastIndexOf(' ');
    return s < 0 ? undefined : { type: decl.slice(0, s), name: decl.slice(s + 1) };
  };
  if (decl.startsWith('__data_loc ')) return plain();
  // A C length expression (`[32 + 1]`, `[sizeof(struct x)]`) is the last bracket group and may
  // hold spaces and brackets of its own: find its `[` by balancing from the final `]`.
  const open = expressionOpen(decl);
  let bracket = open >= 0 ? open : decl.indexOf('[');
  if (bracket < 0) return plain();
  let space = decl.lastIndexOf(' ', bracket);
  // The type itself holds brackets (`char[] foo[16]`): the array suffix is on the name token.
  const lastSpace = decl.lastIndexOf(' ');
  if (open < 0 && lastSpace > bracket) {
    const inName = decl.indexOf('[', lastSpace);
    if (inName < 0) return plain();
    [bracket, space] = [inName, lastSpace];
  }
  if (space < 0) return plain();

  let prefix = decl.slice(0, space);
  let name = decl.slice(space + 1, bracket);
  let suffix = decl.slice(bracket);
  // A bracketed name on a linux array, `char[4] a[2]` → `char a[2][]`: the length is the last group.
  const last = /^(.*?) ([^ ]*)(\[\d*\])$/s.exec(decl);
  if (open < 0 && suffix.indexOf('[', 1) > 0 && last && !last[1]!.includes('[')) [, prefix = '', name = '', suffix = ''] = last;
  // No user_events type has a space after its `[`, so `__rel_loc char[] foo` is plain `type name`.
  if (open < 0 && suffix.includes(' ')) return plain();
  if (NON_CHAR_SCALAR.has(prefix) && size === ELEMENT_SIZE[prefix]) return plain();
  if (prefix.startsWith('__rel_loc ')) {
    // A dynamic array has no length: any `[N]` here is the stale linux attribute.
    const stale = /^\[(\d+)\]$/.exec(suffix)?.[1];
    return stale === undefined ? { type: prefix + suffix, name } : { type: `${prefix}[]`, name, lengthMismatch: stale };
  }

  // linux prints `[LEN]`/`[]` from an attribute user_events never sets; `size:` is the truth.
  const elem = ELEMENT_SIZE[prefix];
  const len = /^\[([^\]]*)\]$/.exec(suffix)?.[1];
  if (elem !== undefined && len !== undefined && size > 0 && size % elem === 0) {
    const count = size / elem;
    const fromSize = `${prefix}[${count}]`;
    if (len === '') return { type: fromSize, name };
    // Plain decimal is a LEN (`[020]` is v5 verbatim octal, kept below) and must agree with
    // `size:` (`char rcutorturename[8]` with `size:1` is a real kernel bug). A symbolic length is
    // what the kernel printed unexpanded before 6.2: a macro (`char prev_comm[TASK_COMM_LEN]`,
    // `NUM_NL80211_BANDS`) or an expression (`[32 + 1]`); only `size:` knows its value.
    if (/^[1-9]\d*$/.test(len) && Number(len) === count) return { type: fromSize, name };
    if (/^([1-9]\d*|0)$/.test(len)) return { type: fromSize, name, lengthMismatch: len };
    if (/^[A-Za-z_]\w*$/.test(len) || open >= 0) return { type: fromSize, name };
  }
  return { type: prefix + suffix, name };
}

/**
 * Where the final bracket group of `decl` opens when it holds a C expression (a space or a
 * bracket inside, as in `[32 + 1]` or `[(4 * sizeof(u64)) / sizeof(u64)]`), else -1.
 */
function expressionOpen(decl: string): number {
  if (!decl.endsWith(']')) return -1;
  let depth = 0;
  for (let i = decl.length - 1; i >= 0; i--) {
    const c = decl[i];
    if (c === ']' || c === ')') depth++;
    else if (c === '[' || c === '(') depth--;
    if (depth === 0) {
      if (c !== '[') return -1;
      const inner = decl.slice(i + 1, -1);
      // `a[2][]`-style groups and plain `[N]` keep the older rules above.
      return /[ ()]/.test(inner) && i > 0 && decl[i - 1] !== ' ' && decl.lastIndexOf(' ', i) > 0 ? i : -1;
    }
    if (depth < 0) return -1;
  }
  return -1;
}

function readUnsigned(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

function clip(s: string): string {
  const shown = s.replace(/\t/g, '\\t').replace(/\r/g, '\\r');
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}

/**
 * The definition string that registers the same layout: name, then each field as
 * `type name` (plus the size for `struct` types), joined with `; `.
 *
 * @example
 * formatToDefinition(parseFormatFile(text)); // 'evt __data_loc char[] path; __rel_loc char[] note; struct pt p 16; s64 ts'
 */
export function formatToDefinition(result: Pick<FormatFileResult, 'name' | 'fields'>): string {
  if (result.fields.length === 0) return result.name;
  const pieces = result.fields.map((f) =>
    f.type.startsWith('struct ') ? `${f.type} ${f.name} ${f.size}` : `${f.type} ${f.name}`,
  );
  return `${result.name} ${pieces.join('; ')}`;
}

/**
 * Write a read `format` file back the way the kernel prints it (`f_show`, spec §6.1): the
 * `name:` and `ID:` lines, `format:`, the common block, a blank line, the event's fields, a
 * blank line and `print fmt:`. For any file a kernel wrote this gives back the same bytes:
 * `stringifyFormatFile(parseFormatFile(text)) === text`. Field lines are written from the parsed
 * offset, size and signedness, so a changed field changes its line.
 *
 * @example
 * stringifyFormatFile(parseFormatFile(text)) === text; // for every captured kernel format file
 */
export function stringifyFormatFile(result: Omit<FormatFileResult, 'diagnostics'>): string {
  const line = (f: Pick<ReadField, 'declaration' | 'offset' | 'size' | 'signed'>) =>
    `\tfield:${f.declaration};\toffset:${f.offset};\tsize:${f.size};${f.signed === undefined ? '' : `\tsigned:${f.signed ? 1 : 0};`}\n`;
  let out = `name: ${result.name}\n`;
  if (result.idText !== undefined) out += `ID: ${result.idText}\n`;
  out += 'format:\n';
  for (const f of result.commonFields) out += line(f);
  out += '\n';
  for (const f of result.fields) out += line(f);
  if (result.printFmt !== undefined) out += `\nprint fmt: ${result.printFmt}\n`;
  return out;
}
