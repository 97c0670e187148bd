// Build: type-check everything, emit the library (dist/lib, with .d.ts), bundle the
// CLI into one CommonJS file (dist/cli.cjs) and record a V8 code cache for it
// (dist/cli.cjs.cache), so `ue-lint` starts fast. bin/ue-lint.mjs loads the two.
import { execFileSync, spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { existsSync, rmSync } from 'node:fs';

const root = fileURLToPath(new URL('..', import.meta.url));
const path = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const tsc = path('node_modules/typescript/bin/tsc');
const run = (args) => {
  try {
    execFileSync(process.execPath, [tsc, ...args], { cwd: root, stdio: 'inherit' });
  } catch (err) {
    // tsc has printed its errors; a stack trace of this script would only hide them.
    process.exit(typeof err.status === 'number' ? err.status : 1);
  }
};

rmSync(path('dist'), { recursive: true, force: true });
run(['-p', 'tsconfig.json']); // type-check src + tests
run(['-p', 'tsconfig.build.json']);

// CommonJS rather than ESM because only a classic script can be compiled through
// vm.Script with `cachedData`: Node 20 has no compile cache for ES modules, and
// compiling the bundle is a large share of a pre-commit run.
await build({
  entryPoints: [path('src/cli/bin.ts')],
  outfile: path('dist/cli.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  define: { 'import.meta.url': '__ueBundleUrl' },
  banner: { js: "var __ueBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

// CODE CACHE: a training run of the common path (lint, stdin, both report styles) so
// the cache holds the functions a real run compiles, not just the top level. V8
// rejects a cache from another Node version and the CLI then compiles normally.
const training = 'wake u32 pid; char[16] comm\nbad u32  a;long b\nmsg char x[20]\n';
const bin = path('bin/ue-lint.mjs');
const result = spawnSync(process.execPath, [bin, 'lint', '-'], {
  input: training,
  env: { ...process.env, UE_LINT_RECORD_CODE_CACHE: '1', NO_COLOR: '1' },
  encoding: 'utf8',
});
if (result.status !== 1 || !existsSync(path('dist/cli.cjs.cache'))) {
  process.stderr.write(`build: the code-cache training run failed (exit ${result.status}): ${result.stderr}\n`);
  process.exit(1);
}
