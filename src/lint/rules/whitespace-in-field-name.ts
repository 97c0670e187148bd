import { catalog } from '../../diagnostics/catalog.js';
import type { Rule } from '../rule.js';

const WHITESPACE = /[\t\n\v\f\r]/; // the space itself can never be inside a token

/** `u32 a\t`: the tab (or a CR from a CRLF file) is part of the name. */
export const whitespaceInFieldName: Rule = {
  entry: catalog.nameTrailingWhitespace,
  plain: { kind: 'excluded', because: 'plain field names are identifiers' },
  check(ctx) {
    if (ctx.allIdentifiers) return;
    for (const { name, identifier } of ctx.namedFields) {
      if (!identifier && WHITESPACE.test(name.text)) ctx.report(catalog.nameTrailingWhitespace, [name.text], name.span);
    }
  },
};
