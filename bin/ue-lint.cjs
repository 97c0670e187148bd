#!/usr/bin/env node
'use strict';
// Shipped entry point. The CLI is pre-built CommonJS bundles: dist/cli-fast.cjs runs
// a plain lint command line (the pre-commit hook; it requires dist/cli-grammar.cjs for
// non-ASCII definitions) and dist/cli.cjs everything else. Each is compiled here
// through vm.Script with the V8 code cache that `npm run build` records next to it
// (Node 20 has no compile cache of its own, and compiling is a large share of a hook
// run). V8 rejects a cache made by another Node version; the bundle then compiles
// normally. CommonJS, not .mjs: an ES module entry makes Node start its ESM loader
// first (about 2.5 ms of every run).
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

function load(name) {
  const file = join(__dirname, '..', 'dist', name);
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
  if (process.env.UE_LINT_RECORD_CODE_CACHE === name) {
    // Set by scripts/build.mjs for its training runs only.
    process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
  }
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, createRequire(file), bundle, file, dirname(file));
  return bundle.exports;
}

if (!load('cli-fast.cjs').runFastPath(process.argv.slice(2))) load('cli.cjs');
