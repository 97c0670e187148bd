// runRules: a rule that throws becomes UE901 internal-error; the other rules still run.
import { expect } from 'chai';
import { catalog, type CatalogEntry } from '../../src/diagnostics/catalog.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { createDiagnostic, type Report } from '../../src/diagnostics/report.js';
import { parse } from '../../src/grammar/parse.js';
import { computeLayout } from '../../src/layout/layout.js';
import { PROFILES } from '../../src/layout/profiles.js';
import { runRules } from '../../src/lint/lint.js';
import { ALL_ABIS, seenCodes } from '../support/code-tester.js';
import { parseOneSpan } from '../support/span-markers.js';

/**
 * Run the rules over `text`, with an acceptor that throws when `failing` reports:
 * to the rule, that is an exception inside its own check. (runRules takes no rule
 * list, so this is the only way to make a real rule throw without changing src.)
 */
function runWithFailingRule(text: string, abi: 'linux' | 'v5', failing: CatalogEntry<any>): Diagnostic[] {
  const profile = PROFILES[abi];
  const { ast } = parse(text);
  const layout = computeLayout(ast, profile, () => {});
  const out: Diagnostic[] = [];
  const report: Report = (entry, args, span, extras) => {
    if (entry === failing) throw new Error('boom');
    out.push(createDiagnostic(entry, args, span, extras));
  };
  runRules(ast, profile, layout.fields, layout.complete, report);
  return out;
}

describe('UE901 internal-error', () => {
  for (const abi of ALL_ABIS) {
    it(`[${abi}] turns a throwing rule into UE901 and keeps running the others`, () => {
      const { text, span } = parseOneSpan('<|wake u32 pid; u32 pid; u32 common_pid|>');
      const out = runWithFailingRule(text, abi, catalog.duplicateFieldName);
      const internal = out.filter((d) => d.code === catalog.internalError.code);
      expect(internal).to.have.length(1);
      const d = internal[0]!;
      seenCodes.add(d.code);
      expect(d.name).to.equal('internal-error');
      expect(d.severity).to.equal('error');
      expect(d.span).to.deep.equal(span);
      expect(d.errno).to.equal(undefined);
      expect(d.message).to.equal(catalog.internalError.message('duplicate-field-name', 'boom'));
      expect(d.help).to.equal(catalog.internalError.help!('duplicate-field-name', 'boom'));
      // A later rule (UE105) still reported.
      expect(out.map((x) => x.code)).to.include(catalog.commonFieldClash.code);
      expect(out.map((x) => x.code)).to.not.include(catalog.duplicateFieldName.code);
    });
  }

  it('reports nothing extra when no rule throws', () => {
    const { ast } = parse('wake u32 pid');
    const out: Diagnostic[] = [];
    runRules(ast, PROFILES.linux, computeLayout(ast, PROFILES.linux, () => {}).fields, true, (e, a, s, x) => { out.push(createDiagnostic(e, a, s, x)); });
    expect(out).to.deep.equal([]);
  });
});
