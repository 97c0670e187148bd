// Shared helpers for the codegen tests: a tiny definition-to-layout builder (until the core
// parser lands), loading and type-checking generated TypeScript, running gcc, and an
// independent model of the kernel's write-time payload checks (spec §8).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { EventLayout, LayoutField } from '../../src/layout/types.js';

const INT_SIZES: Record<string, number> = {
  s8: 1, u8: 1, char: 1, 'unsigned char': 1,
  s16: 2, u16: 2, short: 2, 'unsigned short': 2,
  s32: 4, u32: 4, int: 4, 'unsigned int': 4,
  s64: 8, u64: 8,
};
const PREFIXES = ['unsigned ', 'struct ', '__data_loc unsigned ', '__data_loc ', '__rel_loc unsigned ', '__rel_loc '];

/**
 * Layout of a well-formed definition, following spec §2.4's tokenizer for the cases the tests
 * use (no error handling): e.g. `evt u8 a; struct pt p 16` → fields at offsets 8 and 9.
 */
export function layoutOf(definition: string): EventLayout {
  const space = definition.indexOf(' ');
  const name = space < 0 ? definition : definition.slice(0, space);
  const args = space < 0 ? '' : definition.slice(space + 1);
  const fields: LayoutField[] = [];
  let offset = 8;
  for (const raw of args === '' ? [] : args.split(';')) {
    const piece = raw.replace(/^[ \t]+/, '');
    if (piece === '') continue;
    const prefix = PREFIXES.find((p) => piece.startsWith(p));
    let type: string;
    let tokens: string[];
    if (prefix !== undefined) {
      const sp = piece.indexOf(' ', prefix.length);
      type = piece.slice(0, sp);
      tokens = piece.slice(sp + 1).split(' ');
    } else {
      [type, ...tokens] = piece.split(' ') as [string, ...string[]];
    }
    const fieldName = tokens[0]!;
    let size: number;
    if (type.startsWith('struct ')) size = Number(tokens[1]);
    else if (type.startsWith('__data_loc ') || type.startsWith('__rel_loc ')) size = 4;
    else if (/^(unsigned )?char\[/.test(type)) size = Number(/\[([^\]]*)\]/.exec(type)![1]);
    else size = INT_SIZES[type]!;
    if (!(size > 0)) throw new Error(`layoutOf: cannot size \`${type}\` in ${definition}`);
    fields.push({ type, name: fieldName, offset, size, signed: !type.startsWith('u') });
    offset = (offset + size) % 2 ** 32;
  }
  return { name, flags: [], fields };
}

/** Definitions of a fixture file: one per line, `#` comments and blank lines skipped. */
export function readDefinitions(path: string): string[] {
  const text = readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

export type GeneratedModule = Record<string, unknown>;

/** Imports generated TypeScript: transpiled to JS (it has no imports) and loaded from a data: URL. */
export async function importTs(text: string): Promise<GeneratedModule> {
  const js = ts.transpileModule(text, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  return (await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`)) as GeneratedModule;
}

/** The strictest options a user might compile generated code with. */
export const STRICT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noPropertyAccessFromIndexSignature: true,
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2020.d.ts'],
  types: [],
  noEmit: true,
};

/** Type errors of in-memory files (name → text), e.g. `{ 'gen.ts': text, 'use.ts': usage }`. */
export function typeErrors(files: Record<string, string>, options: ts.CompilerOptions = STRICT_OPTIONS): string[] {
  const host = ts.createCompilerHost(options);
  const dir = '/virtual/';
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => {
    const base = name.startsWith(dir) ? name.slice(dir.length) : undefined;
    if (base !== undefined && base in files) return ts.createSourceFile(name, files[base]!, lang);
    return getSourceFile(name, lang, ...rest);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => (name.startsWith(dir) ? name.slice(dir.length) in files : fileExists(name));
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) => name === dir.slice(0, -1) || name.startsWith(dir) || (directoryExists?.(name) ?? false);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name.startsWith(dir) ? files[name.slice(dir.length)] : readFile(name));
  const program = ts.createProgram(Object.keys(files).map((f) => dir + f), options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
    return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
  });
}


/** Writes `files` to a fresh temp dir, runs `fn(dir)`, removes the dir. */
export function withTempDir<T>(files: Record<string, string>, fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ue-codegen-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a compiler; throws with its stderr on failure. */
export function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${err.stderr ?? ''}${err.stdout ?? ''}`);
  }
}

/**
 * The kernel's write-time checks for the linux ABI (spec §8), written from the spec and not from
 * the decoder: minimum size, then per dynamic field in order: data inside the record, and for
 * char types the last data byte (end − 1, record-relative) is NUL. Returns the failure or null.
 */
export function kernelCheck(payload: Uint8Array, event: EventLayout): string | null {
  const recordEnd = 8 + payload.length;
  const minSize = event.fields.reduce((n, f) => n + f.size, 0);
  if (payload.length < minSize) return 'EINVAL: shorter than the fixed size';
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const record = (i: number): number | undefined => (i >= 8 ? payload[i - 8] : undefined);
  for (const f of event.fields) {
    const rel = f.type.startsWith('__rel_loc ');
    if (!rel && !f.type.startsWith('__data_loc ')) continue;
    const loc = view.getUint32(f.offset - 8, true);
    const start = (rel ? f.offset + 4 : 0) + (loc & 0xffff);
    const end = start + (loc >>> 16);
    if (end > recordEnd) return `EFAULT: ${f.name} ends at ${end} > ${recordEnd}`;
    if (f.type.includes('char') && record(end - 1) !== 0) return `EFAULT: ${f.name} has no NUL at ${end - 1}`;
  }
  return null;
}

export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
