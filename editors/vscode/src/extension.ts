// The VS Code extension: starts `ue-lint lsp` from the CLI bundled in the extension
// (server/, copied from the package's build by scripts/build.mjs), or from the
// `ue-lint.path` setting, and connects VS Code's language client to it.
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const configured = workspace.getConfiguration('ue-lint').get<string>('path');
  const cli = configured !== undefined && configured !== '' ? configured : context.asAbsolutePath('server/bin/ue-lint.cjs');
  const run = { module: cli, args: ['lsp'], transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'user-events' }],
    // Definition files and configuration changed outside the editor reach the server.
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/{*.ue,ue-lint.config.json,.uelintrc.json,package.json}') },
  };
  client = new LanguageClient('ue-lint', 'ue-lint', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
