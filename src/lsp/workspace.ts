// The workspace as `ue-lint lint .` sees it from each workspace folder: the folder's
// configuration, its `*.ue` files in the CLI's order (minus `ignore`), one event registry
// across them (UE304/UE306 across files), and the open documents' text in place of what
// is on disk. Open documents outside every folder are linted on their own, with the
// configuration found from their directory.
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve as resolvePath, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type LoadedConfig } from '../config/config.js';
import { expandPaths } from '../files/expand.js';
import { displayPath, isIgnoredBy } from '../files/glob.js';
import { NotADefinitionFileError } from '../files/line-reader.js';
import { EventRegistry, type FileResult } from '../lint/file-linter.js';
import { lintSettings, lintSource } from '../lint/lint-text.js';
import type { AbiName } from '../layout/types.js';

export interface OpenDocument {
  uri: string;
  version: number;
  text: string;
}

/** What one open document's lint gave, for diagnostics, code actions and formatting. */
export interface DocumentLint {
  uri: string;
  version: number;
  text: string;
  /** The linter's name for this file (relative to its workspace folder). */
  display: string;
  /** Lint settings it was linted with, so fixes and formatting use the same. */
  abi: AbiName;
  config: LoadedConfig;
  result?: FileResult;
  /** The text is not a definition file (NUL byte): the CLI's message and where. */
  notDefinitionFile?: { message: string; byteOffset: number };
  ignored: boolean;
  /** Display path of any file in the same run → its URI. */
  uriOf: (display: string) => string | undefined;
  /** Text of an open document by URI (for BOM shifts of related locations). */
  openText: (uri: string) => string | undefined;
}

/** A file system path for a `file:` URI, or undefined. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

const FILE_LIST_TTL_MS = 2000;

/** Does the configuration's `ignore` skip this file? An invalid glob ignores nothing (the CLI says why). */
async function ignoredBy(config: LoadedConfig, path: string): Promise<boolean> {
  try {
    return await isIgnoredBy(config.ignore, config.dir, path);
  } catch {
    return false;
  }
}

interface DiskText {
  mtimeMs: number;
  size: number;
  bytes: Buffer;
}

export interface Problem {
  /** Where: a configuration file or folder. */
  source: string;
  message: string;
}

export class Workspace {
  private roots: string[] = [];
  private readonly fileLists = new Map<string, { at: number; ignoreKey: string; files: string[]; error?: string }>();
  private readonly disk = new Map<string, DiskText>();

  constructor(private readonly toUri: (path: string) => string) {}

  setRoots(roots: readonly string[]): void {
    // Longest first, so a nested folder owns its files.
    this.roots = [...new Set(roots.map((r) => resolvePath(r)))].sort((a, b) => b.length - a.length);
    this.fileLists.clear();
  }

  /** Files created, changed or deleted on disk (a client's watcher said so). */
  filesChanged(paths: readonly string[]): void {
    for (const p of paths) this.disk.delete(p);
    this.fileLists.clear();
  }

  private rootOf(path: string): string | undefined {
    return this.roots.find((r) => path === r || path.startsWith(r.endsWith(sep) ? r : r + sep));
  }

  private async config(dir: string, problems: Problem[]): Promise<LoadedConfig> {
    try {
      return await loadConfig(dir);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push({ source: dir, message: err.message });
      return { dir, rules: {}, ignore: [] };
    }
  }

  private async files(root: string, config: LoadedConfig, problems: Problem[]): Promise<string[]> {
    const ignoreKey = JSON.stringify([config.dir, config.ignore]);
    let cached = this.fileLists.get(root);
    if (!cached || cached.ignoreKey !== ignoreKey || Date.now() - cached.at >= FILE_LIST_TTL_MS) {
      try {
        const expansion = await expandPaths(['.'], { cwd: root, ignore: config.ignore, ignoreBase: config.dir, errorOnUnmatched: false });
        cached = { at: Date.now(), ignoreKey, files: expansion.inputs.flatMap((i) => (i.kind === 'file' ? [i.path] : [])) };
      } catch (err) {
        // An unreadable folder or an invalid `ignore` glob: lint the open documents alone.
        cached = { at: Date.now(), ignoreKey, files: [], error: err instanceof Error ? err.message : String(err) };
      }
      this.fileLists.set(root, cached);
    }
    if (cached.error !== undefined) problems.push({ source: root, message: cached.error });
    return cached.files;
  }

