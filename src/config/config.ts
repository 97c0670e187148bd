// Configuration: `ue-lint.config.json`, `.uelintrc.json`, or a `"ue-lint"` key in
// package.json, found by searching upward from the working directory (the first
// directory holding any of them wins, in that order). Shape:
//   { "abi": "linux" | "v5", "rules": { "UE104": "off", "unusual-event-name": "error" }, "ignore": ["build/**"] }
// Errors are `ConfigError`s with one line naming the file (and line:column for bad JSON).

import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
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

export class ConfigError extends Error {}

/** Line and column (1-based) of a UTF-16 offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) { line++; last = i; }
  return { line, column: offset - last };
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
    else if (/end of JSON input/.test(msg)) { const p = lineColumn(text, text.length); where = `:${p.line}:${p.column}`; }
    const reason = msg.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
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

async function tryRead(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigError(`${path}: cannot read configuration: ${code ?? String(err)}`);
  }
}

/** Find and load the configuration for `cwd`, or an explicit `--config` file. */
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
    if (parent === dir) return { dir: cwd, rules: {}, ignore: [] };
    dir = parent;
  }
}
