// Grammar entry point: text → AST + diagnostics. Never throws.
import type { Lexer } from 'chevrotain';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { toKernelBytes, type KernelBytes } from '../source/kernel-bytes.js';
import type { DefinitionAst } from './ast.js';
import { createDefinitionParser, type DefinitionParser } from './parser.js';
import { createDefinitionLexer } from './tokens.js';
import { toAst } from './to-ast.js';

// One lexer and one parser for the process (the parser is reset by assigning
// `.input`), built on first use: parseDefinition scans ASCII by hand, so a lint
// of ASCII files never pays for building the Chevrotain grammar (start-up time).
let grammar: { lexer: Lexer; parser: DefinitionParser } | undefined;
const getGrammar = () => (grammar ??= { lexer: createDefinitionLexer(), parser: createDefinitionParser() });

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
  const { lexer, parser } = getGrammar();
  // Every byte matches some token in every mode, so lexing cannot fail.
  const lexed = lexer.tokenize(source.bytes);
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
