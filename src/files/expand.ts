// Command-line inputs → the files to read, as ESLint and Ruff users expect:
// - `-` is standard input (named by `--stdin-filename` when given);
// - a path that exists is used literally, even with glob characters in it (`x[1].ue`);
// - a directory is walked for `*.ue` files, skipping hidden directories, `node_modules`,
//   and what `.gitignore` ignores (Ruff's defaults);
// - anything else that reads as a pattern is matched with picomatch under its static prefix;
// - the configuration's `ignore` removes files from walks and patterns, and a file named
//   on the command line that it matches is skipped with a warning (ESLint's);
// - `noIgnore` (`--no-ignore`) turns all of that skipping off (except `.git` itself);
// - a path or pattern that yields no file is an error (`PathError`), unless
//   `errorOnUnmatched` is false (`--no-error-on-unmatched-pattern`);
// - a file reached twice (named twice, or through symlinks) is read once, in first place.
// Symlinked files are followed; symlinked directories are not descended (no cycles).
import { readdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { PathError, describeFsError, displayPath, loadPatterns } from './glob.js';
import type { GitIgnoreStack } from './gitignore.js';

export type InputPath =
  | { kind: 'stdin'; display: string; /** `--stdin-filename`, resolved */ path?: string }
  | { kind: 'file'; path: string; display: string };

export interface ExpandOptions {
  cwd: string;
  /** The configuration's `ignore` globs, relative to `ignoreBase`. */
  ignore?: readonly string[];
  ignoreBase?: string;
  /** Where `ignore` came from, for warnings (e.g. `ue-lint.config.json`). */
  ignoreSource?: string;
  /** `--no-ignore`: no configuration `ignore`, no `.gitignore`, hidden and node_modules directories walked. */
  noIgnore?: boolean;
  /** Default true: a path or pattern that yields no file is a `PathError`. */
  errorOnUnmatched?: boolean;
  /** What stands for standard input on the command line (main maps `-` to it). */
  stdinToken?: string;
  /** `--stdin-filename`: the path reported for stdin and matched against `ignore`. */
  stdinFilename?: string;
  /** Which walked file names are definition files; default `*.ue`. */
  accept?: (name: string) => boolean;
}

export interface Expansion {
  inputs: InputPath[];
  /** One line each (without `ue-lint: `), e.g. for a named file that `ignore` skips. */
  warnings: string[];
}

const isDefinitionFile = (name: string) => name.endsWith('.ue');
/** Characters that can make a path a pattern; anything without them is a plain path, and picomatch stays unloaded. */
const MAYBE_PATTERN = /[*?[\]{}()!+@]/;

interface WalkResult {
  files: { abs: string; st: Stats }[];
  /** Definition files, or directories, left out by an ignore rule. */
  skipped: number;
}

/** Expand command-line inputs. Throws `PathError` or `PatternError` (both exit 2 in the CLI). */
export async function expandPaths(inputs: readonly string[], opts: ExpandOptions): Promise<Expansion> {
  const out: Expansion = { inputs: [], warnings: [] };
  const noIgnore = opts.noIgnore === true;
  const errorOnUnmatched = opts.errorOnUnmatched !== false;
  const accept = opts.accept ?? isDefinitionFile;
  const base = opts.ignoreBase ?? opts.cwd;
  const globs = noIgnore ? [] : opts.ignore ?? [];
  const patterns = globs.length > 0 || inputs.some((i) => MAYBE_PATTERN.test(i)) ? await loadPatterns() : undefined;
  const configIgnore = patterns && globs.length > 0 ? patterns.ignoreMatcher(globs) : undefined;
  const ignoredBy = (abs: string) => configIgnore?.(displayPath(base, abs));
  const seen = new Set<string>();

  const add = (abs: string, st: Stats) => {
    const key = `${st.dev}:${st.ino}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.inputs.push({ kind: 'file', path: abs, display: displayPath(opts.cwd, abs) });
  };
  const warnIgnored = (shown: string, glob: string) => {
    const where = opts.ignoreSource ? ` in ${opts.ignoreSource}` : '';
    out.warnings.push(`warning: ${shown} is ignored by \`${glob}\` (\`ignore\`${where}); use --no-ignore to lint it`);
  };
  const unmatched = (message: string) => {
    if (errorOnUnmatched) throw new PathError(message);
  };

  /** Every accepted file below `root` (sorted, depth-first) for which `want(rel)` holds. */
  const walk = async (root: string, want: (rel: string) => boolean, maxDepth: number): Promise<WalkResult> => {
    const result: WalkResult = { files: [], skipped: 0 };
    const rules = noIgnore ? undefined : await (await import('./gitignore.js')).GitIgnoreStack.above(root);
    const visit = async (dir: string, rel: string, depth: number, rules: GitIgnoreStack | undefined): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true });
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const abs = join(dir, e.name);
        const relPath = rel === '' ? e.name : `${rel}/${e.name}`;
        if (e.isDirectory()) {
          if (e.name === '.git' || depth >= maxDepth) continue;
          if (!noIgnore && (e.name.startsWith('.') || e.name === 'node_modules' || rules?.ignores(abs, true) || ignoredBy(abs) !== undefined)) {
            result.skipped++;
            continue;
          }
          await visit(abs, relPath, depth + 1, rules ? await rules.enter(abs) : undefined);
          continue;
        }
        if (!(e.isFile() || e.isSymbolicLink()) || !accept(e.name) || !want(relPath)) continue;
        if (!noIgnore && (rules?.ignores(abs, false) || ignoredBy(abs) !== undefined)) {
          result.skipped++;
          continue;
        }
        // A symlink counts when it leads to a file; a symlinked directory is not descended.
        const st = await stat(abs).catch(() => undefined);
        if (st?.isFile()) result.files.push({ abs, st });
      }
    };
    await visit(root, '', 0, rules);
    return result;
  };

  const fromWalk = (input: string, r: WalkResult, what: string) => {
    if (r.files.length === 0) {
      unmatched(r.skipped > 0
        ? `${input}: every ${what} here is ignored (hidden, node_modules, .gitignore or \`ignore\`); use --no-ignore to include them`
        : `${input}: ${what === 'match' ? 'no files match this pattern' : 'no *.ue files in this directory'} (--no-error-on-unmatched-pattern allows this)`);
    }
    for (const f of r.files) add(f.abs, f.st);
  };

  for (const input of inputs) {
    if (input === (opts.stdinToken ?? '-')) {
      if (opts.stdinFilename === undefined) {
        out.inputs.push({ kind: 'stdin', display: '<stdin>' });
        continue;
      }
      const abs = resolve(opts.cwd, opts.stdinFilename);
      const glob = noIgnore ? undefined : ignoredBy(abs);
      if (glob !== undefined) warnIgnored(displayPath(opts.cwd, abs), glob);
      else out.inputs.push({ kind: 'stdin', display: displayPath(opts.cwd, abs), path: abs });
      continue;
    }
    const abs = resolve(opts.cwd, input);
    let st: Stats | undefined;
    try {
      st = await stat(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new PathError(`${input}: ${describeFsError(err)}`);
    }
    if (st?.isDirectory()) {
      fromWalk(input, await walk(abs, () => true, Infinity), 'file');
      continue;
    }
    if (st) {
      // Named on the command line: used literally, whatever characters it holds.
      const glob = ignoredBy(abs);
      if (glob !== undefined) warnIgnored(displayPath(opts.cwd, abs), glob);
      else add(abs, st);
      continue;
    }
    // Not a path: a pattern, unless nothing in it is glob syntax. An invalid pattern
    // (`a[.ue`) is an error here, never a missing file.
    if (patterns && MAYBE_PATTERN.test(input)) patterns.compilePattern(input);
    if (patterns?.isPattern(input)) {
      const { base: prefix, glob, depth } = patterns.splitPattern(input);
      const test = patterns.compilePattern(glob, { dot: noIgnore });
      const root = resolve(opts.cwd, prefix === '' ? '.' : prefix);
      const rootSt = await stat(root).catch(() => undefined);
      const matched = rootSt?.isDirectory() ? await walk(root, test, depth) : { files: [], skipped: 0 };
      fromWalk(input, matched, 'match');
      continue;
    }
    unmatched(`${input}: no such file or directory`);
  }
  return out;
}
