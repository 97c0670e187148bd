// An independent, deliberately naive reference model of what the Linux kernel does
// with a user_events definition string registered through the ioctl
// (DIAG_IOCSREG) on an empty system.
//
// This is a transliteration of the kernel *procedure*, not of ue-lint:
//   - v5:    patch v5 02/12 (/work/shared/seed/000_6886a6135dd7b2e0.txt):
//            user_event_parse_cmd, user_event_parse, user_event_parse_flags,
//            user_event_parse_fields, user_event_parse_field, user_field_size,
//            user_field_array_size.
//   - linux: the same functions in mainline as described by
//            /work/shared/spec/definition-language.md §2, §12, §13 (text flags
//            → EINVAL before anything else; MAX_FIELD_ARRAY_SIZE 1024; the
//            array length is strscpy'd into char val[8] then strchr(']')).
//
// It works on a mutable byte buffer holding the UTF-8 bytes of the input plus a
// terminating NUL, exactly like the kernel's strndup_user() copy, and emulates
// the C string helpers explicitly (strpbrk, strsep, strchr, skip_spaces,
// str_has_prefix, strcmp, strscpy, kstrtouint, kstrtou32). "Pointers" are
// indices into that buffer; NULL is `null`. Reading past the end of the copy
// (only the v5 bracket scan can) throws OutOfBounds, reported as EINVAL (§2.6,
// §14.5). Speed is not a goal; obviousness is.

export type ModelAbi = 'linux' | 'v5';

export interface ModelField {
  type: string;
  name: string;
  offset: number;
  size: number;
  signed: boolean;
}

export type ModelResult =
  | { ok: true; event: { name: string; flags: string[]; fields: ModelField[] } }
  | { ok: false; errno: string };

// ---------------------------------------------------------------------------
// errno values (x86-64 = asm-generic numbering) and names
// ---------------------------------------------------------------------------

const EINVAL = 22;
const E2BIG = 7;
const ERANGE = 34;

/** Linux x86-64 errno names 1..133 (aliases: EAGAIN, EDEADLK, EOPNOTSUPP; 41 and 58 are unassigned). */
const ERRNO_NAMES: Record<number, string> = {
  1: 'EPERM', 2: 'ENOENT', 3: 'ESRCH', 4: 'EINTR', 5: 'EIO', 6: 'ENXIO', 7: 'E2BIG', 8: 'ENOEXEC',
  9: 'EBADF', 10: 'ECHILD', 11: 'EAGAIN', 12: 'ENOMEM', 13: 'EACCES', 14: 'EFAULT', 15: 'ENOTBLK',
  16: 'EBUSY', 17: 'EEXIST', 18: 'EXDEV', 19: 'ENODEV', 20: 'ENOTDIR', 21: 'EISDIR', 22: 'EINVAL',
  23: 'ENFILE', 24: 'EMFILE', 25: 'ENOTTY', 26: 'ETXTBSY', 27: 'EFBIG', 28: 'ENOSPC', 29: 'ESPIPE',
  30: 'EROFS', 31: 'EMLINK', 32: 'EPIPE', 33: 'EDOM', 34: 'ERANGE', 35: 'EDEADLK', 36: 'ENAMETOOLONG',
  37: 'ENOLCK', 38: 'ENOSYS', 39: 'ENOTEMPTY', 40: 'ELOOP', 42: 'ENOMSG', 43: 'EIDRM', 44: 'ECHRNG',
  45: 'EL2NSYNC', 46: 'EL3HLT', 47: 'EL3RST', 48: 'ELNRNG', 49: 'EUNATCH', 50: 'ENOCSI', 51: 'EL2HLT',
  52: 'EBADE', 53: 'EBADR', 54: 'EXFULL', 55: 'ENOANO', 56: 'EBADRQC', 57: 'EBADSLT', 59: 'EBFONT',
  60: 'ENOSTR', 61: 'ENODATA', 62: 'ETIME', 63: 'ENOSR', 64: 'ENONET', 65: 'ENOPKG', 66: 'EREMOTE',
  67: 'ENOLINK', 68: 'EADV', 69: 'ESRMNT', 70: 'ECOMM', 71: 'EPROTO', 72: 'EMULTIHOP', 73: 'EDOTDOT',
  74: 'EBADMSG', 75: 'EOVERFLOW', 76: 'ENOTUNIQ', 77: 'EBADFD', 78: 'EREMCHG', 79: 'ELIBACC',
  80: 'ELIBBAD', 81: 'ELIBSCN', 82: 'ELIBMAX', 83: 'ELIBEXEC', 84: 'EILSEQ', 85: 'ERESTART',
  86: 'ESTRPIPE', 87: 'EUSERS', 88: 'ENOTSOCK', 89: 'EDESTADDRREQ', 90: 'EMSGSIZE', 91: 'EPROTOTYPE',
  92: 'ENOPROTOOPT', 93: 'EPROTONOSUPPORT', 94: 'ESOCKTNOSUPPORT', 95: 'EOPNOTSUPP', 96: 'EPFNOSUPPORT',
  97: 'EAFNOSUPPORT', 98: 'EADDRINUSE', 99: 'EADDRNOTAVAIL', 100: 'ENETDOWN', 101: 'ENETUNREACH',
  102: 'ENETRESET', 103: 'ECONNABORTED', 104: 'ECONNRESET', 105: 'ENOBUFS', 106: 'EISCONN',
  107: 'ENOTCONN', 108: 'ESHUTDOWN', 109: 'ETOOMANYREFS', 110: 'ETIMEDOUT', 111: 'ECONNREFUSED',
  112: 'EHOSTDOWN', 113: 'EHOSTUNREACH', 114: 'EALREADY', 115: 'EINPROGRESS', 116: 'ESTALE',
  117: 'EUCLEAN', 118: 'ENOTNAM', 119: 'ENAVAIL', 120: 'EISNAM', 121: 'EREMOTEIO', 122: 'EDQUOT',
  123: 'ENOMEDIUM', 124: 'EMEDIUMTYPE', 125: 'ECANCELED', 126: 'ENOKEY', 127: 'EKEYEXPIRED',
  128: 'EKEYREVOKED', 129: 'EKEYREJECTED', 130: 'EOWNERDEAD', 131: 'ENOTRECOVERABLE', 132: 'ERFKILL',
  133: 'EHWPOISON',
};