  private async diskBytes(path: string): Promise<Buffer | undefined> {
    try {
      const st = await stat(path);
      const cached = this.disk.get(path);
      if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size) return cached.bytes;
      const bytes = await readFile(path);
      this.disk.set(path, { mtimeMs: st.mtimeMs, size: st.size, bytes });
      return bytes;
    } catch {
      this.disk.delete(path);
      return undefined;
    }
  }

  /** Lint every open document, each in its folder's run. */
  async lint(open: readonly OpenDocument[]): Promise<{ lints: DocumentLint[]; problems: Problem[] }> {
    const problems: Problem[] = [];
    const lints: DocumentLint[] = [];
    const openText = new Map(open.map((d) => [d.uri, d.text]));
    const byRoot = new Map<string, OpenDocument[]>();
    const alone: OpenDocument[] = [];
    for (const doc of open) {
      const path = uriToPath(doc.uri);
      const root = path === undefined ? undefined : this.rootOf(path);
      if (root === undefined) alone.push(doc);
      else byRoot.set(root, [...(byRoot.get(root) ?? []), doc]);
    }
    for (const [root, docs] of byRoot) lints.push(...(await this.lintRoot(root, docs, openText, problems)));
    for (const doc of alone) {
      const path = uriToPath(doc.uri);
      const config = path === undefined ? { dir: process.cwd(), rules: {}, ignore: [] } : await this.config(dirname(path), problems);
      const display = path === undefined ? doc.uri : displayPath(dirname(path), path);
      const uris = new Map([[display, doc.uri]]);
      const ignored = path !== undefined && (await ignoredBy(config, path));
      lints.push(await this.lintOne(doc, display, config, new EventRegistry(), ignored, uris, openText));
    }
    return { lints, problems };
  }

  private async lintRoot(root: string, docs: readonly OpenDocument[], openText: Map<string, string>, problems: Problem[]): Promise<DocumentLint[]> {
    const config = await this.config(root, problems);
    const files = await this.files(root, config, problems);
    const openByPath = new Map(docs.map((d) => [uriToPath(d.uri)!, d]));
    // The CLI's order: the folder's files as `ue-lint lint .` finds them, then open
    // documents it would not find (another extension, not saved yet) as if named after.
    const listed = new Set(files);
    const extra: string[] = [];
    for (const p of [...openByPath.keys()].sort()) if (!listed.has(p) && !(await ignoredBy(config, p))) extra.push(p);
    const order = [...files, ...extra];
    const linted = new Set(order);
    const uris = new Map(order.map((p) => [displayPath(root, p), openByPath.get(p)?.uri ?? this.toUri(p)]));
    const registry = new EventRegistry();
    const settings = lintSettings(config);
    const out: DocumentLint[] = [];
    for (const path of order) {
      const display = displayPath(root, path);
      const doc = openByPath.get(path);
      if (doc) {
        out.push(await this.lintOne(doc, display, config, registry, false, uris, openText));
        continue;
      }
      const bytes = await this.diskBytes(path);
      if (bytes === undefined) continue;
      try {
        await lintSource(display, [bytes], { ...settings, registry });
      } catch (err) {
        if (!(err instanceof NotADefinitionFileError)) throw err;
      }
    }
    // Open documents the CLI would skip: nothing to report.
    for (const [path, doc] of openByPath) {
      if (!linted.has(path)) out.push(await this.lintOne(doc, displayPath(root, path), config, registry, true, uris, openText));
    }
    return out;
  }

  private async lintOne(doc: OpenDocument, display: string, config: LoadedConfig, registry: EventRegistry, ignored: boolean, uris: Map<string, string>, openText: Map<string, string>): Promise<DocumentLint> {
    const settings = lintSettings(config);
    const base: DocumentLint = {
      uri: doc.uri, version: doc.version, text: doc.text, display, abi: settings.abi, config, ignored,
      uriOf: (d) => uris.get(d), openText: (u) => openText.get(u),
    };
    if (ignored) return base;
    try {
      return { ...base, result: await lintSource(display, [doc.text], { ...settings, registry }) };
    } catch (err) {
      if (!(err instanceof NotADefinitionFileError)) throw err;
      return { ...base, notDefinitionFile: { message: err.message, byteOffset: err.byteOffset } };
    }
  }
}
