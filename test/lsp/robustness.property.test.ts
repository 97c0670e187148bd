// The server never crashes and always answers well formed: random documents and random
// incremental edits (hostile bytes, every kind of line break, BOM, NUL, surrogates),
// with hovers, symbols, code actions and formatting requested at random places in
// between. Each reply is checked against the shape LSP requires, the published
// diagnostics of the last version are checked too, and no handler may have failed.
import { expect } from 'chai';
import fc from 'fast-check';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  HoverRequest,
  InitializeRequest,
  type Diagnostic,
  type Position,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { join } from 'node:path';
import { tempDir } from '../support/temp-dir.js';
import { fileUri, TestClient } from './client.js';

const piece = fc.constantFrom(
  'wake u32 pid', 'u:', ' ', '  ', ';', '; ', '#', '# ue-lint-disable-next-line', ' UE006', '\n', '\r\n', '\r', '\t', '\0', '\ufeff',
  'char[20] msg', 'char x[20]', '__data_loc char[] s', 'struct pt p 16', 'unsigned int', 'u64', ':BPF_ITER', '-:old', '!u:x',
  'é', '😀', '\ud800', '\udc00', '`', '```', '<b>', '[x](y)', 'a', 'wake', 'u32', '0x14', '[', ']', '9999999999',
);
const text = fc.array(piece, { maxLength: 30 }).map((a) => a.join(''));

const isUint = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
function expectPosition(p: Position): void {
  expect(isUint(p.line) && isUint(p.character), JSON.stringify(p)).to.equal(true);
}
function expectRange(r: Range): void {
  expectPosition(r.start);
  expectPosition(r.end);
  expect(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), JSON.stringify(r)).to.equal(true);
}
function expectDiagnostic(d: Diagnostic): void {
  expectRange(d.range);
  expect([1, 2]).to.include(d.severity);
  expect(d.message).to.be.a('string').and.not.equal('');
  if (d.code !== undefined) expect(String(d.code)).to.match(/^UE\d{3}$/);
  for (const r of d.relatedInformation ?? []) {
    expectRange(r.location.range);
    expect(r.location.uri).to.match(/^file:/);
  }
}

/** A random position in (or just past) the document. */
const position = (doc: TextDocument, a: number, b: number): Position => ({ line: a % (doc.lineCount + 1), character: b % 40 });

describe('lsp robustness (fast-check, seeded): random edits, well-formed replies', function () {
  this.timeout(600000);
  let client: TestClient;
  let dir: string;

  before(async () => {
    dir = tempDir('ue-lsp-fuzz-');
    client = new TestClient(dir);
    await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: fileUri(dir), capabilities: {} });
  });

  after(() => client.dispose());

  it('answers every request well formed, and never fails', async () => {
    let n = 0;
    const edit = fc.record({ a: fc.nat(), b: fc.nat(), c: fc.nat(), d: fc.nat(), text, ask: fc.nat(5) });
    await fc.assert(fc.asyncProperty(text, fc.array(edit, { minLength: 1, maxLength: 6 }), async (initial, edits) => {
      const uri = fileUri(join(dir, `doc${n++}.ue`));
      let doc = TextDocument.create(uri, 'user-events', 1, initial);
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'user-events', version: 1, text: initial } });
      for (const e of edits) {
        // Offsets, not positions, so that the range is valid in the text (and may split a CRLF or a surrogate pair).
        const len = doc.getText().length + 1;
        const [s, t] = [e.a % len, e.b % len].sort((x, y) => x - y);
        const range = { start: doc.positionAt(s!), end: doc.positionAt(t!) };
        doc = TextDocument.update(doc, [{ range, text: e.text }], doc.version + 1);
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [{ range, text: e.text }] });
        const at = position(doc, e.c, e.d);
        switch (e.ask) {
          case 0: {
            const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at });
            if (hover !== null) {
              expect(hover.contents).to.have.property('kind', 'markdown');
              expect((hover.contents as { value: string }).value).to.be.a('string').and.not.equal('');
              expectRange(hover.range!);
            }
            break;
          }
          case 1: {
            const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
            const check = (s: { name: string; range: Range; selectionRange: Range; children?: unknown[] }): void => {
              expect(s.name).to.be.a('string').and.not.equal('');
              expectRange(s.range);
              expectRange(s.selectionRange);
              (s.children as typeof s[] | undefined)?.forEach(check);
            };
            (symbols as Parameters<typeof check>[0][]).forEach(check);
            break;
          }
          case 2: {
            const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: at }, context: { diagnostics: [] } });
            for (const a of (actions ?? []) as { title: string; kind?: string; edit?: { changes?: Record<string, { range: Range; newText: string }[]> } }[]) {
              expect(a.title).to.be.a('string').and.not.equal('');
              for (const edits of Object.values(a.edit?.changes ?? {})) for (const x of edits) { expectRange(x.range); expect(x.newText).to.be.a('string'); }
            }
            break;
          }
          case 3: {
            const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
            for (const x of edits ?? []) { expectRange(x.range); expect(x.newText).to.be.a('string'); }
            // Formatting never changes what the kernel would be told, only whitespace.
            const formatted = TextDocument.applyEdits(doc, edits ?? []);
            expect(formatted.replace(/[ \t\v\f\r]/g, '')).to.equal(doc.getText().replace(/[ \t\v\f\r]/g, ''));
            break;
          }
          default:
            break; // edit only: debounced lints pile up
        }
      }
      const ds = await client.diagnostics(uri, () => client.published.get(uri)?.version === doc.version);
      ds.forEach(expectDiagnostic);
      await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }), { seed: 17, numRuns: 150 });
    expect(client.logs.filter((l) => /failed|ue-lint: /.test(l))).to.deep.equal([]);
    expect(client.child.exitCode).to.equal(null);
    expect(client.stderr).to.equal('');
  });
});
