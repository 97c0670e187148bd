// The VS Code extension: its manifest, and `@vscode/vsce package` producing a .vsix
// (offline: the client and the CLI are bundled) whose bundled CLI serves LSP with the
// arguments VS Code's language client passes.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DidOpenTextDocumentNotification, InitializeRequest, ShutdownRequest, ExitNotification } from 'vscode-languageserver-protocol/node';
import { TestClient, fileUri } from '../lsp/client.js';
import { tempDir } from '../support/temp-dir.js';
import { zipEntries, zipRead } from '../support/zip.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EXT = join(ROOT, 'editors', 'vscode');
const manifest = JSON.parse(readFileSync(join(EXT, 'package.json'), 'utf8'));

describe('editors/vscode', function () {
  this.timeout(300000);

  it('contributes the user-events language for *.ue, with # comments and a grammar', () => {
    expect(manifest.contributes.languages).to.deep.equal([{
      id: 'user-events', aliases: ['user_events definitions', 'user-events'], extensions: ['.ue'], configuration: './language-configuration.json',
    }]);
    const config = JSON.parse(readFileSync(join(EXT, 'language-configuration.json'), 'utf8'));
    expect(config.comments).to.deep.equal({ lineComment: '#' });
    expect(manifest.contributes.grammars).to.deep.equal([{ language: 'user-events', scopeName: 'source.user-events', path: './syntaxes/user-events.tmLanguage.json' }]);
    expect(JSON.parse(readFileSync(join(EXT, 'syntaxes', 'user-events.tmLanguage.json'), 'utf8')).scopeName).to.equal('source.user-events');
  });

  it('`vsce package` makes a .vsix whose bundled CLI runs `ue-lint lsp` as VS Code starts it', async () => {
    const build = spawnSync(process.execPath, [join(EXT, 'scripts', 'build.mjs')], { encoding: 'utf8' });
    expect(build.status, build.stderr).to.equal(0);
    const out = tempDir('ue-vsix-');
    const vsix = join(out, 'ue-lint.vsix');
    const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const pack = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: EXT, encoding: 'utf8', input: '' });
    expect(pack.status, pack.stdout + pack.stderr).to.equal(0);
    expect(pack.stdout).to.include('DONE').and.not.include('WARNING');

    const zip = readFileSync(vsix);
    const entries = zipEntries(zip);
    const names = entries.map((e) => e.name).sort();
    expect(names).to.include.members([
      'extension.vsixmanifest', 'extension/package.json', 'extension/dist/extension.js', 'extension/language-configuration.json',
      'extension/syntaxes/user-events.tmLanguage.json', 'extension/server/bin/ue-lint.cjs', 'extension/server/dist/cli-fast.cjs',
      'extension/server/dist/cli.cjs', 'extension/server/dist/lsp.cjs', 'extension/server/dist/cli-grammar.cjs',
    ]);
    expect(names.filter((n) => n.includes('/src/') || n.includes('node_modules') || n.endsWith('.ts'))).to.deep.equal([]);
    const packed = JSON.parse(zipRead(zip, entries.find((e) => e.name === 'extension/package.json')!).toString('utf8'));
    expect(packed.main).to.equal('./dist/extension.js');

    // Unpack the server and start it the way vscode-languageclient does (TransportKind.stdio, module).
    const unpacked = tempDir('ue-vsix-x-');
    for (const e of entries.filter((x) => x.name.startsWith('extension/server/'))) {
      const to = join(unpacked, e.name);
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, zipRead(zip, e));
    }
    const ws = tempDir('ue-vsix-ws-');
    const client = new TestClient(ws, ['lsp', '--stdio', `--clientProcessId=${process.pid}`], join(unpacked, 'extension', 'server', 'bin', 'ue-lint.cjs'));
    try {
      await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: fileUri(ws), capabilities: {} });
      const uri = fileUri(join(ws, 'a.ue'));
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'user-events', version: 1, text: 'a u32  x\n' } });
      const ds = await client.diagnostics(uri, (d) => d.length > 0);
      expect(ds.map((d) => d.code)).to.deep.equal(['UE006']);
      await client.connection.sendRequest(ShutdownRequest.type);
      await client.connection.sendNotification(ExitNotification.type);
      expect(await client.exited).to.equal(0);
    } finally {
      client.dispose();
    }
  });
});
