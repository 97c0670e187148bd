#!/usr/bin/env node
'use strict';
// Shipped entry point. The CLI is one pre-built CommonJS bundle (dist/cli.cjs), compiled
// here through vm.Script with the V8 code cache that `npm run build` records next to it
// (dist/cli.cjs.cache): Node 20 has no compile cache of its own, and compiling the bundle
// is a large share of a pre-commit run. V8 rejects a cache made by another Node version;
// the bundle then compiles normally. CommonJS, not .mjs: an ES module entry makes Node
// start its ESM loader first (about 2.5 ms of every run).
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, '..', 'dist', 'cli.cjs');
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
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(file), bundle, file, dirname(file));
