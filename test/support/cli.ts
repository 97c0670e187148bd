// Run the built CLI (`node bin/ue-lint.cjs`, the artefact users run) in a child process.
// Needs `npm run build` first (`npm test` does it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'ue-lint.cjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `ue-lint ...args` in `cwd`, with `input` on stdin, colours off and a minimal environment. */
export function runCli(args: readonly string[], opts: { cwd: string; input?: string | Buffer; env?: Record<string, string> }): CliRun {
  if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) throw new Error('dist/cli.cjs is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
