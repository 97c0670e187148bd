// Glob patterns, through picomatch: the command line's patterns (`'events/**/*.ue'`) and
// the configuration's `ignore`. Loaded on first use only (see `loadPatterns` in glob.ts):
// a plain hook run names existing files and never needs a matcher.
//
// Syntax is picomatch's (bash-like): `*`, `?`, `**`, `[...]`, `{a,b}`, `@(…)`. A pattern
// with an unbalanced bracket, brace or parenthesis is an error, never a literal, so a typo
// cannot quietly match nothing. A leading `!` is literal (no negation).
import picomatch from 'picomatch';

/** A pattern picomatch cannot compile (`a[.ue`, `{a.ue`); the message says why, in one line. */
export class PatternError extends Error {
  constructor(readonly pattern: string, reason: string) {
    super(`invalid pattern \`${pattern}\`: ${reason}`);
    this.name = 'PatternError';
  }
}

export type PathTest = (path: string) => boolean;

/**
 * Compile one pattern to a test of `/`-separated paths. `dot`: whether `*` and `**`
 * also match names starting with `.` (config `ignore` patterns do; command-line
 * patterns do not, as in a shell).
 */
export function compilePattern(pattern: string, { dot = false }: { dot?: boolean } = {}): PathTest {
  try {
    return picomatch(pattern, { strictBrackets: true, nonegate: true, dot });
  } catch (err) {
    // picomatch: `Missing closing: "]" - use "\\]" to match literal characters`.
    const reason = err instanceof Error ? err.message.split('\n')[0]!.replace(/ - use .*$/, '').replace(/: (?=")/, ' ') : String(err);
    throw new PatternError(pattern, reason.charAt(0).toLowerCase() + reason.slice(1));
  }
}

/** True when picomatch reads `s` as a pattern rather than a plain path. */
export function isPattern(s: string): boolean {
  return picomatch.scan(s, { nonegate: true } as picomatch.PicomatchOptions).isGlob;
}

/**
 * Split a pattern into the directory it starts from (its static prefix, `''` for the
 * working directory) and the rest: `events/**\/*.ue` → `events` and `**\/*.ue`. `depth`
 * is how many directory levels the rest can reach below the base (Infinity with `**`).
 */
export function splitPattern(pattern: string): { base: string; glob: string; depth: number } {
  const scan = picomatch.scan(pattern, { nonegate: true } as picomatch.PicomatchOptions);
  const glob = scan.glob;
  const segments = glob.split('/');
  return { base: scan.base, glob, depth: segments.includes('**') || /\*\*/.test(glob) ? Infinity : segments.length - 1 };
}

/**
 * The configuration's `ignore`: a path is ignored when it, or one of its parent
 * directories, matches a glob (`vendor/**`, `vendor`, `**\/*.generated.ue`). Paths are
 * relative to the configuration's directory. Returns the glob that matched, so the
 * warning for a file named on the command line can say which one.
 */
export function ignoreMatcher(globs: readonly string[]): (rel: string) => string | undefined {
  const tests = globs.map((g) => ({ glob: g, test: compilePattern(g.replace(/^\.\//, '').replace(/\/$/, ''), { dot: true }) }));
  return (rel) => {
    if (tests.length === 0 || rel === '' || rel === '.') return undefined;
    // `..` leads out of the configuration's directory: none of its globs can mean that.
    if (rel === '..' || rel.startsWith('../')) return undefined;
    let prefix = '';
    for (const part of rel.split('/')) {
      prefix = prefix === '' ? part : `${prefix}/${part}`;
      for (const t of tests) if (t.test(prefix)) return t.glob;
    }
    return undefined;
  };
}

/** Throws `PatternError` for the first invalid glob of a list (the configuration's `ignore`). */
export function checkPatterns(globs: readonly string[]): void {
  for (const g of globs) compilePattern(g, { dot: true });
}