/** Name of a negative kernel return value: errno name, or ERRNO_<magnitude>. */
export function modelErrnoName(ret: number): string {
  if (ret >= 0) throw new Error(`not an error return: ${ret}`);
  const n = -ret;
  return ERRNO_NAMES[n] ?? `ERRNO_${n}`;
}

// ---------------------------------------------------------------------------
// C memory and string helpers
// ---------------------------------------------------------------------------

class OutOfBounds extends Error {}

/** A kmalloc'd copy of the definition: `len` bytes followed by one NUL. */
class CBuf {
  readonly mem: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.mem = new Uint8Array(bytes.length + 1);
    this.mem.set(bytes, 0);
    this.mem[bytes.length] = 0;
  }
  get(p: number): number {
    if (p < 0 || p >= this.mem.length) throw new OutOfBounds(`read at ${p}`);
    return this.mem[p]!;
  }
  set(p: number, v: number): void {
    if (p < 0 || p >= this.mem.length) throw new OutOfBounds(`write at ${p}`);
    this.mem[p] = v;
  }
}

type Ptr = number | null;

const ch = (s: string): number => s.charCodeAt(0);

function strlen(m: CBuf, p: number): number {
  let n = 0;
  while (m.get(p + n) !== 0) n++;
  return n;
}

/** Bytes of the C string at p (without the NUL). */
function cbytes(m: CBuf, p: number): Uint8Array {
  return m.mem.slice(p, p + strlen(m, p));
}

// ignoreBOM: a leading EF BB BF is part of the bytes, not a byte-order mark to strip.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
function cstring(m: CBuf, p: number): string {
  return utf8.decode(cbytes(m, p));
}

function strpbrk(m: CBuf, p: number, accept: string): Ptr {
  for (let q = p; m.get(q) !== 0; q++) {
    for (let i = 0; i < accept.length; i++) if (m.get(q) === ch(accept[i]!)) return q;
  }
  return null;
}

/** strchr for a non-NUL byte c. */
function strchr(m: CBuf, p: number, c: number): Ptr {
  for (let q = p; m.get(q) !== 0; q++) if (m.get(q) === c) return q;
  return null;
}

/** strsep(&s, delim): returns the token start, writes NUL over the delimiter, advances *s (or NULL). */
function strsep(m: CBuf, s: { p: Ptr }, delim: string): Ptr {
  const begin = s.p;
  if (begin === null) return null;
  const end = strpbrk(m, begin, delim);
  if (end !== null) {
    m.set(end, 0);
    s.p = end + 1;
  } else {
    s.p = null;
  }
  return begin;
}

