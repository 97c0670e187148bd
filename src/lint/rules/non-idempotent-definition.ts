import { catalog, showText } from '../../diagnostics/catalog.js';
import type { Span } from '../../diagnostics/diagnostic.js';
import { isKernelSpace } from '../../grammar/tokens.js';
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

/** No kernel whitespace byte except single inner spaces (`unsigned int`, not `struct `). */
function singleSpaced(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!isKernelSpace(c)) continue;
    if (c !== 0x20 || i === 0 || i === raw.length - 1 || isKernelSpace(raw.charCodeAt(i + 1))) return false;
  }
  return true;
}

/**
 * FAST PATH: a sufficient condition for the self-match, checked per field without
 * building the kernel's token list: no empty piece before the last, every name
 * non-empty and free of whitespace, types single-spaced, struct sizes in plain
 * decimal. A property test checks that it never claims a match the full
 * procedure denies.
 */
export function plainlyIdempotent(ctx: Pick<RuleContext, 'ast' | 'fields'>): boolean {
  const pieces = ctx.ast.pieces;
  for (let i = 0; i < pieces.length - 1; i++) if (!pieces[i]!.field) return false;
  for (const f of ctx.fields) {
    const ast = f.ast;
    const name = ast.rest[0]!.raw;
    if (name === '' || hasKernelSpace(name) || !singleSpaced(ast.type.raw)) return false;
    if (ast.structMode && ast.rest[1]!.raw !== String(f.size)) return false;
  }
  return true;
}

/** linux: every process registers again; a string that does not match itself gets EADDRINUSE. */
export const nonIdempotentDefinition: Rule = {
  entry: catalog.nonIdempotent,
  check(ctx) {
    if (!ctx.accepted || ctx.profile.reregistration !== 'match-fields') return;
    if (plainlyIdempotent(ctx) || argsMatchFields(ctx.ast.args?.raw, ctx.fields)) return;
    const { reason, span } = explain(ctx);
    ctx.report(catalog.nonIdempotent, [reason], span);
  },
};
