// `ue-lint lsp`: the language server over stdio. The server and vscode-languageserver
// live in their own bundle (dist/lsp.cjs, see scripts/build.mjs), loaded only here, so
// nothing of them is read on any other command's start-up.
import type { Argv } from 'yargs';
import type { CliCommand } from '../command.js';

export interface LspArgs {
  stdio?: boolean;
  clientProcessId?: number;
}

export const lspCommand: CliCommand<LspArgs> = {
  command: 'lsp',
  describe: 'Run the language server (LSP over stdio) for editors',
  builder: (y: Argv) =>
    y
      .option('stdio', { type: 'boolean', describe: 'Talk LSP over stdin/stdout (the only transport; accepted for clients that pass it)' })
      // vscode-languageclient passes the editor's process id; the server also gets it in `initialize`.
      .option('clientProcessId', { type: 'number', hidden: true })
      .example('ue-lint lsp', 'what an editor runs (see editors/vscode)') as unknown as Argv<LspArgs>,
  run: async () => {
    const { runLanguageServer } = await import('../../lsp/server.js');
    await runLanguageServer();
    return 0;
  },
};
