import { catalog } from '../../diagnostics/catalog.js';
import type { Rule } from '../rule.js';

// Names with these already get a more specific code (empty, `[`, whitespace).
const OTHER_RULES = /[[\t\n\v\f\r]/;

/** `u32 a:b`, `u32 9lives`, `u32 "x"`: pasted verbatim into print fmt and filters. */
export const unusualFieldName: Rule = {
  entry: catalog.unusualFieldName,
  plain: { kind: 'excluded', because: 'plain field names are identifiers' },
  check(ctx) {
    if (ctx.allIdentifiers) return;
    for (const { name, identifier } of ctx.namedFields) {
      if (identifier || name.raw === '' || OTHER_RULES.test(name.text)) continue;
      ctx.report(catalog.unusualFieldName, [name.text], name.span);
    }
  },
};
