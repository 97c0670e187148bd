// Paths on the command line: display paths, one-line fs errors, and the glob matcher
// (src/files/patterns.ts, picomatch), which is loaded on first use: a plain hook run
// names existing files and never needs it. Expansion of inputs is in expand.ts.
import { relative, resolve, sep } from 'node:path';

/** The pattern matcher (picomatch), loaded on first use. */
export const loadPatterns = () => import('./patterns.js');

/** Path relative to `cwd` with `/` separators, for display. */
export function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/** A command-line path that yields nothing to read; the message is one line. */
export class PathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PathError';
  }
}

/**
 * Is `file` ignored by `globs` (the configuration's `ignore`)? Globs are relative to
 * `base` (the configuration's directory); `file` is absolute or relative to the working
 * directory. Without a `base`, `file` is matched as written. Throws `PatternError` for an
 * invalid glob.
 */
export async function isIgnoredBy(globs: readonly string[], base: string | undefined, file: string): Promise<boolean> {
  if (globs.length === 0) return false;
  const { ignoreMatcher } = await loadPatterns();
  return ignoreMatcher(globs)(base === undefined ? file.split(sep).join('/') : displayPath(base, resolve(file))) !== undefined;
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
