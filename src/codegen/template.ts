// The `dedent` template tag the generators write their output with. Pure.
// It lets a template be indented like the code around it (Langium's `expandToString`).
// Only LF ends a line and only space and tab are whitespace here: String#trim and the regex `m`
// flag would also take U+2028, U+2029, CR and U+00A0, and so rewrite a value that holds them.

const BLANK = /^[ \t]*$/;
const INDENT = /^[ \t]*/;

/**
 * Strips the template's common indentation, its first line if empty and its last line if blank.
 * A multi-line value is indented to the column where it is interpolated, and an array value is
 * joined with newlines. A line holding only whitespace and one empty value is dropped, so
 * optional parts cost no blank line.
 *
 * @example
 * dedent`
 *   struct a {
 *   	${['int x;', 'int y;']}
 *   };
 * ` // → 'struct a {\n\tint x;\n\tint y;\n};'
 */
export function dedent(strings: TemplateStringsArray, ...values: unknown[]): string {
  // A placeholder byte stands in for each value while indentation is measured, so a value's own
  // text never affects the common indent. U+E000 is private-use and never appears in templates.
  const HOLE = '\uE000';
  let lines = strings.join(HOLE).split('\n');
  if (lines.length > 0 && BLANK.test(lines[0]!)) lines = lines.slice(1);
  if (lines.length > 0 && BLANK.test(lines[lines.length - 1]!)) lines = lines.slice(0, -1);

  const indents = lines.filter((l) => !BLANK.test(l)).map((l) => INDENT.exec(l)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;

  let next = 0;
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.slice(Math.min(common, INDENT.exec(raw)![0].length));
    const lead = INDENT.exec(line)![0];
    const parts = line.split(HOLE);
    const rendered = parts.map((text, i) => {
      if (i === 0) return text;
      const value = values[next++];
      const str = Array.isArray(value) ? value.join('\n') : String(value);
      return str.replace(/\n(?!$)/g, `\n${lead}`) + text;
    });
    // e.g. a line `\t${optional}` with optional = '' disappears entirely.
    if (parts.length === 2 && BLANK.test(parts[0]!) && BLANK.test(parts[1]!) && rendered.join('') === parts[0]! + parts[1]!) {
      continue;
    }
    out.push(rendered.join(''));
  }
  // Lines of multi-line values must not carry indentation onto empty lines.
  return out.join('\n').split('\n').map((l) => (BLANK.test(l) ? '' : l)).join('\n');
}
