import { catalog } from '../../diagnostics/catalog.js';
import type { Span } from '../../diagnostics/diagnostic.js';
import type { Rule } from '../rule.js';

/** `u32 pid; u32 pid`: the kernel does not check; consumers see only one. */
export const duplicateFieldName: Rule = {
  entry: catalog.duplicateFieldName,
  check(ctx) {
    if (ctx.namedFields.length < 2) return;
    const seen = new Map<string, Span>();
    for (const { name } of ctx.namedFields) {
      if (name.raw === '') continue; // reported as empty-field-name
      const first = seen.get(name.raw);
      if (first) ctx.report(catalog.duplicateFieldName, [name.text], name.span, { related: [{ span: first, label: 'first defined here' }] });
      else seen.set(name.raw, name.span);
    }
  },
};
