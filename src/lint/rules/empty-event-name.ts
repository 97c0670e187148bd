import { catalog } from '../../diagnostics/catalog.js';
import type { Rule } from '../rule.js';

/** ` test u32 a` or an empty string: accepted by the parser, unusable in tracefs (spec §14). */
export const emptyEventName: Rule = {
  entry: catalog.emptyEventName,
  plain: { kind: 'excluded', because: 'a plain event name has at least one word byte' },
  check(ctx) {
    if (ctx.ast.name.raw !== '') return;
    const at = ctx.ast.name.span.start;
    // Point at the leading space when there is one; else at the (empty) start.
    const end = ctx.ast.source.text.length > 0 ? at + 1 : at;
    ctx.report(catalog.emptyEventName, [], { start: at, end });
  },
};
