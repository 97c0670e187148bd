import { catalog } from '../../diagnostics/catalog.js';
import type { Span } from '../../diagnostics/diagnostic.js';
import type { Rule, RuleContext } from '../rule.js';

// Up to this many fields, comparing each name with the earlier ones beats building
// a Map per definition (the hot path); beyond it, a Map keeps huge inputs linear.
const PAIRWISE_LIMIT = 16;

function report(ctx: RuleContext, i: number, first: Span): void {
  const name = ctx.namedFields[i]!.name;
  ctx.report(catalog.duplicateFieldName, [name.text], name.span, { related: [{ span: first, label: 'first defined here' }] });
}

/** `u32 pid; u32 pid`: the kernel does not check; consumers see only one. */
export const duplicateFieldName: Rule = {
  entry: catalog.duplicateFieldName,
  check(ctx) {
    const named = ctx.namedFields;
    if (named.length < 2) return;
    if (named.length <= PAIRWISE_LIMIT) {
      for (let i = 1; i < named.length; i++) {
        const raw = named[i]!.name.raw;
        if (raw === '') continue; // reported as empty-field-name
        for (let j = 0; j < i; j++) {
          if (named[j]!.name.raw === raw) { report(ctx, i, named[j]!.name.span); break; }
        }
      }
      return;
    }
    const seen = new Map<string, Span>();
    for (let i = 0; i < named.length; i++) {
      const name = named[i]!.name;
      if (name.raw === '') continue;
      const first = seen.get(name.raw);
      if (first) report(ctx, i, first);
      else seen.set(name.raw, name.span);
    }
  },
};
