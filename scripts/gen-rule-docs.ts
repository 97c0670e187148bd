// Writes docs/rules/<name>.md for every catalog entry plus docs/rules/README.md,
// and deletes orphaned .md files there. Run: npx tsx scripts/gen-rule-docs.ts
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRuleDocFiles } from '../src/diagnostics/docs.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'rules');
mkdirSync(dir, { recursive: true });
const files = renderRuleDocFiles();
let written = 0;
for (const [name, text] of files) {
  const path = join(dir, name);
  let old: string | undefined;
  try { old = readFileSync(path, 'utf8'); } catch { old = undefined; }
  if (old !== text) { writeFileSync(path, text); written++; }
}
let removed = 0;
for (const name of readdirSync(dir)) {
  if (name.endsWith('.md') && !files.has(name)) { rmSync(join(dir, name)); removed++; }
}
process.stdout.write(`docs/rules: ${files.size} files, ${written} written, ${removed} removed\n`);
