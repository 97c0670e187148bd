import { catalog } from '../../diagnostics/catalog.js';
import type { Rule } from '../rule.js';

/** `u32 ` (type, space, nothing): the kernel stores an empty name. */
export const emptyFieldName: Rule = {
  entry: catalog.emptyFieldName,
  plain: { kind: 'excluded', because: 'a plain field name has at least one word byte' },
  check(ctx) {
    if (ctx.allIdentifiers) return;
    for (const { ast, name, identifier } of ctx.namedFields) {
      if (identifier || name.raw !== '' || ast.rest.length > (ast.structMode ? 2 : 1)) continue;
      // Point at the space that made the empty token.
      const at = name.span.start;
      ctx.report(catalog.emptyFieldName, [ast.type.text], { start: Math.max(at - 1, 0), end: at });
    }
  },
};
