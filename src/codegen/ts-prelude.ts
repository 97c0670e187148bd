// The helper functions a generated TypeScript module carries, as text. A module gets only the
// helpers its events use, so it also passes `noUnusedLocals`. The helpers avoid every global
// beyond ES2020 (no TextEncoder, no Buffer): generated code must run and type-check anywhere.

export type HelperName =
  | 'where' | 'fail' | 'describe' | 'utf8' | 'text' | 'cstr' | 'bytesOf' | 'int' | 'big' | 'chars' | 'raw'
  | 'dynText' | 'dynRaw' | 'dyn' | 'index' | 'short' | 'dynGet';

interface Helper {
  deps: HelperName[];
  code: string;
}

// Written in a plain template literal: `\`` and `\${` are escapes of this file, not of the output.
const HELPERS: Record<HelperName, Helper> = {
  where: {
    deps: [],
    code: `
function ueWhere(event: string, field: string, problem: string): string {
  return 'event \`' + event + '\` field \`' + field + '\`: ' + problem;
}`,
  },
  fail: {
    deps: ['where'],
    code: `
// Encoders only: a value that does not fit is the caller's bug, so it throws.
function ueFail(event: string, field: string, problem: string): never {
  throw new RangeError(ueWhere(event, field, problem));
}`,
  },
  describe: {
    deps: [],
    code: `
function ueDescribe(x: unknown): string {
  if (typeof x === 'bigint') return x + 'n';
  if (typeof x === 'string') return JSON.stringify(x);
  if (x instanceof Uint8Array) return 'Uint8Array(' + x.length + ')';
  return typeof x === 'number' ? String(x) : typeof x;
}`,
  },
  utf8: {
    deps: [],
    code: `
// UTF-8 like TextEncoder: a lone surrogate becomes U+FFFD.
function ueUtf8(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}`,
  },
  text: {
    deps: [],
    code: `
// UTF-8 decoding like TextDecoder: each maximal invalid subsequence becomes one U+FFFD.
function ueText(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n <= 0) {
      s += n === 0 ? String.fromCharCode(c) : '\\ufffd';
      i++;
      continue;
    }
    // The second byte's range excludes overlongs (E0, F0), surrogates (ED) and > U+10FFFF (F4).
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    let cp = c & (0x3f >> n);
    let j = 1;
    for (; j <= n && i + j < b.length; j++) {
      const d = b[i + j]!;
      if (d < (j === 1 ? lo : 0x80) || d > (j === 1 ? hi : 0xbf)) break;
      cp = (cp << 6) | (d & 0x3f);
    }
    s += j > n ? String.fromCodePoint(cp) : '\\ufffd';
    i += j;
  }
  return s;
}`,
  },
  cstr: {
    deps: ['text'],
    code: `
// A char[N] holds a C string: the text ends at the first NUL (the zero padding).
function ueCstr(b: Uint8Array): string {
  const nul = b.indexOf(0);
  return ueText(nul < 0 ? b : b.subarray(0, nul));
}`,
  },
  bytesOf: {
    deps: ['fail', 'describe', 'utf8'],
    code: `
function ueBytesOf(x: unknown, event: string, field: string): Uint8Array {
  if (typeof x === 'string') return ueUtf8(x);
  if (x instanceof Uint8Array) return x;
  return ueFail(event, field, 'expected a string or Uint8Array, got ' + ueDescribe(x));
}`,
  },
  int: {
    deps: ['fail', 'describe'],
    code: `
// Integers up to 32 bits are numbers; out of range is an error, never truncation.
function ueInt(view: DataView, at: number, size: 1 | 2 | 4, signed: boolean, x: unknown, event: string, field: string): void {
  const lo = signed ? -(2 ** (size * 8 - 1)) : 0;
  const hi = signed ? 2 ** (size * 8 - 1) - 1 : 2 ** (size * 8) - 1;
  if (typeof x !== 'number' || !Number.isInteger(x) || x < lo || x > hi) {
    ueFail(event, field, ueDescribe(x) + ' is not an integer in ' + lo + '..' + hi);
  }
  if (size === 1) view.setUint8(at, x & 0xff);
  else if (size === 2) view.setUint16(at, x & 0xffff, true);
  else view.setUint32(at, x >>> 0, true);
}`,
  },
  big: {
    deps: ['fail', 'describe'],
    code: `
function ueBig(view: DataView, at: number, signed: boolean, x: unknown, event: string, field: string): void {
  const lo = signed ? -(2n ** 63n) : 0n;
  const hi = signed ? 2n ** 63n - 1n : 2n ** 64n - 1n;
  if (typeof x !== 'bigint' || x < lo || x > hi) {
    ueFail(event, field, ueDescribe(x) + ' is not a bigint in ' + lo + '..' + hi);
  }
  if (signed) view.setBigInt64(at, x, true);
  else view.setBigUint64(at, x, true);
}`,
  },
  chars: {
    deps: ['fail', 'bytesOf'],
    code: `
// char[N]: zero-padded (the output array starts zeroed). Too long is an error unless truncating;
// a string is then cut at a UTF-8 character boundary.
function ueChars(out: Uint8Array, at: number, size: number, x: unknown, truncate: boolean, event: string, field: string): void {
  let b = ueBytesOf(x, event, field);
  if (b.length > size) {
    if (!truncate) ueFail(event, field, b.length + ' bytes do not fit char[' + size + '] (pass { truncate: true } to cut)');
    let cut = size;
    if (typeof x === 'string') while (cut > 0 && (b[cut]! & 0xc0) === 0x80) cut--;
    b = b.subarray(0, cut);
  }
  out.set(b, at);
}`,
  },
  raw: {
    deps: ['fail', 'describe'],
    code: `
// struct X name N: exactly N raw bytes.
function ueRaw(out: Uint8Array, at: number, size: number, x: unknown, event: string, field: string): void {
  if (!(x instanceof Uint8Array) || x.length !== size) ueFail(event, field, 'expected a Uint8Array of ' + size + ' bytes, got ' + ueDescribe(x));
  out.set(x, at);
}`,
  },
  dynText: {
    deps: ['fail', 'bytesOf'],
    code: `
// Dynamic char data ends with the NUL the kernel checks for (spec section 8).
function ueDynText(x: unknown, event: string, field: string): Uint8Array {
  const b = ueBytesOf(x, event, field);
  if (b.length + 1 > 0xffff) ueFail(event, field, b.length + 1 + ' bytes (with NUL) exceed the 65535-byte dynamic limit');
  const out = new Uint8Array(b.length + 1);
  out.set(b);
  return out;
}`,
  },
  dynRaw: {
    deps: ['fail', 'describe'],
    code: `
function ueDynRaw(x: unknown, event: string, field: string): Uint8Array {
  if (!(x instanceof Uint8Array)) return ueFail(event, field, 'expected a Uint8Array, got ' + ueDescribe(x));
  if (x.length > 0xffff) ueFail(event, field, x.length + ' bytes exceed the 65535-byte dynamic limit');
  return x;
}`,
  },
  dyn: {
    deps: ['fail'],
    code: `
// Appends dynamic data at payload offset \`tail\` and stores offset | length << 16 in the field.
// __data_loc offsets count from the record start (payload + 8); __rel_loc ones from the end of
// the 4-byte field. Returns the new tail.
function ueDyn(out: Uint8Array, view: DataView, base: number, at: number, rel: boolean, data: Uint8Array, tail: number, event: string, field: string): number {
  const offset = rel ? tail - (at + 4) : tail + 8;
  if (offset > 0xffff) ueFail(event, field, 'data offset ' + offset + ' exceeds the 16-bit limit 65535');
  view.setUint32(base + at, offset + data.length * 0x10000, true);
  out.set(data, base + tail);
  return tail + data.length;
}`,
  },
  index: {
    deps: [],
    code: `
// write_index is a native int; the kernel rejects negative ones (EINVAL).
function ueIndex(out: Uint8Array, index: number): Uint8Array {
  if (!Number.isInteger(index) || index < 0 || index > 0x7fffffff) throw new RangeError('write_index ' + index + ' is not an integer in 0..2147483647');
  new DataView(out.buffer, out.byteOffset, out.byteLength).setUint32(0, index, true);
  return out;
}`,
  },
  short: {
    deps: [],
    code: `
function ueShort(event: string, length: number, size: number): { ok: false; error: string } {
  return { ok: false, error: 'event \`' + event + '\`: payload is ' + length + ' bytes, shorter than the ' + size + '-byte fixed part' };
}`,
  },
  dynGet: {
    deps: ['where'],
    code: `
// The data of a dynamic field, or an error message naming the field (decoders never throw).
// Checked like the kernel's write-time validation (spec section 8). With \`strict\` (linux) char
// data must end with NUL, which is dropped; v5 never checked.
function ueDynGet(bytes: Uint8Array, view: DataView, at: number, rel: boolean, text: boolean, strict: boolean, event: string, field: string): Uint8Array | string {
  const loc = view.getUint32(at, true);
  const offset = loc & 0xffff;
  const length = loc >>> 16;
  const start = rel ? at + 4 + offset : offset - 8;
  if (start < 0) return ueWhere(event, field, 'data offset ' + offset + ' points into the common header');
  if (start + length > bytes.length) return ueWhere(event, field, 'data at payload bytes ' + start + '..' + (start + length) + ' ends past the payload end ' + bytes.length);
  if (!text) return bytes.slice(start, start + length);
  if (length > 0 && bytes[start + length - 1] === 0) return bytes.subarray(start, start + length - 1);
  if (strict) return ueWhere(event, field, length === 0 ? 'string data is empty, without its NUL' : 'string data does not end with NUL');
  return bytes.subarray(start, start + length);
}`,
  },
};

const ORDER = Object.keys(HELPERS) as HelperName[];

/** The code of the named helpers and their dependencies, in a fixed order. */
export function helperCode(used: ReadonlySet<HelperName>): string[] {
  const all = new Set<HelperName>();
  const add = (h: HelperName): void => {
    if (all.has(h)) return;
    all.add(h);
    HELPERS[h].deps.forEach(add);
  };
  used.forEach(add);
  return ORDER.filter((h) => all.has(h)).map((h) => HELPERS[h].code.trim());
}
