// XML text for the JUnit report, inert whatever the input. XML 1.0 cannot carry most C0
// controls at all, not even as character references (`&#1;` is not well-formed), nor
// U+FFFE/U+FFFF or lone surrogates. So every character a CI page or log could misuse is
// shown as a visible escape instead (`\x1b`, `\u{202e}`): C0 and C1 controls (U+009B
// included), DEL, bidi controls, U+2028/U+2029, noncharacters and lone surrogates. Tab,
// LF and CR are escaped too, so a message cannot add lines to a report. Then the five
// markup characters become entities. The result is well-formed in text and in
// double-quoted attributes, and shows the input unambiguously (a backslash is doubled).

const UNSAFE = /[\\\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visibleEscape(ch: string): string {
  if (ch === '\\') return '\\\\';
  if (ch === '\t') return '\\t';
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  const c = ch.charCodeAt(0);
  return c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u{${c.toString(16)}}`;
}

/** `s` with every unsafe character as a visible escape (see above); plain text otherwise unchanged. */
export function showUnsafe(s: string): string {
  return s.replace(UNSAFE, visibleEscape);
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe in XML character data and in a double-quoted attribute value. */
export function xmlText(s: string): string {
  return showUnsafe(s).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
