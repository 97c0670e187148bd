// The kernel sees a definition as bytes: the UTF-8 encoding of the text, cut at
// the first NUL. We represent those bytes as a "binary string" (one char per byte,
// code 0..255) so Chevrotain and plain string ops work on bytes, and map byte
// offsets back to UTF-16 offsets of the original text for spans.

const NON_ASCII_OR_NUL = /[^\x01-\x7f]/;

export interface KernelBytes {
  /** The original text, cut at the first NUL. */
  readonly text: string;
  /** One char per UTF-8 byte of `text`. Equal to `text` when it is ASCII. */
  readonly bytes: string;
  /** True when `text` held a NUL and was cut there. */
  readonly cutAtNul: boolean;
  /** True when every byte is ASCII, so byte and UTF-16 offsets coincide. */
  readonly ascii: boolean;
  /** Byte offset into `bytes` → UTF-16 offset into `text`. */
  toTextOffset(byteOffset: number): number;
  /** The text of a byte range (ranges always split at ASCII bytes, so this is exact). */
  slice(byteStart: number, byteEnd: number): string;
}

/** ASCII text: no copy, no offset table, methods on the prototype (no per-call closures). */
class AsciiBytes implements KernelBytes {
  readonly ascii = true;
  readonly bytes: string;
  constructor(readonly text: string, readonly cutAtNul: boolean) {
    this.bytes = text;
  }
  toTextOffset(byteOffset: number): number {
    return byteOffset;
  }
  slice(byteStart: number, byteEnd: number): string {
    return this.text.slice(byteStart, byteEnd);
  }
}

/** e.g. `toKernelBytes("é u8 a").bytes` is `"\xc3\xa9 u8 a"`. */
export function toKernelBytes(input: string): KernelBytes {
  // Fast path: ASCII text without NUL (one native scan) is its own byte string.
  if (!NON_ASCII_OR_NUL.test(input)) return new AsciiBytes(input, false);
  const nul = input.indexOf('\0');
  const text = nul >= 0 ? input.slice(0, nul) : input;
  if (!NON_ASCII_OR_NUL.test(text)) return new AsciiBytes(text, nul >= 0);
  const buf = Buffer.from(text, 'utf8');
  const bytes = buf.toString('latin1');
  // byteToText[b] = UTF-16 offset of the character containing byte b (for b = length: text.length).
  // A plain array, not a Uint32Array: a typed array this size gets an off-heap
  // backing store, and allocating it cost more than filling it (~0.5 µs per call).
  const byteToText: number[] = new Array<number>(bytes.length + 1);
  let loneSurrogate = false; // encoded as U+FFFD: decoding its bytes is not the text itself
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      byteToText[b++] = i;
    } else if (c < 0x800) {
      byteToText[b++] = i;
      byteToText[b++] = i;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: 4 bytes for 2 UTF-16 units, all mapped to the first.
      byteToText[b++] = i;
      byteToText[b++] = i;
      byteToText[b++] = i;
      byteToText[b++] = i;
      i++;
    } else {
      // A BMP char, or a lone surrogate (encoded as U+FFFD): 3 bytes.
      if (c >= 0xd800 && c <= 0xdfff) loneSurrogate = true;
      byteToText[b++] = i;
      byteToText[b++] = i;
      byteToText[b++] = i;
    }
  }
  byteToText[bytes.length] = text.length;
  return {
    text,
    bytes,
    cutAtNul: nul >= 0,
    ascii: false,
    toTextOffset: (off) => byteToText[Math.min(Math.max(off, 0), bytes.length)]!,
    // Token ranges start and end on character boundaries (they split at ASCII bytes),
    // so the text itself can be sliced; only a range that cuts a character (the v5
    // bracket scan's 8 bytes) is decoded, which turns the partial bytes into U+FFFD.
    slice: (s, e) => {
      const start = Math.min(Math.max(s, 0), bytes.length);
      const end = Math.min(Math.max(e, start), bytes.length);
      const cut = (at: number) => at < bytes.length && (bytes.charCodeAt(at) & 0xc0) === 0x80;
      if (!loneSurrogate && !cut(start) && !cut(end)) return text.slice(byteToText[start]!, byteToText[end]!);
      return Buffer.from(bytes.slice(start, end), 'latin1').toString('utf8');
    },
  };
}

/** UTF-8 length in bytes of a JS string (lone surrogates count 3, as TextEncoder encodes U+FFFD). */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
