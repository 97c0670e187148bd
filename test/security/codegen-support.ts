// Checks shared by the codegen security tests (codegen.test.ts, codegen.property.test.ts):
// importing generated TypeScript in a fresh process, the shape of a module's top level, the
// character set of generated text, and compiling many C translation units per compiler run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import ts from 'typescript';

const HARNESS = fileURLToPath(new URL('./import-harness.mjs', import.meta.url));

/** Problems of text that should be printable ASCII, LF and tab only: the offending code points. */
export function nonAscii(text: string): string[] {
  const bad = text.match(/[^\x20-\x7e\n\t]/gu) ?? [];
  return [...new Set(bad)].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * Generated TypeScript as JavaScript, for importing. esbuild strips the types (TypeScript's own
 * transpileModule costs ~45 ms a module, too slow for thousands); the TypeScript parser judges
 * the same text in `topLevelProblems`.
 */
export function transpile(text: string): string {
  return transformSync(text, { loader: 'ts', format: 'esm', target: 'es2020' }).code;
}

/**
 * What runs when the module is evaluated, judged from its syntax by the TypeScript parser: no
 * syntax error, every top-level statement a declaration that executes nothing (a function, an
 * interface, a type alias, or `export const x = "string literal"`), and no import anywhere.
 * Returns the problems.
 */
export function topLevelProblems(text: string): string[] {
  const sf = ts.createSourceFile('gen.ts', text, ts.ScriptTarget.ES2020, true, ts.ScriptKind.TS);
  const at = (n: ts.Node) => `line ${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  // The parser's own errors (not public API, but what transpileModule reports, without its cost).
  const syntax = (sf as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics;
  if (syntax === undefined) throw new Error('typescript no longer exposes parseDiagnostics; update topLevelProblems');
  const problems = syntax.map((d) => `syntax: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.body && !st.asteriskToken && !st.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) continue;
    if (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) continue;
    if (
      ts.isVariableStatement(st) &&
      (st.declarationList.flags & ts.NodeFlags.Const) !== 0 &&
      st.declarationList.declarations.length === 1 &&
      ts.isIdentifier(st.declarationList.declarations[0]!.name) &&
      st.declarationList.declarations[0]!.initializer !== undefined &&
      ts.isStringLiteral(st.declarationList.declarations[0]!.initializer)
    ) {
      continue;
    }
    problems.push(`${at(st)}: top-level ${ts.SyntaxKind[st.kind]} runs at import`);
  }
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) || ts.isImportEqualsDeclaration(n) || ts.isExportDeclaration(n) || ts.isExportAssignment(n)) {
      problems.push(`${at(n)}: ${ts.SyntaxKind[n.kind]}`);
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
      problems.push(`${at(n)}: dynamic import()`);
    } else if (ts.isMetaProperty(n)) {
      problems.push(`${at(n)}: import.meta`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return problems;
}

/** The `export const definition… = "…"` values, decoded by the TypeScript parser, in order. */
export function definitionLiterals(text: string): string[] {
  const sf = ts.createSourceFile('gen.ts', text, ts.ScriptTarget.ES2020, false, ts.ScriptKind.TS);
  const out: string[] = [];
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.name.text.startsWith('definition') && d.initializer && ts.isStringLiteral(d.initializer)) out.push(d.initializer.text);
    }
  }
  return out;
}

interface NamespaceReport {
  names: string[];
  kinds: Record<string, string>;
  definitions: Record<string, string>;
}
export interface ImportReport {
  file: string;
  /** Set when the module could not even be turned into JavaScript. */
  syntaxError?: string;
  vm: NamespaceReport & { log: string[]; dynamicImports: string[]; error?: string };
  real: NamespaceReport & { violations: string[] };
}

/**
 * Imports each generated module (TypeScript text, transpiled here) in one fresh Node process
 * through test/security/import-harness.mjs, which reports what each did besides defining its
 * exports. Nothing of this process (tsx, mocha) is loaded there.
 */