/** Kernel isspace(): 0x09-0x0D, 0x20 and 0xA0 (lib/ctype.c). */
function kisspace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0;
}

function skip_spaces(m: CBuf, p: number): number {
  while (kisspace(m.get(p))) p++;
  return p;
}

/** str_has_prefix: length of prefix if the C string at p starts with it, else 0. */
function str_has_prefix(m: CBuf, p: number, prefix: string): number {
  for (let i = 0; i < prefix.length; i++) {
    if (m.get(p + i) !== ch(prefix[i]!)) return 0; // a NUL in m never equals an ASCII prefix byte
  }
  return prefix.length;
}

function strcmpEq(m: CBuf, p: number, lit: string): boolean {
  for (let i = 0; i < lit.length; i++) if (m.get(p + i) !== ch(lit[i]!)) return false;
  return m.get(p + lit.length) === 0;
}

/** strscpy(dst, src, size): copies at most size-1 bytes; -E2BIG when src does not fit. */
function strscpy(dst: Uint8Array, m: CBuf, src: number, size: number): number {
  let i = 0;
  for (; i < size; i++) {
    const c = m.get(src + i);
    dst[i] = c;
    if (c === 0) return i;
  }
  dst[size - 1] = 0;
  return -E2BIG;
}

/** Byte string (NUL-terminated within `a` or at its end) → array of bytes before the NUL. */
function cOfArray(a: Uint8Array): Uint8Array {
  const z = a.indexOf(0);
  return z < 0 ? a : a.slice(0, z);
}

// lib/kstrtox.c ---------------------------------------------------------------

function tolower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}
function isxdigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/**
 * kstrtoull(s, base): optional '+', radix fixup (base 0: 0x+hexdigit → 16, leading 0 → 8, else 10;
 * base 16 skips 0x), at least one digit, u64 overflow → -ERANGE, optional single trailing '\n', then
 * the string must end. Returns the value or a negative errno.
 */
function kstrtoull(s: Uint8Array, base0: number): bigint | number {
  let i = 0;
  const at = (k: number): number => (k < s.length ? s[k]! : 0);
  if (at(i) === ch('+')) i++;
  let base = base0;
  if (base === 0) {
    if (at(i) === ch('0')) {
      if (tolower(at(i + 1)) === ch('x') && isxdigit(at(i + 2))) base = 16;
      else base = 8;
    } else base = 10;
  }
  if (base === 16 && at(i) === ch('0') && tolower(at(i + 1)) === ch('x')) i += 2;
  let res = 0n;
  let digits = 0;
  let overflow = false;
  for (;;) {
    const c = at(i);
    let val: number;
    if (c >= 0x30 && c <= 0x39) val = c - 0x30;
    else if (tolower(c) >= 0x61 && tolower(c) <= 0x66) val = tolower(c) - 0x61 + 10;
    else break;
    if (val >= base) break;
    res = res * BigInt(base) + BigInt(val);
    if (res >= 1n << 64n) overflow = true;
    i++;
    digits++;
  }
  if (overflow) return -ERANGE;
  if (digits === 0) return -EINVAL;
  if (at(i) === 0x0a) i++;
  if (at(i) !== 0) return -EINVAL;
  return res;
}

/** kstrtouint / kstrtou32: kstrtoull, then the value must fit 32 bits. */
function kstrtou32(s: Uint8Array, base: number): { ok: true; value: number } | { ok: false } {
  const r = kstrtoull(s, base);
  if (typeof r === 'number') return { ok: false };
  if (r >= 1n << 32n) return { ok: false }; // -ERANGE
  return { ok: true, value: Number(r) };
}

/** Store a u32 into a C `int` (two's complement reinterpretation). */
const asInt = (u: number): number => u | 0;

// ---------------------------------------------------------------------------
// trace_events_user.c
// ---------------------------------------------------------------------------

const FIELD_DEPTH_TYPE = 0;
const FIELD_DEPTH_NAME = 1;
const FIELD_DEPTH_SIZE = 2;

const MAX_EVENT_DESC = 512;
const PAGE_SIZE = 4096;

interface RawField {
  type: number;
  name: number;
  offset: number;
  size: number;
  is_signed: boolean;
}

interface UserEvent {
  flags: number;
  fields: RawField[];
}

const FLAG_BPF_ITER = 1 << 0;

