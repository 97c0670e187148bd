// Runs every rule over one parsed definition. A rule that throws becomes a
// UE901 diagnostic instead of a crash (the other rules still run).
import { catalog } from '../diagnostics/catalog.js';
import type { Report } from '../diagnostics/report.js';
import type { DefinitionAst } from '../grammar/ast.js';
import type { FieldDetail } from '../layout/layout.js';
import type { AbiProfile } from '../layout/profiles.js';
import type { AbiName } from '../layout/types.js';
import type { NamedField, Rule, RuleContext } from './rule.js';
import { rules } from './rules/index.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

// The rules of each ABI, filtered once rather than per definition.
const rulesByAbi = new Map<AbiName, readonly Rule[]>();
function rulesFor(abi: AbiName): readonly Rule[] {
  let list = rulesByAbi.get(abi);
  if (!list) rulesByAbi.set(abi, (list = rules.filter((r) => r.entry.abis.includes(abi))));
  return list;
}

export function runRules(ast: DefinitionAst, profile: AbiProfile, fields: readonly FieldDetail[], accepted: boolean, report: Report): void {
  const namedFields: NamedField[] = [];
  for (const p of ast.pieces) {
    const name = p.field?.rest[0];
    if (p.field && name) namedFields.push({ ast: p.field, name, identifier: IDENTIFIER.test(name.text) });
  }
  const ctx: RuleContext = { ast, profile, fields, namedFields, accepted, report };
  for (const rule of rulesFor(profile.name)) {
    try {
      rule.check(ctx);
    } catch (err) {
      report(catalog.internalError, [rule.entry.name, err instanceof Error ? err.message : String(err)], ast.span);
    }
  }
}
