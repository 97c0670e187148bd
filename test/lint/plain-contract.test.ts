// The plain fast path (src/plain-definition.ts) skips the rules. Every catalog code must say
// how it stands to that path (CatalogEntry.plainPath), and every lint rule when it can fire on
// a plain definition (Rule.plain): a code or rule added without thinking about it fails here.
import { expect } from 'chai';
import { catalogEntries } from '../../src/diagnostics/catalog.js';
import { analyzeDefinition } from '../../src/definition.js';
import { rules } from '../../src/lint/rules/index.js';
import { PLAIN_PATH_CODES, parsePlainDefinition } from '../../src/plain-definition.js';

const ROLES = ['reported', 'rule', 'excluded', 'file'];

describe('plain-path contract (catalog × rules × plain-definition)', () => {
  it('every catalog code declares its plain-path role', () => {
    for (const e of catalogEntries) expect(ROLES, `${e.code} plainPath`).to.include(e.plainPath);
  });

  it('a code has role `rule` exactly when a lint rule reports it, and every rule declares a contract', () => {
    const ruleCodes = new Set(rules.map((r) => r.entry.code));
    for (const e of catalogEntries) expect(ruleCodes.has(e.code), `${e.code}: role ${e.plainPath}`).to.equal(e.plainPath === 'rule');
    for (const r of rules) {
      const p = r.plain;
      expect(p, `${r.entry.code} has no plain contract`).to.be.an('object');
      if (p.kind === 'excluded') expect(p.because, r.entry.code).to.be.a('string').that.is.not.empty;
      else if (p.kind === 'reported') expect(PLAIN_PATH_CODES, r.entry.code).to.include(r.entry.code);
      else if (p.kind === 'watch') expect(p.eventName !== undefined || (p.fieldNames ?? []).length > 0, `${r.entry.code} watches nothing`).to.equal(true);
      else expect.fail(`${r.entry.code}: unknown contract ${JSON.stringify(p)}`);
    }
  });

  it('the codes the plain path reports are exactly the `reported` codes and the `reported` rules', () => {
    const expected = [
      ...catalogEntries.filter((e) => e.plainPath === 'reported').map((e) => e.code),
      ...rules.filter((r) => r.plain.kind === 'reported').map((r) => r.entry.code),
    ].sort();
    expect([...PLAIN_PATH_CODES].sort()).to.deep.equal(expected);
  });

  it('the plain path never returns a code it does not report, on every catalog example', () => {
    for (const e of catalogEntries) {
      if (e.plainPath === 'file' || e.docs.example.includes('\n')) continue;
      for (const text of [e.docs.example, e.docs.useInstead]) {
        const plain = parsePlainDefinition(text);
        if (plain === undefined) continue;
        expect(plain, `${e.code}: ${JSON.stringify(text)}`).to.deep.equal(analyzeDefinition(text).result);
        for (const d of plain.diagnostics) expect(PLAIN_PATH_CODES, `${e.code}: ${JSON.stringify(text)}`).to.include(d.code);
      }
    }
  });

  it('a watched event name or field name sends a plain definition to the full path', () => {
    for (const r of rules) {
      if (r.plain.kind !== 'watch') continue;
      for (const name of r.plain.fieldNames ?? []) expect(parsePlainDefinition(`e u32 ${name}`), `${r.entry.code}: field ${name}`).to.equal(undefined);
    }
  });
});
