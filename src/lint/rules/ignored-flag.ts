import { catalog } from '../../diagnostics/catalog.js';
import type { Rule } from '../rule.js';

/** v5: `test:bpf_iter`, `test:` and `test:X,` parse, but only `BPF_ITER` does anything. */
export const ignoredFlag: Rule = {
  entry: catalog.ignoredFlag,
  plain: { kind: 'excluded', because: 'the plain path is linux only and a plain head has no `:`' },
  check(ctx) {
    const flags = ctx.ast.flags;
    if (!flags || ctx.profile.flagPolicy !== 'parse') return;
    for (const item of flags.items) {
      if (ctx.profile.knownFlags.includes(item.raw)) continue;
      // An empty item has no text: point at the `:` or `,` just before it, so
      // `test:X,,Y` marks the first `,` (not the colon) and `test:` the colon.
      const span = item.raw === '' ? { start: item.span.start - 1, end: item.span.start } : item.span;
      ctx.report(catalog.ignoredFlag, [item.text], span);
    }
  },
};
