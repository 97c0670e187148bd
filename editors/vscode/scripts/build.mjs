// Build the VS Code extension in place: bundle the client (src/extension.ts with
// vscode-languageclient) into dist/extension.js, and copy the ue-lint CLI that the root
// build made (bin/ue-lint.cjs and its dist/*.cjs bundles, the language server among
// them) into server/, so the packaged extension needs nothing from node_modules or
// the network. Run `npm run build` at the root first; `@vscode/vsce package` then
// packs this folder (test/editors/vscode.test.ts does both).
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const root = (p) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));

const BUNDLES = ['cli-fast.cjs', 'cli-grammar.cjs', 'cli.cjs', 'lsp.cjs'];
for (const b of BUNDLES) {
  if (!existsSync(root(`dist/${b}`))) {
    process.stderr.write(`editors/vscode: dist/${b} is missing; run \`npm run build\` at the repository root first\n`);
    process.exit(2);
  }
}

// Type-check the client (esbuild only strips types).
try {
  execFileSync(process.execPath, [root('node_modules/typescript/bin/tsc'), '-p', here('tsconfig.json')], { stdio: 'inherit' });
} catch {
  process.exit(1);
}

rmSync(here('dist'), { recursive: true, force: true });
rmSync(here('server'), { recursive: true, force: true });
await build({
  entryPoints: [here('src/extension.ts')],
  outfile: here('dist/extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
mkdirSync(here('server/bin'), { recursive: true });
mkdirSync(here('server/dist'), { recursive: true });
copyFileSync(root('bin/ue-lint.cjs'), here('server/bin/ue-lint.cjs'));
// No V8 code caches: they belong to the Node that built them, not to VS Code's.
for (const b of BUNDLES) copyFileSync(root(`dist/${b}`), here(`server/dist/${b}`));
