// docs/rules/ is generated from the catalog; fail when it is stale, missing or has orphans.
// Regenerate with: npx tsx scripts/gen-rule-docs.ts
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogEntries } from '../../src/diagnostics/catalog.js';
import { RULE_DOCS_BASE_URL, RULE_DOCS_INDEX_URL, renderRuleDocFiles, renderRuleDocs, ruleDocsUrl } from '../../src/diagnostics/docs.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'rules');
const REGENERATE = 'run `npx tsx scripts/gen-rule-docs.ts`';

describe('rule docs', () => {
  const files = renderRuleDocFiles();

  it('renders the Ruff headings, in order', () => {
    for (const e of catalogEntries) {
      const md = renderRuleDocs(e);
      expect(md, e.code).to.include(`\n# ${e.code}: ${e.name}\n`);
      expect(md).to.include(`**Severity:** ${e.severity}`);
      expect(md).to.include(`**ABIs:** ${e.abis.join(', ')}`);
      const headings = md.split('\n').filter((l) => l.startsWith('## '));
      const want = ['## What it does', '## Why is this bad?'];
      if (e.docs.example !== '') want.push('## Example');
      if (e.docs.useInstead !== '') want.push('## Use instead');
      if (e.docs.fixSafety !== undefined) want.push('## Fix safety');
      expect(headings, e.code).to.deep.equal(want);
    }
  });

  it('shows invisible example bytes escaped', () => {
    const md = renderRuleDocs(catalogEntries.find((e) => e.code === 'UE103')!);
    expect(md).to.include('test u32 a\\t');
    expect(md).to.not.include('\t');
  });

  it('has one file per entry plus README.md', () => {
    expect([...files.keys()].sort()).to.deep.equal([...catalogEntries.map((e) => `${e.name}.md`), 'README.md'].sort());
  });

  for (const [name, text] of files) {
    it(`docs/rules/${name} is up to date`, () => {
      const path = join(dir, name);
      expect(existsSync(path), `${name} is missing; ${REGENERATE}`).to.equal(true);
      expect(readFileSync(path, 'utf8') === text, `${name} is stale; ${REGENERATE}`).to.equal(true);
    });
  }

  it('links every code and name to its generated page, and nothing else', () => {
    for (const e of catalogEntries) {
      const url = `https://github.com/ue-lint/ue-lint/blob/main/docs/rules/${e.name}.md`;
      expect(ruleDocsUrl(e.code), e.code).to.equal(url);
      expect(ruleDocsUrl(e.name), e.name).to.equal(url);
      expect(ruleDocsUrl(e.code.toLowerCase()), e.code).to.equal(url);
      expect(files.has(url.slice(RULE_DOCS_BASE_URL.length)), url).to.equal(true);
    }
    expect(files.has(RULE_DOCS_INDEX_URL.slice(RULE_DOCS_BASE_URL.length))).to.equal(true);
    for (const unknown of ['UE999', 'constructor', '__proto__', '', 'toString']) expect(ruleDocsUrl(unknown), unknown).to.equal(undefined);
  });

  it('has no orphaned files in docs/rules', () => {
    const orphans = existsSync(dir) ? readdirSync(dir).filter((f) => !files.has(f)) : [];
    expect(orphans, `orphaned docs; ${REGENERATE}`).to.deep.equal([]);
  });
});