export function importInFreshProcess(modules: readonly string[]): ImportReport[] {
  const dir = mkdtempSync(join(tmpdir(), 'ue-sec-import-'));
  try {
    const syntaxErrors: (string | undefined)[] = [];
    const files = modules.map((text, i) => {
      const file = join(dir, `m${i}.mjs`);
      let js = '';
      try {
        js = transpile(text);
      } catch (e) {
        syntaxErrors[i] = String(e);
      }
      writeFileSync(file, js);
      return file;
    });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(files));
    const r = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', HARNESS, join(dir, 'manifest.json'), join(dir, 'results.json')], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
      timeout: 300_000,
    });
    if (r.status !== 0) throw new Error(`import harness failed (${r.status ?? r.signal}): ${r.stderr}`);
    if (r.stdout !== '' || r.stderr !== '') throw new Error(`the imported modules wrote output:\n${r.stdout}${r.stderr}`);
    const reports = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ImportReport[];
    return reports.map((r, i) => (syntaxErrors[i] === undefined ? r : { ...r, syntaxError: syntaxErrors[i] }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const EXPORT = /^(definition|encode|write|decode)([A-Z][A-Za-z0-9_]*)$/;

/**
 * What is wrong with an imported module's exports, judged without the generator's naming code:
 * at run time a module must export, per distinct definition, exactly `definitionX` (a string
 * equal to that definition), `encodeX`, `writeX` and `decodeX` (functions), and nothing else;
 * in both layers, which must also have done nothing else.
 */
export function importProblems(report: ImportReport, definitions: readonly string[]): string[] {
  const problems: string[] = [];
  const { vm, real } = report;
  if (report.syntaxError !== undefined) problems.push(`not valid TypeScript: ${report.syntaxError}`);
  if (vm.error !== undefined) problems.push(`evaluation threw: ${vm.error}`);
  if (vm.log.length > 0) problems.push(`global lookups while evaluating: ${vm.log.join(', ')}`);
  if (vm.dynamicImports.length > 0) problems.push(`dynamic imports: ${vm.dynamicImports.join(', ')}`);
  problems.push(...real.violations.map((v) => `real import: ${v}`));
  const distinct = [...new Set(definitions)];
  for (const [layer, ns] of [['vm', vm], ['import', real]] as const) {
    const groups = new Map<string, Set<string>>();
    for (const name of ns.names) {
      const m = EXPORT.exec(name);
      if (!m) {
        problems.push(`${layer}: unexpected export ${name}`);
        continue;
      }
      const want = m[1] === 'definition' ? 'string' : 'function';
      if (ns.kinds[name] !== want) problems.push(`${layer}: ${name} is a ${ns.kinds[name]}, not a ${want}`);
      const g = groups.get(m[2]!) ?? new Set<string>();
      g.add(m[1]!);
      groups.set(m[2]!, g);
    }
    for (const [x, g] of groups) if (g.size !== 4) problems.push(`${layer}: event ${x} exports only ${[...g].join(', ')}`);
    if (groups.size !== distinct.length) problems.push(`${layer}: ${groups.size} events exported for ${distinct.length} distinct definitions`);
    const values = Object.values(ns.definitions).sort();
    if (JSON.stringify(values) !== JSON.stringify([...distinct].sort())) {
      problems.push(`${layer}: definition strings ${JSON.stringify(values)} differ from the input ${JSON.stringify(distinct)}`);
    }
  }
  return problems;
}

export interface CCompiler {
  label: string;
  cmd: 'gcc' | 'g++';
  args: string[];
  ext: 'c' | 'cpp';
}

const WARNINGS = ['-Wall', '-Wextra', '-Werror', '-pedantic', '-Wshadow'];
export const C_COMPILERS: readonly CCompiler[] = [
  { label: 'gcc -std=c11', cmd: 'gcc', args: ['-std=c11', ...WARNINGS], ext: 'c' },
  { label: 'gcc -std=gnu11', cmd: 'gcc', args: ['-std=gnu11', ...WARNINGS], ext: 'c' },
  { label: 'g++', cmd: 'g++', args: WARNINGS, ext: 'cpp' },
];

/**
 * Compiles translation units (`units`: name → source, e.g. `u3` → `#include "h3.h"…`) with one
 * compiler run, `-fsyntax-only`, next to `headers`. Returns the diagnostics of each unit that
 * failed (gcc keeps going after a unit fails; a message is charged to the unit it names first).
 */
export function compileUnits(headers: Record<string, string>, units: Record<string, string>, compiler: CCompiler, extraArgs: string[] = ['-fsyntax-only']): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'ue-sec-cc-'));
  try {
    for (const [name, text] of Object.entries(headers)) writeFileSync(join(dir, name), text);
    const files = Object.entries(units).map(([name, text]) => {
      writeFileSync(join(dir, `${name}.${compiler.ext}`), text);
      return `${name}.${compiler.ext}`;
    });
    const r = spawnSync(compiler.cmd, [...compiler.args, ...extraArgs, ...files], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    const failed = new Map<string, string>();
    if (r.status === 0) return failed;
    // Lines about a unit follow its "In file included from uN.c" or start with "uN.c:".
    let current = '?';
    for (const line of (r.stderr + r.stdout).split('\n')) {
      const m = /^(?:In file included from )?(u\d+)\.(?:c|cpp):/.exec(line);
      if (m) current = m[1]!;
      if (/error|warning/.test(line)) failed.set(current, `${failed.get(current) ?? ''}${line}\n`);
    }
    if (failed.size === 0) failed.set('?', r.stderr || `${compiler.cmd} exited ${r.status ?? r.signal}`);
    return failed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Builds one program from `units` (one compiler run, linked) and returns what it prints. */
export function buildAndRun(headers: Record<string, string>, units: Record<string, string>, compiler: CCompiler): string {
  const dir = mkdtempSync(join(tmpdir(), 'ue-sec-run-'));
  try {
    for (const [name, text] of Object.entries(headers)) writeFileSync(join(dir, name), text);
    const files = Object.entries(units).map(([name, text]) => {
      writeFileSync(join(dir, `${name}.${compiler.ext}`), text);
      return `${name}.${compiler.ext}`;
    });
    const cc = spawnSync(compiler.cmd, [...compiler.args, '-o', 'prog', ...files], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (cc.status !== 0) throw new Error(`${compiler.label} failed:\n${cc.stderr}`);
    const run = spawnSync(join(dir, 'prog'), [], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.status !== 0) throw new Error(`program failed (${run.status ?? run.signal}): ${run.stderr}`);
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The comments of TypeScript (found by the TypeScript scanner) or C source (a small lexer that
 * skips string and character literals), each with its delimiters.
 */
export function comments(text: string, lang: 'ts' | 'c'): string[] {
  const out: string[] = [];
  if (lang === 'ts') {
    const scanner = ts.createScanner(ts.ScriptTarget.ES2020, false, ts.LanguageVariant.Standard, text);
    for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
      if (k === ts.SyntaxKind.SingleLineCommentTrivia || k === ts.SyntaxKind.MultiLineCommentTrivia) out.push(scanner.getTokenText());
    }
    return out;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out.push(text.slice(i, stop));
      i = stop - 1;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out.push(text.slice(i, stop));
      i = stop - 1;
    }
  }
  return out;
}
