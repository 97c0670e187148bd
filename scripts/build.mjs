// Build: type-check everything, emit the library (dist/lib, with .d.ts) and
// bundle the CLI into one ESM file (dist/cli.mjs) so `ue-lint` starts fast.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
const run = (args) => execFileSync(process.execPath, [tsc, ...args], { cwd: root, stdio: 'inherit' });

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
run(['-p', 'tsconfig.json']); // type-check src + tests
run(['-p', 'tsconfig.build.json']);
await build({
  entryPoints: [fileURLToPath(new URL('../src/cli/bin.ts', import.meta.url))],
  outfile: fileURLToPath(new URL('../dist/cli.mjs', import.meta.url)),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  // Bundled CommonJS deps (yargs helpers) may call require(); give the bundle one.
  banner: { js: "import { createRequire as __ueCreateRequire } from 'node:module'; const require = __ueCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
