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

export interface Rule {
  /** The catalog entry this rule reports. */
  entry: CatalogEntry<any>;
  check(ctx: RuleContext): void;
}
