// The git work tree a path belongs to, found without running git: the nearest directory,
// from `dir` upwards, that holds a `.git` entry (a directory, or the file of a linked
// worktree or submodule). It bounds the config search (a config file above the checkout
// must not steer the lint) and the symlinks `--fix` writes through.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Is `dir` the top of a git work tree? */
export function isGitRoot(dir: string): boolean {
  try {
    statSync(resolve(dir, '.git'));
    return true;
  } catch {
    return false;
  }
}

/** The top of the git work tree holding `dir`, or undefined outside any. */
export function findGitRoot(dir: string): string | undefined {
  for (let d = resolve(dir); ; ) {
    if (isGitRoot(d)) return d;
    const parent = dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}
