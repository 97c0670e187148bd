import { catalog } from '../../diagnostics/catalog.js';
import { isKernelSpace } from '../../grammar/kernel-text.js';
import type { Rule } from '../rule.js';

/** The fix's edit (shared with the plain-definition fast path, which reports UE112 too). */
export const SEPARATOR_FIX = { replacement: '; ', description: 'put a space after `;`' } as const;

const NO_ARGS: [] = [];

/** `u32 a;u32 b`: fine today, EADDRINUSE on re-registration with 6.4–6.8 kernels. */
export const separatorWithoutSpace: Rule = {
  entry: catalog.separatorWithoutSpace,
  plain: { kind: 'reported' },
  check(ctx) {
    const { pieces, source } = ctx.ast;
    const bytes = source.bytes;
    for (let i = 0; i < pieces.length - 1; i++) {
      // Every piece but the last ends at its `;`, so a next piece starts right after it.
      const semi = pieces[i]!.bytes.end;
      if (semi + 1 >= bytes.length || isKernelSpace(bytes.charCodeAt(semi + 1))) continue; // a trailing `;` has no next piece to space
      const at = source.ascii ? semi : source.toTextOffset(semi);
      const span = { start: at, end: at + 1 };
      ctx.report(catalog.separatorWithoutSpace, NO_ARGS, span, { fix: { span, replacement: SEPARATOR_FIX.replacement, description: SEPARATOR_FIX.description } });
    }
  },
};
