import { catalog } from '../../diagnostics/catalog.js';
import { isKernelSpace } from '../../grammar/kernel-text.js';
import type { Rule } from '../rule.js';

/** The fix's edit (shared with the plain-definition fast path, which reports UE112 too). */
export const SEPARATOR_FIX = { replacement: '; ', description: 'put a space after `;`' } as const;

/**
 * FIX SAFETY: a space after `;` changes no layout (each piece's leading whitespace is
 * skipped), but every fix adds a byte: when the fixed definition would outgrow the
 * 511-byte limit an accepted definition would turn into an EINVAL, so the fixes are
 * then `unsafe`. `bytes` is the definition's UTF-8 length, `bare` the number of `;`
 * without a space (all fixed in one pass).
 */
export function separatorFixApplicability(bytes: number, bare: number, maxBytes: number): 'safe' | 'unsafe' {
  return bytes + bare <= maxBytes || bytes > maxBytes ? 'safe' : 'unsafe';
}

const NO_ARGS: [] = [];

/** `u32 a;u32 b`: fine today, EADDRINUSE on re-registration with 6.4–6.8 kernels. */
export const separatorWithoutSpace: Rule = {
  entry: catalog.separatorWithoutSpace,
  plain: { kind: 'reported' },
  check(ctx) {
    const { pieces, source } = ctx.ast;
    const bytes = source.bytes;
    // Every piece but the last ends at its `;`, so a next piece starts right after it;
    // a trailing `;` has no next piece to space.
    const bare = (semi: number) => semi + 1 < bytes.length && !isKernelSpace(bytes.charCodeAt(semi + 1));
    let count = 0;
    for (let i = 0; i < pieces.length - 1; i++) if (bare(pieces[i]!.bytes.end)) count++;
    if (count === 0) return;
    const applicability = separatorFixApplicability(bytes.length, count, ctx.profile.maxDefinitionBytes);
    for (let i = 0; i < pieces.length - 1; i++) {
      const semi = pieces[i]!.bytes.end;
      if (!bare(semi)) continue;
      const at = source.ascii ? semi : source.toTextOffset(semi);
      const span = { start: at, end: at + 1 };
      ctx.report(catalog.separatorWithoutSpace, NO_ARGS, span, { fix: { span, replacement: SEPARATOR_FIX.replacement, description: SEPARATOR_FIX.description, applicability } });
    }
  },
};
