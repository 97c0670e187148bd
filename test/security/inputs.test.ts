// Security (issue 12, "Inputs that must not steer ue-lint"): files outside the repository,
// planted file names, devices and huge files, and user text used as lookup keys.
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { run } from '../cli/fake-io.js';
import { tempDir } from '../support/temp-dir.js';

describe('security: inputs that must not steer ue-lint', function () {
  this.timeout(60_000);

  describe('config search', () => {
    it('stops at the git work-tree root: a config above the checkout cannot silence the lint', async () => {
      const parent = tempDir('ue-sec-cfg-');
      writeFileSync(join(parent, 'ue-lint.config.json'), '{"ignore":["**"],"rules":{"UE006":"off"}}');
      const repo = join(parent, 'checkout');
      mkdirSync(join(repo, '.git'), { recursive: true });
      mkdirSync(join(repo, 'sub'));
      writeFileSync(join(repo, 'sub', 'a.ue'), 'wake u32  pid\n');
      for (const cwd of [repo, join(repo, 'sub')]) {
        expect((await loadConfig(cwd)).path, cwd).to.equal(undefined);
        const r = await run(['lint', '.', '--format', 'compact'], { cwd });
        expect(r.code, r.stderr).to.equal(1);
        expect(r.stdout).to.match(/a\.ue:1:10: error UE006 /);
      }
      // A linked worktree or submodule has a `.git` file: the same boundary.
      const linked = join(parent, 'linked');
      mkdirSync(linked);
      writeFileSync(join(linked, '.git'), 'gitdir: /elsewhere\n');
      expect((await loadConfig(linked)).path).to.equal(undefined);
    });

    it('still finds the config at the work-tree root and in between, and climbs freely outside git', async () => {
      const parent = tempDir('ue-sec-cfg-');
      const repo = join(parent, 'checkout');
      mkdirSync(join(repo, '.git'), { recursive: true });
      mkdirSync(join(repo, 'a', 'b'), { recursive: true });
      writeFileSync(join(repo, '.uelintrc.json'), '{"abi":"v5"}');
      expect((await loadConfig(join(repo, 'a', 'b'))).path).to.equal(join(repo, '.uelintrc.json'));
      const plain = tempDir('ue-sec-nogit-');
      mkdirSync(join(plain, 'x'));
      writeFileSync(join(plain, 'ue-lint.config.json'), '{"abi":"v5"}');
      expect((await loadConfig(join(plain, 'x'))).abi).to.equal('v5');
    });
  });
});
