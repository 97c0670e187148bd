// Rule documentation rendered from the catalog with Ruff's headings, shared by
// `ue-lint explain` and the SARIF rule metadata. Pure.
import type { CatalogEntry } from '../diagnostics/catalog.js';
import { showText } from '../diagnostics/catalog.js';

/** Markdown docs for one rule: title, then What it does / Why is this bad? / Example / Use instead / Fix safety. */
export function ruleDocsMarkdown(entry: CatalogEntry<any>): string {
  const d = entry.docs;
  const parts = [
    `# ${entry.name} (${entry.code})`,
    '',
    `Default severity: ${entry.severity}${entry.errno ? `. Kernel answer: ${entry.errno}` : ''}. ABIs: ${entry.abis.join(', ')}.${entry.removed ? ' This rule was removed.' : ''}`,
    '',
    '## What it does',
    d.whatItDoes,
    '',
    '## Why is this bad?',
    d.whyIsThisBad,
  ];
  if (d.example !== '') parts.push('', '## Example', '```', showExample(d.example), '```');
  if (d.useInstead !== '') parts.push('', '## Use instead', '```', showExample(d.useInstead), '```');
  if (d.fixSafety) parts.push('', '## Fix safety', d.fixSafety);
  return parts.join('\n');
}

/** Examples may hold tabs, CRs and BOMs that matter: keep line breaks, make the rest visible. */
function showExample(text: string): string {
  return text.replace(/\r?\n$/, '').split('\n').map((l) => showText(l.replace(/\r$/, '\r'))).join('\n');
}
