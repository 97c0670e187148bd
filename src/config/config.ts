// Configuration: `ue-lint.config.json`, `.uelintrc.json`, or a `"ue-lint"` key in
// package.json, found by searching upward from the working directory (the first
// directory holding any of them wins, in that order). The search stops at the top of
// the git work tree: a config file above the checkout (`{"ignore":["**"]}` in a shared
// parent directory) must not steer the lint of a repository. Shape:
//   { "abi": "linux" | "v5", "rules": { "UE104": "off", "unusual-event-name": "error" }, "ignore": ["build/**"] }
// Errors are `ConfigError`s with one line naming the file (and line:column for bad JSON).

import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { isGitRoot } from '../files/git-root.js';
import { normaliseRuleSettings, type RuleSetting } from '../lint/file-linter.js';
import type { AbiName } from '../layout/types.js';

export const CONFIG_FILES = ['ue-lint.config.json', '.uelintrc.json', 'package.json'] as const;

export interface LoadedConfig {
  /** The file the config came from, or undefined when none was found. */
  path?: string;
  /** Directory that `ignore` globs are relative to. */
  dir: string;
  abi?: AbiName;
  rules: Record<string, RuleSetting>;
  ignore: string[];
}

/** A configuration, as `ue-lint.config.json` holds it. */
export interface UeLintConfig {
  abi?: AbiName;
  /** Severity by code or rule name: `{ "UE108": "off", "duplicate-field-name": "error" }`. */
  rules?: Readonly<Record<string, string>>;
  /** Globs of files to skip, relative to the configuration's directory. */
  ignore?: readonly string[];
}

/** What `lintText` accepts as its configuration: a config file's object, or a loaded configuration. */
export type ConfigInput = UeLintConfig | LoadedConfig;

/** A configuration problem; the message is one line naming the file (and line:column for bad JSON). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Line and column (1-based) of a UTF-16 offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) { line++; last = i; }
  return { line, column: offset - last };
}

const JSON_NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * UTF-16 offset of the first JSON syntax error in `text` (its length for a premature end),
 * or -1 when there is none. For messages that carry no position, e.g. V8's
 * `Unexpected token 'l', "{ "abi": linux }" is not valid JSON` → 9.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => { throw i; };
  const ws = () => { while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++; };
  const expectChar = (ch: string) => { if (text[i] !== ch) fail(); i++; };
  const str = () => {
    expectChar('"');
    for (;;) {
      if (i >= text.length || text.charCodeAt(i) < 0x20) fail();
      const c = text[i];
      if (c === '"') { i++; return; }
      if (c !== '\\') { i++; continue; }
      i++;
      if (text[i] === 'u') {
        for (let k = 0; k < 4; k++) { i++; if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail(); }
        i++;
      } else if (text[i] !== undefined && '"\\/bfnrt'.includes(text[i]!)) i++;
      else fail();
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) { i++; return; }
      for (;;) {
        if (c === '{') { ws(); str(); ws(); expectChar(':'); }
        value();
        ws();
        if (text[i] === ',') { i++; continue; }
        expectChar(close);
        return;
      }
    }
    if (c === '"') return str();
    for (const word of ['true', 'false', 'null']) {
      if (c === word[0]) { for (const ch of word) expectChar(ch); return; }
    }
    JSON_NUMBER.lastIndex = i;
    if (!JSON_NUMBER.exec(text)) fail();
    i = JSON_NUMBER.lastIndex;
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (at) {
    return typeof at === 'number' ? at : -1; // e.g. RangeError for absurd nesting: no position
  }
}

/** Parse JSON, turning a SyntaxError into `path:line:column: message`. */
export function parseJsonFile(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(msg);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    let where = '';
    if (lc) where = `:${lc[1]}:${lc[2]}`;
    else if (pos) { const p = lineColumn(text, Number(pos[1])); where = `:${p.line}:${p.column}`; }
    else {
      // V8 gives no position for `Unexpected token 'x', "…" is not valid JSON`: find it.
      let at = jsonErrorOffset(text);
      if (at < 0 && /end of JSON input/.test(msg)) at = text.length;
      if (at >= 0) { const p = lineColumn(text, at); where = `:${p.line}:${p.column}`; }
    }
    const reason = msg
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .replace(/(?: in JSON)? at position \d+.*$/s, '')
      .replace(/, ".*" is not valid JSON$/s, '') // the quoted snippet can be long and span lines
      .replace(/^JSON\.parse: /, '');
    throw new ConfigError(`${path}${where}: invalid JSON: ${reason}`);
  }
}