/** user_field_array_size: v5 hand-written scan. */
function user_field_array_size_v5(m: CBuf, type: number): number {
  let start = strchr(m, type, ch('['));
  const val = new Uint8Array(8);
  let size = 0;

  if (start === null) return -EINVAL;
  start++;

  // The scan runs on through NULs (replaced separators) into the rest of the buffer.
  while (m.get(start) !== ch(']') && size < val.length - 1) val[size++] = m.get(start++);

  if (m.get(start) !== ch(']')) return -EINVAL;

  val[size] = 0;

  const r = kstrtou32(cOfArray(val), 0);
  if (!r.ok) return -EINVAL;
  size = asInt(r.value); // kstrtouint(val, 0, &size) with int size

  if (size > 2 * PAGE_SIZE) return -EINVAL;

  return size;
}

/** user_field_array_size: mainline (strscpy into val[8], strchr(']')). */
function user_field_array_size_linux(m: CBuf, type: number): number {
  const start = strchr(m, type, ch('['));
  const val = new Uint8Array(8);

  if (start === null) return -EINVAL;

  if (strscpy(val, m, start + 1, val.length) <= 0) return -EINVAL;

  const z = val.indexOf(0);
  const bracket = val.subarray(0, z).indexOf(ch(']'));
  if (bracket < 0) return -EINVAL;
  val[bracket] = 0;

  const r = kstrtou32(cOfArray(val), 0);
  if (!r.ok) return -EINVAL;
  const size = asInt(r.value);

  if (size > 1024) return -EINVAL;

  return size;
}

function user_field_size(m: CBuf, type: number, abi: ModelAbi): number {
  const arr = abi === 'v5' ? user_field_array_size_v5 : user_field_array_size_linux;
  if (strcmpEq(m, type, 's64')) return 8;
  if (strcmpEq(m, type, 'u64')) return 8;
  if (strcmpEq(m, type, 's32')) return 4;
  if (strcmpEq(m, type, 'u32')) return 4;
  if (strcmpEq(m, type, 'int')) return 4;
  if (strcmpEq(m, type, 'unsigned int')) return 4;
  if (strcmpEq(m, type, 's16')) return 2;
  if (strcmpEq(m, type, 'u16')) return 2;
  if (strcmpEq(m, type, 'short')) return 2;
  if (strcmpEq(m, type, 'unsigned short')) return 2;
  if (strcmpEq(m, type, 's8')) return 1;
  if (strcmpEq(m, type, 'u8')) return 1;
  if (strcmpEq(m, type, 'char')) return 1;
  if (strcmpEq(m, type, 'unsigned char')) return 1;
  if (str_has_prefix(m, type, 'char[')) return arr(m, type);
  if (str_has_prefix(m, type, 'unsigned char[')) return arr(m, type);
  if (str_has_prefix(m, type, '__data_loc ')) return 4;
  if (str_has_prefix(m, type, '__rel_loc ')) return 4;
  return -EINVAL;
}

function user_event_parse_field(m: CBuf, fieldIn: number, user: UserEvent, offset: { v: number }, abi: ModelAbi): number {
  let field: Ptr = fieldIn;
  let type: number | undefined;
  let name: number | undefined;
  let depth = 0;
  const saved_offset = offset.v;
  let size = -EINVAL;
  let is_struct = false;
  let len = 0;

  field = skip_spaces(m, field);

  if (m.get(field) === 0) return 0;

  let skipNext = false;
  // Handle types that have a space within
  if ((len = str_has_prefix(m, field, 'unsigned '))) skipNext = true;
  else if ((len = str_has_prefix(m, field, 'struct '))) {
    is_struct = true;
    skipNext = true;
  } else if ((len = str_has_prefix(m, field, '__data_loc unsigned '))) skipNext = true;
  else if ((len = str_has_prefix(m, field, '__data_loc '))) skipNext = true;
  else if ((len = str_has_prefix(m, field, '__rel_loc unsigned '))) skipNext = true;
  else if ((len = str_has_prefix(m, field, '__rel_loc '))) skipNext = true;

  if (skipNext) {
    // skip_next:
    type = field;
    field = strpbrk(m, field + len, ' ');
    if (field === null) return -EINVAL;
    m.set(field, 0);
    field++;
    depth++;
  }

  // parse:
  const cursor = { p: field as Ptr };
  let part: Ptr;
  while ((part = strsep(m, cursor, ' ')) !== null) {
    switch (depth++) {
      case FIELD_DEPTH_TYPE:
        type = part;
        break;
      case FIELD_DEPTH_NAME:
        name = part;
        break;
      case FIELD_DEPTH_SIZE: {
        if (!is_struct) return -EINVAL;
        const r = kstrtou32(cbytes(m, part), 10);
        if (!r.ok) return -EINVAL;
        size = asInt(r.value); // kstrtou32(part, 10, &size) with int size
        break;
      }
      default:
        return -EINVAL;
    }
  }

  if (depth < FIELD_DEPTH_SIZE) return -EINVAL;
  if (type === undefined || name === undefined) throw new Error('model bug: type/name unset');

  if (depth === FIELD_DEPTH_SIZE) size = user_field_size(m, type, abi);

  if (size === 0) return -EINVAL;
  if (size < 0) return size;

  offset.v = (saved_offset + size) >>> 0; // u32 arithmetic

  user.fields.push({ type, name, offset: saved_offset, size, is_signed: m.get(type) !== ch('u') });
  return 0;
}

