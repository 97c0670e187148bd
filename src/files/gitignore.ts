// `.gitignore` rules for directory walks, through the `ignore` package (git's matching
// rules, used by ESLint). Loaded on first use only: walks need it, named files never do.
//
// Which files count: every `.gitignore` from the top of the work tree (the nearest
// directory above the walk holding `.git`) down to the directory being read, plus
// `.git/info/exclude`, each matching paths relative to its own directory, deeper
// files overriding shallower ones (`!keep.ue` re-includes), as git does. Outside a git
// work tree, the `.gitignore` files from the walked directory down. The global
// `core.excludesFile` is not read (it is the user's, not the repository's).
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { findWorkTreeRoot } from './work-tree.js';

interface Level {
  dir: string;
  rules: Ignore;
}

async function readRules(file: string): Promise<Ignore | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined; // none here (or unreadable: git would not see it either)
  }
  return ignore({ allowRelativePaths: true }).add(text);
}

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

/** The rules that apply inside one directory: its own and its ancestors' (outermost first). */
export class GitIgnoreStack {
  private constructor(private readonly levels: readonly Level[]) {}

  /** The rules for a walk that starts at `dir`: the work tree's files above it, and `dir`'s own. */
  static async above(dir: string): Promise<GitIgnoreStack> {
    const root = await findWorkTreeRoot(dir);
    const dirs: string[] = [];
    for (let d = dir; ; d = dirname(d)) {
      dirs.unshift(d);
      if (root === undefined || d === root || dirname(d) === d) break;
    }
    const levels: Level[] = [];
    if (root !== undefined) {
      const exclude = await readRules(join(root, '.git', 'info', 'exclude'));
      if (exclude) levels.push({ dir: root, rules: exclude });
    }
    for (const d of dirs) {
      const rules = await readRules(join(d, '.gitignore'));
      if (rules) levels.push({ dir: d, rules });
    }
    return new GitIgnoreStack(levels);
  }

  /** The rules inside `child`, a directory just below this stack's deepest one. */
  async enter(child: string): Promise<GitIgnoreStack> {
    const rules = await readRules(join(child, '.gitignore'));
    return rules ? new GitIgnoreStack([...this.levels, { dir: child, rules }]) : this;
  }

  /** Is the entry at `abs` ignored? `isDir` makes `build/`-style rules apply. */
  ignores(abs: string, isDir: boolean): boolean {
    let ignored = false;
    for (const level of this.levels) {
      const rel = toPosix(relative(level.dir, abs));
      if (rel === '' || rel === '..' || rel.startsWith('../')) continue;
      const r = level.rules.test(isDir ? `${rel}/` : rel);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  }
}
