// The top of the git work tree a path is in, found without running git (start-up time):
// the nearest directory at or above it that holds `.git` (a directory, or the file a
// worktree or submodule has). Used for .gitignore rules and for report paths relative
// to the repository (SARIF, GitLab), which is how code-scanning services place them.
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The work-tree root at or above `dir` (absolute), or undefined outside a work tree. */
export async function findWorkTreeRoot(dir: string): Promise<string | undefined> {
  for (let d = dir; ; d = dirname(d)) {
    if (await stat(join(d, '.git')).then(() => true, () => false)) return d;
    if (dirname(d) === d) return undefined;
  }
}
