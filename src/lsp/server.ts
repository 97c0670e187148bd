// `ue-lint lsp`: the language server, on vscode-languageserver over stdio. Diagnostics
// are what `ue-lint lint` run in the workspace folder would print for the open
// documents' current text (workspace.ts); hovers, symbols, code actions and formatting
// work on the document's text. Every handler answers something well formed: a failure
// is logged to the client and answered with an empty result, never a crash.
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixEdits, fixText } from '../lint/fixes.js';
import type { FileDiagnostic, FileRange } from '../lint/file-linter.js';
import { LineMap, plainRange, toLspDiagnostic } from './convert.js';
import { formatText, lineBodies } from './formatting.js';
import { hoverAt } from './hover.js';
import { documentSymbols, type LineSymbol } from './symbols.js';
import { uriToPath, Workspace, type DocumentLint } from './workspace.js';

export interface ServerOptions {
  /** Milliseconds of quiet after an edit before linting (default 150). */
  debounceMs?: number;
}

const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.ue-lint`;

/** Start the server on this process's stdin/stdout; resolves when the connection closes. */
export function runLanguageServer(options: ServerOptions = {}): Promise<void> {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const closed = new Promise<void>((resolve) => connection.onExit(() => resolve()));
  // stdout carries the protocol: anything logged goes to the client's log instead.
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.warn = console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  // A failure anywhere is logged to the client; the server keeps serving.
  process.on('uncaughtException', (err) => connection.console.error(`ue-lint: ${err.stack ?? String(err)}`));
  process.on('unhandledRejection', (err) => connection.console.error(`ue-lint: ${err instanceof Error ? err.stack : String(err)}`));
  new Server(connection, options).listen();
  return closed;
}

/** The document of a lint's text (the version it was linted at). */
const docOf = (lint: DocumentLint) => TextDocument.create(lint.uri, 'user-events', lint.version, lint.text);

/**
 * Edits turning the document's text into `after`: one per changed `\n`-separated line when
 * both have as many (fixes never add or remove one), else one replacement of everything.
 */
function textEdits(doc: TextDocument, after: string): TextEdit[] {
  const before = doc.getText();
  if (before === after) return [];
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) return [{ range: { start: doc.positionAt(0), end: doc.positionAt(before.length) }, newText: after }];
  const edits: TextEdit[] = [];
  let start = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) edits.push({ range: { start: doc.positionAt(start), end: doc.positionAt(start + a[i]!.length) }, newText: b[i]! });
    start += a[i]!.length + 1;
  }
  return edits;
}

class Server {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly workspace = new Workspace((p) => pathToFileURL(p).href);
  private readonly lints = new Map<string, DocumentLint>();
  private readonly published = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private dirty = false;
  private watchFiles = false;
  private folderEvents = false;
  private readonly debounceMs: number;
  private shownProblems = '';

  constructor(private readonly connection: Connection, options: ServerOptions) {
    this.debounceMs = options.debounceMs ?? 150;
  }

  /** Run `fn`, logging a failure and answering `fallback` instead. */
  private async guard<T>(what: string, fallback: T, fn: () => Promise<T> | T): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      this.connection.console.error(`ue-lint: ${what} failed: ${err instanceof Error ? err.stack : String(err)}`);
      return fallback;
    }
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => {
      if (this.folderEvents) {
        c.workspace.onDidChangeWorkspaceFolders(() => {
          void this.guard('workspace folders', undefined, async () => {
            const folders = await c.workspace.getWorkspaceFolders();
            this.workspace.setRoots((folders ?? []).flatMap((f) => uriToPath(f.uri) ?? []));
            this.schedule(0);
          });
        });
      }
      if (this.watchFiles) {
        void c.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.ue' }, { globPattern: '**/{ue-lint.config.json,.uelintrc.json,package.json}' }],
        }).catch(() => undefined);
      }
    });
    c.onDidChangeWatchedFiles((params) => {
      this.workspace.filesChanged(params.changes.flatMap((ch) => uriToPath(ch.uri) ?? []));
      this.schedule(0);
    });
    this.documents.onDidOpen(() => this.schedule(0));
    this.documents.onDidChangeContent(() => this.schedule(this.debounceMs));
    this.documents.onDidClose((e) => {
      this.lints.delete(e.document.uri);
      this.published.delete(e.document.uri);
      void this.guard('clearing diagnostics', undefined, () => c.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));
      this.schedule(0);
    });
    c.onHover((p) => this.guard('hover', null, async () => {
      const lint = await this.fresh(p.textDocument.uri);
      if (!lint || lint.ignored) return null;
      const map = new LineMap(docOf(lint));
      const { line0, column } = map.locate(p.position);
      const text = lineBodies(lint.text)[line0];
      if (text === undefined || column < 0 || column > text.length) return null;
      const hover = hoverAt(text, column, lint.abi);
      if (!hover) return null;
      return { contents: { kind: 'markdown' as const, value: hover.markdown }, range: map.range(line0, hover.span.start, hover.span.end) };
    }));
    c.onDocumentSymbol((p) => this.guard('document symbols', [], async () => {
      const lint = await this.fresh(p.textDocument.uri);
      if (!lint) return [];
      const map = new LineMap(docOf(lint));
      const toSymbol = (s: LineSymbol): DocumentSymbol => ({
        name: s.name,
        detail: s.detail,
        kind: s.kind === 'event' ? SymbolKind.Event : SymbolKind.Field,
        range: map.range(s.line, s.range.start, s.range.end),
        selectionRange: map.range(s.line, s.selection.start, s.selection.end),
        children: s.children.map(toSymbol),
      });
      return documentSymbols(lineBodies(lint.text), lint.abi).map(toSymbol);
    }));
    c.onCodeAction((p) => this.guard('code actions', [], async () => {
      const lint = await this.fresh(p.textDocument.uri);
      const doc = this.documents.get(p.textDocument.uri);
      if (!lint?.result || !doc) return [];
      return this.codeActions(lint, doc, p.range, p.context.only);
    }));
    c.onDocumentFormatting((p) => this.guard('formatting', [], async () => {
      const lint = await this.fresh(p.textDocument.uri);
      const doc = this.documents.get(p.textDocument.uri);
      if (!lint?.result || !doc) return [];
      const formatted = await formatText(lint.text, { filename: lint.display, config: lint.config, abi: lint.abi });
      return textEdits(doc, formatted);
    }));
    this.documents.listen(c);
    c.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    this.workspace.setRoots(folders.flatMap((f) => uriToPath(f.uri) ?? []));
    this.watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.folderEvents = params.capabilities.workspace?.workspaceFolders === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentFormattingProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'ue-lint' },
    };
  }

  /** Lint after `delay` ms of quiet (edits in the meantime push it back). */
  private schedule(delay: number): void {
    this.dirty = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.lintNow();
    }, delay);
  }

  /** Run a lint cycle now (or join the running one and run again after it if needed). */
  private async lintNow(): Promise<void> {
    while (this.running) await this.running;
    if (!this.dirty) return;
    this.dirty = false;
    this.running = this.guard('lint', undefined, () => this.cycle());
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
  }

  /** The lint of this document's current version. */
  private async fresh(uri: string): Promise<DocumentLint | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    for (let tries = 0; tries < 3 && this.lints.get(uri)?.version !== doc.version; tries++) {
      this.dirty = true;
      await this.lintNow();
    }
    const lint = this.lints.get(uri);
    return lint?.version === doc.version ? lint : undefined;
  }

  private async cycle(): Promise<void> {
    const open = this.documents.all().map((d) => ({ uri: d.uri, version: d.version, text: d.getText() }));
    const { lints, problems } = await this.workspace.lint(open);
    const shown = problems.map((p) => p.message).join('\n');
    if (shown !== '' && shown !== this.shownProblems) void this.connection.window.showErrorMessage(`ue-lint: ${shown}`);
    this.shownProblems = shown;
    for (const lint of lints) {
      if (!this.documents.get(lint.uri)) continue; // closed meanwhile
      this.lints.set(lint.uri, lint);
      const diagnostics = this.diagnosticsOf(lint);
      // Unchanged diagnostics are sent again for a new version, so clients see them as current.
      const key = `${lint.version}:${JSON.stringify(diagnostics)}`;
      if (this.published.get(lint.uri) === key) continue;
      this.published.set(lint.uri, key);
      await this.connection.sendDiagnostics({ uri: lint.uri, version: lint.version, diagnostics });
    }
  }

  private diagnosticsOf(lint: DocumentLint): Diagnostic[] {
    const doc = docOf(lint);
    if (lint.notDefinitionFile) {
      const at = doc.positionAt(Buffer.from(lint.text, 'utf8').subarray(0, lint.notDefinitionFile.byteOffset).toString('utf8').length);
      return [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, severity: 1, source: 'ue-lint', message: `not linted: ${lint.notDefinitionFile.message}` }];
    }
    const resolve = (file: string) => {
      const uri = lint.uriOf(file);
      if (uri === undefined) return undefined;
      const text = lint.openText(uri);
      if (text === undefined) return { uri, range: plainRange };
      const map = new LineMap(TextDocument.create(uri, 'user-events', 0, text));
      return { uri, range: (r: FileRange) => map.fileRange(r) };
    };
    const map = new LineMap(doc);
    return (lint.result?.diagnostics ?? []).map((d) => toLspDiagnostic(d, map, resolve));
  }

  private codeActions(lint: DocumentLint, doc: TextDocument, range: { start: { line: number; character: number }; end: { line: number; character: number } }, only: string[] | undefined): Promise<CodeAction[]> | CodeAction[] {
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const map = new LineMap(doc);
    const actions: CodeAction[] = [];
    const fixable = (lint.result?.diagnostics ?? []).filter((d): d is FileDiagnostic & { fix: NonNullable<FileDiagnostic['fix']> } => d.fix !== undefined);
    const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    if (wants(CodeActionKind.QuickFix)) {
      for (const d of fixable) {
        const r = map.fileRange(d.range);
        if (!(before(r.start, range.end) && before(range.start, r.end))) continue;
        const edit = { range: map.range(d.fix.line - 1, d.fix.start, d.fix.end), newText: d.fix.replacement };
        // An unsafe fix may change what the kernel registers: offered, marked, never preferred.
        const unsafe = d.fix.applicability === 'unsafe';
        actions.push({
          title: `${d.fix.description} (${d.code}${unsafe ? ', unsafe: may change the layout' : ''})`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [toLspDiagnostic(d, map, () => undefined)],
          isPreferred: !unsafe,
          edit: { changes: { [lint.uri]: [edit] } },
        });
      }
    }
    const safe = fixEdits(lint.result?.diagnostics ?? []);
    if (safe.length === 0) return actions;
    const fixAll = async (kind: string, title: string): Promise<CodeAction> => {
      const fixed = await fixText(lint.text, { filename: lint.display, config: lint.config, abi: lint.abi });
      return { title, kind, edit: { changes: { [lint.uri]: textEdits(doc, fixed.text) } } };
    };
    return (async () => {
      if (wants(CodeActionKind.QuickFix) && actions.length > 0) actions.push(await fixAll(CodeActionKind.QuickFix, 'Fix all auto-fixable ue-lint problems in this file'));
      if (wants(FIX_ALL_KIND)) actions.push(await fixAll(FIX_ALL_KIND, 'Fix all auto-fixable ue-lint problems in this file'));
      return actions;
    })();
  }
}
