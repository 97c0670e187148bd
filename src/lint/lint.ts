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

/** `[A-Za-z_][A-Za-z0-9_]*`, as a loop: it runs for every field name on the hot path. */
export function isIdentifier(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 0x20; // ASCII letters fold to lower case
    if ((c >= 0x61 && c <= 0x7a) || s.charCodeAt(i) === 0x5f) continue;
    const d = s.charCodeAt(i);
    if (i > 0 && d >= 0x30 && d <= 0x39) continue;
    return false;
  }
  return true;
}

// The rules of each ABI, filtered once rather than per definition.
const rulesByAbi = new Map<AbiName, readonly Rule[]>();
function rulesFor(abi: AbiName): readonly Rule[] {
  let list = rulesByAbi.get(abi);
  if (!list) rulesByAbi.set(abi, (list = rules.filter((r) => r.entry.abis.includes(abi))));
  return list;
}

export function runRules(ast: DefinitionAst, profile: AbiProfile, fields: readonly FieldDetail[], accepted: boolean, report: Report): void {
  const namedFields: NamedField[] = [];
  let allIdentifiers = true;
  for (const p of ast.pieces) {
    const name = p.field?.rest[0];
    if (p.field && name) {
      const identifier = isIdentifier(name.text);
      if (!identifier) allIdentifiers = false;
      namedFields.push({ ast: p.field, name, identifier });
    }
  }
  const ctx: RuleContext = { ast, profile, fields, namedFields, allIdentifiers, accepted, report };
  for (const rule of rulesFor(profile.name)) {
    try {
      rule.check(ctx);
    } catch (err) {
      report(catalog.internalError, [rule.entry.name, err instanceof Error ? err.message : String(err)], ast.span);
    }
  }
}
