// `check --against <dir|file>`: find and read the registered events' `format` files. The only
// fs code of the drift check; parsing is `parseFormatFile`, comparing is drift/diagnostics.ts.
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { describeFsError, displayPath } from '../files/glob.js';
import { parseFormatFile } from '../tracefs/read-format.js';
import type { RegisteredEvent } from '../drift/diagnostics.js';
import { CliError } from './io.js';

export interface LoadedTarget {
  events: RegisteredEvent[];
  /** Format files read, as display paths. */
  files: string[];
  /** `path:line: message` for every format file that lost information while parsing. */
  errors: string[];
}

const SINGLE = 'user_events';
const MULTI = 'user_events_multi';

/** `test.1f` → `{ name: 'test', id: 31 }`; a name without a hex suffix stays as it is. */
function splitMultiName(name: string): { name: string; id?: number } {
  const m = /^(.*)\.([0-9a-f]+)$/s.exec(name);
  return m ? { name: m[1]!, id: parseInt(m[2]!, 16) } : { name };
}

/**
 * Every `format` file the target holds, with whether it is multi-format:
 * - a file: that file (multi-format when a path segment is `user_events_multi`);
 * - a directory holding `user_events` and/or `user_events_multi` (tracefs `events/`): their `<event>/format`;
 * - any other directory: its `<event>/format` files (tracefs `events/user_events`) and `*.format` files.
 */
async function findFormatFiles(abs: string, display: string): Promise<{ path: string; multi: boolean }[]> {
  const fail = (err: unknown): never => {
    const hint = (err as NodeJS.ErrnoException).code === 'EACCES' ? ' (reading tracefs usually needs root)' : '';
    throw new CliError(`--against ${display}: ${describeFsError(err)}${hint}`);
  };
  const st = await stat(abs).catch(fail);
  const isMulti = (p: string) => p.split(sep).includes(MULTI);
  if (!st.isDirectory()) return [{ path: abs, multi: isMulti(abs) }];

  const eventDirs = async (dir: string): Promise<string[]> => {
    const names = (await readdir(dir).catch(fail)).sort();
    const out: string[] = [];
    for (const n of names) {
      const format = join(dir, n, 'format');
      const s = await stat(format).catch(() => undefined);
      if (s?.isFile()) out.push(format);
    }
    return out;
  };
  const names = (await readdir(abs).catch(fail)).sort();
  const found: { path: string; multi: boolean }[] = [];
  const systems = names.filter((n) => n === SINGLE || n === MULTI);
  for (const sys of systems) for (const p of await eventDirs(join(abs, sys))) found.push({ path: p, multi: sys === MULTI });
  if (systems.length === 0) {
    for (const p of await eventDirs(abs)) found.push({ path: p, multi: isMulti(p) });
    for (const n of names.filter((x) => x.endsWith('.format'))) {
      const p = join(abs, n);
      if ((await stat(p).catch(() => undefined))?.isFile()) found.push({ path: p, multi: isMulti(p) });
    }
  }
  const emptyIsFine = [SINGLE, MULTI].includes(basename(abs)) || systems.length > 0;
  if (found.length === 0 && !emptyIsFine) {
    throw new CliError(`--against ${display}: no format files here (expected tracefs events/user_events, <event>/format or *.format)`);
  }
  return found;
}

/** Read the registered events of `--against`. Throws `CliError` (exit 2) for a missing or unreadable target. */
export async function loadTarget(path: string, cwd: string): Promise<LoadedTarget> {
  const abs = resolve(cwd, path);
  const files = await findFormatFiles(abs, path);
  const target: LoadedTarget = { events: [], files: [], errors: [] };
  for (const f of files) {
    const shown = displayPath(cwd, f.path);
    let text: string;
    try {
      text = await readFile(f.path, 'utf8');
    } catch (err) {
      throw new CliError(`--against ${shown}: ${describeFsError(err)}`);
    }
    const r = parseFormatFile(text);
    target.files.push(shown);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    for (const d of errors) target.errors.push(`${shown}:${d.line}: ${d.message}`);
    if (errors.length > 0) continue;
    const { name, id } = f.multi ? splitMultiName(r.name) : { name: r.name, id: undefined };
    target.events.push({ name, fields: r.fields, multiFormat: f.multi, ...(id !== undefined ? { multiId: id } : {}) });
  }
  return target;
}
