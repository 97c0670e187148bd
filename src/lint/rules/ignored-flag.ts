import { catalog } from '../../diagnostics/catalog.js';
import type { Rule } from '../rule.js';

/** v5: `test:bpf_iter`, `test:` and `test:X,` parse, but only `BPF_ITER` does anything. */
export const ignoredFlag: Rule = {
  entry: catalog.ignoredFlag,
  check(ctx) {
    const flags = ctx.ast.flags;
    if (!flags || ctx.profile.flagPolicy !== 'parse') return;
    for (const item of flags.items) {
      if (ctx.profile.knownFlags.includes(item.raw)) continue;
      const span = item.raw === '' ? flags.colon : item.span;
      ctx.report(catalog.ignoredFlag, [item.text], span);
    }
  },
};
