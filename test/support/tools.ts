// Tests that need a program outside Node (gcc, pre-commit, qemu-system-x86_64, chromium):
// on a developer machine without it they are skipped with the reason, so `npm ci && npm
// test` works with only Node and npm. CI sets UE_LINT_CI=1 (.ci/run), where a missing
// tool fails the test instead, so a check can never pass by silently not running.
import { spawnSync } from 'node:child_process';

const found = new Map<string, boolean>();

/** True when `cmd` runs (`cmd --version` exits 0). Cached per process. */
export function hasTool(cmd: string, versionArgs: readonly string[] = ['--version']): boolean {
  let ok = found.get(cmd);
  if (ok === undefined) {
    const r = spawnSync(cmd, versionArgs, { stdio: 'ignore', timeout: 20_000 });
    ok = r.status === 0;
    found.set(cmd, ok);
  }
  return ok;
}

/** True under CI (`UE_LINT_CI=1`), where every external tool must be present. */
export const IN_CI = process.env.UE_LINT_CI === '1';

/**
 * Call from a `before`/`it` with mocha's `this`: skips when `cmd` is missing on a developer
 * machine, throws under CI. `install` says how to get it, e.g. `apt-get install -y pre-commit`.
 */
export function requireTool(ctx: Mocha.Context, cmd: string, install: string, versionArgs?: readonly string[]): void {
  if (hasTool(cmd, versionArgs)) return;
  if (IN_CI) throw new Error(`${cmd} is required under UE_LINT_CI=1 but was not found; ${install}`);
  ctx.skip();
}
