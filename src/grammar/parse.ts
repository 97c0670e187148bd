// Grammar entry point: text → AST + diagnostics. Never throws.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { toKernelBytes, type KernelBytes } from '../source/kernel-bytes.js';
import type { DefinitionAst } from './ast.js';
import { createDefinitionParser } from './parser.js';
import { definitionLexer } from './tokens.js';
import { toAst } from './to-ast.js';

// One parser instance for the process, reset by assigning `.input`.
const parser = createDefinitionParser();

export interface GrammarResult {
  ast: DefinitionAst;
  /** Grammar-level problems. The kernel accepts every token sequence, so this is empty unless ue-lint has a bug. */
  diagnostics: Diagnostic[];
}

/** e.g. `parse('test u32 a').ast.pieces[0].field.type.text === 'u32'`. */
export function parse(input: string): GrammarResult {
  return parseKernelBytes(toKernelBytes(input));
}

/** `parse` for text already converted to kernel bytes. */
export function parseKernelBytes(source: KernelBytes): GrammarResult {
  const lexed = definitionLexer.tokenize(source.bytes);
  parser.input = lexed.tokens;
  const raw = parser.definition();
  const diagnostics: Diagnostic[] = [];
  for (const e of [...lexed.errors.map((x) => x.message), ...parser.errors.map((x) => x.message)]) {
    diagnostics.push({
      code: 'UE901', name: 'internal-error', severity: 'error', span: { start: 0, end: source.text.length },
      message: `internal error in the grammar: ${e}`, help: 'please report this with the definition that caused it',
    });
  }
  return { ast: toAst(raw, source), diagnostics };
}
