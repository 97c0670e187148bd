import { catalog } from '../../diagnostics/catalog.js';
import type { Rule } from '../rule.js';

const COMMON = new Set(['common_type', 'common_flags', 'common_preempt_count', 'common_pid']);

/** `u32 common_pid`: the format file then has two fields of that name. */
export const commonFieldNameClash: Rule = {
  entry: catalog.commonFieldClash,
  plain: { kind: 'excluded', because: 'the plain path hands every `common_*` field name to the full path' },
  check(ctx) {
    for (const { name } of ctx.namedFields) {
      // A prefix test before the Set: hashing every name (`count`, `comm`) was measurable on the hot path.
      if (name.raw.startsWith('common_') && COMMON.has(name.text)) ctx.report(catalog.commonFieldClash, [name.text], name.span);
    }
  },
};
