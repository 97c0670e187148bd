// `npm run test:kernel` where it cannot run: one line saying why, exit 2, never a silent pass.
import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { tempDir } from '../support/temp-dir.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function run(env: Record<string, string | undefined>): { status: number | null; lines: string[] } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'test/kernel/run.ts')], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, UE_LINT_KERNEL: undefined, ...env },
    timeout: 60_000,
  });
  return { status: r.status, lines: `${r.stdout}${r.stderr}`.split('\n').filter((l) => l !== '') };
}

describe('kernel test: npm run test:kernel without its prerequisites', function () {
  this.timeout(60_000);
  it('exits 2 with one line when UE_LINT_KERNEL names no file', () => {
    const r = run({ UE_LINT_KERNEL: join(REPO, 'no-such-bzImage') });
    expect(r.status).to.equal(2);
    expect(r.lines).to.have.length(1);
    expect(r.lines[0]).to.match(/^kernel: cannot run the live-kernel check: no kernel image: UE_LINT_KERNEL=.*no-such-bzImage does not exist$/);
  });

  it('exits 2 with one line when QEMU is not on the PATH', () => {
    // A PATH holding only node: no qemu-system-x86_64, no gcc.
    const bin = tempDir('ue-kernel-path-');
    symlinkSync(process.execPath, join(bin, 'node'));
    const r = run({ UE_LINT_KERNEL: join(REPO, 'package.json'), PATH: bin });
    expect(r.status).to.equal(2);
    expect(r.lines).to.deep.equal(['kernel: cannot run the live-kernel check: no qemu-system-x86_64: apt-get install -y qemu-system-x86']);
  });
});