function user_event_parse_flags(m: CBuf, user: UserEvent, flags: Ptr): void {
  if (flags === null) return;
  const cursor = { p: flags };
  let flag: Ptr;
  while ((flag = strsep(m, cursor, ',')) !== null) {
    if (strcmpEq(m, flag, 'BPF_ITER')) user.flags |= FLAG_BPF_ITER;
  }
}

function user_event_parse_fields(m: CBuf, user: UserEvent, args: Ptr, abi: ModelAbi): number {
  const offset = { v: 8 }; // sizeof(struct trace_entry)
  let ret = -EINVAL;
  if (args === null) return 0;
  const cursor = { p: args };
  let field: Ptr;
  while ((field = strsep(m, cursor, ';')) !== null) {
    ret = user_event_parse_field(m, field, user, offset, abi);
    if (ret) break;
  }
  return ret;
}

/** user_event_parse for a name that is not registered yet (empty system). */
function user_event_parse(m: CBuf, _name: number, args: Ptr, flags: Ptr, abi: ModelAbi): { ret: number; user?: UserEvent } {
  // linux: "Currently don't support any text based flags" — before anything else.
  if (abi === 'linux' && flags !== null) return { ret: -EINVAL };
  // v5: find_user_event → none; free index available; kzalloc succeeds.
  const user: UserEvent = { flags: 0, fields: [] };
  if (abi === 'v5') user_event_parse_flags(m, user, flags);
  const ret = user_event_parse_fields(m, user, args, abi);
  if (ret) return { ret };
  return { ret: 0, user };
}

function user_event_parse_cmd(m: CBuf, raw_command: number, abi: ModelAbi): { ret: number; user?: UserEvent } {
  const name = raw_command;
  let args = strpbrk(m, name, ' ');
  if (args !== null) {
    m.set(args, 0);
    args++;
  }
  let flags = strpbrk(m, name, ':');
  if (flags !== null) {
    m.set(flags, 0);
    flags++;
  }
  return user_event_parse(m, name, args, flags, abi);
}

/** UTF-8 bytes of the input, cut at the first NUL (the kernel copies a C string). */
export function definitionBytes(input: string): Uint8Array {
  const all = new TextEncoder().encode(input);
  const z = all.indexOf(0);
  return z < 0 ? all : all.slice(0, z);
}

/** What the kernel decides for a fresh ioctl registration of `input` on an empty system. */
export function kernelModel(input: string, options: { abi: ModelAbi }): ModelResult {
  const abi = options.abi;
  const bytes = definitionBytes(input);
  // strndup_user(name_args, MAX_EVENT_DESC): strnlen_user counts the NUL; > 512 → EINVAL.
  if (bytes.length + 1 > MAX_EVENT_DESC) return { ok: false, errno: modelErrnoName(-EINVAL) };
  const m = new CBuf(bytes);
  let r: { ret: number; user?: UserEvent };
  try {
    r = user_event_parse_cmd(m, 0, abi);
  } catch (e) {
    // Only the v5 bracket scan can run off the end of the copy; §2.6/§14.5: report EINVAL.
    if (e instanceof OutOfBounds) return { ok: false, errno: modelErrnoName(-EINVAL) };
    throw e;
  }
  if (r.ret !== 0 || !r.user) return { ok: false, errno: modelErrnoName(r.ret) };
  const user = r.user;
  return {
    ok: true,
    event: {
      name: cstring(m, 0),
      flags: user.flags & FLAG_BPF_ITER ? ['BPF_ITER'] : [],
      fields: user.fields.map((f) => ({
        type: cstring(m, f.type),
        name: cstring(m, f.name),
        offset: f.offset,
        size: f.size,
        signed: f.is_signed,
      })),
    },
  };
}
