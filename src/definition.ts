// parseDefinition: one definition string → the kernel's decision, the layout and
// every diagnostic. Judged as a fresh registration via the ioctl path on an empty
// system (spec §2.9). Never throws.
import { catalog } from './diagnostics/catalog.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { mergeByPosition } from './diagnostics/order.js';
import { collectInto } from './diagnostics/report.js';
import type { DefinitionAst } from './grammar/ast.js';
import { parseKernelBytes } from './grammar/parse.js';
import { scanAscii } from './grammar/scan-ascii.js';
import { computeLayout, type FieldDetail } from './layout/layout.js';
import { getProfile, type AbiProfile } from './layout/profiles.js';
import type { EventLayout, LayoutField, ParseOptions, ParseResult } from './layout/types.js';
import { runRules } from './lint/lint.js';
import { parsePlainDefinition } from './plain-definition.js';
import { toKernelBytes } from './source/kernel-bytes.js';

export interface AnalysisResult {
  ast: DefinitionAst;
  profile: AbiProfile;
  /** Laid-out fields with details (all fields when accepted). */
  fields: FieldDetail[];
  result: ParseResult;
}

const toLayoutField = ({ type, name, offset, size, signed }: FieldDetail): LayoutField => ({ type, name, offset, size, signed });

/** The full analysis behind parseDefinition, for tools that need the AST and field details too. */
export function analyzeDefinition(input: string, options?: ParseOptions): AnalysisResult {
  const profile = getProfile(options?.abi);
  const source = toKernelBytes(typeof input === 'string' ? input : String(input));
  // ASCII (nearly every real definition) takes the hand-written scanner; the
  // Chevrotain grammar handles the rest and is the scanner's reference in tests.
  let ast: DefinitionAst;
  // Kernel rejections are collected in the kernel's order, so the first one's errno is the answer.
  let kernel: Diagnostic[];
  if (source.ascii) {
    ast = scanAscii(source);
    kernel = [];
  } else {
    ({ ast, diagnostics: kernel } = parseKernelBytes(source));
  }
  const report = collectInto(kernel);
  const src = ast.source;

  // 1. The ioctl path copies at most 511 bytes plus NUL.
  if (src.bytes.length > profile.maxDefinitionBytes) {
    report(catalog.definitionTooLong, [src.bytes.length], { start: src.toTextOffset(profile.maxDefinitionBytes), end: src.text.length });
  }
  // 2. linux rejects any flags text before looking at the fields.
  if (ast.flags && profile.flagPolicy === 'reject') {
    report(catalog.flagsNotSupported, [ast.flags.text.text], { start: ast.flags.colon.start, end: ast.flags.text.span.end });
  }
  // 3. Fields, left to right.
  const layout = computeLayout(ast, profile, report);
  let errnoHolder: Diagnostic | undefined;
  for (const d of kernel) if (d.errno !== undefined) { errnoHolder = d; break; }
  const accepted = errnoHolder === undefined;

  const warnings: Diagnostic[] = [];
  const warn = collectInto(warnings);
  if (src.cutAtNul) {
    const at = src.text.length;
    warn(catalog.textAfterNul, [], { start: at, end: at + 1 });
  }
  runRules(ast, profile, layout.fields, accepted, warn);
  const all = mergeByPosition(kernel, warnings);

  let result: ParseResult;
  if (accepted) {
    const flags = ast.flags && profile.flagPolicy === 'parse'
      ? profile.knownFlags.filter((f) => ast.flags!.items.some((i) => i.raw === f))
      : [];
    const event: EventLayout = {
      name: ast.name.text,
      flags,
      fields: layout.fields.map(toLayoutField),
    };
    result = { ok: true, event, diagnostics: all };
  } else {
    result = { ok: false, errno: errnoHolder!.errno!, diagnostics: all };
  }
  return { ast, profile, fields: layout.fields, result };
}

/**
 * Decide what the kernel decides for one definition string.
 *
 * @example
 * parseDefinition('test char[20] msg;unsigned int id')
 * // → { ok: true, event: { name: 'test', flags: [], fields: [
 * //      { type: 'char[20]', name: 'msg', offset: 8, size: 20, signed: true },
 * //      { type: 'unsigned int', name: 'id', offset: 28, size: 4, signed: false } ] }, diagnostics: [] }
 * parseDefinition('test u32  a') // → { ok: false, errno: 'EINVAL', diagnostics: [UE006 …] }
 */
export function parseDefinition(input: string, options?: ParseOptions): ParseResult {
  try {
    // Plain linux definitions (most of any real file) skip the AST: see plain-definition.ts.
    // It accepts only ASCII word characters, brackets, digits, spaces and `;`.
    if (options?.abi !== 'v5' && typeof input === 'string') {
      const plain = parsePlainDefinition(input);
      if (plain !== undefined) return plain;
    }
    return analyzeDefinition(input, options).result;
  } catch (err) {
    // Defence in depth: a bug must surface as a diagnostic, never as an exception.
    const text = typeof input === 'string' ? input : '';
    return {
      ok: false,
      errno: 'EINVAL',
      diagnostics: [{
        code: catalog.internalError.code, name: catalog.internalError.name, severity: 'error',
        message: catalog.internalError.message('parseDefinition', err instanceof Error ? err.message : String(err)),
        span: { start: 0, end: text.length },
      }],
    };
  }
}
