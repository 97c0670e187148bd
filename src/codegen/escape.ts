// Escaping of user text (event names, field names, types, definitions, paths) into generated
// source. Names are arbitrary text, so everything here emits printable ASCII only: no line
// terminator of any language (LF, CR, U+2028, U+2029, NEL), no bidi control, no byte a
// compiler or editor could read differently. Pure.

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/**
 * Text for a one-line comment in C (`/* … *\/`) or TypeScript (`//`, `/** … *\/`), printable ASCII
 * only. Escapes read like JavaScript's: `\\`, `\n`, `\r`, `\t`, `\u2028`, `\u{1f600}`. Also
 * spelled as escapes: a `*` next to `/` (`\x2a`), so the text can neither end the comment nor
 * open a nested one (gcc's -Wcomment), and a `?` after `?` (`\x3f`), so no C trigraph (`??/` is
 * a backslash under -std=c11) can form. e.g. `a*\/b` → `a\x2a/b`.
 */
export function commentText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5c) out += '\\\\';
    else if (c === 0x2a && (s[i - 1] === '/' || s[i + 1] === '/')) out += '\\x2a';
    else if (c === 0x3f && s[i - 1] === '?') out += '\\x3f';
    else if (c >= 0x20 && c < 0x7f) out += s[i];
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) {
        out += `\\u{${hex(cp, 1)}}`;
        i++;
      } else out += `\\u${hex(c, 4)}`;
    }
  }
  return out;
}

/**
 * A TypeScript (and JavaScript) string literal of `s`, printable ASCII only: every other UTF-16
 * code unit is a `\uXXXX` escape, so the literal evaluates to exactly `s`, lone surrogates included.
 */
export function tsString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c >= 0x20 && c < 0x7f) out += s[i];
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else out += `\\u${hex(c, 4)}`;
  }
  return `${out}"`;
}

/**
 * A C string literal of the UTF-8 bytes of `s` (a lone surrogate becomes U+FFFD, as in
 * TextEncoder and in ue-lint's own view of a definition). Non-printable and non-ASCII bytes
 * become three-digit octal escapes (never hex: `\xAB` would swallow a following hex digit), and
 * every `?` is escaped because `-std=c11` enables trigraphs (`??=` would become `#`).
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

const TS_IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A TypeScript property name: bare when it is an identifier, else a string literal. e.g. `a[4]` → `"a[4]"`. */
export function tsPropName(key: string): string {
  return TS_IDENT.test(key) ? key : tsString(key);
}

/** A TypeScript property access on `obj`: `obj.a` or `obj["a[4]"]`. */
export function tsPropAccess(obj: string, key: string): string {
  return TS_IDENT.test(key) ? `${obj}.${key}` : `${obj}[${tsString(key)}]`;
}
