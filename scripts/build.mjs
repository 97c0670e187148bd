// Build: type-check everything, emit the library (dist/lib, with .d.ts), bundle the
// CLI into three CommonJS files (dist/cli-fast.cjs, dist/cli-grammar.cjs, dist/cli.cjs)
// and record a V8 code cache for the fast path and the full CLI, so `ue-lint` starts
// fast. bin/ue-lint.cjs loads them.
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

/**
 * string-width (three copies, under yargs and its help renderer cliui) does costly
 * work at module load: it builds an `Intl.Segmenter` (ICU data) and several `/v`
 * Unicode-property regexes, about 10 ms on every run, although only `--help`
 * output ever measures a string. This plugin defers each copy: imports of
 * `string-width` get a stub whose first call `require`s the real module, which
 * esbuild then bundles as a lazily initialised module. Same code, same results.
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      const real = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { real: true } });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'lazy-string-width' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      contents: `let real;
export default function stringWidth(string, options) {
  real ??= require(${JSON.stringify(args.path)}).default;
  return real(string, options);
}`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/**
 * yargs' platform shim imports two functions from `assert` and calls them on every
 * run; loading node:assert (and the util/colors machinery behind it) costs about
 * 3 ms. This stub does the comparison (Object.is, as node:assert does) and loads
 * node:assert only to throw its AssertionError when a check fails.
 */
const lazyAssert = {
  name: 'lazy-assert',
  setup(b) {
    b.onResolve({ filter: /^(node:)?assert$/ }, (args) => (/[\\/]node_modules[\\/]yargs[\\/]/.test(args.importer) ? { path: 'assert', namespace: 'lazy-assert' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-assert' }, () => ({
      contents: `export const notStrictEqual = (a, b, ...rest) => { if (Object.is(a, b)) require('node:assert').notStrictEqual(a, b, ...rest); };
export const strictEqual = (a, b, ...rest) => { if (!Object.is(a, b)) require('node:assert').strictEqual(a, b, ...rest); };`,
      loader: 'js',
    }));
  },
};

/**
 * The yargs factory calls `.version()` with no argument, which guesses a version by
 * searching for a package.json upwards from the working directory (a readdir per
 * level, then an AssertionError when none is found): 1-5 ms of every run, for a
 * value ue-lint replaces at once with `.version(VERSION)`. This drops that call.
 */
const yargsNoVersionGuess = {
  name: 'yargs-no-version-guess',
  setup(b) {
    b.onLoad({ filter: /[\\/]yargs[\\/]build[\\/]lib[\\/]yargs-factory\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(args.path, 'utf8');
      const call = /(\n\s*)yargs\.version\(\);/;
      if (!call.test(text)) {
        return { contents: text, loader: 'js', warnings: [{ text: `${args.path}: no \`yargs.version()\` call found; the start-up patch no longer applies` }] };
      }
      return { contents: text.replace(call, '$1/* ue-lint: version set by the CLI */'), loader: 'js' };
    });
  },
};

/**
 * In the fast-path bundle only: the Chevrotain grammar (more than half of that
 * bundle) is needed just for definitions that are not ASCII, which the hand-written
 * scanner leaves to it. definition.ts's import of it becomes a stub that requires
 * the separate dist/cli-grammar.cjs on first use.
 */
const lazyGrammar = {
  name: 'lazy-chevrotain-grammar',
  setup(b) {
    b.onResolve({ filter: /^\.\/grammar\/parse\.js$/ }, (args) => (/[\\/]src[\\/]definition\.ts$/.test(args.importer) ? { path: 'grammar', namespace: 'lazy-grammar' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-grammar' }, () => ({
      contents: `let real;
const grammar = () => (real ??= require('./cli-grammar.cjs'));
export const parse = (input) => grammar().parse(input);
export const parseKernelBytes = (source) => grammar().parseKernelBytes(source);`,
      loader: 'js',
    }));
  },
};

/**
 * In the full CLI bundle: the language server (vscode-languageserver and src/lsp) is its
 * own bundle, dist/lsp.cjs, which only `ue-lint lsp` requires; the lsp command's import
 * of it becomes a stub, so no other command reads or compiles any of it.
 */
const lazyLanguageServer = {
  name: 'lazy-language-server',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/\.\.\/lsp\/server\.js$/ }, (args) => (/[\\/]src[\\/]cli[\\/]commands[\\/]lsp\.ts$/.test(args.importer) ? { path: 'lsp', namespace: 'lazy-lsp' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-lsp' }, () => ({
      contents: `export const runLanguageServer = (options) => require('./lsp.cjs').runLanguageServer(options);`,
      loader: 'js',
    }));
  },
};

rmSync(path('dist'), { recursive: true, force: true });
run(['-p', 'tsconfig.json']); // type-check src + tests
run(['-p', 'tsconfig.build.json']);

// CommonJS rather than ESM because only a classic script can be compiled through
// vm.Script with `cachedData`: Node 20 has no compile cache for ES modules, and
// compiling the bundle is a large share of a pre-commit run. Three bundles: the
// fast path of a plain lint (no yargs, no other commands, no Chevrotain), the
// Chevrotain grammar it loads for non-ASCII definitions, and the full CLI.
const bundle = (entry, outfile, extra = {}) => build({
  entryPoints: [path(entry)],
  outfile: path(outfile),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  define: { 'import.meta.url': '__ueBundleUrl' },
  banner: { js: "var __ueBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
  plugins: [lazyStringWidth, lazyAssert, yargsNoVersionGuess, ...(extra.plugins ?? [])],
  external: extra.external ?? [],
});
await bundle('src/cli/fast-entry.ts', 'dist/cli-fast.cjs', { plugins: [lazyGrammar], external: ['./cli-grammar.cjs'] });
await bundle('src/grammar/parse.ts', 'dist/cli-grammar.cjs');
await bundle('src/cli/bin.ts', 'dist/cli.cjs', { plugins: [lazyLanguageServer], external: ['./lsp.cjs'] });
await bundle('src/lsp/server.ts', 'dist/lsp.cjs');

// CODE CACHE: a training run per bundle, so each cache holds the functions a real
// run compiles, not just the top level: a plain lint of stdin (fast path) and a
// layout (full CLI). V8 rejects a cache from another Node version and the CLI then
// compiles normally.
const bin = path('bin/ue-lint.cjs');
const trainings = [
  { cache: 'cli-fast.cjs', args: ['lint', '-'], input: 'wake u32 pid; char[16] comm\nbad u32  a;long b\nmsg char x[20]\n', status: 1 },
  { cache: 'cli.cjs', args: ['layout', '--format', 'json', 'wake u32 pid; char[16] comm'], input: '', status: 0 },
];
for (const t of trainings) {
  const result = spawnSync(process.execPath, [bin, ...t.args], {
    input: t.input,
    env: { ...process.env, UE_LINT_RECORD_CODE_CACHE: t.cache, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  if (result.status !== t.status || !existsSync(path(`dist/${t.cache}.cache`))) {
    process.stderr.write(`build: the code-cache training run for ${t.cache} failed (exit ${result.status}): ${result.stderr}\n`);
    process.exit(1);
  }
}