function validate(path: string, raw: unknown): Omit<LoadedConfig, 'path' | 'dir'> {
  const fail = (what: string): never => { throw new ConfigError(`${path}: ${what}`); };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail('configuration must be a JSON object');
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) if (!['abi', 'rules', 'ignore', '$schema'].includes(key)) fail(`unknown key \`${key}\` (expected abi, rules, ignore)`);
  const out: Omit<LoadedConfig, 'path' | 'dir'> = { rules: {}, ignore: [] };
  if (obj.abi !== undefined) {
    if (obj.abi !== 'linux' && obj.abi !== 'v5') fail(`\`abi\` must be "linux" or "v5", not ${JSON.stringify(obj.abi)}`);
    out.abi = obj.abi as AbiName;
  }
  if (obj.rules !== undefined) {
    if (obj.rules === null || typeof obj.rules !== 'object' || Array.isArray(obj.rules)) fail('`rules` must be an object of "off" | "warn" | "error"');
    const r = normaliseRuleSettings(obj.rules as Record<string, string>);
    if (r.unknown.length > 0) fail(`unknown rule \`${r.unknown[0]}\` in \`rules\` (see \`ue-lint explain\`)`);
    if (r.invalid.length > 0) fail(`rule \`${r.invalid[0]}\` must be "off", "warn" or "error"`);
    out.rules = r.rules;
  }
  if (obj.ignore !== undefined) {
    if (!Array.isArray(obj.ignore) || obj.ignore.some((g) => typeof g !== 'string')) fail('`ignore` must be an array of glob strings');
    out.ignore = obj.ignore as string[];
  }
  return out;
}

/**
 * Validate and normalise a configuration given as an object (rule names become codes).
 * A loaded configuration passes through with its `path` and `dir`; `dir` is undefined
 * for a plain object. Throws `ConfigError`.
 */
export function normaliseConfig(input: ConfigInput, label = 'configuration'): Omit<LoadedConfig, 'dir'> & { dir?: string } {
  const { path, dir, ...settings } = input as Partial<LoadedConfig>;
  const out = validate(path ?? label, settings);
  return { ...(path !== undefined ? { path } : {}), ...(dir !== undefined ? { dir } : {}), ...out };
}

async function tryRead(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigError(`${path}: cannot read configuration: ${code ?? String(err)}`);
  }
}

/** Find and load the configuration for `cwd` (up to the git work-tree root), or an explicit `--config` file. */
export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig> {
  if (explicit !== undefined) {
    const text = await tryRead(explicit);
    if (text === undefined) throw new ConfigError(`${explicit}: no such file or directory`);
    return { path: explicit, dir: dirname(explicit), ...validate(explicit, parseJsonFile(explicit, text)) };
  }
  let dir = cwd;
  for (;;) {
    for (const name of CONFIG_FILES) {
      const path = join(dir, name);
      const text = await tryRead(path);
      if (text === undefined) continue;
      const json = parseJsonFile(path, text);
      if (name === 'package.json') {
        const section = (json as Record<string, unknown> | null)?.['ue-lint'];
        if (section === undefined) continue;
        return { path, dir, ...validate(`${path} ("ue-lint" key)`, section) };
      }
      return { path, dir, ...validate(path, json) };
    }
    const parent = dirname(dir);
    if (parent === dir || isGitRoot(dir)) return { dir: cwd, rules: {}, ignore: [] };
    dir = parent;
  }
}

/**
 * Load one configuration file (JSON, the shape of `ue-lint.config.json`), as
 * `ue-lint lint --config FILE` does. Throws `ConfigError`.
 */
export function loadConfigFile(path: string): Promise<LoadedConfig> {
  return loadConfig(dirname(path), path);
}

/**
 * The configuration `ue-lint lint` uses for `filename` when run from the file's
 * directory: searched upward from it (defaults when none is found). Throws `ConfigError`.
 */
export function resolveConfig(filename: string): Promise<LoadedConfig> {
  return loadConfig(dirname(resolve(filename)));
}
