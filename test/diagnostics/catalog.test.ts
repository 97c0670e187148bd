// Meta-tests over the catalog (TypeScript's diagnosticMessages checks, typescript-eslint's
// docs.test): codes and names are well-formed, docs examples do not lie, and every
// UE0xx-UE2xx code is produced by some table case.
import { expect } from 'chai';
import { catalog, catalogEntries, findCatalogEntry, type CatalogEntry } from '../../src/diagnostics/catalog.js';
import { parseDefinition } from '../../src/definition.js';
import { seenCodes } from '../support/code-tester.js';
// Load the code tables so the coverage check below also holds when this file runs alone.
import './ue0xx.test.js';
import './ue1xx.test.js';
import './ue2xx.test.js';
import '../lint/lint.test.js';

const phase = (code: string) => code.slice(2, 3); // `UE104` → `1`
const isFileLevel = (e: CatalogEntry<any>) => phase(e.code) === '3';
const isToolError = (e: CatalogEntry<any>) => phase(e.code) === '9';
// UE4xx compare a definition with a registered event; test/drift/diagnostics.test.ts runs their examples.
const isDrift = (e: CatalogEntry<any>) => phase(e.code) === '4';
const definitionEntries = catalogEntries.filter((e) => !isFileLevel(e) && !isToolError(e) && !isDrift(e));
const produces = (text: string, e: CatalogEntry<any>, abi: 'linux' | 'v5') =>
  parseDefinition(text, { abi }).diagnostics.some((d) => d.code === e.code);

describe('catalog', () => {
  const raw = Object.values(catalog) as CatalogEntry<any>[];

  it('has unique codes matching /^UE\\d{3}$/', () => {
    for (const e of raw) expect(e.code).to.match(/^UE\d{3}$/);
    expect(new Set(raw.map((e) => e.code)).size).to.equal(raw.length);
  });

  it('is declared sorted by code, so phases stay grouped', () => {
    const codes = raw.map((e) => e.code);
    expect(codes).to.deep.equal([...codes].sort());
    expect(catalogEntries.map((e) => e.code)).to.deep.equal([...codes].sort());
    for (const e of raw) expect(['0', '1', '2', '3', '4', '9'], e.code).to.include(phase(e.code));
  });

  it('has unique kebab-case names', () => {
    for (const e of raw) expect(e.name, e.code).to.match(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(new Set(raw.map((e) => e.name)).size).to.equal(raw.length);
  });

  it('finds entries by code and by name', () => {
    for (const e of raw) {
      expect(findCatalogEntry(e.code)).to.equal(e);
      expect(findCatalogEntry(e.code.toLowerCase())).to.equal(e);
      expect(findCatalogEntry(e.name)).to.equal(e);
    }
  });

  for (const e of raw) {
    describe(`${e.code} ${e.name}`, () => {
      it('has docs with a what and a why, a summary and ABIs', () => {
        expect(e.docs.whatItDoes.trim()).to.not.equal('');
        expect(e.docs.whyIsThisBad.trim()).to.not.equal('');
        expect(e.summary.trim()).to.not.equal('');
        expect(e.abis.length).to.be.greaterThan(0);
        for (const abi of e.abis) expect(['linux', 'v5']).to.include(abi);
        expect(['error', 'warning']).to.include(e.severity);
        if (e.errno !== undefined) expect(e.errno).to.match(/^E[A-Z0-9]+$/);
        if (e.docs.fixSafety !== undefined) expect(e.docs.fixSafety.trim()).to.not.equal('');
      });

      if (isFileLevel(e) || isToolError(e) || isDrift(e)) return;

      it('docs.example produces the code under at least one of its ABIs', () => {
        expect(e.docs.example).to.not.equal('');
        expect(e.abis.some((abi) => produces(e.docs.example, e, abi)), JSON.stringify(e.docs.example)).to.equal(true);
      });

      it('docs.useInstead does not produce it under any of its ABIs', () => {
        for (const abi of e.abis) expect(produces(e.docs.useInstead, e, abi), `${abi}: ${JSON.stringify(e.docs.useInstead)}`).to.equal(false);
      });
    });
  }
});

// Runs after every test of the run: TypeScript's "messages no test produces" check.
after('every UE0xx-UE2xx code and UE901 is produced by a table case', () => {
  const required = [...definitionEntries.map((e) => e.code), catalog.internalError.code];
  const missing = required.filter((c) => !seenCodes.has(c));
  expect(missing, 'codes no test case produced').to.deep.equal([]);
});
