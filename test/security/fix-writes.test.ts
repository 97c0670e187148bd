// Security (issue 12, `--fix`): what `--fix` refuses to write and what it keeps. Each case
// names the file on one line, exits 2, leaves the file untouched, and still prints the
// file's diagnostics. In-process where the process's own user does not matter; spawned (as
// `nobody` when the tests run as root) where it does.
import { expect } from 'chai';
import fc from 'fast-check';
import {
  chmodSync, chownSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { FixRefusedError, applyFixesToFile, applyEditsToText, fingerprint } from '../../src/files/apply-fixes.js';
import { OwnerNotKeptError, replaceFileAtomic } from '../../src/files/atomic-write.js';
import { run } from '../cli/fake-io.js';
import { tempDir } from '../support/temp-dir.js';
import { IS_ROOT, NOBODY, expectOneLine, spawnCli } from './support.js';

const RUNS = Math.max(1_000, Math.min(Number(process.env.FC_RUNS ?? 10_000), 2_000)); // each run writes a file
const SEED = Number(process.env.FC_SEED ?? 1212);

const BROKEN = 'wake u32  pid\n'; // UE006 with a safe fix
const FIXED = 'wake u32 pid\n';
const digest = (bytes: string | Buffer) => {
  const p = fingerprint();
  p.update(Buffer.from(bytes));
  return p.digest();
};
const tmpFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

/** A git work tree (a `.git` directory is all the boundary check looks for) holding `a.ue`. */
function repo(content = BROKEN): { dir: string; file: string } {
  const dir = tempDir('ue-sec-fix-');
  mkdirSync(join(dir, '.git'));
  const file = join(dir, 'a.ue');
  writeFileSync(file, content);
  return { dir, file };
}

describe('security: what --fix writes', function () {
  this.timeout(120_000);

  describe('only the bytes that were linted', () => {
    it('applyFixesToFile leaves a file that no longer holds the linted bytes untouched', async () => {
      const { dir, file } = repo();
      const edits = [{ line: 1, start: 8, end: 14, replacement: ' pid' }];
      let err: unknown;
      try {
        await applyFixesToFile(file, edits, { expected: digest('wake u32  pod\n') });
      } catch (e) { err = e; }
      expect(err).to.be.instanceOf(FixRefusedError);
      expect((err as Error).message).to.match(/changed while ue-lint was linting it/);
      expect(readFileSync(file, 'utf8')).to.equal(BROKEN);
      expect(tmpFiles(dir)).to.deep.equal([]);
      expect(await applyFixesToFile(file, edits, { expected: digest(BROKEN) })).to.equal(1);
      expect(readFileSync(file, 'utf8')).to.equal(FIXED);
    });

    it('refuses when the file is replaced after it was read and before the rename', async () => {
      const { dir, file } = repo();
      // The producer runs between the read and the commit: play the editor's save there.
      let err: unknown;
      try {
        await replaceFileAtomic(file, async (out) => { await out.write('x'); return true; }, {
          beforeCommit: async () => { throw new FixRefusedError('changed'); },
        });
      } catch (e) { err = e; }
      expect(err).to.be.instanceOf(FixRefusedError);
      expect(readFileSync(file, 'utf8')).to.equal(BROKEN);
      expect(tmpFiles(dir)).to.deep.equal([]);
    });

    it('a file rewritten over and over during `--fix` (an editor saving) is never mangled', async function () {
      // The case: every line's edit computed from one version, applied to another.
      const { dir, file } = repo('');
      const version = (k: number) => Array.from({ length: 30_000 }, (_, i) => `ev${i + k} u32  a${i}; u64 b${i}\n`).join('');
      const fix = (text: string) => text.replace(/u32 {2}/g, 'u32 ');
      const versions = [0, 7, 123].map(version);
      writeFileSync(file, versions[0]!);
      let saving = true;
      let saves = 0;
      const editor = (async () => {
        while (saving) {
          const tmp = join(dir, `.editor-${saves}`);
          writeFileSync(tmp, versions[saves++ % versions.length]!);
          renameSync(tmp, file);
          await new Promise((r) => setTimeout(r, 2));
        }
      })();
      const outcomes = new Set<number | null>();
      for (let i = 0; i < 4 && !outcomes.has(2); i++) {
        const r = await spawnCli(['lint', '--fix', 'a.ue', '--format', 'compact'], { cwd: dir });
        outcomes.add(r.code);
        if (r.code === 2) expectOneLine(r.stderr, /^ue-lint: a\.ue: not fixed: it changed while ue-lint was linting it; run `ue-lint --fix` again$/);
        else expect(r.code, r.stderr).to.equal(0);
        const now = readFileSync(file, 'utf8');
        expect(versions.includes(now) || versions.map(fix).includes(now), 'the file is one whole version, fixed or not').to.equal(true);
      }
      saving = false;
      await editor;
      expect(outcomes.has(2), `saw a refusal (outcomes ${[...outcomes].join(',')}, ${saves} saves)`).to.equal(true);
      expect(tmpFiles(dir)).to.deep.equal([]);
    });
  });

  describe('file metadata', () => {
    it('keeps owner, group and mode (a root `--fix` does not hand a user\'s file to root)', async function () {
      if (!IS_ROOT) this.skip(); // giving a file to another user needs root
      const { dir, file } = repo();
      chownSync(file, NOBODY, NOBODY);
      chmodSync(file, 0o640);
      const r = await run(['lint', '--fix', 'a.ue'], { cwd: dir });
      expect(r.code, r.stderr).to.equal(0);
      expect(readFileSync(file, 'utf8')).to.equal(FIXED);
      const st = statSync(file);
      expect([st.uid, st.gid, st.mode & 0o7777]).to.deep.equal([NOBODY, NOBODY, 0o640]);
    });

    it('refuses when the owner cannot be kept (another user\'s group-writable file), and still prints the diagnostics', async function () {
      if (!IS_ROOT) this.skip(); // needs a file owned by someone else and a child run as nobody
      const { dir, file } = repo();
      chmodSync(dir, 0o777);
      chmodSync(file, 0o666);
      const r = await spawnCli(['lint', '--fix', 'a.ue', '--format', 'compact'], { cwd: dir, uid: NOBODY });
      expect(r.code).to.equal(2);
      expectOneLine(r.stderr, /^ue-lint: a\.ue: not fixed: cannot keep its owner and group \(0:0\)/);
      expect(r.stdout).to.match(/^a\.ue:1:10: error UE006 /);
      expect(readFileSync(file, 'utf8')).to.equal(BROKEN);
      expect(statSync(file).uid).to.equal(0);
      expect(tmpFiles(dir)).to.deep.equal([]);
      // The library says so with its own error type.
      expect(new OwnerNotKeptError(0, 0).code).to.equal('EOWNER');
    });

    it('does not break a hard link: refuses, says so, prints the diagnostics', async () => {
      const { dir, file } = repo();
      linkSync(file, join(dir, 'other-name.ue'));
      const r = await run(['lint', '--fix', 'a.ue', '--format', 'compact'], { cwd: dir });
      expect(r.code).to.equal(2);
      expect(r.stderr).to.equal('ue-lint: a.ue: not fixed: it has 2 hard links, and rewriting it would detach them; fix it by hand or remove the other links\n');
      expect(r.stdout).to.match(/^a\.ue:1:10: error UE006 /);
      expect(readFileSync(file, 'utf8')).to.equal(BROKEN);
      expect(statSync(file).nlink).to.equal(2);
    });

    it('does not rewrite a file without write permission for its owner', async () => {
      const { dir, file } = repo();
      chmodSync(file, 0o444);
      const r = await run(['lint', '--fix', 'a.ue', '--format', 'compact'], { cwd: dir });
      expect(r.code).to.equal(2);
      expect(r.stderr).to.equal('ue-lint: a.ue: not fixed: its owner has no write permission (read-only on purpose?); make it writable to fix it\n');
      expect(r.stdout).to.match(/^a\.ue:1:10: error UE006 /);
      expect(readFileSync(file, 'utf8')).to.equal(BROKEN);
      expect(statSync(file).mode & 0o777).to.equal(0o444);
    });
  });

  describe('symlinks', () => {
    it('does not write through a symlink whose target is outside the git work tree', async () => {
      const outside = tempDir('ue-sec-outside-');
      const victim = join(outside, 'victim.ue');
      writeFileSync(victim, BROKEN);
      const { dir } = repo('wake u32 ok\n');
      symlinkSync(victim, join(dir, 'planted.ue'));
      const r = await run(['lint', '--fix', 'planted.ue', '--format', 'compact'], { cwd: dir });
      expect(r.code).to.equal(2);
      expect(r.stderr).to.match(/^ue-lint: planted\.ue: not fixed: it is a symlink to .*victim\.ue, outside .*; fix the target there if you mean to\n$/);
      expect(r.stdout).to.match(/^planted\.ue:1:10: error UE006 /);
      expect(readFileSync(victim, 'utf8')).to.equal(BROKEN);
    });

    it('also through a symlinked directory, and outside git the working directory is the boundary', async () => {
      const outside = tempDir('ue-sec-outside-');
      writeFileSync(join(outside, 'victim.ue'), BROKEN);
      const work = tempDir('ue-sec-nogit-'); // no .git above a temp dir
      symlinkSync(outside, join(work, 'vendor'));
      const r = await run(['lint', '--fix', 'vendor/victim.ue', '--format', 'compact'], { cwd: work });
      expect(r.code).to.equal(2);
      expect(r.stderr).to.match(/not fixed: it is a symlink to /);
      expect(readFileSync(join(outside, 'victim.ue'), 'utf8')).to.equal(BROKEN);
    });

    it('writes through a symlink whose target is inside the work tree, and keeps the link', async () => {
      const { dir, file } = repo();
      symlinkSync('a.ue', join(dir, 'alias.ue'));
      const r = await run(['lint', '--fix', 'alias.ue'], { cwd: dir });
      expect(r.code, r.stderr).to.equal(0);
      expect(readFileSync(file, 'utf8')).to.equal(FIXED);
      expect(readFileSync(join(dir, 'alias.ue'), 'utf8')).to.equal(FIXED);
    });
  });

  it('a failed write still prints the file\'s diagnostics, then the error (exit 2)', async function () {
    if (!IS_ROOT) this.skip(); // root ignores directory permissions: run the child as nobody
    const { dir, file } = repo();
    chmodSync(file, 0o666);
    chownSync(file, NOBODY, NOBODY);
    chmodSync(dir, 0o555); // no temp file can be created next to it
    try {
      const r = await spawnCli(['lint', '--fix', 'a.ue', '--format', 'compact'], { cwd: dir, uid: NOBODY });
      expect(r.code).to.equal(2);
      expect(r.stdout).to.match(/^a\.ue:1:10: error UE006 /);
      expectOneLine(r.stderr, /^ue-lint: a\.ue: not fixed: permission denied$/);
      expect(readFileSync(file, 'utf8')).to.equal(BROKEN);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it(`applyEditsToText writes exactly what applyFixesToFile writes (BOM, CRLF, last line) (${RUNS} runs)`, async () => {
    const dir = tempDir('ue-sec-diff-');
    const text = fc.array(fc.constantFrom('a  b', 'x u32  a', '\r', '', 'é  ü', '😀 ', ' '), { maxLength: 6 })
      .chain((lines) => fc.tuple(fc.constant(lines), fc.boolean(), fc.boolean()));
    const edit = fc.record({ line: fc.integer({ min: 1, max: 7 }), start: fc.nat(6), len: fc.nat(3), replacement: fc.constantFrom('', ' ', 'X', '\u00e9') });
    let i = 0;
    await fc.assert(fc.asyncProperty(text, fc.array(edit, { maxLength: 4 }), async ([lines, bom, finalNewline], raw) => {
      const body = `${bom ? '\ufeff' : ''}${lines.join('\n')}${finalNewline && lines.length > 0 ? '\n' : ''}`;
      const edits = raw.map((e) => ({ line: e.line, start: e.start, end: e.start + e.len, replacement: e.replacement }))
        .filter((e) => {
          const l = body.split('\n')[e.line - 1];
          if (l === undefined) return false;
          const len = l.replace(/^\ufeff/, '').replace(/\r$/, '').length;
          return e.end <= len;
        });
      const path = join(dir, `f${i++}.ue`);
      writeFileSync(path, body);
      await applyFixesToFile(path, edits);
      expect(readFileSync(path)).to.deep.equal(Buffer.from(applyEditsToText(body, edits).text));
    }), { numRuns: RUNS, seed: SEED });
  });
});
