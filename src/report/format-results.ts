// The formatters as a library function: the same bytes `ue-lint lint --format F` prints
// for these results (with `--no-color`, or `--color` when `color` is set).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chalk } from 'chalk';
import type { FileResult } from '../lint/file-linter.js';
import { REPORTERS, type ReportFormat } from './index.js';

export interface FormatResultsOptions {
  /** Colour the `stylish` output (ANSI, 16 colours; `FORCE_COLOR`'s levels 1–3 may be given). Default: none. */
  color?: boolean | 1 | 2 | 3;
  /** The tool version SARIF names; default: this package's version. */
  version?: string;
  /**
   * The repository root: `sarif` and `gitlab` then give paths relative to it, as the CLI
   * does (it finds the root above where it runs). Result paths are relative to `cwd`
   * (default: the process's working directory).
   */
  root?: string;
  cwd?: string;
}

let packageVersion: string | undefined;

/** This package's version, read once from its package.json (found upward from this module). */
function libraryVersion(): string {
  if (packageVersion !== undefined) return packageVersion;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'ue-lint' && typeof pkg.version === 'string') return (packageVersion = pkg.version);
    } catch {
      // not here: look further up
    }
    const parent = dirname(dir);
    if (parent === dir) return (packageVersion = '0.0.0');
    dir = parent;
  }
}

/**
 * Render lint results (from `lintText`) as the CLI prints them.
 *
 * @example formatResults([await lintText('a u32  x\n', { filename: 'a.ue' })], 'compact')
 * // 'a.ue:1:6: error UE006 the second space makes an empty token, so `x` is one token too many\n'
 */
export function formatResults(results: readonly FileResult[], format: ReportFormat = 'stylish', options: FormatResultsOptions = {}): string {
  if (!Object.hasOwn(REPORTERS, format)) throw new TypeError(`unknown format ${JSON.stringify(format)}`);
  const level = options.color === true ? 1 : options.color === false || options.color === undefined ? 0 : options.color;
  return REPORTERS[format](results, {
    chalk: new Chalk({ level }),
    version: options.version ?? libraryVersion(),
    ...(options.root !== undefined ? { paths: { cwd: options.cwd ?? process.cwd(), root: options.root } } : {}),
  });
}
