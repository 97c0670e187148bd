#!/usr/bin/env node
// Shipped entry point. The CLI is one pre-built CommonJS bundle (dist/cli.cjs), compiled
// here through vm.Script with the V8 code cache that `npm run build` records next to it
// (dist/cli.cjs.cache): Node 20 has no compile cache of its own, and compiling the bundle
// is a large share of a pre-commit run. V8 rejects a cache made by another Node version;
// the bundle then compiles normally.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const file = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // no cache (e.g. a build without the training run): compile from source
}
// The CommonJS wrapper, written out: the bundle runs as if `require`d.
const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
const script = new Script(source, { filename: file, cachedData });
if (process.env.UE_LINT_RECORD_CODE_CACHE) {
  // Set by scripts/build.mjs for its training run only.
  process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
