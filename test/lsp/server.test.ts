// `ue-lint lsp` end to end: the built CLI's server, driven over stdio by
// vscode-languageserver-protocol as an editor would drive it.
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  type CodeAction,
  type DocumentSymbol,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { tempDir } from '../support/temp-dir.js';
import { fileUri, TestClient } from './client.js';

const B_TEXT = 'tx u32  bytes\nmsg char x[20]\nwake u64 pid\nev char[20] msg;u32 id\n';

const codes = (ds: { code?: string | number }[]) => ds.map((d) => d.code);

describe('ue-lint lsp (LSP client over stdio)', function () {
  this.timeout(60000);
  let dir: string;
  let client: TestClient;
  let aUri: string;
  let bUri: string;
  let cUri: string;
  const b = () => TextDocument.create(bUri, 'user-events', 1, B_TEXT);

  before(async () => {
    dir = tempDir('ue-lsp-');
    // a.ue stays closed: the server reads it from disk for UE304 across files.
    writeFileSync(join(dir, 'a.ue'), 'wake u32 pid\n');
    aUri = fileUri(join(dir, 'a.ue'));
    bUri = fileUri(join(dir, 'b.ue'));
    cUri = fileUri(join(dir, 'c.ue'));
    writeFileSync(join(dir, 'b.ue'), '');
    client = new TestClient(dir);
  });

  after(() => client.dispose());

  it('initialize: announces incremental sync, hover, symbols, code actions and formatting', async () => {
    const init = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: fileUri(dir), workspaceFolders: [{ uri: fileUri(dir), name: 'ws' }], capabilities: {},
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    const caps = init.capabilities;
    expect(caps.textDocumentSync).to.deep.include({ openClose: true, change: 2 });
    expect(caps.hoverProvider).to.equal(true);
    expect(caps.documentSymbolProvider).to.equal(true);
    expect(caps.documentFormattingProvider).to.equal(true);
    expect(caps.codeActionProvider).to.deep.equal({ codeActionKinds: ['quickfix', 'source.fixAll.ue-lint'] });
    expect(init.serverInfo?.name).to.equal('ue-lint');
  });

  it('didOpen → publishDiagnostics with codes, ranges, docs links and the other file as related information', async () => {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: bUri, languageId: 'user-events', version: 1, text: B_TEXT } });
    const ds = await client.diagnostics(bUri, (d) => d.length > 0);
    expect(codes(ds)).to.deep.equal(['UE006', 'UE102', 'UE304', 'UE112']);
    const [ue006, ue102, ue304, ue112] = ds;
    expect(ue006!.range).to.deep.equal({ start: { line: 0, character: 7 }, end: { line: 0, character: 8 } });
    expect(ue006!.severity).to.equal(1);
    expect(ue006!.source).to.equal('ue-lint');
    expect(ue006!.message).to.match(/^the second space makes an empty token/);
    expect(ue006!.codeDescription?.href).to.match(/\/docs\/rules\/[a-z-]+\.md$/);
    expect(ue102!.range).to.deep.equal({ start: { line: 1, character: 9 }, end: { line: 1, character: 14 } });
    expect(ue102!.severity).to.equal(2);
    expect(ue304!.range).to.deep.equal({ start: { line: 2, character: 0 }, end: { line: 2, character: 4 } });
    expect(ue304!.relatedInformation).to.deep.equal([{
      location: { uri: aUri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } } },
      message: 'first defined here',
    }]);
    expect(ue112!.range).to.deep.equal({ start: { line: 3, character: 15 }, end: { line: 3, character: 16 } });
  });

  it('hover on a field: type, offset, size, signedness, payload offset', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: bUri }, position: { line: 3, character: 21 } });
    const value = (hover!.contents as MarkupContent).value;
    expect((hover!.contents as MarkupContent).kind).to.equal('markdown');
    expect(value).to.include('field `id`');
    expect(value).to.match(/^type +u32$/m);
    expect(value).to.match(/^offset +28$/m);
    expect(value).to.match(/^size +4$/m);
    expect(value).to.match(/^signed +no$/m);
    expect(value).to.match(/^payload offset +20$/m);
    expect(hover!.range).to.deep.equal({ start: { line: 3, character: 16 }, end: { line: 3, character: 22 } });
  });

  it('hover on the event name: the tracefs format file; on a type: what the kernel does with it', async () => {
    const name = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: bUri }, position: { line: 3, character: 1 } });
    const value = (name!.contents as MarkupContent).value;
    expect(value).to.include('name: ev\nID: <ID>\nformat:\n');
    expect(value).to.include('\tfield:char msg[];\toffset:8;\tsize:20;\tsigned:1;\n');
    expect(value).to.include('\tfield:u32 id;\toffset:28;\tsize:4;\tsigned:0;\n');
    const type = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: bUri }, position: { line: 3, character: 5 } });
    expect((type!.contents as MarkupContent).value).to.include('20 bytes inline');
    expect(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: bUri }, position: { line: 9, character: 0 } })).to.equal(null);
  });

  it('document symbols: events with their fields', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: bUri } })) as DocumentSymbol[];
    expect(symbols.map((s) => s.name)).to.deep.equal(['tx', 'msg', 'wake', 'ev']);
    expect(symbols[3]!.children!.map((s) => [s.name, s.detail])).to.deep.equal([['msg', 'char[20] @8 (20 bytes)'], ['id', 'u32 @28 (4 bytes)']]);
  });

  it('a code action fixes UE006; "fix all" applies the safe fixes; an unsafe one is marked', async () => {
    const ds = client.published.get(bUri)!.diagnostics;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: bUri }, range: ds[0]!.range, context: { diagnostics: [ds[0]!] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'UE006')!;
    expect(fix.isPreferred).to.equal(true);
    const edited = TextDocument.applyEdits(b(), fix.edit!.changes![bUri]!);
    expect(edited.split('\n')[0]).to.equal('tx u32 bytes');
    expect(edited.split('\n').slice(1)).to.deep.equal(B_TEXT.split('\n').slice(1));

    const all = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: bUri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    expect(all.map((a) => a.kind)).to.deep.equal(['source.fixAll.ue-lint']);
    // Safe fixes only: UE102's rewrite changes the layout, so it stays a marked suggestion.
    expect(TextDocument.applyEdits(b(), all[0]!.edit!.changes![bUri]!)).to.equal('tx u32 bytes\nmsg char x[20]\nwake u64 pid\nev char[20] msg; u32 id\n');
    const ue102 = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: bUri }, range: ds[1]!.range, context: { diagnostics: [ds[1]!] },
    })) as CodeAction[];
    const suggestion = ue102.find((a) => a.diagnostics?.[0]?.code === 'UE102')!;
    expect(suggestion.title).to.include('unsafe');
    expect(suggestion.isPreferred).to.equal(false);
    expect(TextDocument.applyEdits(b(), suggestion.edit!.changes![bUri]!).split('\n')[1]).to.equal('msg char[20] x');
  });

  it('formatting: the whitespace fixes only, never the layout-changing `char x[20]` one', async () => {
    const edits = (await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: bUri }, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
    expect(TextDocument.applyEdits(b(), edits)).to.equal('tx u32 bytes\nmsg char x[20]\nwake u64 pid\nev char[20] msg; u32 id\n');
  });

  it('didChange (incremental) clears a diagnostic', async () => {
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: bUri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 8 } }, text: ' ' }],
    });
    const ds = await client.diagnostics(bUri, (d) => !codes(d).includes('UE006'));
    expect(codes(ds)).to.deep.equal(['UE102', 'UE304', 'UE112']);
    expect(client.published.get(bUri)!.version).to.equal(2);
  });

  it('a second open file creates a UE304 pointing at the first', async () => {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: cUri, languageId: 'user-events', version: 1, text: '# later\nev u64 id\n' } });
    const ds = await client.diagnostics(cUri, (d) => d.length > 0);
    expect(codes(ds)).to.deep.equal(['UE304']);
    expect(ds[0]!.range).to.deep.equal({ start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
    expect(ds[0]!.relatedInformation![0]!.location).to.deep.equal({ uri: bUri, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } } });
  });

  it('picks up a configuration change without a restart', async () => {
    writeFileSync(join(dir, 'ue-lint.config.json'), JSON.stringify({ rules: { UE112: 'off' }, ignore: ['a.ue'] }));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(join(dir, 'ue-lint.config.json')), type: FileChangeType.Created }] });
    // UE112 is off, and a.ue is ignored, so wake in b.ue is the first definition.
    const ds = await client.diagnostics(bUri, (d) => !codes(d).includes('UE112'));
    expect(codes(ds)).to.deep.equal(['UE102']);
    expect(readFileSync(join(dir, 'b.ue'), 'utf8')).to.equal('');
  });

  it('shutdown and exit end the process with 0', async () => {
    await client.connection.sendRequest(ShutdownRequest.type);
    await client.connection.sendNotification(ExitNotification.type);
    expect(await client.exited).to.equal(0);
    expect(client.stderr).to.equal('');
  });
});
