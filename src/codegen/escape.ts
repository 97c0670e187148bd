// Escaping of user text (event names, field names, definitions) into generated source.
// Names are arbitrary bytes, so nothing here may assume identifiers. Pure.

/**
 * Text safe inside a `/* … *\/` comment in C or TypeScript, on one line: JSON-style escapes for
 * control characters, and a `*` next to `/` spelled `\x2a` so it can neither end the comment
 * nor open a nested one (gcc's -Wcomment), e.g. a `*` followed by `/`.
 */
export function commentText(s: string): string {
  return JSON.stringify(s).slice(1, -1).replace(/\*(?=\/)|(?<=\/)\*/g, '\\x2a');
}

/**
 * A C string literal holding the UTF-8 bytes of `s`. Non-printable and non-ASCII bytes become
 * three-digit octal escapes (never hex: `\xAB` would swallow a following hex digit), and `?` is
 * escaped because `-std=c11` enables trigraphs (`??=` would become `#`).
 */
export function cString(s: string): string {
  let out = '"';
  for (const b of new TextEncoder().encode(s)) {
    if (b === 0x22) out += '\\"';
    else if (b === 0x5c) out += '\\\\';
    else if (b === 0x3f) out += '\\?';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}

/** A TypeScript property name: bare when it is an identifier, else a string literal. e.g. `a[4]` → `"a[4]"`. */
export function tsPropName(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}

/** A TypeScript property access on `obj`: `obj.a` or `obj["a[4]"]`. */
export function tsPropAccess(obj: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${obj}.${key}` : `${obj}[${JSON.stringify(key)}]`;
}
