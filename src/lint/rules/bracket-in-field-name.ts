import { catalog } from '../../diagnostics/catalog.js';
import type { Rule } from '../rule.js';

const C_ARRAY = /^([^[]+)(\[[^\]]*\])$/; // e.g. `msg[20]` → `msg`, `[20]`

/**
 * `char msg[20]` is one char named `msg[20]`; the C habit, not an array.
 * FIX SAFETY: `unsafe`. `char[20] msg` is what the author meant, but a different layout
 * from the one the kernel registers today (and `char n[0]` → `char[0] n` is EINVAL).
 */
export const bracketInFieldName: Rule = {
  entry: catalog.bracketInFieldName,
  plain: { kind: 'excluded', because: 'plain field names are identifiers, so they hold no `[`' },
  check(ctx) {
    if (ctx.allIdentifiers) return;
    for (const { ast, name, identifier } of ctx.namedFields) {
      if (identifier) continue;
      // `__data_loc  char[] a`: a doubled space made `char[]` the name; that error says it better.
      if (!name.text.includes('[') || ast.type.raw.endsWith(' ')) continue;
      const type = ast.type.text;
      const size = ctx.fields.find((f) => f.ast === ast)?.size ?? 1;
      const m = C_ARRAY.exec(name.text);
      const fixable = m && (type === 'char' || type === 'unsigned char') && ast.rest.length === 1;
      ctx.report(catalog.bracketInFieldName, [name.text, size, type], name.span, {
        ...(fixable ? {
          fix: {
            span: { start: ast.type.span.start, end: name.span.end },
            replacement: `${type}${m[2]} ${m[1]}`,
            description: `move the array length into the type: \`${type}${m[2]} ${m[1]}\``,
            applicability: 'unsafe',
          },
        } : {}),
      });
    }
  },
};
