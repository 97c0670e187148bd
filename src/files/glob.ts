// Minimal glob support (no dependency): `*`, `?`, `**`, `[...]`, `{a,b}`, and
// path expansion for `ue-lint lint`. Patterns use `/` separators and match paths
// relative to a base directory, e.g. `fixtures/**/*.ue`.

import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

/** True when `s` contains glob syntax. */
export function isGlob(s: string): boolean {
  return /[*?[{]/.test(s);
}

/** Compile a glob to an anchored RegExp over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inClass = false;
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (inClass) {
      if (ch === ']') { inClass = false; re += ']'; }
      else if (ch === '\\') re += '\\\\';
      else re += ch;
      continue;
    }
    switch (ch) {
      case '*':
        if (glob[i + 1] === '*') {
          // `**/` matches zero or more directories; a trailing `**` matches everything.
          const slash = glob[i + 2] === '/';
          re += slash ? '(?:[^/]*(?:/|$))*' : '.*';
          i += slash ? 2 : 1;
        } else re += '[^/]*';
        break;
      case '?': re += '[^/]'; break;
      case '[':
        inClass = true;
        re += '[';
        if (glob[i + 1] === '!') { re += '^'; i++; }
        break;
      case '{': braces++; re += '(?:'; break;
      case '}': if (braces > 0) { braces--; re += ')'; } else re += '\\}'; break;
      case ',': re += braces > 0 ? '|' : ','; break;
      default: re += ch.replace(/[.+^$()|\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${re}$`);
}

/** A list of ignore globs; a path is ignored if it or any parent directory matches. */
export function makeIgnore(globs: readonly string[]): (rel: string) => boolean {
  const res = globs.map((g) => globToRegExp(g.replace(/^\.\//, '').replace(/\/$/, '')));
  return (rel) => {
    if (res.length === 0) return false;
    const parts = rel.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (res.some((r) => r.test(prefix))) return true;
    }
    return false;
  };
}

/**
 * Is `file` ignored by `globs`? Globs are relative to `base` (the configuration's
 * directory), as `expandPaths` applies them; `file` is absolute or relative to the
 * working directory. Without a `base`, `file` is matched as written.
 */
export function isIgnoredBy(globs: readonly string[], base: string | undefined, file: string): boolean {
  if (globs.length === 0) return false;
  return makeIgnore(globs)(base === undefined ? file.split(sep).join('/') : displayPath(base, resolve(file)));
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

/** Every file under `dir` (recursively, skipping node_modules and .git), as absolute paths, sorted. */
export async function walk(dir: string, accept: (abs: string) => boolean): Promise<string[]> {
  const out: string[] = [];
  const visit = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) await visit(abs);
      } else if ((e.isFile() || e.isSymbolicLink()) && accept(abs)) out.push(abs);
    }
  };
  await visit(dir);
  return out;
}

export type InputPath = { kind: 'stdin' } | { kind: 'file'; path: string; display: string };

/** Path relative to `cwd` with `/` separators, for display. */
export function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

export class PathError extends Error {}

/**
 * Expand command-line paths: `-` is stdin, a directory is searched for `*.ue`,
 * a glob is matched under its static prefix, anything else must be an existing file.
 * `ignored(rel)` filters by path relative to `ignoreBase`.
 */
export async function expandPaths(inputs: readonly string[], opts: { cwd: string; ignore?: readonly string[]; ignoreBase?: string; stdinToken?: string }): Promise<InputPath[]> {
  const ignored = makeIgnore(opts.ignore ?? []);
  const base = opts.ignoreBase ?? opts.cwd;
  const isIgnored = (abs: string) => ignored(displayPath(base, abs));
  const seen = new Set<string>();
  const out: InputPath[] = [];
  const add = (abs: string) => {
    if (seen.has(abs) || isIgnored(abs)) return;
    seen.add(abs);
    out.push({ kind: 'file', path: abs, display: displayPath(opts.cwd, abs) });
  };
  for (const input of inputs) {
    if (input === (opts.stdinToken ?? '-')) { out.push({ kind: 'stdin' }); continue; }
    if (isGlob(input)) {
      const parts = input.split('/');
      const firstGlob = parts.findIndex(isGlob);
      const prefix = parts.slice(0, firstGlob).join('/');
      const root = resolve(opts.cwd, prefix === '' && input.startsWith('/') ? '/' : prefix);
      const re = globToRegExp(parts.slice(firstGlob).join('/'));
      let files: string[] = [];
      try {
        files = await walk(root, (abs) => re.test(displayPath(root, abs)));
      } catch { files = []; }
      if (files.length === 0) throw new PathError(`${input}: no files match this pattern`);
      files.forEach(add);
      continue;
    }
    const abs = resolve(opts.cwd, input);
    let st;
    try {
      st = await stat(abs);
    } catch (err) {
      throw new PathError(`${input}: ${describeFsError(err)}`);
    }
    if (st.isDirectory()) (await walk(abs, (f) => f.endsWith('.ue'))).forEach(add);
    else add(abs);
  }
  return out;
}

/** One line for an fs error: `no such file or directory`, `permission denied`, … */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory, expected a file';
    case 'ENOTDIR': return 'not a directory';
    case 'ELOOP': return 'too many symbolic links';
    case 'EMFILE': case 'ENFILE': return 'too many open files';
    default: return err instanceof Error ? err.message.split('\n')[0]! : String(err);
  }
}
