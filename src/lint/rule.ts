// What a lint rule sees and how it reports. Rules find problems in definitions
// the kernel accepts (or would accept but for another problem); they never build
// Diagnostic objects, format text, or read configuration.
import type { CatalogEntry } from '../diagnostics/catalog.js';
import type { Report } from '../diagnostics/report.js';
import type { DefinitionAst, FieldAst, TextNode } from '../grammar/ast.js';
import type { FieldDetail } from '../layout/layout.js';
import type { AbiProfile } from '../layout/profiles.js';

/** A field as written, whether or not it laid out: every piece with a type and a name token. */
export interface NamedField {
  ast: FieldAst;
  name: TextNode;
  /**
   * The name is a plain C identifier (`[A-Za-z_][A-Za-z0-9_]*`). Computed once per
   * field because most name rules can stop at this fact, and testing it in every
   * rule was a measurable share of the hot path.
   */
  identifier: boolean;
}

export interface RuleContext {
  ast: DefinitionAst;
  profile: AbiProfile;
  /** Fields that laid out (all of them when `accepted`). */
  fields: readonly FieldDetail[];
  /** Every field that has a name token, in order, including rejected ones. */
  namedFields: readonly NamedField[];
  /**
   * Every named field's name is a plain identifier. The rules that look only at
   * other names return at once: four loops over the fields per definition were
   * measurable on the hot path.
   */
  allIdentifiers: boolean;
  /** True when the kernel accepts the definition. */
  accepted: boolean;
  report: Report;
}

/**
 * What parseDefinition's plain fast path (src/plain-definition.ts) must do about a rule. The
 * plain path judges most definitions without an AST and without running the rules, so every
 * rule says, structurally, whether it can fire on a definition the plain path accepts:
 * - `excluded`: it cannot; `because` names what the plain path's grammar rules out;
 * - `reported`: the plain path reports this rule's code itself (UE112);
 * - `watch`: it can, and the plain path hands the definition to the full path when the event
 *   name passes `eventName` or a field is named one of `fieldNames` (compared by the hash the
 *   plain path computes anyway, so a watch costs one table read per field).
 * test/lint/plain-contract.test.ts checks every catalog code against this.
 */
export type PlainContract =
  | { readonly kind: 'excluded'; readonly because: string }
  | { readonly kind: 'reported' }
  | { readonly kind: 'watch'; readonly eventName?: (name: string) => boolean; readonly fieldNames?: readonly string[] };

export interface Rule {
  /** The catalog entry this rule reports. */
  entry: CatalogEntry<any>;
  /** Whether and when the rule can fire on a plain definition (see PlainContract). */
  plain: PlainContract;
  check(ctx: RuleContext): void;
}
