// The extension's TextMate grammar, run by vscode-textmate on VS Code's regex engine
// (vscode-oniguruma): for the grammar test and the README screenshot.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const GRAMMAR = join(import.meta.dirname, '..', '..', 'editors', 'vscode', 'syntaxes', 'user-events.tmLanguage.json');

/** Tokenize `lines`: for each line, `[text, innermost scope]` per token (the root scope dropped). */
export async function tokenizer(): Promise<(lines: string[]) => [string, string][][]> {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope: string) => (scope === 'source.user-events' ? vsctm.parseRawGrammar(readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null),
  });
  const grammar = (await registry.loadGrammar('source.user-events'))!;
  return (lines) => {
    let state = vsctm.INITIAL;
    return lines.map((line) => {
      const r = grammar.tokenizeLine(line, state);
      state = r.ruleStack;
      return r.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.length > 1 ? t.scopes[t.scopes.length - 1]!.replace(/\.user-events$/, '') : '']);
    });
  };
}

