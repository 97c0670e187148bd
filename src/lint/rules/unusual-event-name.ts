import { catalog } from '../../diagnostics/catalog.js';
import { isWord } from '../../source/word-bytes.js';
import type { Rule } from '../rule.js';

/** `my-event`, `a/b`, `x.y`: not validated by the kernel, trouble for tracefs and tools. */
export const unusualEventName: Rule = {
  entry: catalog.unusualEventName,
  check(ctx) {
    const name = ctx.ast.name;
    if (name.raw !== '' && !isWord(name.text)) ctx.report(catalog.unusualEventName, [name.text], name.span);
  },
};
