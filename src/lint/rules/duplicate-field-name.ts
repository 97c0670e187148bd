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
  plain: { kind: 'excluded', because: 'the plain path hands a definition with a repeated field name to the full path' },
  check(ctx) {
    const named = ctx.namedFields;
    if (named.length < 2) return;
    if (named.length <= PAIRWISE_LIMIT) {
      for (let i = 1; i < named.length; i++) {
        const raw = named[i]!.name.raw;
        if (raw === '') continue; // reported as empty-field-name
        // Length and first byte first: comparing two fresh strings is a call, these are loads.
        const length = raw.length;
        const first = raw.charCodeAt(0);
        for (let j = 0; j < i; j++) {
          const other = named[j]!.name.raw;
          if (other.length === length && other.charCodeAt(0) === first && other === raw) { report(ctx, i, named[j]!.name.span); break; }
        }
      }
      return;
    }
    // Many fields: an open-addressing table of first occurrences, keyed by a
    // 32-bit FNV-1a of the name. A Map hashes each fresh name string itself and
    // cost about 60 ns per field, most of a 70-field definition's rule time.
    const mask = (1 << (32 - Math.clz32(named.length * 2 - 1))) - 1; // power of two ≥ 2n, minus 1
    const table = new Int32Array(mask + 1); // index + 1 of a first occurrence; 0 = empty
    for (let i = 0; i < named.length; i++) {
      const raw = named[i]!.name.raw;
      if (raw === '') continue;
      let h = 0x811c9dc5;
      for (let k = 0; k < raw.length; k++) h = Math.imul(h ^ raw.charCodeAt(k), 16777619);
      let slot = h & mask;
      for (;;) {
        const entry = table[slot]!;
        if (entry === 0) { table[slot] = i + 1; break; }
        const first = named[entry - 1]!.name;
        if (first.raw === raw) { report(ctx, i, first.span); break; }
        slot = (slot + 1) & mask;
      }
    }
  },
};
