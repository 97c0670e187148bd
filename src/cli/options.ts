// Options that several commands share, declared once, and the one place that turns
// them and the configuration into a run's settings. A new setting (e.g. `--dialect`)
// is a line in `settingOptions`, a field in `SettingArgs`, and a line in `resolveSettings`.
import type { Argv } from 'yargs';
import { ConfigError, loadConfig, type LoadedConfig } from '../config/config.js';
import { resolve } from 'node:path';
import { catalogEntries } from '../diagnostics/catalog.js';
import { displayPath, isIgnoredBy, loadPatterns } from '../files/glob.js';
import { normaliseRuleSettings, type RuleSetting } from '../lint/file-linter.js';
import { lintSettings } from '../lint/lint-text.js';
import type { AbiName } from '../layout/types.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/index.js';
import type { CommandContext } from './command.js';
import { CliError } from './io.js';

export const ABIS: readonly AbiName[] = ['linux', 'v5'];

/** What every command that reads definitions may set over the configuration. */
export interface SettingArgs {
  abi?: AbiName;
  config?: string;
  /** `--rule CODE=off|warn|error`, repeatable; one value is a string. */
  rule?: string | string[];
}

/** What commands that take file operands share (lint, check). */
export interface InputArgs {
  /** `--no-ignore` sets this false. */
  ignore?: boolean;
  /** `--no-error-on-unmatched-pattern` sets this false. */
  errorOnUnmatchedPattern?: boolean;
  stdinFilename?: string;
}

/** What commands that print a lint report share (lint, check). */
export interface ReportArgs {
  format: ReportFormat;
  maxWarnings?: number;
  quiet?: boolean;
  color?: boolean;
  /** `-o FILE`: the report goes to FILE, written atomically. */
  outputFile?: string;
  exitZero?: boolean;
  statistics?: boolean;
}

/** `--format`, `--output-file`, `--max-warnings`, `--quiet`, `--exit-zero`, `--statistics`. */
export function reportOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('format', { alias: 'f', choices: REPORT_FORMATS, default: 'stylish' as ReportFormat, describe: 'Output format' })
    .option('output-file', { alias: 'o', type: 'string', requiresArg: true, describe: 'Write the report to FILE (atomically) instead of standard output' })
    .option('max-warnings', { type: 'string', requiresArg: true, describe: 'Exit 1 when there are more warnings than this (-1: no limit)' })
    .coerce('max-warnings', (v: unknown) => wholeNumber('--max-warnings', v, -1))
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'Report errors only' })
    .option('exit-zero', { type: 'boolean', describe: 'Exit 0 even when problems are found (usage and I/O errors still exit 2)' })
    .option('statistics', { type: 'boolean', describe: 'Print how many of each code were found instead of the diagnostics (text, or JSON with --format json)' }) as unknown as Argv<T>;
}

/** `--abi`, `--config`, `--rule`. */
export function settingOptions<T>(y: Argv<T>, { rules = true }: { rules?: boolean } = {}): Argv<T> {
  let out = y
    .option('abi', { choices: ABIS, describe: 'Kernel ABI (default: the configuration\'s, else linux)' })
    .option('config', { alias: 'c', type: 'string', describe: 'Use this configuration file instead of searching for one' });
  if (rules) {
    out = out.option('rule', {
      type: 'string', requiresArg: true,
      describe: 'CODE=off|warn|error (a code or rule name); repeatable; overrides the configuration',
    });
  }
  return out as unknown as Argv<T>;
}

/** `--stdin-filename`; with file operands also `--no-ignore` and `--no-error-on-unmatched-pattern`. */
export function inputOptions<T>(y: Argv<T>, { operands = true }: { operands?: boolean } = {}): Argv<T> {
  let out = y.option('stdin-filename', {
    type: 'string', requiresArg: true,
    describe: 'The path to report for - (standard input), and to match against the configuration',
  });
  if (operands) {
    out = out
      .option('ignore', { type: 'boolean', describe: '--no-ignore: lint every file named or found (no `ignore`, .gitignore, hidden or node_modules skipping)' })
      .option('error-on-unmatched-pattern', { type: 'boolean', describe: '--no-error-on-unmatched-pattern: a path or pattern that matches no file is not an error' });
  }
  return out as unknown as Argv<T>;
}

