// One definition file, linted the way `ue-lint lint` lints it. `lintSource` is the
// per-file step the CLI runs for every input (a file's bytes or stdin); `lintText`
// runs the same step on text in memory, for editors and other tools, so the two
// cannot drift apart (test/api/lint-text.test.ts holds them together on every
// fixture). No fs here: the configuration comes in as an argument.
import { ConfigError, normaliseConfig, type ConfigInput, type LoadedConfig } from '../config/config.js';
import { isIgnoredBy } from '../files/glob.js';
import { readLineBatches } from '../files/line-reader.js';
import type { AbiName } from '../layout/types.js';
import { lintLines, type FileLintOptions, type FileResult, type RuleSetting } from './file-linter.js';

/** What a run's command line may set over the configuration. */
export interface LintOverrides {
  abi?: AbiName;
  /** Severity by code (`--rule`), over the configuration's `rules`. */
  rules?: Readonly<Record<string, RuleSetting>>;
}

/** The per-file options of a run: command-line values first, then the configuration, then the defaults. */
export function lintSettings(config: Pick<LoadedConfig, 'abi' | 'rules'>, overrides: LintOverrides = {}): { abi: AbiName; rules: Record<string, RuleSetting> } {
  return { abi: overrides.abi ?? config.abi ?? 'linux', rules: overrides.rules ? { ...config.rules, ...overrides.rules } : config.rules };
}

/**
 * Lint one input: bytes (a file, stdin) or text, decoded and split as the CLI reads a
 * file (BOM, CRLF, NUL bytes and invalid UTF-8 included). Throws `NotADefinitionFileError`
 * for input that is not a UTF-8 text file, as the CLI reports it.
 */
export function lintSource(file: string, source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, options: FileLintOptions): Promise<FileResult> {
  return lintLines(file, readLineBatches(toAsync(source)), options);
}

async function* toAsync<T>(source: AsyncIterable<T> | Iterable<T>): AsyncGenerator<T> {
  yield* source;
}

export interface LintTextOptions {
  /**
   * The file's path, as `ue-lint lint` would display it (relative to where it runs, `/`
   * separators); it names the file in results and is matched against the configuration's
   * `ignore`. Default `<text>`.
   */
  filename?: string;
  /** The kernel ABI; overrides the configuration's `abi` (as `--abi` does). Default: the configuration's, else `linux`. */
  abi?: AbiName;
  /**
   * The configuration: an object shaped like `ue-lint.config.json`, or what
   * `loadConfig`/`resolveConfig` return. `lintText` never searches for one: pass
   * `await resolveConfig(path)` to lint with what the CLI would use. Invalid settings
   * throw a `ConfigError`.
   */
  config?: ConfigInput;
}

/** Does the configuration's `ignore` match `filename`? An invalid glob is a `ConfigError`. */
async function ignored(config: Pick<LoadedConfig, 'ignore' | 'path'> & { dir?: string }, filename: string): Promise<boolean> {
  try {
    return await isIgnoredBy(config.ignore, config.dir, filename);
  } catch (err) {
    if (err instanceof Error && err.name === 'PatternError') throw new ConfigError(`${config.path ?? 'configuration'}: \`ignore\`: ${err.message}`);
    throw err;
  }
}

export interface LintTextResult extends FileResult {
  /** The configuration's `ignore` matches `filename`: the CLI skips such a file, so nothing was linted. */
  ignored: boolean;
}

/**
 * Everything `ue-lint lint` reports for one file, from its text: file-level rules (UE3xx),
 * every definition's diagnostics, inline suppressions, the configuration's rule settings,
 * and conflicting redefinitions across its lines (UE304/UE306).
 * Throws `NotADefinitionFileError` for text with a NUL character (the CLI's "not a definition file").
 *
 * @example
 * const r = await lintText('a u32 x\na u64 x\n', { filename: 'events.ue' });
 * r.diagnostics.map((d) => d.code); // ['UE304']
 */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintTextResult> {
  const file = options.filename ?? '<text>';
  const config = normaliseConfig(options.config ?? {});
  if (options.filename !== undefined && await ignored(config, options.filename)) {
    return { file, diagnostics: [], errorCount: 0, warningCount: 0, fixableCount: 0, unsafeFixableCount: 0, ignored: true };
  }
  const result = await lintSource(file, [text], lintSettings(config, options));
  return { ...result, ignored: false };
}
