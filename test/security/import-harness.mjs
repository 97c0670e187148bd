// Runs in a fresh `node --experimental-vm-modules` process (spawned by codegen-support.ts).
// argv: <manifest.json> <results.json>. The manifest lists generated modules (plain ESM
// JavaScript files). For each it reports, in the results file:
// - `vm`: the module evaluated as a vm.SourceTextModule in a context whose global object is a
//   Proxy that logs every lookup: a module that only defines things looks up no global at all
//   while it is evaluated; any statement that runs (a call, an assignment, a dynamic import)
//   shows up in `log`, `dynamicImports` or `error`;
// - `real`: the module loaded with a real import() in this process, with console, process,
//   timers, eval and Function trapped and every property of the global object and of the
//   built-in prototypes compared before and after: `violations` lists what changed or ran;
// - both layers' export names and `definition*` string values, compared by the test with the
//   input definitions.
// Written as plain JavaScript so nothing (tsx, mocha) is loaded into the process under test.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

const [manifestPath, resultsPath] = process.argv.slice(2);
const files = JSON.parse(readFileSync(manifestPath, 'utf8'));
const results = [];
// The harness's own uses, taken before the traps go in.
const later = setImmediate;
const save = () => writeFileSync(resultsPath, JSON.stringify(results));

/** Export names, and the values of the `definition*` strings. */
function describeNamespace(ns) {
  const names = Object.keys(ns).sort();
  const kinds = {};
  const definitions = {};
  for (const n of names) {
    kinds[n] = typeof ns[n];
    if (typeof ns[n] === 'string') definitions[n] = ns[n];
  }
  return { names, kinds, definitions };
}

// LAYER 1: evaluation with a recording global object.
async function evaluateInRecordingContext(code) {
  const log = [];
  const dynamicImports = [];
  const record = (what) => (t, k, ...rest) => {
    log.push(`${what} ${String(k)}`);
    return Reflect[what](t, k, ...rest);
  };
  const global = new Proxy(Object.create(null), {
    get: record('get'),
    has: record('has'),
    set: record('set'),
    defineProperty: record('defineProperty'),
    deleteProperty: record('deleteProperty'),
    getOwnPropertyDescriptor: record('getOwnPropertyDescriptor'),
    ownKeys: (t) => {
      log.push('ownKeys');
      return Reflect.ownKeys(t);
    },
  });
  const context = vm.createContext(global);
  let error;
  let namespace = { names: [], kinds: {}, definitions: {} };
  try {
    const mod = new vm.SourceTextModule(code, {
      context,
      identifier: 'generated.mjs',
      importModuleDynamically: (specifier) => {
        dynamicImports.push(String(specifier));
        throw new Error('dynamic import refused');
      },
    });
    await mod.link((specifier) => {
      throw new Error(`static import of ${specifier} refused`);
    });
    await mod.evaluate();
    namespace = describeNamespace(mod.namespace);
  } catch (e) {
    error = String(e);
  }
  // A dynamic import() settles later: give it a turn.
  await new Promise((resolve) => later(resolve));
  return { log, dynamicImports, error, ...namespace };
}

// LAYER 2: a real import with traps.
const violations = [];
const trap = (obj, key, label) => {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  if (!d || !('value' in d) || (!d.configurable && !d.writable)) return;
  const original = d.value;
  const replacement = function (...args) {
    violations.push(`called ${label}`);
    // Timers and the like keep working for Node itself; output and exits do not happen.
    return /^(console\.|process\.(exit|abort|kill|reallyExit|dlopen|chdir|std))/.test(label) ? undefined : Reflect.apply(original, this, args);
  };
  Object.defineProperty(obj, key, { ...d, value: replacement });
};
for (const k of Object.keys(console)) trap(console, k, `console.${k}`);
for (const k of ['exit', 'abort', 'kill', 'reallyExit', 'dlopen', 'binding', '_linkedBinding', 'chdir', 'setuid', 'setgid', 'umask', 'emitWarning']) trap(process, k, `process.${k}`);
trap(process.stdout, 'write', 'process.stdout.write');
trap(process.stderr, 'write', 'process.stderr.write');
for (const k of ['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'fetch', 'eval', 'Function', 'structuredClone']) trap(globalThis, k, k);

const TypedArray = Object.getPrototypeOf(Uint8Array);
const WATCHED = {
  globalThis,
  process,
  console,
  JSON,
  Math,
  Reflect,
  Object: Object.prototype,
  Function: Function.prototype,
  Array: Array.prototype,
  String: String.prototype,
  Number: Number.prototype,
  Boolean: Boolean.prototype,
  Symbol: Symbol.prototype,
  BigInt: BigInt.prototype,
  Promise: Promise.prototype,
  RegExp: RegExp.prototype,
  Error: Error.prototype,
  RangeError: RangeError.prototype,
  TypedArray: TypedArray.prototype,
  Uint8Array: Uint8Array.prototype,
  DataView: DataView.prototype,
};
function snapshot() {
  const snap = new Map();
  for (const [label, obj] of Object.entries(WATCHED)) {
    for (const key of Reflect.ownKeys(obj)) {
      const d = Object.getOwnPropertyDescriptor(obj, key);
      snap.set(`${label}.${String(key)}`, d);
    }
    snap.set(`${label} [[Prototype]]`, { value: Object.getPrototypeOf(obj) });
    snap.set(`${label} [[Extensible]]`, { value: Object.isExtensible(obj) });
  }
  return snap;
}
const same = (a, b) =>
  a !== undefined && b !== undefined && ['value', 'get', 'set', 'writable', 'enumerable', 'configurable'].every((k) => Object.is(a[k], b[k]));
function changes(before, after) {
  const out = [];
  for (const [k, d] of after) if (!same(before.get(k), d)) out.push(`${before.has(k) ? 'changed' : 'added'} ${k}`);
  for (const k of before.keys()) if (!after.has(k)) out.push(`removed ${k}`);
  return out;
}

for (const file of files) {
  const vmResult = await evaluateInRecordingContext(readFileSync(file, 'utf8'));
  const before = snapshot();
  violations.length = 0;
  let real;
  try {
    const ns = await import(pathToFileURL(file).href);
    await new Promise((resolve) => later(resolve));
    real = { ...describeNamespace(ns), violations: [...violations, ...changes(before, snapshot())] };
  } catch (e) {
    real = { names: [], kinds: {}, definitions: {}, violations: [...violations, `import failed: ${String(e)}`] };
  }
  results.push({ file, vm: vmResult, real });
}
save();
