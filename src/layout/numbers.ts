// The kernel's kstrtouint(), on byte strings: optional `+`, digits of the base,
// optional single trailing `\n`, value < 2^32. Returns undefined where the kernel
// answers an error. Hand-written, not Number()/parseInt(), which accept
// whitespace, `_`, exponents and partial input.

function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  if (l >= 0x61 && l <= 0x66) return l - 0x61 + 10;
  return 99;
}

function parseUint(s: string, autoBase: boolean): number | undefined {
  let i = s.charCodeAt(0) === 0x2b /* + */ ? 1 : 0;
  let end = s.length;
  let base = 10;
  if (autoBase && s.charCodeAt(i) === 0x30 /* 0 */) {
    // `0x` counts as a hex prefix only when a hex digit follows; else octal.
    if ((s.charCodeAt(i + 1) | 0x20) === 0x78 && digitValue(s.charCodeAt(i + 2)) < 16) {
      base = 16;
      i += 2;
    } else base = 8;
  }
  if (end > i && s.charCodeAt(end - 1) === 0x0a) end--;
  if (i >= end) return undefined;
  let value = 0;
  for (let k = i; k < end; k++) {
    const d = digitValue(s.charCodeAt(k));
    if (d >= base) return undefined;
    value = value * base + d;
    if (value > 0xffffffff) return undefined;
  }
  return value;
}

/** `char[N]` lengths: base auto-detect. `0x14`, `024`, `+20` → 20; `08`, `0x`, `` → undefined. */
export function parseArrayLength(text: string): number | undefined {
  return parseUint(text, true);
}

/** Struct sizes: decimal only. `16`, `+016` → 16; `0x10`, `-1`, `4294967296` → undefined. */
export function parseStructSize(text: string): number | undefined {
  return parseUint(text, false);
}
