import { catalog, showText } from '../../diagnostics/catalog.js';
import type { Span } from '../../diagnostics/diagnostic.js';
import { isKernelSpace } from '../../grammar/kernel-text.js';
import { argsMatchFields } from '../../layout/matching.js';
import type { Rule, RuleContext } from '../rule.js';

const hasKernelSpace = (raw: string) => {
  for (let i = 0; i < raw.length; i++) if (isKernelSpace(raw.charCodeAt(i))) return true;
  return false;
};

/** Name the first reason the textual match (spec §4.2) fails, with a span on it. */
function explain(ctx: RuleContext): { reason: string; span: Span } {
  const pieces = ctx.ast.pieces;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (!piece.field && i < pieces.length - 1) {
      const semi = piece.bytes.end; // the `;` that ends this empty piece
      const at = ctx.ast.source.toTextOffset(semi);
      return { reason: 'an empty `;` piece leaves a stray `;` token', span: { start: at, end: at + 1 } };
    }
  }
  for (const f of ctx.fields) {
    const ast = f.ast;
    if (f.name === '') return { reason: 'a field has an empty name', span: ast.type.span };
    if (hasKernelSpace(ast.rest[0]!.raw)) return { reason: `field name \`${showText(f.name)}\` contains whitespace`, span: f.nameSpan };
    const sizeTok = ast.structMode ? ast.rest[1] : undefined;
    if (sizeTok && sizeTok.raw !== String(f.size)) {
      return { reason: `struct size \`${showText(sizeTok.text)}\` is stored as \`${f.size}\``, span: sizeTok.span };
    }
    // A type normally holds one space (`unsigned int`); a trailing one (`struct ` from
    // `struct  x 20`) cannot survive the whitespace split of the match.
    if (ast.type.raw.endsWith(' ')) return { reason: `type \`${showText(f.type)}\` ends in a space`, span: ast.type.span };
  }
  return { reason: 'the kernel\'s textual field match fails', span: ctx.ast.args?.span ?? ctx.ast.span };
}

// Kernel whitespace other than the space itself (0x09-0x0D, 0xA0), on bytes.
const OTHER_WHITESPACE = /[\t-\r\xa0]/;

/**
 * FAST PATH: a sufficient condition for the self-match, without building the
 * kernel's token list. With no whitespace in the args but spaces, a name (split
 * on spaces) holds none, and a type holds only its prefix's single inner spaces
 * unless it *ends* in one (`struct ` from `struct  x 20`). So it suffices that:
 * no empty piece comes before the last, every name is non-empty, no type ends in
 * a space, and struct sizes are in plain decimal. One native regex scan plus a
 * few reads per field; a property test checks that it never claims a match the
 * full procedure denies.
 */
export function plainlyIdempotent(ctx: Pick<RuleContext, 'ast' | 'fields'>): boolean {
  const { pieces, args } = ctx.ast;
  if (args !== undefined && OTHER_WHITESPACE.test(args.raw)) return false;
  for (let i = 0; i < pieces.length - 1; i++) if (!pieces[i]!.field) return false;
  for (const f of ctx.fields) {
    const ast = f.ast;
    const type = ast.type.raw;
    if (ast.rest[0]!.raw === '' || type.charCodeAt(type.length - 1) === 0x20) return false;
    if (ast.structMode && ast.rest[1]!.raw !== String(f.size)) return false;
  }
  return true;
}

/** linux: every process registers again; a string that does not match itself gets EADDRINUSE. */
export const nonIdempotentDefinition: Rule = {
  entry: catalog.nonIdempotent,
  plain: { kind: 'excluded', because: 'plain definitions have no empty pieces, no whitespace in names and plain decimal struct sizes, so they always match themselves' },
  check(ctx) {
    if (!ctx.accepted || ctx.profile.reregistration !== 'match-fields') return;
    if (plainlyIdempotent(ctx) || argsMatchFields(ctx.ast.args?.raw, ctx.fields)) return;
    const { reason, span } = explain(ctx);
    ctx.report(catalog.nonIdempotent, [reason], span);
  },
};