/** The settings of one run: the configuration, with the command line over it. */
export interface RunSettings {
  config: LoadedConfig;
  abi: AbiName;
  /** Severity overrides by code: the configuration's `rules`, then `--rule`. */
  rules: Record<string, RuleSetting>;
  /** The configuration file as shown in messages (relative to the working directory). */
  configLabel?: string;
}

/** `['UE104=off', 'duplicate-field-name=warn,UE301=error']` → `{ UE104: 'off', … }`; a bad entry is a usage error. */
export function parseRuleFlags(values: string | readonly string[] | undefined): Record<string, RuleSetting> {
  const entries: Record<string, string> = {};
  for (const value of [values ?? []].flat()) {
    for (const item of value.split(',')) {
      const m = /^\s*([^=\s]+)\s*=\s*(\S*)\s*$/.exec(item);
      if (!m) throw new CliError(`--rule ${item}: expected CODE=off|warn|error, e.g. --rule UE108=off`);
      entries[m[1]!] = m[2]!;
    }
  }
  const r = normaliseRuleSettings(entries);
  if (r.unknown.length > 0) throw new CliError(`--rule ${r.unknown[0]}: unknown code or rule name; \`ue-lint explain\` lists them`);
  if (r.invalid.length > 0) throw new CliError(`--rule ${r.invalid[0]}=${entries[r.invalid[0]!]}: the severity must be off, warn or error`);
  return r.rules;
}

/**
 * Load the configuration (searched upward from the working directory, or `--config`),
 * check its `ignore` patterns, and lay the command line over it.
 */
export async function resolveSettings(args: SettingArgs, ctx: CommandContext): Promise<RunSettings> {
  const overrides = parseRuleFlags(args.rule);
  let config: LoadedConfig;
  try {
    config = await loadConfig(ctx.io.cwd, args.config);
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
  const configLabel = config.path === undefined ? undefined : displayPath(ctx.io.cwd, config.path);
  if (config.ignore.length > 0) {
    const { checkPatterns, PatternError } = await loadPatterns();
    try {
      checkPatterns(config.ignore);
    } catch (err) {
      if (err instanceof PatternError) throw new CliError(`${configLabel ?? 'configuration'}: \`ignore\`: ${err.message}`);
      throw err;
    }
  }
  const settings = lintSettings(config, { ...(args.abi !== undefined ? { abi: args.abi } : {}), rules: overrides });
  return { config, ...settings, ...(configLabel !== undefined ? { configLabel } : {}) };
}

/**
 * yargs `coerce` for a whole-number option given as text, so a bad value is echoed as
 * typed (`--max-warnings abc`), not as NaN. Throws `CliError` (exit 2).
 */
export function wholeNumber(flag: string, value: unknown, min: number): number {
  const text = String([value].flat().at(-1));
  const n = /^\s*-?\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n)) throw new CliError(`${flag} must be a whole number, not \`${text}\``);
  if (n < min) throw new CliError(`${flag} must be ${min} or more, not \`${text}\``);
  return n;
}

/**
 * `--print-config FILE`: the settings `lint` would use for FILE, as JSON: the
 * configuration file, whether `ignore` skips FILE, the ABI, every rule's severity
 * (catalog default, then the configuration's `rules`, then `--rule`) and `ignore`.
 */
export async function printableConfig(settings: RunSettings, file: string, ctx: CommandContext) {
  const abs = resolve(ctx.io.cwd, file);
  const ignored = settings.config.ignore.length > 0 && (await isIgnoredBy(settings.config.ignore, settings.config.dir, abs));
  const rules: Record<string, RuleSetting> = {};
  for (const e of catalogEntries) {
    if (e.removed) continue;
    rules[e.code] = settings.rules[e.code] ?? (e.severity === 'error' ? 'error' : 'warn');
  }
  return {
    file: displayPath(ctx.io.cwd, abs),
    configFile: settings.configLabel ?? null,
    ignored,
    abi: settings.abi,
    rules,
    ignore: settings.config.ignore,
  };
}
