// Shared by the security suite: spawn the built CLI (optionally as another user, from a
// world-readable snapshot of bin/ and dist/), and check one-line failures.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../support/temp-dir.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const NOBODY = 65534;
export const IS_ROOT = process.getuid?.() === 0;

export interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

let snapshot: string | undefined;

/**
 * bin/ue-lint.cjs and the dist bundles copied into a world-readable temp dir: a child running
 * as `nobody` can read it, and a concurrent `npm run build` cannot pull it away mid-test.
 */
export function cliSnapshot(): string {
  if (snapshot) return snapshot;
  if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) throw new Error('dist/cli.cjs is missing: run `npm run build` first');
  const dir = tempDir('ue-sec-cli-');
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'bin'), { mode: 0o755 });
  mkdirSync(join(dir, 'dist'), { mode: 0o755 });
  copyFileSync(join(ROOT, 'bin', 'ue-lint.cjs'), join(dir, 'bin', 'ue-lint.cjs'));
  for (const f of readdirSync(join(ROOT, 'dist')).filter((n) => /^cli.*\.cjs(\.cache)?$/.test(n))) copyFileSync(join(ROOT, 'dist', f), join(dir, 'dist', f));
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  for (const f of readdirSync(dir, { recursive: true }) as string[]) chmodSync(join(dir, f), 0o755);
  snapshot = join(dir, 'bin', 'ue-lint.cjs');
  return snapshot;
}

/** Spawn the built CLI; `shell` runs `script` under bash with `$UE_LINT` naming the CLI instead. */
export function spawnCli(
  args: string[],
  opts: { cwd: string; uid?: number; input?: string | Buffer; env?: Record<string, string>; onSpawn?: (pid: number) => void; timeoutMs?: number },
): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliSnapshot(), ...args], {
      cwd: opts.cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr }); });
    child.stdin.end(opts.input ?? '');
    if (child.pid !== undefined) opts.onSpawn?.(child.pid);
  });
}

/** stderr is exactly one `ue-lint: …` line, without a stack trace, and it matches `pattern`. */
export function expectOneLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.replace(/\n$/, '').split('\n');
  expect(lines, `stderr: ${stderr}`).to.have.length(1);
  expect(lines[0]).to.match(/^ue-lint: /);
  expect(lines[0]).to.match(pattern);
  expect(stderr).not.to.match(/^ {4}at /m);
}
